use crate::components::exchange_link::ExchangeLink;
use crate::core::model::{came_home, still_left_behind, Campaign, Person, Standing};
use crate::core::route::Route;
use crate::core::text;
use leptos::prelude::*;

/// The campaign's ask, heading the page. Every sentence naming who is held,
/// who came home and who is not designated is worded from the statuses, so a
/// change of status in the data leaves nothing here wrong.
#[component]
pub fn Ask(
    /// The campaign's words from the data file.
    campaign: &'static Campaign,
    /// Everyone in the data; the campaign's people are named from it.
    people: &'static [Person],
) -> impl IntoView {
    view! {
        <header class="lb-ask">
            <h1 class="lb-ask__heading">{campaign.heading}</h1>
            <p class="lb-ask__lead">{text::campaign_lead(people)}</p>
            <h2 class="lb-ask__subheading">{text::LEFT_BEHIND_HEADING}</h2>
            <ul class="lb-ask__names" role="list">
                {still_left_behind(people)
                    .map(|p| {
                        let qualifier = match p.standing() {
                            Standing::LastReported(d) => Some(format!(" ({})", text::last_reported(d))),
                            _ => None,
                        };
                        view! { <li><a href=Route::Case(p.id).href()>{p.name}</a>{qualifier}</li> }
                    })
                    .collect_view()}
            </ul>
            <CameHome people/>
            <p>{campaign.why}</p>
            <p>
                <a href="#lb-designation">{text::DESIGNATION_LINK}</a>
            </p>
            <p class="lb-ask__asof">{text::information_as_of(campaign.as_of, campaign.checked)}</p>
        </header>
    }
}

/// The campaign's people who came home, each with the day and a link to how.
#[component]
fn CameHome(
    /// Everyone in the data.
    people: &'static [Person],
) -> impl IntoView {
    let home: Vec<_> = came_home(people).collect();
    (!home.is_empty()).then(|| {
        view! {
            <h2 class="lb-ask__subheading">{text::HOME_HEADING}</h2>
            <ul class="lb-ask__names" role="list">
                {home
                    .into_iter()
                    .map(|(p, date, exchange)| {
                        view! {
                            <li>
                                <a href=Route::Case(p.id).href()>{p.name}</a>
                                {text::home_since(date)}
                                {exchange.map(|id| view! { " · " <ExchangeLink id/> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    })
}
