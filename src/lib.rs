//! Left Behind: a campaign site and embeddable widget for Americans detained in Russia.
//!
//! Four parts, each a folder; each may use the ones before it:
//! - [`core`]: the data, elapsed time, the words, routes, embed views and the
//!   petition's rules. No screen and no browser (a test checks that it names
//!   neither Leptos nor web-sys), so all of it is tested natively.
//! - [`browser`]: services over the browser's APIs: the ticking clock, the
//!   petition's outbox, small DOM helpers.
//! - [`components`]: the views, rendered to HTML at build time (feature `ssr`)
//!   and brought to life in the browser.
//! - [`islands`]: the browser's entry points: the page's islands and the
//!   petition bundle's.

pub mod core;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod app;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod browser;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod islands;
