use crate::browser::clock::use_clock;
use crate::core::text;
use leptos::prelude::*;

/// Pauses and resumes every timer on the page (WCAG 2.2.2: moving, updating content).
#[component]
pub fn ClockToggle() -> impl IntoView {
    let clock = use_clock();
    view! {
        <div class="lb-toolbar">
            <button type="button" class="lb-clock-toggle" on:click=move |_| clock.toggle()>
                {move || if clock.running() { text::PAUSE_TIMERS } else { text::RESUME_TIMERS }}
            </button>
            <p class="lb-toolbar__note" aria-live="polite">
                {move || (!clock.running()).then_some(text::TIMERS_PAUSED_NOTE)}
            </p>
        </div>
    }
}
