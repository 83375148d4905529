//! The data, compiled in by `build.rs` from `data/cases.toml` and
//! `data/exchanges.toml`: static memory, no parser in the browser.

use crate::model::*;
use crate::petition::payload::{Encoding, EndpointConfig, FieldNames};

include!(concat!(env!("OUT_DIR"), "/cases.rs"));

/// The live-timer numbers of the person with this id.
pub fn clock_of(id: &str) -> Option<&'static PersonClock> {
    CLOCKS.iter().find(|c| c.id == id)
}

/// The exchange (or one-way release) with this id.
pub fn exchange_of(id: &str) -> Option<&'static Exchange> {
    EXCHANGES.iter().find(|e| e.id == id)
}
