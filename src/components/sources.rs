use crate::components::use_page;
use crate::core::model::Source;
use leptos::either::Either;
use leptos::prelude::*;

/// Where the facts above come from: title, outlet and date of each source;
/// folded behind "Sources (N)" where they would bury what they support.
#[component]
pub fn Sources(
    /// The sources, in the data file's order.
    sources: &'static [Source],
    /// Shows the list only when asked for.
    #[prop(optional)]
    folded: bool,
) -> impl IntoView {
    let t = use_page();
    let list = view! {
        <ul>
            {sources
                .iter()
                .map(|s| {
                    view! {
                        <li>
                            <a href=s.url rel="noopener noreferrer">{s.title}</a>
                            <span class="lb-sources__meta">{t.source_line(s.outlet, s.date)}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    };
    // A plain block with a label, not a region with a heading: dozens of
    // "Sources" landmarks and headings would bury the page's real outline in a
    // screen reader's lists.
    if folded {
        Either::Left(view! {
            <details class="lb-sources">
                <summary class="lb-sources__heading">{t.sources_count(sources.len())}</summary>
                {list}
            </details>
        })
    } else {
        Either::Right(view! {
            <div class="lb-sources">
                <p class="lb-sources__heading">{t.sources}</p>
                {list}
            </div>
        })
    }
}
