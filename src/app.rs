//! The page: the campaign's ask, then the cards, on one shared clock.

use crate::clock::provide_clock;
use crate::components::{
    ask::Ask, case_list::CaseList, clock_toggle::ClockToggle, explainer::Explainer, news::NewsList,
    timeline::Timeline,
};
use crate::data::{CAMPAIGN, PEOPLE};
use crate::route::Route;
use crate::text;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Mounts the app on `<body>`.
pub fn mount() {
    leptos::mount::mount_to_body(App);
}

/// The whole campaign page.
#[component]
pub fn App() -> impl IntoView {
    // Visitors who ask for less motion get still numbers until they press play.
    provide_clock(!prefers_reduced_motion());
    follow_deep_links();
    let (campaign, tracked): (Vec<_>, Vec<_>) = PEOPLE.iter().partition(|p| p.campaign);
    view! {
        <a class="lb-skip" href="#lb-cases">{text::SKIP_TO_CASES}</a>
        <Ask campaign=&CAMPAIGN people=PEOPLE/>
        <main class="lb-main" id="lb-cases">
            <ClockToggle/>
            <CaseList heading=text::CAMPAIGN_CASES_HEADING id="lb-campaign" featured=true people=campaign/>
            <Timeline/>
            <Explainer/>
            <CaseList
                heading=text::TRACKED_CASES_HEADING
                id="lb-tracked"
                intro=text::TRACKED_CASES_INTRO
                people=tracked
            />
            <NewsList/>
        </main>
    }
}

/// Scrolls to and focuses the target of `#/case/<id>` or `#/exchange/<id>`, on load
/// and on every hash change.
fn follow_deep_links() {
    let go = || {
        let hash = window().location().hash().unwrap_or_default();
        let Some(id) = Route::parse(&hash).target_id() else {
            return;
        };
        // Focusing scrolls the card into view; every target is an HTML element.
        if let Some(el) = document().get_element_by_id(&id) {
            let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    };
    // The cards exist once the first render is done: go on the next frame.
    request_animation_frame(go);
    let listener = window_event_listener(ev::hashchange, move |_| go());
    on_cleanup(move || listener.remove());
}

fn prefers_reduced_motion() -> bool {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}
