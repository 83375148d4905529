//! The rule "the core knows no screen": nothing under `src/core/` names a
//! browser or UI crate, so all of it compiles and is tested natively, and the
//! folder a newcomer reads as "pure logic" is exactly that.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

/// The crates only the browser side may use.
const SCREEN: [&str; 6] = [
    "leptos",
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "gloo_timers",
    "send_wrapper",
];

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .flat_map(|entry| {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                rust_files(&path)
            } else {
                path.extension()
                    .is_some_and(|x| x == "rs")
                    .then_some(path)
                    .into_iter()
                    .collect()
            }
        })
        .collect()
}

#[test]
fn nothing_in_core_names_a_browser_or_ui_crate() {
    let core = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core");
    let files = rust_files(&core);
    assert!(files.len() >= 8, "src/core holds the core's modules");
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read a core file");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for name in SCREEN {
                let hyphenated = name.replace('_', "-");
                if code.contains(name) || code.contains(&hyphenated) {
                    found.push(format!("{}:{}: {name}: {line}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "src/core must not name a browser or UI crate:\n{}",
        found.join("\n")
    );
}
