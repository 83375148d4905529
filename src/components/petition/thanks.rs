//! After signing: thanks, a share step and what else to do.

use super::ShareText;
use crate::browser::dom;
use crate::components::{use_content, use_form};
use leptos::prelude::*;

/// After signing: thanks, a share step and what else to do.
#[component]
pub fn ThankYou(
    /// The endpoint said this person had signed before.
    already: bool,
) -> impl IntoView {
    let f = use_form();
    let heading = use_content().petition.heading;
    let url = dom::page_url();
    // The page's own, led by a recent milestone, or the bundle's.
    let text = use_context::<ShareText>()
        .map(|s| s.0)
        .unwrap_or_else(|| f.share_text.to_string());
    let encoded = |s: &str| {
        let mut out = String::new();
        crate::core::petition::payload::form_escape(&mut out, s);
        out
    };
    let mail = format!(
        "mailto:?subject={}&body={}",
        encoded(heading),
        encoded(&format!("{text} {url}"))
    );
    let x = format!(
        "https://twitter.com/intent/tweet?text={}&url={}",
        encoded(&text),
        encoded(&url)
    );
    let facebook = format!(
        "https://www.facebook.com/sharer/sharer.php?u={}",
        encoded(&url)
    );
    let copied = RwSignal::new(false);
    let share_url = url.clone();
    let node = NodeRef::<leptos::html::Div>::new();
    // Move focus to the confirmation so keyboard and screen-reader users hear it.
    node.on_load(|el| {
        let _ = el.focus();
    });
    view! {
        <div class="lb-petition__thanks" data-testid="petition-thanks" tabindex="-1" node_ref=node>
            <p class="lb-petition__thanks-title">{if already { f.already_signed } else { f.thanks }}</p>
            <h3 class="lb-petition__subheading">{f.share_heading}</h3>
            <p>
                <button type="button" class="lb-button" on:click=move |_| {
                    if dom::share(heading, &text, &share_url) {
                        copied.set(true);
                    }
                }>
                    {f.share}
                </button>
                " "
                <span role="status">{move || copied.get().then_some(f.link_copied)}</span>
            </p>
            <ul class="lb-petition__share">
                <li><a href=mail>{f.share_by_email}</a></li>
                <li><a href=x rel="noopener noreferrer">{f.share_on_x}</a></li>
                <li><a href=facebook rel="noopener noreferrer">{f.share_on_facebook}</a></li>
            </ul>
            <h3 class="lb-petition__subheading">{f.next_heading}</h3>
            <ul>
                <li><a href="https://www.house.gov/representatives/find-your-representative" rel="noopener noreferrer">{f.contact_house}</a></li>
                <li><a href="https://www.senate.gov/senators/senators-contact.htm" rel="noopener noreferrer">{f.contact_senate}</a></li>
            </ul>
        </div>
    }
}
