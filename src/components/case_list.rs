use crate::components::card::Card;
use crate::core::model::Person;
use leptos::prelude::*;

/// A titled section of profile cards.
#[component]
pub fn CaseList(
    /// Section heading, also its accessible name.
    heading: &'static str,
    /// Anchor id of the section.
    id: &'static str,
    /// Optional line under the heading.
    #[prop(optional)]
    intro: Option<&'static str>,
    /// The campaign's own cases, shown larger.
    #[prop(optional)]
    featured: bool,
    /// The people, in data-file order.
    people: Vec<&'static Person>,
) -> impl IntoView {
    let heading_id = format!("{id}-heading");
    let labelled_by = heading_id.clone();
    view! {
        <section class=if featured { "lb-cases lb-cases--featured" } else { "lb-cases" } id=id aria-labelledby=labelled_by>
            <h2 class="lb-cases__heading" id=heading_id>{heading}</h2>
            <p class="lb-cases__intro">{intro}</p>
            <ul class="lb-cases__list" role="list">
                {people.into_iter().map(|person| view! { <li><Card person/></li> }).collect_view()}
            </ul>
        </section>
    }
}
