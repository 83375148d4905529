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

// What the browser's own CLDR data says, to hold the hand-written rules of
// `core::text` against. Test code only: nothing of `Intl` ships (it would
// cost the page a formatter per call and locale data we do not control).
// Dates are made and formatted in UTC so the machine's zone cannot move a day.
#[wasm_bindgen(inline_js = "
const cache = new Map();
function once(key, make) {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key);
}
export function intl_plural(lang, n) {
  return once('p' + lang, () => new Intl.PluralRules(lang)).select(n);
}
export function intl_number(lang, n) {
  return once('n' + lang, () => new Intl.NumberFormat(lang)).format(n);
}
export function intl_full_date(lang, y, m, d) {
  const f = once('d' + lang, () => new Intl.DateTimeFormat(lang,
    { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
  return f.format(new Date(Date.UTC(y, m - 1, d)));
}
export function intl_month_date(lang, y, m) {
  const f = once('m' + lang, () => new Intl.DateTimeFormat(lang,
    { month: 'long', year: 'numeric', timeZone: 'UTC' }));
  return f.format(new Date(Date.UTC(y, m - 1, 1)));
}
")]
extern "C" {
    fn intl_plural(lang: &str, n: f64) -> String;
    fn intl_number(lang: &str, n: f64) -> String;
    fn intl_full_date(lang: &str, y: i32, m: u8, d: u8) -> String;
    fn intl_month_date(lang: &str, y: i32, m: u8) -> String;
}

/// The locale `Intl` is asked for. English is British here: the site writes
/// "27 January 2024", day first, which `en` (US) orders "January 27, 2024".
fn intl_locale(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en-GB",
        other => other.code(),
    }
}

/// Browsers differ in the space before «г.» and between digit groups
/// (U+00A0, U+202F or a plain space); a reader sees one space.
fn one_space(s: &str) -> String {
    s.replace(['\u{a0}', '\u{202f}'], " ")
}

#[wasm_bindgen_test]
fn russian_and_ukrainian_plurals_agree_with_the_browser_up_to_20000() {
    use left_behind::core::text::Category;
    for lang in [Lang::Ru, Lang::Uk] {
        let mut wrong = Vec::new();
        for n in 0..=20_000u64 {
            let ours = match text::category(lang, n) {
                Category::One => "one",
                Category::Few => "few",
                Category::Many => "many",
                Category::Other => "other",
            };
            let theirs = intl_plural(lang.code(), n as f64);
            if ours != theirs {
                wrong.push(format!("{n}: {ours} ≠ {theirs}"));
            }
        }
        // The first few are enough to see the rule; all of them would be a
        // megabyte of panic message.
        assert!(
            wrong.is_empty(),
            "{lang:?}, {} numbers: {}",
            wrong.len(),
            wrong[..wrong.len().min(10)].join(", ")
        );
    }
}

#[wasm_bindgen_test]
fn grouped_numbers_agree_with_the_browser() {
    for lang in Lang::ALL {
        for n in [
            0u64, 1, 7, 21, 999, 1000, 1001, 1771, 9999, 10_000, 20_000, 100_500, 999_999,
            1_000_000, 1_234_567,
        ] {
            let theirs = intl_number(intl_locale(lang), n as f64);
            // Exact first: the site's U+00A0 is what Chromium writes too.
            assert_eq!(
                one_space(&text::live(lang).thousands(n)),
                one_space(&theirs),
                "{lang:?} {n}"
            );
        }
    }
    // A break inside "1 771" would split a count across lines.
    assert_eq!(text::live(Lang::Ru).thousands(1771), "1\u{a0}771");
    assert_eq!(
        text::live(Lang::Uk).thousands(1_234_567),
        "1\u{a0}234\u{a0}567"
    );
}

#[wasm_bindgen_test]
fn full_dates_agree_with_the_browser_in_every_month() {
    use left_behind::core::model::Date;
    for lang in Lang::ALL {
        for year in [2019, 2024, 2025] {
            for month in 1..=12u8 {
                for day in [1u8, 2, 10, 21, 28] {
                    let d = Date { year, month, day };
                    assert_eq!(
                        one_space(&text::live(lang).date(d)),
                        one_space(&intl_full_date(intl_locale(lang), year, month, day)),
                        "{lang:?} {}",
                        d.iso()
                    );
                }
            }
        }
    }
    // The genitive after a day, read off the page Karelina's arrest is on.
    let arrest = Date {
        year: 2024,
        month: 1,
        day: 27,
    };
    assert_eq!(
        one_space(&text::live(Lang::Ru).date(arrest)),
        "27 января 2024 г."
    );
    assert_eq!(
        one_space(&text::live(Lang::Uk).date(arrest)),
        "27 січня 2024 р."
    );
}

#[wasm_bindgen_test]
fn month_only_dates_agree_with_the_browser_in_the_nominative() {
    use left_behind::core::model::Date;
    for lang in Lang::ALL {
        for month in 1..=12u8 {
            let d = Date {
                year: 2025,
                month,
                day: 0,
            };
            assert_eq!(
                one_space(&text::live(lang).date(d)),
                one_space(&intl_month_date(intl_locale(lang), 2025, month)),
                "{lang:?} {}",
                d.iso()
            );
        }
    }
    let april = Date {
        year: 2025,
        month: 4,
        day: 0,
    };
    assert_eq!(
        one_space(&text::live(Lang::Ru).date(april)),
        "апрель 2025 г."
    );
}

/// The Russian word for `n` days, by the rule as a grammar book states it,
/// not by `core::text`.
fn russian_days(n: u64) -> &'static str {
    let (last, last_two) = (n % 10, n % 100);
    if (11..=14).contains(&last_two) {
        "дней"
    } else if last == 1 {
        "день"
    } else if (2..=4).contains(&last) {
        "дня"
    } else {
        "дней"
    }
}

#[wasm_bindgen_test]
async fn a_timer_on_a_russian_page_counts_in_russian() {
    use left_behind::components::timer::Timer;
    let root = container();
    let barnes = person("david-barnes");
    let karelina = person("ksenia-karelina");
    let _app = mount_to(root.clone(), move || {
        provide_clock(true);
        provide_context(Lang::Ru);
        view! { <Timer spec=barnes.timer/><Timer spec=karelina.timer/> }
    });
    leptos::task::tick().await;
    let days = barnes.timer.elapsed(now_unix()).total_days;
    let shown = text_of(&root, ".lb-timer[data-state=running] .lb-timer__days");
    let (digits, word) = shown
        .split_once(' ')
        .unwrap_or_else(|| panic!("no word after the count: {shown:?}"));
    assert_eq!(
        digits.replace('\u{a0}', "").parse::<u64>().ok(),
        Some(days),
        "{shown:?}"
    );
    assert_eq!(word, russian_days(days), "{shown:?}");
    assert_eq!(
        text_of(&root, ".lb-timer[data-state=running] .lb-timer__label"),
        "Под стражей"
    );
    // Karelina's time stands still at the release: all three forms at once.
    let frozen = ".lb-timer[data-state=frozen]";
    assert_eq!(
        text_of(&root, &format!("{frozen} .lb-timer__ymd")),
        "1 год 2 месяца 14 дней"
    );
    assert_eq!(
        text_of(&root, &format!("{frozen} .lb-timer__days")),
        "439 дней"
    );
    assert_eq!(
        text_of(&root, &format!("{frozen} .lb-timer__summary")),
        "Срок под стражей: 1 год, 2 месяца и 14 дней (439 дней)."
    );
}
