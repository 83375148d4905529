//! The data, compiled in by `build.rs` from `data/cases.toml` and
//! `data/exchanges.toml`: static memory, no parser in the browser.

use crate::core::model::*;
use crate::core::petition::payload::{Encoding, EndpointConfig, FieldNames};

include!(concat!(env!("OUT_DIR"), "/cases.rs"));

/// The timer span of the person with this id, for islands that find the
/// id in the page (components have `Person::timer`).
pub fn span_of(id: &str) -> Option<&'static TimerSpan> {
    TIMER_SPANS.iter().find(|c| c.id == id)
}

/// The exchange (or one-way release) with this id.
pub fn exchange_of(id: &str) -> Option<&'static Exchange> {
    EXCHANGES.iter().find(|e| e.id == id)
}

/// The words of the data in one language; facts are the same in all.
#[derive(Clone, Copy)]
pub struct Content {
    pub campaign: &'static Campaign,
    pub people: &'static [Person],
    pub exchanges: &'static [Exchange],
    pub news: &'static [News],
    pub designation: &'static Explainer,
    pub petition: &'static PetitionText,
    pub published: bool,
}

/// The data in `lang`'s words.
pub fn content(_lang: crate::core::lang::Lang) -> Content {
    Content {
        campaign: &CAMPAIGN,
        people: PEOPLE,
        exchanges: EXCHANGES,
        news: NEWS,
        designation: &DESIGNATION,
        petition: &PETITION,
        published: true,
    }
}
