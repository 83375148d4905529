//! The page's building blocks, one concern a module.

pub mod ask;
pub mod badge;
pub mod card;
pub mod case_list;
pub mod clock_toggle;
pub mod exchange_link;
pub mod explainer;
pub mod footer;
pub mod island;
pub mod left_behind;
pub mod news;
pub mod petition;
pub mod sentence;
pub mod sources;
pub mod story;
pub mod switcher;
pub mod timeline;
pub mod timer;
pub mod widget;
pub mod words;

use crate::core::data::{self, Content};
use crate::core::lang::Lang;
use crate::core::text::{self, Form, Live, Page};
use leptos::prelude::*;

/// The language of the page being rendered or brought to life: provided per
/// page by the prerender and per island from `<html lang>`.
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// The islands' words in the page's language.
pub fn use_live() -> &'static Live {
    text::live(use_lang())
}

/// The petition's words in the page's language.
pub fn use_form() -> &'static Form {
    text::form(use_lang())
}

/// The prerendered page's words. Not for islands: it would bring every
/// page's words into their bundle.
pub fn use_page() -> &'static Page {
    text::page(use_lang())
}

/// The data in the page's language.
pub fn use_content() -> Content {
    data::content(use_lang())
}
