use crate::browser::clock::use_clock;
use crate::components::use_live;
use crate::core::model::TimerSpan;
use crate::core::route::Route;
use leptos::either::Either;
use leptos::prelude::*;

/// "Left behind: N days since the last exchange", ticking on the shared clock,
/// for a detained person who was already held when Americans last came home.
#[component]
pub fn LeftBehind(
    /// The detained person's clock.
    spec: &'static TimerSpan,
) -> impl IntoView {
    let l = use_live();
    let now = use_clock().subscribe();
    view! {
        <p class="lb-left-behind">
            {match spec.left_behind {
                Some(ex) => {
                    let days = move || ex.days_since(now.get());
                    Either::Left(view! {
                        <a href=Route::Exchange(ex.id).href()>
                            {move || l.left_behind(days(), ex.date)}
                        </a>
                    })
                }
                None => Either::Right(l.arrested_after_last_exchange),
            }}
        </p>
    }
}
