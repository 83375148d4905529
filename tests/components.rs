//! Component tests in headless Chromium: mount real components, let the clock
//! tick, and read the DOM the way a visitor would see it.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use left_behind::browser::clock::provide_clock;
use left_behind::components::card::Card;
use left_behind::components::clock_toggle::ClockToggle;
use left_behind::core::data::PEOPLE;
use left_behind::core::elapsed::Elapsed;
use left_behind::core::lang::Lang;
use left_behind::core::model::{Person, Standing};
use left_behind::core::text;
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// Counts timeouts that are set and neither fired nor cleared, to prove the
// clock leaves none behind when it unmounts.
#[wasm_bindgen(inline_js = "
export function spy_timeouts() {
  if (globalThis.__lbLive) return;
  const live = new Set();
  const set = globalThis.setTimeout.bind(globalThis);
  const clear = globalThis.clearTimeout.bind(globalThis);
  globalThis.setTimeout = (f, ms, ...args) => {
    const id = set((...a) => { live.delete(id); f(...a); }, ms, ...args);
    live.add(id);
    return id;
  };
  globalThis.clearTimeout = (id) => { live.delete(id); clear(id); };
  globalThis.__lbLive = live;
}
export function live_timeouts() { return globalThis.__lbLive.size; }
")]
extern "C" {
    fn spy_timeouts();
    fn live_timeouts() -> u32;
}

fn person(id: &str) -> &'static Person {
    PEOPLE.iter().find(|p| p.id == id).expect(id)
}

/// A fresh container in the document for one test.
fn container() -> web_sys::HtmlElement {
    let doc = document();
    let el = doc
        .create_element("div")
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>();
    // First in the page, so its timers are on screen: a timer off screen
    // leaves its seconds alone.
    let body = doc.body().unwrap();
    body.insert_before(&el, body.first_child().as_ref())
        .unwrap();
    el
}

fn text_of(root: &web_sys::HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap_or_default()
}

/// Mounts cards for `ids` and a pause button on one shared, running clock.
fn mount_cards(root: &web_sys::HtmlElement, ids: &'static [&'static str]) -> impl Drop {
    mount_to(root.clone(), move || {
        provide_clock(true);
        view! {
            <ClockToggle/>
            {ids.iter().map(|id| view! { <Card person=person(id)/> }).collect_view()}
        }
    })
}

fn now_unix() -> i64 {
    (js_sys::Date::now() / 1000.0).floor() as i64
}

/// Polls until the text at `selector` differs from `before` (a tick may land a
/// little late in a background test page); gives up after 2.5 s.
async fn changed_from(root: &web_sys::HtmlElement, selector: &str, before: &str) -> String {
    for _ in 0..25 {
        TimeoutFuture::new(100).await;
        let now = text_of(root, selector);
        if now != before {
            return now;
        }
    }
    text_of(root, selector)
}

/// The clock digits a timer from `start` shows now, or a second ago (the
/// displayed value is as of the last tick).
fn true_hms(person: &Person) -> [String; 2] {
    let now = now_unix();
    [now, now - 1].map(|t| {
        text::hms(&Elapsed::between(
            person.arrest.start,
            person.arrest.offset,
            t,
        ))
    })
}

/// Waits until just after the next wall-clock second (the clock ticks there).
async fn next_second() {
    let ms = 1000 - (js_sys::Date::now() as u32 % 1000) + 60;
    TimeoutFuture::new(ms).await;
}

#[wasm_bindgen_test]
async fn a_card_renders_from_the_data() {
    let root = container();
    let _app = mount_cards(&root, &["david-barnes"]);
    leptos::task::tick().await;
    let barnes = person("david-barnes");
    assert_eq!(text_of(&root, ".lb-card__name"), "David Barnes");
    assert_eq!(text_of(&root, ".lb-badge"), text::page(Lang::En).detained);
    assert_eq!(text_of(&root, ".lb-card__avatar"), "DB");
    let last_term = barnes.sentence.last().expect("Barnes was sentenced").term;
    assert!(text_of(&root, ".lb-sentence__path").ends_with(last_term));
    assert_eq!(
        text_of(&root, ".lb-card__asof"),
        text::page(Lang::En).record_dates(barnes.as_of, barnes.checked)
    );
    assert_eq!(
        root.query_selector_all(".lb-sources a").unwrap().length() as usize,
        barnes.sources.len()
    );
    let card = root.query_selector("article.lb-card").unwrap().unwrap();
    assert_eq!(card.id(), "case-david-barnes");
    // The ticking digits are hidden from screen readers; a sentence stands in.
    let display = root.query_selector(".lb-timer__display").unwrap().unwrap();
    assert_eq!(
        display.get_attribute("aria-hidden").as_deref(),
        Some("true")
    );
    assert!(text_of(&root, ".lb-timer__summary").starts_with("Detained for "));
}

