use crate::model::Person;
use crate::text;
use leptos::prelude::*;

/// Where every fact on the card comes from.
#[component]
pub fn Sources(
    /// Whose sources to list.
    person: &'static Person,
) -> impl IntoView {
    let heading_id = format!("{}-sources", person.anchor());
    let labelled_by = heading_id.clone();
    view! {
        <section class="lb-card__sources" aria-labelledby=labelled_by>
            <h4 class="lb-card__subheading" id=heading_id>{text::SOURCES}</h4>
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
        </section>
    }
}
