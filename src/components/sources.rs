use crate::core::model::Source;
use crate::core::text;
use leptos::prelude::*;

/// Where the facts above come from: title, outlet and date of each source.
#[component]
pub fn Sources(
    /// The sources, in the data file's order.
    sources: &'static [Source],
) -> impl IntoView {
    // A plain block with a label, not a region with a heading: dozens of
    // "Sources" landmarks and headings would bury the page's real outline in a
    // screen reader's lists.
    view! {
        <div class="lb-sources">
            <p class="lb-sources__heading">{text::SOURCES}</p>
            <ul>
                {sources
                    .iter()
                    .map(|s| {
                        view! {
                            <li>
                                <a href=s.url rel="noopener noreferrer">{s.title}</a>
                                <span class="lb-sources__meta">{text::source_line(s.outlet, s.date)}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}