#[wasm_bindgen_test]
async fn a_detained_timer_ticks_and_shows_the_true_time() {
    let root = container();
    let _app = mount_cards(&root, &["david-barnes"]);
    leptos::task::tick().await;
    let before = text_of(&root, ".lb-timer__hms");
    let after = changed_from(&root, ".lb-timer__hms", &before).await;
    assert_ne!(before, after, "the seconds moved");
    let barnes = person("david-barnes");
    assert!(
        true_hms(barnes).contains(&after),
        "{after} is the true elapsed time"
    );
    let truth = Elapsed::between(barnes.arrest.start, barnes.arrest.offset, now_unix());
    assert_eq!(
        text_of(&root, ".lb-timer__days"),
        text::live(Lang::En).total_days(&truth, true)
    );
}

#[wasm_bindgen_test]
async fn a_released_timer_stands_still_at_the_release() {
    let root = container();
    let _app = mount_cards(&root, &["ksenia-karelina"]);
    leptos::task::tick().await;
    let before = text_of(&root, ".lb-timer");
    next_second().await;
    assert_eq!(text_of(&root, ".lb-timer"), before);
    assert_eq!(text_of(&root, ".lb-timer__days"), "439 days");
    assert_eq!(text_of(&root, ".lb-timer__ymd"), "1 year 2 months 14 days");
    assert!(
        root.query_selector(".lb-timer__hms").unwrap().is_none(),
        "a release has no clock digits"
    );
    assert!(text_of(&root, ".lb-card__freed").starts_with("Freed 10 April 2025."));
}

#[wasm_bindgen_test]
async fn pause_stops_the_clock_and_resume_continues_from_the_true_time() {
    let root = container();
    let _app = mount_cards(&root, &["david-barnes"]);
    leptos::task::tick().await;
    let button = root
        .query_selector(".lb-clock-toggle")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>();
    assert_eq!(
        button.text_content().unwrap(),
        text::live(Lang::En).pause_timers
    );

    button.click();
    leptos::task::tick().await;
    assert_eq!(
        button.text_content().unwrap(),
        text::live(Lang::En).resume_timers
    );
    let paused = text_of(&root, ".lb-timer__hms");
    next_second().await;
    next_second().await;
    assert_eq!(
        text_of(&root, ".lb-timer__hms"),
        paused,
        "nothing ticks while paused"
    );

    button.click();
    leptos::task::tick().await;
    let resumed = text_of(&root, ".lb-timer__hms");
    assert!(
        true_hms(person("david-barnes")).contains(&resumed),
        "resumed at the true time ({resumed}), not where it paused ({paused})"
    );
    let later = changed_from(&root, ".lb-timer__hms", &resumed).await;
    assert_ne!(later, resumed, "and keeps ticking");
}

#[wasm_bindgen_test]
async fn unmounting_cancels_the_clock() {
    spy_timeouts();
    let root = container();
    let app = mount_cards(&root, &["david-barnes"]);
    leptos::task::tick().await;
    let mounted = live_timeouts();
    assert!(mounted >= 1, "the running clock has its next tick pending");
    drop(app);
    assert_eq!(
        live_timeouts(),
        mounted - 1,
        "unmounting cancelled the pending tick"
    );
    assert_eq!(root.child_element_count(), 0);
}

#[wasm_bindgen(inline_js = "
export function set_hidden(hidden) {
  Object.defineProperty(document, 'hidden', { value: hidden, configurable: true });
  document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
}
")]
extern "C" {
    fn set_hidden(hidden: bool);
}

