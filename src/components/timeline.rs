use crate::browser::{
    clock::use_clock,
    dom::{on_screen, write},
};
use crate::components::{
    island::Island, sources::Sources, use_content, use_live, use_page, widget::EmbedSection,
    words::Words,
};
use crate::core::data::LAST_EXCHANGE;
use crate::core::embed::View;
use crate::core::island::IslandKind;
use crate::core::model::{Exchange, Party, RECENT_SINCE};
use crate::core::route::{Route, TIMELINE_ANCHOR};
use crate::core::text;
use leptos::either::Either;
use leptos::prelude::*;

/// Which events the timeline shows; the list's `data-filter` attribute and
/// CSS do the hiding, so switching touches one attribute, not every event,
/// and the first view needs no script.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Filter {
    All,
    Recent,
    Ours,
}

impl Filter {
    fn key(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::Recent => "recent",
            Filter::Ours => "ours",
        }
    }
}

/// The id of the timeline's list, whose `data-filter` the filter sets.
pub const LIST_ID: &str = "lb-timeline-list";

/// The campaign's historical argument: every exchange since 1962, oldest
/// first, ending with a live "now" entry.
#[component]
pub fn Timeline() -> impl IntoView {
    let t = use_page();
    view! {
        <section class="lb-timeline" id=TIMELINE_ANCHOR aria-labelledby="lb-timeline-heading">
            <h2 class="lb-cases__heading" id="lb-timeline-heading">{t.timeline_heading}</h2>
            <p class="lb-cases__intro">{t.timeline_intro}</p>
            <EmbedSection
                what=View::Timeline
                name=t.embed_timeline_name
                intro=t.embed_timeline
                fallback=t.widget_timeline
            />
            <Island kind=IslandKind::Filter>
                <TimelineFilter/>
            </Island>
            <ol class="lb-timeline__list" id=LIST_ID data-filter=Filter::All.key()>
                {use_content().exchanges.iter().map(|exchange| view! { <Event exchange/> }).collect_view()}
                <Now/>
            </ol>
        </section>
    }
}

