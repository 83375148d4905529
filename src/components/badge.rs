use crate::core::model::Standing;
use crate::core::text;
use leptos::prelude::*;

/// The status badge: "Detained", "Last reported detained" or "Released".
#[component]
pub fn Badge(
    /// Where the person is, as far as the data can say.
    standing: Standing,
) -> impl IntoView {
    let class = match standing {
        Standing::Held => "lb-badge",
        Standing::LastReported(_) => "lb-badge lb-badge--unconfirmed",
        Standing::Home(_) => "lb-badge lb-badge--released",
    };
    view! { <span class=class data-testid="status-badge">{text::badge(standing)}</span> }
}
