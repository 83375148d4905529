use crate::components::{use_content, use_page, words::Words};
use leptos::prelude::*;

/// The campaign's news list, newest first, each item dated and linked.
#[component]
pub fn NewsList() -> impl IntoView {
    let t = use_page();
    view! {
        <section class="lb-news" id="lb-news" aria-labelledby="lb-news-heading">
            <h2 class="lb-cases__heading" id="lb-news-heading">{t.news_heading}</h2>
            <ul class="lb-news__list" role="list">
                {use_content()
                    .news
                    .iter()
                    .map(|item| {
                        view! {
                            <li class="lb-news__item">
                                <h3 class="lb-news__headline">
                                    <a href=item.url rel="noopener noreferrer">{item.headline}</a>
                                </h3>
                                <p class="lb-news__meta">
                                    {item.outlet} ", " <time datetime=item.date.iso()>{t.date(item.date)}</time>
                                </p>
                                <p><Words text=item.excerpt english=item.in_english("excerpt")/></p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
