//! Left Behind: a campaign site and embeddable widget for Americans detained in Russia.
//!
//! Pure logic (elapsed time, data, routes, text) compiles natively and is tested
//! with `cargo test`; the components are browser-only.

pub mod data;
pub mod elapsed;
pub mod model;
pub mod petition;
pub mod route;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod clock;
#[cfg(target_arch = "wasm32")]
pub mod components;
