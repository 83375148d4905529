use crate::core::island::IslandKind;
use leptos::prelude::*;

/// Marks a live part of the prerendered page. The browser's WASM mounts the
/// component named `kind` here (see `src/islands/`); everything outside islands
/// is static HTML and costs the download nothing.
#[component]
pub fn Island(
    /// Which component the browser mounts.
    kind: IslandKind,
    /// The person it is about, if any.
    #[prop(optional)]
    case: Option<&'static str>,
    /// The first view, as rendered at build time.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="lb-island" data-island=kind.as_str() data-case=case>
            {children()}
        </div>
    }
}
