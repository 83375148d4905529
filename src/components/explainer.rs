use crate::components::{sources::Sources, use_content, words::Words};
use leptos::prelude::*;

/// What wrongful-detention designation means, as far as the sources say,
/// after the campaign's own reason for asking for it.
#[component]
pub fn Explainer() -> impl IntoView {
    let c = use_content();
    view! {
        <section class="lb-explainer" id="lb-designation" aria-labelledby="lb-designation-heading">
            <h2 class="lb-cases__heading" id="lb-designation-heading"><Words text=c.designation.heading english=c.designation.in_english("heading")/></h2>
            <p><Words text=c.campaign.why english=c.campaign.in_english("why")/></p>
            {c.designation.body.iter().map(|&text| view! { <p><Words text english=c.designation.in_english("body")/></p> }).collect_view()}
            <Sources sources=c.designation.sources folded=true/>
        </section>
    }
}
