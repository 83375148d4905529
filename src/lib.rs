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

// The WASM's allocator: lol_alloc's free list, which keeps freed blocks sorted
// by address and merges neighbours, so memory that Leptos frees (it allocates
// and frees on every render) is used again. Smaller than dlmalloc by ~6 KB of
// WASM (Cargo.toml). Each allocation walks the free list, which stays short:
// the page allocates mostly while it mounts, and a tick writes text nodes
// without allocating much.
// SAFETY: without the `atomics` target feature the module runs on one thread
// only (no SharedArrayBuffer memory, no workers sharing it), which is what
// AssumeSingleThreaded requires.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
