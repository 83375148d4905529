//! The parts of the embeddable widget: the frame of a widget page, the
//! one-line counter, and the "Embed" action on each card.

use crate::browser::clock::{provide_clock, use_clock};
use crate::components::{
    clock_toggle::ClockToggle, island::Island, use_content, use_lang, use_live, use_page,
};
use crate::core::embed::View;
use crate::core::island::IslandKind;
use crate::core::model::{Person, TimerSpan};
use crate::core::route::Route;
use leptos::prelude::*;

/// Marks a tree rendered for a partner's iframe, through context.
#[derive(Clone, Copy)]
struct InWidget;

/// Whether the component is rendered inside a widget page.
pub fn in_widget() -> bool {
    use_context::<InWidget>().is_some()
}

/// A widget page's content: the view, a pause button where timers tick
/// (WCAG 2.2.2), and a credit that links to the campaign.
#[component]
pub fn Widget(
    /// Which view this page is.
    view: View<'static>,
    /// Whether the view has second-by-second timers.
    #[prop(optional)]
    ticking: bool,
    /// Whether to show the credit line (a one-line counter's name links already).
    #[prop(default = true)]
    credit: bool,
    /// The view itself.
    children: Children,
) -> impl IntoView {
    let t = use_page();
    provide_clock(true);
    provide_context(InWidget);
    view! {
        <div class="lb-widget" data-view=view.name()>
            {ticking.then(|| view! { <Island kind=IslandKind::ClockToggle><ClockToggle/></Island> })}
            {children()}
            {credit
                .then(|| {
                    view! {
                        <p class="lb-widget__credit">
                            <a href="./">{t.widget_credit}</a>
                        </p>
                    }
                })}
        </div>
    }
}

/// "Robert Gilman: detained 1,771 days" on one line, the days live while held.
#[component]
pub fn Counter(
    /// Whom the line is about.
    person: &'static Person,
) -> impl IntoView {
    let t = use_page();
    let spec = person.timer;
    let days = match spec.end {
        None => view! {
            <Island kind=IslandKind::Counter case=person.id>
                <CounterDays spec/>
            </Island>
        }
        .into_any(),
        Some(end) => {
            let days = spec.elapsed(end).total_days;
            t.live
                .counter(days, spec.day_known, spec.standing)
                .into_any()
        }
    };
    view! {
        <div class="lb-counter">
            <a class="lb-counter__name" href=Route::Case(person.id).href()>{person.name}</a>
            ": "
            {days}
        </div>
    }
}

/// "detained 1,771 days", counted on the shared clock.
#[component]
pub fn CounterDays(
    /// The detained person's clock.
    spec: &'static TimerSpan,
) -> impl IntoView {
    let now = use_clock().subscribe();
    let l = use_live();
    move || {
        let days = spec.elapsed(now.get()).total_days;
        l.counter(days, spec.day_known, spec.standing)
    }
}

/// "Embed": the snippets that put this card, or its one-line counter, on
/// another site. A native disclosure, so it opens without script.
#[component]
pub fn EmbedAction(
    /// Whose card to embed.
    person: &'static Person,
) -> impl IntoView {
    let t = use_page();
    let link = t.widget_case_link(person.name);
    let site = use_content().campaign.url;
    let lang = use_lang();
    let card = View::Card(person.id).snippet(site, lang, &link);
    let counter = View::Counter(person.id).snippet(site, lang, &link);
    view! {
        <details class="lb-embed">
            <summary class="lb-embed__toggle">
                {t.embed}
                <span class="lb-sr-only">": " {person.name}</span>
            </summary>
            <p>{t.embed_card}</p>
            <Snippet id=format!("lb-embed-card-{}", person.id) code=card/>
            <p>{t.embed_counter}</p>
            <Snippet id=format!("lb-embed-counter-{}", person.id) code=counter/>
            <p class="lb-embed__options">{t.embed_options}</p>
        </details>
    }
}

/// "Embed" for a whole section (the timeline, the petition): its snippet, on
/// the site only, never inside a widget.
#[component]
pub fn EmbedSection(
    /// The view the snippet shows.
    what: View<'static>,
    /// What the section is, after "Embed" for screen readers: "the timeline".
    name: &'static str,
    /// The line above the snippet.
    intro: &'static str,
    /// The readable link inside the partner's element.
    fallback: &'static str,
) -> impl IntoView {
    let t = use_page();
    (!in_widget()).then(|| {
        view! {
            <details class="lb-embed">
                <summary class="lb-embed__toggle">
                    {t.embed}
                    <span class="lb-sr-only">": " {name}</span>
                </summary>
                <p>{intro}</p>
                <Snippet id=format!("lb-embed-{}", what.name()) code=what.snippet(use_content().campaign.url, use_lang(), fallback)/>
                <p class="lb-embed__options">{t.embed_options}</p>
            </details>
        }
    })
}

/// Code to paste, with a copy button and a line that says it worked. The
/// button stays hidden until the page's script can make it work.
#[component]
fn Snippet(
    /// The id of the code element, which the button names.
    id: String,
    /// The snippet.
    code: String,
) -> impl IntoView {
    let t = use_page();
    view! {
        <div class="lb-snippet">
            <pre class="lb-snippet__code"><code id=id.clone()>{code}</code></pre>
            <button type="button" class="lb-snippet__copy" data-copy=id hidden>
                {t.copy}
            </button>
            <span class="lb-snippet__status" role="status"></span>
        </div>
    }
}
