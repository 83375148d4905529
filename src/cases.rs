//! The case data, compiled in by `build.rs` from `data/cases.toml`.

use crate::model::*;

include!(concat!(env!("OUT_DIR"), "/cases.rs"));
