use crate::components::{use_page, words::Words};
use leptos::prelude::*;

/// A person's story: the first paragraph, and the rest behind "Read more".
#[component]
pub fn Story(
    /// The paragraphs, first one always shown.
    paragraphs: &'static [&'static str],
    /// Whether they are the English standing in for a translation.
    #[prop(optional)]
    english: bool,
) -> impl IntoView {
    let t = use_page();
    let (first, rest) = paragraphs
        .split_first()
        .map_or(("", &[][..]), |(f, r)| (*f, r));
    // A native disclosure: keyboard, screen-reader state and no script to ship.
    view! {
        <div class="lb-story">
            <p><Words text=first english/></p>
            <details class="lb-story__more" hidden=rest.is_empty()>
                <summary>{t.read_more}</summary>
                {rest.iter().map(|&text| view! { <p><Words text english/></p> }).collect_view()}
            </details>
        </div>
    }
}
