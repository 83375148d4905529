//! Entry of the petition bundle: mounts the live form where the prerendered
//! one stands, keeping whatever the person already typed, and starts the
//! outbox that delivers signatures from earlier visits.

use crate::components::petition::PetitionForm;
use crate::petition::validate::Signature;
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};

/// Mounts every petition island on the page.
pub fn start() {
    crate::outbox::start();
    let Ok(islands) = document().query_selector_all("[data-island=petition]") else {
        return;
    };
    for i in 0..islands.length() {
        let Some(el) = islands.item(i) else { continue };
        let el: HtmlElement = el.unchecked_into();
        let typed = typed_so_far(&el);
        let source = el.get_attribute("data-source");
        el.set_inner_html("");
        let source: Option<&'static str> = source.map(|s| &*Box::leak(s.into_boxed_str()));
        mount_to(el, move || view! { <PetitionForm source live=true typed/> }).forget();
    }
}

/// What was typed into the prerendered form before the bundle arrived.
fn typed_so_far(el: &HtmlElement) -> Signature {
    let value = |selector: &str| {
        el.query_selector(selector)
            .ok()
            .flatten()
            .map(|i| i.unchecked_into::<HtmlInputElement>())
    };
    let text = |selector: &str| value(selector).map(|i| i.value()).unwrap_or_default();
    Signature {
        first_name: text("#lb-petition-first-name"),
        last_name: text("#lb-petition-last-name"),
        email: text("#lb-petition-email"),
        zip: text("#lb-petition-zip"),
        country: text("#lb-petition-country"),
        updates: value("#lb-petition-updates").is_some_and(|i| i.checked()),
    }
}
