use crate::browser::clock::use_clock;
use crate::components::use_live;
use leptos::prelude::*;

/// Pauses and resumes every timer on the page (WCAG 2.2.2: moving, updating content).
#[component]
pub fn ClockToggle() -> impl IntoView {
    let l = use_live();
    let clock = use_clock();
    view! {
        <div class="lb-toolbar">
            <button type="button" class="lb-clock-toggle" on:click=move |_| clock.toggle()>
                {move || if clock.running() { l.pause_timers } else { l.resume_timers }}
            </button>
            <p class="lb-toolbar__note" aria-live="polite">
                {move || (!clock.running()).then_some(l.timers_paused)}
            </p>
        </div>
    }
}
