//! The browser's entries. The page arrives prerendered, and its WASM mounts
//! only the live parts, each where an `Island` marked it, on one shared clock
//! (this module); the petition's own bundle mounts the form (`petition`).

pub mod petition;

use crate::browser::clock::{provide_clock, Clock};
use crate::components::{
    clock_toggle::ClockToggle,
    left_behind::LeftBehind,
    petition::PetitionCount,
    timeline::{SinceLastExchange, LIST_ID},
    timer::{DayCount, Timer},
    widget::CounterDays,
};
use crate::core::data::span_of;
use crate::core::island::IslandKind;
use crate::core::lang::Lang;
use crate::core::route::Route;
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
    let words = crate::core::text::live(page_lang());
    let Ok(islands) = document().query_selector_all("[data-island]") else {
        return;
    };
    mount_in_batches(islands, 0, clock, words.lang);
    follow_deep_links();
    keep_place(".lb-langs a");
    copy_snippets(words.copied, words.copy_by_hand);
    send_early(
        crate::islands::petition::PRESSED_AT,
        words.on_its_way,
        words.petition_did_not_load,
    );
}

/// The page's language, as the prerender wrote it on `<html>`.
pub fn page_lang() -> Lang {
    document()
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default()
}

/// Islands mounted per task: a few milliseconds each on a slow phone.
const BATCH: u32 = 8;

/// Mounts islands in document order from `from`, top of the page first,
/// yielding to the browser between batches so that no single task blocks
/// input for long. Read off the (static) list itself: a queue of its own
/// cost the page's WASM a collection's code.
fn mount_in_batches(islands: web_sys::NodeList, from: u32, clock: Clock, lang: Lang) {
    let end = islands.length().min(from + BATCH);
    for i in from..end {
        if let Some(el) = islands.item(i) {
            mount_island(el.unchecked_into(), clock, lang);
        }
    }
    if end < islands.length() {
        gloo_timers::callback::Timeout::new(0, move || mount_in_batches(islands, end, clock, lang))
            .forget();
    }
}

/// Replaces one island's prerendered markup with its live component.
fn mount_island(el: HtmlElement, clock: Clock, lang: Lang) {
    let name = el.get_attribute("data-island").unwrap_or_default();
    let Some(kind) = IslandKind::parse(&name) else {
        // Only a page and a WASM from different builds disagree; development
        // builds say so (release builds spare the bytes).
        #[cfg(debug_assertions)]
        leptos::logging::warn!("Left Behind: no island \"{name}\" in this build");
        return;
    };
    let spec = el.get_attribute("data-case").as_deref().and_then(span_of);
    match (kind, spec) {
        (IslandKind::Petition, _) => {
            // Its own bundle replaces it later; until then the prerendered
            // form stays, and its button (disabled where no script runs,
            // since it could send nothing) works through `send_early_signatures`.
            if let Ok(Some(button)) = el.query_selector("button[type=submit]") {
                let _ = button.remove_attribute("disabled");
            }
            load_petition_when_near(&el);
        }
        (IslandKind::PetitionCount, _) => show_count(el, lang),
        (IslandKind::Timer, Some(spec)) => live(el, (clock, lang), move || view! { <Timer spec/> }),
        (IslandKind::LeftBehind, Some(spec)) => {
            live(el, (clock, lang), move || view! { <LeftBehind spec/> })
        }
        (IslandKind::Counter, Some(spec)) => {
            live(el, (clock, lang), move || view! { <CounterDays spec/> })
        }
        (IslandKind::Days, Some(spec)) => {
            live(el, (clock, lang), move || view! { <DayCount spec/> })
        }
        (
            IslandKind::Timer | IslandKind::LeftBehind | IslandKind::Counter | IslandKind::Days,
            None,
        ) => {
            #[cfg(debug_assertions)]
            leptos::logging::warn!("Left Behind: island \"{name}\" names no known case");
        }
        (IslandKind::NowClock, _) => live(el, (clock, lang), || view! { <SinceLastExchange/> }),
        (IslandKind::ClockToggle, _) => live(el, (clock, lang), || view! { <ClockToggle/> }),
        (IslandKind::Filter, _) => live_filter(&el, LIST_ID),
    }
}

/// Mounts a live component in place of the island's prerendered markup, on
/// the page's one clock. Emptied in the same task as the mount, so the
/// browser never paints it empty.
fn live<V: IntoView + 'static>(
    el: HtmlElement,
    (clock, lang): (Clock, Lang),
    view: impl FnOnce() -> V + 'static,
) {
    el.set_inner_html("");
    mount_to(el, move || {
        provide_context(clock);
        provide_context(lang);
        view()
    })
    .forget();
}

