//! The campaign's words follow the data: the same fixture compiled twice,
//! once as it is and once with one person's status changed, and every
//! sentence naming who is held, who came home and whom the petition asks for
//! follows, with no other edit (`tests/fixtures/status-change/`).
#![cfg(not(target_arch = "wasm32"))]

use left_behind::core::lang::Lang;
use left_behind::core::model::{came_home, still_left_behind, Standing, TimerSpan};
use left_behind::core::text;

/// The fixture's data, compiled by build.rs exactly as the real data is.
macro_rules! fixture {
    ($name:ident, $file:literal) => {
        #[allow(dead_code)]
        mod $name {
            use left_behind::core::model::*;
            use left_behind::core::petition::payload::{Encoding, EndpointConfig, FieldNames};
            include!(concat!(env!("OUT_DIR"), "/", $file));
        }
    };
}
fixture!(before, "fixture-before.rs");
fixture!(after, "fixture-after.rs");

const ASK: &str = "Designate {names}.";

fn clock(clocks: &'static [TimerSpan], id: &str) -> &'static TimerSpan {
    clocks.iter().find(|c| c.id == id).expect(id)
}

/// The one-line counter a widget shows, as of `now`.
fn counter(spec: &TimerSpan, now: i64) -> String {
    let days = spec.elapsed(now).total_days;
    text::live(Lang::En).counter(days, spec.day_known, spec.standing)
}

/// 2026-12-01 00:00 UTC.
const NOW: i64 = 1_796_083_200;

#[test]
fn while_both_are_held_the_hero_the_petition_and_the_counters_say_so() {
    assert_eq!(
        text::page(Lang::En).hero_ask(before::PEOPLE),
        "Adam Adams, Beth Brown and Carl Cole have not been designated “wrongfully detained” by the State Department. \
         Designation puts the government's hostage envoy to work on bringing a person home."
    );
    let left: Vec<&str> = still_left_behind(before::PEOPLE).map(|p| p.name).collect();
    assert_eq!(left, ["Adam Adams", "Beth Brown", "Carl Cole"]);
    assert_eq!(came_home(before::PEOPLE).count(), 0);
    assert_eq!(
        text::page(Lang::En).petition_ask(ASK, before::PEOPLE),
        "Designate Adam Adams, Beth Brown and Carl Cole."
    );
    let beth = clock(before::TIMER_SPANS, "beth-brown");
    assert_eq!(beth.standing, Standing::Held);
    assert_eq!(counter(beth, NOW), "detained 668 days");
}

#[test]
fn when_one_comes_home_every_sentence_follows() {
    assert_eq!(
        text::page(Lang::En).hero_ask(after::PEOPLE),
        "Adam Adams and Carl Cole have not been designated “wrongfully detained” by the State Department. \
         Designation puts the government's hostage envoy to work on bringing a person home."
    );
    let left: Vec<&str> = still_left_behind(after::PEOPLE).map(|p| p.name).collect();
    assert_eq!(left, ["Adam Adams", "Carl Cole"]);
    let home: Vec<String> = came_home(after::PEOPLE)
        .map(|(p, date, _)| format!("{}{}", p.name, text::page(Lang::En).home_since(date)))
        .collect();
    assert_eq!(home, ["Beth Brown — home since 20 May 2025"]);
    assert_eq!(
        text::page(Lang::En).petition_ask(ASK, after::PEOPLE),
        "Designate Adam Adams and Carl Cole."
    );
    // Frozen at the release: 1 February to 20 May 2025 is 108 days, whenever
    // it is read.
    let beth = clock(after::TIMER_SPANS, "beth-brown");
    assert_eq!(
        beth.standing,
        Standing::Home(left_behind::core::model::Date {
            year: 2025,
            month: 5,
            day: 20
        })
    );
    assert_eq!(counter(beth, NOW), "held 108 days, free since 20 May 2025");
    assert_eq!(counter(beth, NOW + 86_400 * 400), counter(beth, NOW));
}

#[test]
fn a_person_not_reported_on_lately_is_never_said_to_be_held_today() {
    let carl = clock(after::TIMER_SPANS, "carl-cole");
    assert!(matches!(carl.standing, Standing::LastReported(_)));
    let line = counter(carl, NOW);
    assert_eq!(
        line,
        "730 days since the arrest, last reported held 1 March 2025"
    );
    let lead = text::page(Lang::En).hero_ask(after::PEOPLE);
    assert!(!lead.contains("held in Russia"), "{lead}");
}
