use crate::components::use_page;
use crate::core::model::Standing;
use leptos::prelude::*;

/// The status badge: "Detained", "Last reported detained" or "Released".
#[component]
pub fn Badge(
    /// Where the person is, as far as the data can say.
    standing: Standing,
) -> impl IntoView {
    let t = use_page();
    let class = match standing {
        Standing::Held => "lb-badge",
        Standing::LastReported(_) => "lb-badge lb-badge--unconfirmed",
        Standing::Home(_) => "lb-badge lb-badge--released",
    };
    view! { <span class=class data-testid="status-badge">{t.badge(standing)}</span> }
}
