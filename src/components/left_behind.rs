use crate::clock::use_clock;
use crate::data::EXCHANGES;
use crate::model::{last_exchange_after, Person};
use crate::route::Route;
use crate::text;
use leptos::either::Either;
use leptos::prelude::*;

/// "Left behind: N days since the last exchange", ticking on the shared clock,
/// for a detained person who was already held when Americans last came home.
#[component]
pub fn LeftBehind(
    /// The detained person.
    person: &'static Person,
) -> impl IntoView {
    let clock = use_clock();
    let exchange = last_exchange_after(EXCHANGES, person.arrest.start);
    view! {
        <p class="lb-left-behind">
            {match exchange {
                Some(ex) => {
                    let days = move || ((clock.now() - ex.instant).max(0) / 86_400) as u64;
                    Either::Left(view! {
                        <a href=Route::Exchange(ex.id).href()>
                            {move || text::left_behind(days(), ex.date)}
                        </a>
                    })
                }
                None => Either::Right(text::ARRESTED_AFTER_LAST_EXCHANGE),
            }}
        </p>
    }
}
