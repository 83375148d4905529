use crate::components::{use_lang, use_page};
use crate::core::data;
use crate::core::lang::Lang;
use leptos::prelude::*;

/// The language switcher: each published language in its own name, linking
/// to this same page in it. No flags: a flag is a country, not a language.
#[component]
pub fn LangSwitcher(
    /// This page's path below a language's prefix: "" or "case/<id>/".
    path: &'static str,
) -> impl IntoView {
    let current = use_lang();
    let shown = Lang::ALL
        .into_iter()
        .filter(move |&lang| lang == current || data::published(lang));
    view! {
        <nav class="lb-langs" aria-label=use_page().language>
            <ul role="list">
                {shown
                    .map(|lang| {
                        view! {
                            <li>
                                <a
                                    href=format!("/{}{path}", lang.prefix())
                                    hreflang=lang.code()
                                    lang=lang.code()
                                    aria-current=(lang == current).then_some("page")
                                >
                                    {lang.own_name()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
