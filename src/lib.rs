//! Left Behind: a campaign site and embeddable widget for Americans detained in Russia.
//!
//! Pure logic (elapsed time, data, routes, text) compiles natively and is tested
//! with `cargo test`. The components render the first view natively at build
//! time (feature `ssr`) and its live parts in the browser.

pub mod data;
pub mod elapsed;
pub mod model;
pub mod petition;
pub mod route;
pub mod text;
pub mod widget;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod app;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod clock;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod islands;
#[cfg(target_arch = "wasm32")]
pub mod outbox;
pub mod outbox_key;
#[cfg(target_arch = "wasm32")]
pub mod petition_island;