/// All / since `RECENT_SINCE` / involving our people, as radio buttons.
/// Without script they would do nothing, so they stay hidden until the page's
/// script shows them and sets the list's `data-filter` on each choice (a few
/// lines of JavaScript in `src/islands/`, lighter than a mounted component).
#[component]
fn TimelineFilter() -> impl IntoView {
    let t = use_page();
    view! {
        <fieldset class="lb-filter" hidden>
            <legend>{t.filter_legend}</legend>
            {[
                (Filter::All, t.filter_all),
                (Filter::Recent, t.filter_recent),
                (Filter::Ours, t.filter_ours),
            ]
                .into_iter()
                .map(|(value, label)| {
                    view! {
                        <label class="lb-filter__option">
                            <input
                                type="radio"
                                name="lb-filter"
                                value=value.key()
                                checked=value == Filter::All
                            />
                            {label}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// One exchange, compact: when and where and who came west, with what went
/// east, what happened and the sources a tap away.
#[component]
fn Event(
    /// The exchange shown.
    exchange: &'static Exchange,
) -> impl IntoView {
    let t = use_page();
    let anchor = exchange.anchor();
    let when = t.date_span(exchange.date, exchange.end_date);
    let east = if exchange.to_east.is_empty() {
        Either::Left(view! { <p>{t.nothing_in_return}</p> })
    } else {
        Either::Right(view! { <Side exchange side=Sides::ToEast/> })
    };
    let words =
        |text: &'static str, key: &str| view! { <Words text english=exchange.in_english(key)/> };
    let note = move |note: Option<&'static str>, key: &'static str| {
        note.map(|text| view! { <p class="lb-event__note">{words(text, key)}</p> })
    };
    view! {
        <li
            class="lb-event"
            id=anchor
            tabindex="-1"
            data-recent=(exchange.date.year >= RECENT_SINCE).then_some("")
            data-ours=exchange.involves_our_people().then_some("")
        >
            <h3 class="lb-event__title">
                <a href=Route::Exchange(exchange.id).href()>
                    <time datetime=exchange.date.iso()>{when.clone()}</time>
                </a>
                " · "
                {exchange.release_only.then_some(t.release)}
                {exchange.release_only.then_some(": ")}
                {words(exchange.place, "place")}
            </h3>
            <div class="lb-event__west">
                <h4 class="lb-event__side">{t.to_west}</h4>
                <Side exchange side=Sides::ToWest/>
            </div>
            <details class="lb-event__more">
                <summary aria-label=t.details_of(&when)>{t.exchange_details}</summary>
                {note(exchange.date_note, "date_note")}
                <h4 class="lb-event__side">{t.to_east}</h4>
                {east}
                <p class="lb-event__summary">{words(exchange.summary, "summary")}</p>
                {note(exchange.note, "note")}
                <Sources sources=exchange.sources/>
            </details>
        </li>
    }
}

/// Which way an exchange released people.
#[derive(Clone, Copy)]
enum Sides {
    ToWest,
    ToEast,
}

/// The people released one way; our people link to their cards with how
/// long they had been held.
#[component]
fn Side(
    /// The exchange.
    exchange: &'static Exchange,
    /// Which way.
    side: Sides,
) -> impl IntoView {
    let t = use_page();
    let people = use_content().people;
    let (parties, key) = match side {
        Sides::ToWest => (exchange.to_west, "to_west"),
        Sides::ToEast => (exchange.to_east, "to_east"),
    };
    let english = move |i: usize, field: &str| exchange.in_english(&format!("{key}.{i}.{field}"));
    let item = move |(i, party): (usize, &'static Party)| match party.case.map(|i| &people[i]) {
        Some(person) => {
            let span = person.timer;
            let held = span
                .end
                .map(|end| t.held(span.elapsed(end).total_days, span.day_known));
            Either::Left(view! {
                <li class="lb-party lb-party--ours">
                    <a href=Route::Case(person.id).href() lang=english(i, "name").then_some("en")>{person.name}</a>
                    {held}
                </li>
            })
        }
        None => Either::Right(view! {
            <li class="lb-party">
                {if english(i, "name") {
                    Either::Left(view! { <span lang="en">{party.name}</span> })
                } else {
                    Either::Right(party.name)
                }}
                <span class="lb-party__note">{party.note.map(|text| view! { <Words text english=english(i, "note")/> })}</span>
            </li>
        }),
    };
    view! { <ul class="lb-event__people">{parties.iter().enumerate().map(item).collect_view()}</ul> }
}

/// The timeline's last entry, live: how many are still held and how long
/// since Americans last came home.
#[component]
fn Now() -> impl IntoView {
    let t = use_page();
    let detained = use_content()
        .people
        .iter()
        .filter(|p| p.is_detained())
        .count();
    view! {
        <li class="lb-event lb-event--now" id="exchange-now" tabindex="-1" aria-labelledby="exchange-now-title">
            <h3 class="lb-event__title" id="exchange-now-title">{t.now}</h3>
            <p>{t.still_detained(detained)}</p>
            <Island kind=IslandKind::NowClock>
                <SinceLastExchange/>
            </Island>
        </li>
    }
}

/// How long since the last exchange that freed Americans, ticking.
#[component]
pub fn SinceLastExchange() -> impl IntoView {
    let clock = use_clock();
    let l = use_live();
    LAST_EXCHANGE.map(|ex| {
        let shown = move |now| {
            let e = ex.elapsed(now);
            format!("{} {}", l.ymd(&e, true), text::hms(&e))
        };
        let line = NodeRef::new();
        // Rewritten only while on screen (see `on_screen`).
        let seen = on_screen(line, Box::new(move || write(line, &shown(clock.now()))));
        clock.on_tick(move |now| {
            if seen() {
                write(line, &shown(now));
            }
        });
        view! {
            <p>
                {l.since_last_exchange} ": "
                <a href=Route::Exchange(ex.id).href()>{l.date(ex.date)}</a>
            </p>
            <p class="lb-now__clock" aria-hidden="true" node_ref=line>{shown(clock.now())}</p>
        }
    })
}
