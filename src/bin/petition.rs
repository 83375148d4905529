//! The petition's own WebAssembly bundle, loaded by the page only when the
//! form comes near the screen (or a signature from an earlier visit is still
//! waiting), so the first view does not pay for it.

#[cfg(target_arch = "wasm32")]
fn main() {
    left_behind::islands::petition::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The petition bundle runs in the browser: `trunk build` builds it.");
}