// The petition is a bundle of its own (src/bin/petition.rs), imported when
// needed so the first view does not download it. Once: the form's approach
// and a press of its button may both ask. A failed load is forgotten, so the
// next press tries again, and calls `failed` where one is given. `import()`
// takes no integrity: a module preload with the script's hash fills the
// module map the import then reads, and a mismatch stops there, before
// anything runs; the WASM is fetched with its own hash.
//
// The bundle's loading, the count's fetch and the "Copy" buttons are plain
// JavaScript: a few lines here replace Rust futures, closures and two dozen
// imports, each of which the page's WASM and glue would carry. The words
// and names come from Rust, and what is read from an answer stays in Rust
// (`parse_count`).
#[wasm_bindgen::prelude::wasm_bindgen(inline_js = "
let loading = null;
function load_petition(name, integrity, failed) {
  if (!loading) {
    const base = document.baseURI;
    const [script, wasm] = integrity.split(' ');
    const url = new URL(name + '.js', base).href;
    loading = new Promise((resolve, reject) => {
      const preload = document.createElement('link');
      preload.rel = 'modulepreload';
      preload.href = url;
      preload.integrity = script;
      preload.onload = resolve;
      preload.onerror = () => { preload.remove(); reject(new Error('the petition did not load')); };
      document.head.append(preload);
    })
      .then(() => import(url))
      .then((m) => m.default({
        module_or_path: fetch(new URL(name + '_bg.wasm', base).href, { integrity: wasm }),
      }))
      .catch((e) => { loading = null; throw e; });
  }
  loading.catch(() => failed && failed());
}
const bundle = (island) => [island.getAttribute('data-bundle'), island.getAttribute('data-integrity')];
export function load_petition_when_near(island, outbox) {
  // Never before the page has loaded: the form sits near the top, and its
  // bundle keeps out of the first view's way.
  if (document.readyState !== 'complete') {
    addEventListener('load', () => load_petition_when_near(island, outbox), { once: true });
    return;
  }
  const [name, integrity] = bundle(island);
  if (name === null || integrity === null) return;
  const load = () => load_petition(name, integrity);
  let waiting = false;
  try {
    for (let i = 0; i < localStorage.length; i++) waiting ||= !!localStorage.key(i)?.startsWith(outbox);
  } catch {}
  if (waiting) return load();
  // Taken on the first approach: the bundle loads once.
  let pending = true;
  let observer;
  try {
    observer = new IntersectionObserver((entries) => {
      if (pending && entries.some((e) => e.isIntersecting)) {
        pending = false;
        observer.disconnect();
        load();
      }
    }, { rootMargin: '1200px 0px' });
  } catch {
    return load();
  }
  // Islands are `display: contents`, without a box to intersect: watch the
  // element around it.
  observer.observe(island.parentElement || island);
}
export function send_early_signatures(pressedAt, onItsWay, didNotLoad) {
  addEventListener('submit', (e) => {
    const form = e.target;
    if (!(form instanceof Element) || form.hasAttribute('data-live')) return;
    const island = form.closest('[data-island=petition]');
    if (!island) return;
    e.preventDefault();
    const [name, integrity] = bundle(island);
    if (name === null || integrity === null || island.hasAttribute(pressedAt)) return;
    island.setAttribute(pressedAt, String(Math.floor(performance.now())));
    const say = (words, busy) => {
      const status = form.querySelector('.lb-petition__status');
      if (status) status.textContent = words;
      form.querySelector('button[type=submit]')?.setAttribute('aria-disabled', busy);
    };
    say(onItsWay, 'true');
    load_petition(name, integrity, () => {
      island.removeAttribute(pressedAt);
      say(didNotLoad, 'false');
    });
  });
}
export function fetch_text(url, ms, done) {
  const abort = new AbortController();
  const deadline = setTimeout(() => abort.abort(), ms);
  fetch(url, { cache: 'no-store', credentials: 'omit', signal: abort.signal })
    .then((r) => (r.ok ? r.text() : undefined))
    .catch(() => undefined)
    .then((body) => { clearTimeout(deadline); done(body); });
}
export function live_filter(island, list) {
  const fieldset = island.querySelector('fieldset');
  if (!fieldset) return;
  fieldset.addEventListener('change', (e) => document.getElementById(list)?.setAttribute('data-filter', e.target.value));
  fieldset.hidden = false;
}
export function keep_place(links) {
  addEventListener('click', (e) => {
    const a = e.target instanceof Element && e.target.closest(links);
    if (a && location.hash.startsWith('#/')) a.hash = location.hash;
  });
}
export function copy_snippets(copied, byHand) {
  for (const b of document.querySelectorAll('[data-copy][hidden]')) b.removeAttribute('hidden');
  addEventListener('click', (e) => {
    const button = e.target instanceof Element && e.target.closest('[data-copy]');
    const code = button && document.getElementById(button.getAttribute('data-copy'));
    const status = button && button.nextElementSibling;
    if (!code || !status) return;
    ('clipboard' in navigator ? navigator.clipboard.writeText(code.textContent) : Promise.reject())
      .then(() => true, () => false)
      .then((copiedIt) => {
        if (!copiedIt) getSelection()?.selectAllChildren(code);
        status.textContent = copiedIt ? copied : byHand;
      });
  });
}
")]
extern "C" {
    /// Loads the petition bundle once the page has loaded and the form is within a screen or two of
    /// the viewport, or at once when a signature from an earlier visit still
    /// waits (a key starting `outbox` in local storage). The build names the
    /// bundle on the island (`data-bundle`, `petition-<hash>`), with the
    /// integrity of its script and WASM (`data-integrity`).
    #[wasm_bindgen(js_name = load_petition_when_near)]
    fn load_when_near(island: &HtmlElement, outbox: &str);
    /// A press of "Sign" on the prerendered form, before its bundle has
    /// come: the person is told the signature is on its way (`on_its_way`)
    /// and the bundle is loaded at once; mounted, it sends what was typed
    /// (the island's `pressed_at`, ms since the page started loading).
    /// Should it not load, the person is told so (`did_not_load`) and keeps
    /// what they typed.
    #[wasm_bindgen(js_name = send_early_signatures)]
    fn send_early(pressed_at: &str, on_its_way: &str, did_not_load: &str);
    /// Calls `done` with the body from `url`, never from a cache, or with
    /// nothing for an error status or no answer within `ms`.
    fn fetch_text(url: &str, ms: u32, done: &wasm_bindgen::JsValue);
    /// Shows the "Copy" buttons of the embed snippets and brings them to
    /// life: one listener for all of them. Where the clipboard is out of
    /// reach, the snippet is selected for the visitor to copy by hand.
    fn copy_snippets(copied: &str, by_hand: &str);
    /// Carries the person or exchange the reader is on (`#/case/<id>`) over
    /// to the same page in another language, when they follow one of `links`.
    fn keep_place(links: &str);
    /// Shows the timeline filter's radios in the island and sets the `list`'s
    /// `data-filter` to the value of each one chosen.
    fn live_filter(island: &HtmlElement, list: &str);
}