#[wasm_bindgen_test]
async fn a_hidden_document_does_no_ticking_and_catches_up_when_shown() {
    spy_timeouts();
    let root = container();
    let _app = mount_cards(&root, &["david-barnes"]);
    leptos::task::tick().await;
    let running = live_timeouts();

    set_hidden(true);
    assert_eq!(
        live_timeouts(),
        running - 1,
        "hiding the page cancels the pending tick"
    );
    let hidden_text = text_of(&root, ".lb-timer__hms");
    next_second().await;
    next_second().await;
    assert_eq!(
        text_of(&root, ".lb-timer__hms"),
        hidden_text,
        "no ticks while hidden"
    );

    set_hidden(false);
    leptos::task::tick().await;
    let shown = text_of(&root, ".lb-timer__hms");
    assert!(
        true_hms(person("david-barnes")).contains(&shown),
        "shown again at the true time, not {shown}"
    );
    assert_eq!(live_timeouts(), running, "and ticking again");
}

#[wasm_bindgen_test]
async fn an_empty_petition_shows_every_problem_and_focuses_the_first() {
    use left_behind::components::petition::PetitionForm;
    use left_behind::core::petition::signature::Signature;
    let root = container();
    let _form = mount_to(root.clone(), || {
        view! { <PetitionForm live=true typed=Signature::default()/> }
    });
    leptos::task::tick().await;
    let button = root
        .query_selector("button[type=submit]")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>();
    button.click();
    leptos::task::tick().await;
    let first = root
        .query_selector("#lb-petition-first-name")
        .unwrap()
        .unwrap();
    assert_eq!(first.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        first.get_attribute("aria-describedby").as_deref(),
        Some("lb-petition-first-name-error")
    );
    assert_eq!(
        text_of(&root, "#lb-petition-first-name-error"),
        "Enter your first name."
    );
    assert_eq!(
        text_of(&root, "#lb-petition-email-error"),
        "Enter your email address."
    );
    assert_eq!(
        document().active_element().map(|e| e.id()).as_deref(),
        Some("lb-petition-first-name")
    );
    assert!(
        root.query_selector(".lb-petition__thanks")
            .unwrap()
            .is_none(),
        "nothing was sent"
    );
}

#[wasm_bindgen_test]
async fn a_counter_says_how_long_in_one_line() {
    use left_behind::components::widget::Counter;
    let root = container();
    let _app = mount_to(root.clone(), || {
        provide_clock(true);
        view! {
            <Counter person=person("david-barnes")/>
            <Counter person=person("ksenia-karelina")/>
        }
    });
    leptos::task::tick().await;
    let days = person("david-barnes").timer.elapsed(now_unix()).total_days;
    let lines = root.query_selector_all(".lb-counter").unwrap();
    let line = |i| lines.item(i).unwrap().text_content().unwrap_or_default();
    assert_eq!(
        line(0),
        format!(
            "David Barnes: {}",
            text::live(Lang::En).counter(days, true, Standing::Held)
        )
    );
    assert!(
        line(1).starts_with("Ksenia Karelina: held ")
            && line(1).ends_with(" days, free since 10 April 2025"),
        "{}",
        line(1)
    );
}

#[wasm_bindgen_test]
async fn cards_offer_their_snippet_except_inside_a_widget() {
    use left_behind::components::widget::Widget;
    let page = container();
    let _page = mount_cards(&page, &["david-barnes"]);
    let widget = container();
    let _widget = mount_to(widget.clone(), || {
        view! { <Widget view=left_behind::core::embed::View::Card("david-barnes") ticking=true><Card person=person("david-barnes")/></Widget> }
    });
    leptos::task::tick().await;
    let snippet = text_of(&page, "#lb-embed-card-david-barnes");
    assert!(
        snippet.contains("embed.js\"></script>")
            && snippet.contains("data-left-behind=\"card\" data-case=\"david-barnes\""),
        "{snippet}"
    );
    assert!(widget.query_selector(".lb-card").unwrap().is_some());
    assert!(
        widget.query_selector(".lb-embed").unwrap().is_none(),
        "a widget offers no embed of itself"
    );
    assert_eq!(
        text_of(&widget, ".lb-widget__credit"),
        text::page(Lang::En).widget_credit
    );
}
