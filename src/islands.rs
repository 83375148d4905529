//! The browser entry: the page arrives prerendered, and the WASM mounts only
//! its live parts, each where an `Island` marked it, on one shared clock.

use crate::clock::{provide_clock, Clock};
use crate::components::{
    clock_toggle::ClockToggle,
    left_behind::LeftBehind,
    petition::{PetitionCount, PetitionForm},
    timeline::{SinceLastExchange, TimelineFilter},
    timer::Timer,
};
use crate::data::clock_of;
use crate::route::Route;
use leptos::ev;
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// Starts the clock, mounts every island and follows deep links.
pub fn start() {
    let owner = Owner::new();
    // Visitors who ask for less motion get still numbers until they press play.
    let clock = owner.with(|| provide_clock(!prefers_reduced_motion()));
    // The clock lives as long as the page.
    std::mem::forget(owner);
    let Ok(islands) = document().query_selector_all("[data-island]") else {
        return;
    };
    for i in 0..islands.length() {
        if let Some(el) = islands.item(i) {
            mount_island(el.unchecked_into(), clock);
        }
    }
    follow_deep_links();
}

/// Replaces one island's prerendered markup with its live component.
fn mount_island(el: HtmlElement, clock: Clock) {
    let kind = el.get_attribute("data-island").unwrap_or_default();
    let spec = el.get_attribute("data-case").as_deref().and_then(clock_of);
    // Same task as the mount below, so the browser never paints it empty.
    el.set_inner_html("");
    let with_clock = move || provide_context(clock);
    match (kind.as_str(), spec) {
        ("timer", Some(spec)) => mount_to(el, move || {
            with_clock();
            view! { <Timer spec/> }
        })
        .forget(),
        ("left-behind", Some(spec)) => mount_to(el, move || {
            with_clock();
            view! { <LeftBehind spec/> }
        })
        .forget(),
        ("now-clock", _) => mount_to(el, move || {
            with_clock();
            view! { <SinceLastExchange/> }
        })
        .forget(),
        ("clock-toggle", _) => mount_to(el, move || {
            with_clock();
            view! { <ClockToggle/> }
        })
        .forget(),
        ("filter", _) => mount_to(el, TimelineFilter).forget(),
        ("petition", _) => {
            crate::outbox::start();
            mount_to(el, || view! { <PetitionForm source=None/> }).forget();
        }
        ("petition-count", _) => leptos::task::spawn_local(show_count(el)),
        _ => {}
    }
}

/// Fetches the signature count, when one is configured, and shows it.
async fn show_count(el: HtmlElement) {
    let Some(url) = crate::data::PETITION_COUNT_URL else {
        return;
    };
    let Ok(response) = wasm_bindgen_futures::JsFuture::from(window().fetch_with_str(url)).await
    else {
        return;
    };
    let response: web_sys::Response = response.unchecked_into();
    let Ok(body) = response.text() else { return };
    let Some(body) = wasm_bindgen_futures::JsFuture::from(body)
        .await
        .ok()
        .and_then(|b| b.as_string())
    else {
        return;
    };
    if let Some((count, goal)) = crate::petition::count::parse_count(&body) {
        mount_to(el, move || view! { <PetitionCount count goal/> }).forget();
    }
}

/// Scrolls to and focuses the target of `#/case/<id>` or `#/exchange/<id>`,
/// on load and on every hash change.
fn follow_deep_links() {
    let go = || {
        let hash = window().location().hash().unwrap_or_default();
        let Some(id) = Route::parse(&hash).target_id() else {
            return;
        };
        // Focusing scrolls the target into view; every target is an HTML element.
        if let Some(el) = document().get_element_by_id(&id) {
            let _ = el.unchecked_into::<HtmlElement>().focus();
        }
    };
    go();
    // Dropping the handle keeps the listener: it lives as long as the page.
    let _ = window_event_listener(ev::hashchange, move |_| go());
}

fn prefers_reduced_motion() -> bool {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}
