use crate::model::{still_left_behind, Campaign, Person};
use crate::route::Route;
use crate::text;
use leptos::prelude::*;

/// The campaign's ask, heading the page: who is still left behind and why
/// the designation matters.
#[component]
pub fn Ask(
    /// The campaign's words from the data file.
    campaign: &'static Campaign,
    /// Everyone in the data; the campaign's detained people are named from it.
    people: &'static [Person],
) -> impl IntoView {
    view! {
        <header class="lb-ask">
            <h1 class="lb-ask__heading">{campaign.heading}</h1>
            <p class="lb-ask__lead">{campaign.lead}</p>
            <h2 class="lb-ask__subheading">{text::LEFT_BEHIND_HEADING}</h2>
            <ul class="lb-ask__names" role="list">
                {still_left_behind(people)
                    .map(|p| view! { <li><a href=Route::Case(p.id).href()>{p.name}</a></li> })
                    .collect_view()}
            </ul>
            <p>{campaign.ask}</p>
            <p>
                <a href="#lb-designation">{text::DESIGNATION_LINK}</a>
            </p>
            <p class="lb-ask__asof">{text::information_as_of(campaign.as_of)}</p>
        </header>
    }
}
