use crate::text;
use leptos::prelude::*;

/// A person's story: the first paragraph, and the rest behind "Read more".
#[component]
pub fn Story(
    /// The paragraphs, first one always shown.
    paragraphs: &'static [&'static str],
    /// Unique id for the collapsible part, so the button can point at it.
    id: String,
) -> impl IntoView {
    let (first, rest) = paragraphs
        .split_first()
        .map_or((None, &[][..]), |(f, r)| (Some(*f), r));
    let open = RwSignal::new(false);
    let more = (!rest.is_empty()).then(|| {
        let more_id = format!("{id}-more");
        view! {
            <div class="lb-story__more" id=more_id.clone() hidden=move || !open.get()>
                {rest.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
            </div>
            <button
                type="button"
                class="lb-story__toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls=more_id
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || if open.get() { text::READ_LESS } else { text::READ_MORE }}
            </button>
        }
    });
    view! {
        <div class="lb-story">
            {first.map(|p| view! { <p>{p}</p> })}
            {more}
        </div>
    }
}
