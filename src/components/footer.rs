use crate::components::{use_content, use_page};
use leptos::prelude::*;

/// The page footer: the open data files and how current the information is.
#[component]
pub fn Footer() -> impl IntoView {
    let campaign = use_content().campaign;
    let t = use_page();
    view! {
        <footer class="lb-footer">
            <h2 class="lb-footer__heading">{t.open_data_heading}</h2>
            <p>{t.open_data_intro}</p>
            <ul class="lb-footer__files">
                <li>
                    <a href="cases.json">"cases.json"</a>
                    {t.open_data_cases}
                </li>
                <li>
                    <a href="exchanges.json">"exchanges.json"</a>
                    {t.open_data_exchanges}
                </li>
                <li>
                    <a href="/anniversaries.ics">"anniversaries.ics"</a>
                    {t.open_data_calendar}
                </li>
            </ul>
            <p>{t.information_as_of(campaign.as_of, campaign.checked)}</p>
        </footer>
    }
}
