use crate::components::{sources::Sources, use_content};
use leptos::prelude::*;

/// What wrongful-detention designation means, as far as the sources say,
/// after the campaign's own reason for asking for it.
#[component]
pub fn Explainer() -> impl IntoView {
    let c = use_content();
    view! {
        <section class="lb-explainer" id="lb-designation" aria-labelledby="lb-designation-heading">
            <h2 class="lb-cases__heading" id="lb-designation-heading">{c.designation.heading}</h2>
            <p>{c.campaign.why}</p>
            {c.designation.body.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
            <Sources sources=c.designation.sources folded=true/>
        </section>
    }
}
