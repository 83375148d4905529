use leptos::prelude::*;

/// Marks a live part of the prerendered page. The browser's WASM mounts the
/// component named `kind` here (see `islands.rs`); everything outside islands
/// is static HTML and costs the download nothing.
#[component]
pub fn Island(
    /// Which component the browser mounts: "timer", "left-behind", …
    kind: &'static str,
    /// The person it is about, if any.
    #[prop(optional)]
    case: Option<&'static str>,
    /// The first view, as rendered at build time.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="lb-island" data-island=kind data-case=case>
            {children()}
        </div>
    }
}
