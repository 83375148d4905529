#[cfg(target_arch = "wasm32")]
fn main() {
    left_behind::islands::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Left Behind runs in the browser: build it with `trunk build --release`.");
}
