//! Entry of the petition bundle: mounts the live form where the prerendered
//! one stands, keeping whatever the person already typed, and starts the
//! outbox that delivers signatures from earlier visits.

use crate::components::petition::{field_id, PetitionForm, ShareText};
use crate::core::data::petition_endpoint;
use crate::core::petition::payload::{Encoding, EndpointConfig};
use crate::core::petition::signature::{Field, Signature};
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlFormElement, HtmlInputElement};

/// The island's attribute for a press of the prerendered button: when, in ms
/// since the page started loading.
pub const PRESSED_AT: &str = "data-pressed-at";

/// Mounts every petition island on the page.
pub fn start() {
    let Ok(islands) = document().query_selector_all("[data-island=petition]") else {
        return;
    };
    // A page names one endpoint and one partner, on its first petition.
    let first: Option<HtmlElement> = islands.item(0).map(|e| e.unchecked_into());
    let source = first
        .as_ref()
        .and_then(|el| el.get_attribute("data-source"))
        .and_then(|s| crate::core::embed::partner_id(&s).map(str::to_string));
    crate::browser::outbox::start(first.as_ref().and_then(endpoint_override), source);
    for i in 0..islands.length() {
        let Some(el) = islands.item(i) else { continue };
        let el: HtmlElement = el.unchecked_into();
        let typed = typed_so_far();
        // A script that filled the honeypot before the bundle came is still caught.
        let bait = el
            .query_selector(".lb-petition__hp input")
            .ok()
            .flatten()
            .map(|i| i.unchecked_into::<HtmlInputElement>().value())
            .unwrap_or_default();
        // Someone may be typing in the prerendered form: they keep their place.
        let focused = document()
            .active_element()
            .filter(|a| el.contains(Some(a)))
            .map(|a| a.id());
        // The page's own code marks a press of the prerendered button (see
        // `src/islands/mod.rs`): that signature is sent now, not after a second press.
        let pressed_at = el
            .get_attribute(PRESSED_AT)
            .and_then(|ms| ms.parse::<u64>().ok());
        // Written by the build, with the day's milestone in it.
        let share = el.get_attribute("data-share").map(ShareText);
        el.set_inner_html("");
        let island = el.clone();
        let lang = super::page_lang();
        mount_to(el, move || {
            provide_context(lang);
            if let Some(share) = share {
                provide_context(share);
            }
            view! { <PetitionForm live=true typed pressed_at bait/> }
        })
        .forget();
        if let Some(el) = focused.and_then(|id| document().get_element_by_id(&id)) {
            let _ = el.unchecked_into::<HtmlElement>().focus();
        }
        if pressed_at.is_some() {
            let _ = island.remove_attribute(PRESSED_AT);
            if let Ok(Some(form)) = island.query_selector("form") {
                // Through the form's own submit, so it is checked as any other.
                let _ = form.unchecked_into::<HtmlFormElement>().request_submit();
            }
        }
    }
}

/// The endpoint a page names on the island (`data-endpoint`, and
/// `data-encoding` = "form" or "json"), over the build's configuration.
fn endpoint_override(el: &HtmlElement) -> Option<EndpointConfig> {
    let url = el
        .get_attribute("data-endpoint")
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))?;
    let mut config = petition_endpoint();
    config.url = url;
    match el.get_attribute("data-encoding").as_deref() {
        Some("json") => config.encoding = Encoding::Json,
        Some("form") => config.encoding = Encoding::Form,
        _ => {}
    }
    Some(config)
}

/// What was typed into the prerendered form before the bundle arrived.
fn typed_so_far() -> Signature {
    // By the ids the prerendered form and the live one share.
    let input = |id: &str| {
        document()
            .get_element_by_id(id)
            .map(|i| i.unchecked_into::<HtmlInputElement>())
    };
    let field = |f: Field| input(field_id(f)).map(|i| i.value()).unwrap_or_default();
    Signature {
        first_name: field(Field::FirstName),
        last_name: field(Field::LastName),
        email: field(Field::Email),
        zip: field(Field::Zip),
        country: field(Field::Country),
        updates: input("lb-petition-updates").is_some_and(|i| i.checked()),
    }
}
