//! The browser entry: the page arrives prerendered, and the WASM mounts only
//! its live parts, each where an `Island` marked it, on one shared clock.

use crate::clock::{provide_clock, Clock};
use crate::components::{
    clock_toggle::ClockToggle,
    left_behind::LeftBehind,
    petition::PetitionCount,
    timeline::{SinceLastExchange, TimelineFilter},
    timer::Timer,
    widget::CounterDays,
};
use crate::data::span_of;
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
    let queue = (0..islands.length())
        .filter_map(|i| islands.item(i))
        .map(|el| el.unchecked_into())
        .collect();
    mount_in_batches(queue, clock);
    follow_deep_links();
    copy_snippets();
}

/// Islands mounted per task: a few milliseconds each on a slow phone.
const BATCH: usize = 8;

/// Mounts islands in document order, top of the page first, yielding to the
/// browser between batches so that no single task blocks input for long.
fn mount_in_batches(mut queue: std::collections::VecDeque<HtmlElement>, clock: Clock) {
    for el in queue.drain(..BATCH.min(queue.len())) {
        mount_island(el, clock);
    }
    if !queue.is_empty() {
        gloo_timers::callback::Timeout::new(0, move || mount_in_batches(queue, clock)).forget();
    }
}

/// Replaces one island's prerendered markup with its live component.
fn mount_island(el: HtmlElement, clock: Clock) {
    let kind = el.get_attribute("data-island").unwrap_or_default();
    let spec = el.get_attribute("data-case").as_deref().and_then(span_of);
    if kind == "petition" {
        // Its own bundle replaces it later; until then the prerendered form stays.
        load_petition_when_near(&el);
        return;
    }
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
        ("counter", Some(spec)) => mount_to(el, move || {
            with_clock();
            view! { <CounterDays spec/> }
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
        ("filter", _) => mount_to(el, || view! { <TimelineFilter live=true/> }).forget(),
        ("petition-count", _) => leptos::task::spawn_local(show_count(el)),
        _ => {}
    }
}

// The petition is a bundle of its own (src/bin/petition.rs), imported when
// needed so the first view does not download it. `import()` takes no
// integrity: a module preload with the script's hash fills the module map the
// import then reads, and a mismatch stops there, before anything runs; the
// WASM is fetched with its own hash.
#[wasm_bindgen::prelude::wasm_bindgen(inline_js = "
export function load_petition(name, integrity) {
  const base = document.baseURI;
  const [script, wasm] = integrity.split(' ');
  const url = new URL(name + '.js', base).href;
  const preload = document.createElement('link');
  preload.rel = 'modulepreload';
  preload.href = url;
  preload.integrity = script;
  preload.onload = () => import(url).then((m) => m.default({
    module_or_path: fetch(new URL(name + '_bg.wasm', base).href, { integrity: wasm }),
  }));
  document.head.append(preload);
}
")]
extern "C" {
    fn load_petition(name: &str, integrity: &str);
}

/// Loads the petition bundle once the form is within a screen or two of the
/// viewport, or at once when a signature from an earlier visit still waits.
fn load_petition_when_near(el: &HtmlElement) {
    // The build names the bundle on the island (`petition-<hash>`), with the
    // integrity of its script and WASM.
    let (Some(bundle), Some(integrity)) = (
        el.get_attribute("data-bundle"),
        el.get_attribute("data-integrity"),
    ) else {
        return;
    };
    let waiting = window().local_storage().ok().flatten().is_some_and(|s| {
        (0..s.length().unwrap_or(0)).any(|i| {
            s.key(i)
                .ok()
                .flatten()
                .is_some_and(|k| k.starts_with(crate::outbox_key::PREFIX))
        })
    });
    if waiting {
        load_petition(&bundle, &integrity);
        return;
    }
    // Taken on the first approach: the bundle loads once.
    let mut pending = Some((bundle.clone(), integrity.clone()));
    let callback = wasm_bindgen::closure::Closure::<
        dyn FnMut(js_sys::Array, web_sys::IntersectionObserver),
    >::new(
        move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
            let near = entries.iter().any(|e| {
                e.unchecked_into::<web_sys::IntersectionObserverEntry>()
                    .is_intersecting()
            });
            if let Some((name, integrity)) = pending.take_if(|_| near) {
                observer.disconnect();
                load_petition(&name, &integrity);
            }
        },
    );
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin("1200px 0px");
    // Islands are `display: contents`, without a box to intersect: watch the
    // element around it.
    let target: web_sys::Element = el.parent_element().unwrap_or_else(|| el.clone().into());
    if let Ok(observer) =
        web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options)
    {
        observer.observe(&target);
    } else {
        load_petition(&bundle, &integrity);
    }
    // Lives as long as the page.
    callback.forget();
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
/// on load, on every hash change, and on a click on a link to the hash the
/// page already shows (which changes nothing, so fires no hashchange).
fn follow_deep_links() {
    let go = || {
        let hash = window().location().hash().unwrap_or_default();
        let Some(id) = Route::parse(&hash).target_id() else {
            return;
        };
        if let Some(el) = document().get_element_by_id(&id) {
            // Start-aligned, so a target taller than the screen shows its
            // heading rather than its middle.
            el.scroll_into_view_with_bool(true);
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = el
                .unchecked_into::<HtmlElement>()
                .focus_with_options(&options);
        }
    };
    go();
    // Dropping the handles keeps the listeners: they live as long as the page.
    let _ = window_event_listener(ev::hashchange, move |_| go());
    let _ = window_event_listener(ev::click, move |e| {
        let link = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("a[href^='#/']").ok().flatten());
        let current = window().location().hash().unwrap_or_default();
        if link
            .and_then(|a| a.get_attribute("href"))
            .is_some_and(|href| href == current)
        {
            go();
        }
    });
}

/// Brings the "Copy" buttons of the embed snippets to life: one listener for
/// all of them. Where the clipboard is out of reach, the snippet is selected
/// for the visitor to copy by hand.
fn copy_snippets() {
    if let Ok(buttons) = document().query_selector_all("[data-copy][hidden]") {
        (0..buttons.length())
            .filter_map(|i| buttons.item(i))
            .for_each(|b| {
                let _ = b
                    .unchecked_into::<web_sys::Element>()
                    .remove_attribute("hidden");
            });
    }
    let _ = window_event_listener(ev::click, |e| {
        let Some(button) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("[data-copy]").ok().flatten())
        else {
            return;
        };
        let code = button
            .get_attribute("data-copy")
            .and_then(|id| document().get_element_by_id(&id));
        let (Some(code), Some(status)) = (code, button.next_element_sibling()) else {
            return;
        };
        let navigator = window().navigator();
        let clipboard = js_sys::Reflect::has(&navigator, &"clipboard".into())
            .unwrap_or(false)
            .then(|| {
                navigator
                    .clipboard()
                    .write_text(&code.text_content().unwrap_or_default())
            });
        leptos::task::spawn_local(async move {
            let copied = match clipboard {
                Some(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
                None => false,
            };
            if !copied {
                if let Some(selection) = window().get_selection().ok().flatten() {
                    let _ = selection.select_all_children(&code);
                }
            }
            status.set_text_content(Some(if copied {
                crate::text::COPIED
            } else {
                crate::text::COPY_BY_HAND
            }));
        });
    });
}

fn prefers_reduced_motion() -> bool {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}
