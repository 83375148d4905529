//! The page, for a visitor on a phone: the ask with the people still held
//! and the button to sign first, the petition next, then the campaign's
//! people as compact cards, the timeline, every other case in a line each,
//! and the news, on one shared clock. Rendered at build time into `index.html`; the browser then
//! brings its live parts (islands) to life.

use crate::browser::clock::provide_clock;
use crate::components::{
    ask::Ask,
    case_list::{CaseList, TrackedList},
    clock_toggle::ClockToggle,
    explainer::Explainer,
    footer::Footer,
    island::Island,
    news::NewsList,
    petition::Petition,
    switcher::LangSwitcher,
    timeline::Timeline,
    use_content, use_page,
};
use crate::core::island::IslandKind;
use leptos::prelude::*;

/// The whole campaign page.
#[component]
pub fn App() -> impl IntoView {
    let t = use_page();
    provide_clock(true);
    let c = use_content();
    let (campaign, tracked): (Vec<_>, Vec<_>) = c.people.iter().partition(|p| p.campaign);
    view! {
        <a class="lb-skip" href="#lb-cases">{t.skip_to_cases}</a>
        <LangSwitcher path=""/>
        <Ask campaign=c.campaign people=c.people/>
        <main class="lb-main" id="lb-cases">
            <Petition/>
            <Island kind=IslandKind::ClockToggle>
                <ClockToggle/>
            </Island>
            <CaseList heading=t.campaign_cases_heading id="lb-campaign" featured=true compact=true people=campaign/>
            <Timeline/>
            <TrackedList people=tracked/>
            <Explainer/>
            <NewsList/>
        </main>
        <Footer/>
    }
}
