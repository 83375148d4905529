use crate::components::use_live;
use leptos::either::Either;
use leptos::prelude::*;

/// A text of the data in the page's language; where a preview language has
/// no current translation of it, the English, marked as English for
/// screen readers and hyphenation (`lang`) and said to be so in the reader's
/// language.
#[component]
pub fn Words(
    /// The text as the data gives it for this page's language.
    text: &'static str,
    /// Whether `text` is the English one standing in for a translation.
    #[prop(optional)]
    english: bool,
) -> impl IntoView {
    if english {
        Either::Left(view! {
            <span lang="en">{text}</span>
            " "
            <span class="lb-in-english">{use_live().in_english}</span>
        })
    } else {
        Either::Right(text)
    }
}
