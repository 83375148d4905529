use crate::components::{
    exchange_link::ExchangeLink, island::Island, timer::DayCount, use_content, use_page,
    words::Words,
};
use crate::core::island::IslandKind;
use crate::core::model::{came_home, still_left_behind, Campaign, Person, Standing};
use crate::core::route::{Route, PETITION_ANCHOR};
use leptos::prelude::*;

/// The campaign's ask, heading the page and filling a phone's first screen:
/// the ask, everyone the campaign speaks for who is still held with their
/// day count, and the button to the petition. Every sentence naming people
/// is worded from the statuses, so a change of status in the data leaves
/// nothing here wrong.
#[component]
pub fn Ask(
    /// The campaign's words from the data file.
    campaign: &'static Campaign,
    /// Everyone in the data; the campaign's people are named from it.
    people: &'static [Person],
) -> impl IntoView {
    let t = use_page();
    view! {
        <header class="lb-ask">
            <h1 class="lb-ask__heading"><Words text=campaign.heading english=campaign.in_english("heading")/></h1>
            <p class="lb-ask__lead" data-testid="ask-lead">{t.hero_ask(people)}</p>
            <h2 class="lb-ask__subheading" id="lb-held-heading">{t.left_behind_heading}</h2>
            <ul class="lb-ask__held" role="list" aria-labelledby="lb-held-heading">
                {still_left_behind(people).map(|person| view! { <Held person/> }).collect_view()}
            </ul>
            <a class="lb-button lb-ask__sign" href=format!("#{PETITION_ANCHOR}")>{use_content().petition.heading}</a>
            <CameHome people/>
            <p class="lb-ask__asof">{t.information_as_of(campaign.as_of, campaign.checked)}</p>
        </header>
    }
}

/// One person still held: their name, what their case is, and the days.
#[component]
fn Held(
    /// The person, detained.
    person: &'static Person,
) -> impl IntoView {
    let t = use_page();
    let spec = person.timer;
    let last_reported = match person.standing() {
        Standing::LastReported(d) => Some(t.live.last_reported(d)),
        _ => None,
    };
    view! {
        <li class="lb-held" data-testid="held-person">
            <a class="lb-held__name" href=Route::Case(person.id).href()>{person.name}</a>
            <p class="lb-held__line"><Words text=person.tagline english=person.in_english("tagline")/></p>
            <p class="lb-held__label">{t.live.timer_label(spec.standing)}</p>
            <Island kind=IslandKind::Days case=person.id>
                <DayCount spec/>
            </Island>
            {last_reported.map(|line| view! { <p class="lb-held__line">{line}</p> })}
        </li>
    }
}

/// The campaign's people who came home, each with the day and a link to how.
#[component]
fn CameHome(
    /// Everyone in the data.
    people: &'static [Person],
) -> impl IntoView {
    let t = use_page();
    let home: Vec<_> = came_home(people).collect();
    (!home.is_empty()).then(|| {
        view! {
            <h2 class="lb-ask__subheading">{t.home_heading}</h2>
            <ul class="lb-ask__home" role="list">
                {home
                    .into_iter()
                    .map(|(p, date, exchange)| {
                        view! {
                            <li>
                                <a href=Route::Case(p.id).href()>{p.name}</a>
                                {t.home_since(date)}
                                {exchange.map(|id| view! { " · " <ExchangeLink id/> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    })
}
