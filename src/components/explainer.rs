use crate::components::sources::Sources;
use crate::core::data::{CAMPAIGN, DESIGNATION};
use leptos::prelude::*;

/// What wrongful-detention designation means, as far as the sources say,
/// after the campaign's own reason for asking for it.
#[component]
pub fn Explainer() -> impl IntoView {
    view! {
        <section class="lb-explainer" id="lb-designation" aria-labelledby="lb-designation-heading">
            <h2 class="lb-cases__heading" id="lb-designation-heading">{DESIGNATION.heading}</h2>
            <p>{CAMPAIGN.why}</p>
            {DESIGNATION.body.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
            <Sources sources=DESIGNATION.sources folded=true/>
        </section>
    }
}