fn load_petition_when_near(el: &HtmlElement) {
    load_when_near(el, crate::core::petition::OUTBOX_PREFIX);
}

/// Shows the signature counter, when a count URL is configured: hidden until
/// a sensible answer comes and whenever one does not, and asked again when a
/// signature is delivered, so the person sees themselves counted.
fn show_count(el: HtmlElement, lang: Lang) {
    let Some(url) = crate::core::data::PETITION_COUNT_URL else {
        return;
    };
    let ask = move || {
        let el = el.clone();
        let done = wasm_bindgen::closure::Closure::once_into_js(move |body: Option<String>| {
            // Replaced whole on each answer: a static view is lighter in the
            // page's bundle than a reactive one, and it changes once a visit.
            el.set_inner_html("");
            let answer = body
                .as_deref()
                .and_then(crate::core::petition::count::parse_count);
            if let Some((count, goal)) = answer {
                mount_to(el, move || {
                    provide_context(lang);
                    view! { <PetitionCount count goal/> }
                })
                .forget();
            }
        });
        fetch_text(url, COUNT_TIMEOUT_MS, &done);
    };
    ask();
    // Lives as long as the page.
    let _ =
        window_event_listener_untyped(crate::core::petition::count::SIGNED_EVENT, move |_| ask());
}

/// No answer within this long hides the counter.
const COUNT_TIMEOUT_MS: u32 = 8_000;

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
            // A timeline entry keeps its details folded: a link to it wants them.
            if let Ok(Some(details)) = el.query_selector(":scope > details") {
                let _ = details.set_attribute("open", "");
            }
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

fn prefers_reduced_motion() -> bool {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}
