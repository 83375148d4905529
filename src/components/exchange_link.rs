use crate::components::use_page;
use crate::core::data::exchange_of;
use crate::core::route::Route;
use leptos::prelude::*;

/// "See the exchange" (or "See the release", when nothing was given in
/// return): a link to how a person came home, on the timeline.
#[component]
pub fn ExchangeLink(
    /// The exchange's id in the data.
    id: &'static str,
) -> impl IntoView {
    let t = use_page();
    exchange_of(id).map(|ex| {
        view! {
            <a href=Route::Exchange(ex.id).href()>
                {if ex.release_only { t.see_release } else { t.see_exchange }}
            </a>
        }
    })
}
