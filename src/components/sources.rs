use crate::model::Person;
use crate::text;
use leptos::prelude::*;

/// Where every fact on the card comes from.
#[component]
pub fn Sources(
    /// Whose sources to list.
    person: &'static Person,
) -> impl IntoView {
    // A plain block, not a labelled region: twenty "Sources" landmarks would
    // only clutter a screen reader's landmark list.
    view! {
        <div class="lb-card__sources">
            <h4 class="lb-card__subheading">{text::SOURCES}</h4>
            <ul>
                {person
                    .sources
                    .iter()
                    .map(|s| {
                        view! {
                            <li>
                                <a href=s.url rel="noopener noreferrer">{s.title}</a>
                                <span class="lb-card__source-meta">{text::source_line(s.outlet, s.date)}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}
