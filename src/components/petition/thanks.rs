//! After signing: thanks, a share step and what else to do.

use crate::browser::dom;
use crate::core::data::PETITION;
use crate::core::text;
use leptos::prelude::*;

/// After signing: thanks, a share step and what else to do.
#[component]
pub fn ThankYou(
    /// The endpoint said this person had signed before.
    already: bool,
) -> impl IntoView {
    let url = dom::page_url();
    let encoded = |s: &str| {
        let mut out = String::new();
        crate::core::petition::payload::form_escape(&mut out, s);
        out
    };
    let mail = format!(
        "mailto:?subject={}&body={}",
        encoded(PETITION.heading),
        encoded(&format!("{} {url}", text::SHARE_TEXT))
    );
    let x = format!(
        "https://twitter.com/intent/tweet?text={}&url={}",
        encoded(text::SHARE_TEXT),
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
            <p class="lb-petition__thanks-title">{if already { text::ALREADY_SIGNED } else { text::THANKS }}</p>
            <h3 class="lb-petition__subheading">{text::SHARE_HEADING}</h3>
            <p>
                <button type="button" class="lb-button" on:click=move |_| {
                    if dom::share(PETITION.heading, text::SHARE_TEXT, &share_url) {
                        copied.set(true);
                    }
                }>
                    {text::SHARE}
                </button>
                " "
                <span role="status">{move || copied.get().then_some(text::LINK_COPIED)}</span>
            </p>
            <ul class="lb-petition__share">
                <li><a href=mail>{text::SHARE_BY_EMAIL}</a></li>
                <li><a href=x rel="noopener noreferrer">{text::SHARE_ON_X}</a></li>
                <li><a href=facebook rel="noopener noreferrer">{text::SHARE_ON_FACEBOOK}</a></li>
            </ul>
            <h3 class="lb-petition__subheading">{text::NEXT_HEADING}</h3>
            <ul>
                <li><a href="https://www.house.gov/representatives/find-your-representative" rel="noopener noreferrer">{text::CONTACT_HOUSE}</a></li>
                <li><a href="https://www.senate.gov/senators/senators-contact.htm" rel="noopener noreferrer">{text::CONTACT_SENATE}</a></li>
            </ul>
        </div>
    }
}
