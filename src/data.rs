//! The data, compiled in by `build.rs` from `data/cases.toml` and
//! `data/exchanges.toml`: static memory, no parser in the browser.

use crate::model::*;

include!(concat!(env!("OUT_DIR"), "/cases.rs"));
