use crate::core::data::CAMPAIGN;
use crate::core::text;
use leptos::prelude::*;

/// The page footer: the open data files and how current the information is.
#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="lb-footer">
            <h2 class="lb-footer__heading">{text::OPEN_DATA_HEADING}</h2>
            <p>{text::OPEN_DATA_INTRO}</p>
            <ul class="lb-footer__files">
                <li>
                    <a href="cases.json">"cases.json"</a>
                    {text::OPEN_DATA_CASES}
                </li>
                <li>
                    <a href="exchanges.json">"exchanges.json"</a>
                    {text::OPEN_DATA_EXCHANGES}
                </li>
                <li>
                    <a href="anniversaries.ics">"anniversaries.ics"</a>
                    {text::OPEN_DATA_CALENDAR}
                </li>
            </ul>
            <p>{text::information_as_of(CAMPAIGN.as_of, CAMPAIGN.checked)}</p>
        </footer>
    }
}
