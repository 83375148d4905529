//! A preview language's missing translation, as a reader meets it: the
//! English text, marked as English, and said to be so in their language.
#![cfg(target_arch = "wasm32")]

use left_behind::components::words::Words;
use left_behind::core::lang::Lang;
use left_behind::core::text;
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mounted(lang: Lang, english: bool) -> web_sys::HtmlElement {
    let doc = document();
    let root: web_sys::HtmlElement = doc.create_element("p").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&root).unwrap();
    mount_to(root.clone(), move || {
        provide_context(lang);
        view! { <Words text="A ballerina from Los Angeles" english/> }
    })
    .forget();
    root
}

#[wasm_bindgen_test]
fn a_fallback_is_english_marked_and_named_in_the_readers_language() {
    let root = mounted(Lang::Ru, true);
    let english = root
        .query_selector("[lang=en]")
        .unwrap()
        .expect("marked English");
    assert_eq!(
        english.text_content().unwrap(),
        "A ballerina from Los Angeles"
    );
    let text = root.text_content().unwrap();
    assert!(
        text.ends_with(text::live(Lang::Ru).in_english),
        "the note is in Russian: {text}"
    );
}

#[wasm_bindgen_test]
fn a_translated_text_stands_alone() {
    let root = mounted(Lang::Uk, false);
    assert!(root.query_selector("[lang]").unwrap().is_none());
    assert_eq!(root.text_content().unwrap(), "A ballerina from Los Angeles");
}
