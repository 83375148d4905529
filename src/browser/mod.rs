//! Services over the browser's APIs, for the components and islands. The
//! clock also runs at build time, where it reads the system time once; the
//! rest exists only in the browser, with inert stand-ins where the prerender
//! renders the same components.

pub mod clock;
pub mod dom;
#[cfg(target_arch = "wasm32")]
pub mod outbox;
pub mod signing;
