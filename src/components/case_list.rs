use crate::components::{badge::Badge, card::Card, island::Island, timer::DayCount, use_page};
use crate::core::island::IslandKind;
use crate::core::model::Person;
use crate::core::route::case_page;
use leptos::prelude::*;

/// The people still detained first, then those who came home, each group in
/// data-file order.
fn held_first(people: Vec<&'static Person>) -> impl Iterator<Item = &'static Person> {
    let (held, home): (Vec<_>, Vec<_>) = people.into_iter().partition(|p| p.is_detained());
    held.into_iter().chain(home)
}

/// A titled section of profile cards; compact, those still held first.
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
    /// Compact cards, each linking to its full record, those still held first.
    #[prop(optional)]
    compact: bool,
    /// The people, in data-file order.
    people: Vec<&'static Person>,
) -> impl IntoView {
    // A partner's widget keeps the data file's order, which its `data-cases` follows.
    let people: Vec<_> = if compact {
        held_first(people).collect()
    } else {
        people
    };
    let heading_id = format!("{id}-heading");
    let labelled_by = heading_id.clone();
    view! {
        <section class=if featured { "lb-cases lb-cases--featured" } else { "lb-cases" } id=id aria-labelledby=labelled_by>
            <h2 class="lb-cases__heading" id=heading_id>{heading}</h2>
            {intro.map(|intro| view! { <p class="lb-cases__intro">{intro}</p> })}
            <ul class="lb-cases__list" role="list">
                {people.into_iter().map(|person| view! { <li><Card person compact/></li> }).collect_view()}
            </ul>
        </section>
    }
}

/// Everyone the campaign does not lead with, one line each: name, status,
/// days, and the link to the full record. Each line carries the card's
/// anchor, so `#/case/<id>` links still land on the person.
#[component]
pub fn TrackedList(
    /// The people, in data-file order.
    people: Vec<&'static Person>,
) -> impl IntoView {
    let t = use_page();
    view! {
        <section class="lb-cases" id="lb-tracked" aria-labelledby="lb-tracked-heading">
            <h2 class="lb-cases__heading" id="lb-tracked-heading">{t.tracked_cases_heading}</h2>
            <p class="lb-cases__intro">{t.tracked_cases_intro}</p>
            <ul class="lb-tracked" role="list">
                {held_first(people).map(|person| view! { <Tracked person/> }).collect_view()}
            </ul>
        </section>
    }
}

/// One tracked case's line, all of it the link to the full record.
#[component]
fn Tracked(
    /// The person.
    person: &'static Person,
) -> impl IntoView {
    let t = use_page();
    let spec = person.timer;
    let days = match spec.end {
        None => view! { <Island kind=IslandKind::Days case=person.id><DayCount spec/></Island> }
            .into_any(),
        Some(end) => {
            view! { <p class="lb-days">{t.live.total_days(&spec.elapsed(end), spec.day_known)}</p> }
                .into_any()
        }
    };
    view! {
        <li class="lb-tracked__item" id=person.anchor() tabindex="-1" data-case=person.id>
            <a class="lb-tracked__link" href=case_page(person.id)>
                <span class="lb-tracked__name">{person.name}</span>
                <Badge standing=spec.standing/>
                <div class="lb-tracked__days">{t.live.timer_label(spec.standing)} " " {days}</div>
            </a>
        </li>
    }
}
