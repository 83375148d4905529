use crate::model::Source;
use crate::text;
use leptos::prelude::*;

/// Where the facts above come from: title, outlet and date of each source.
#[component]
pub fn Sources(
    /// The sources, in the data file's order.
    sources: &'static [Source],
) -> impl IntoView {
    // A plain block, not a labelled region: dozens of "Sources" landmarks would
    // only clutter a screen reader's landmark list.
    view! {
        <div class="lb-sources">
            <h4 class="lb-sources__heading">{text::SOURCES}</h4>
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
