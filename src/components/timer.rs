use crate::clock::use_clock;
use crate::elapsed::Elapsed;
use crate::model::PersonClock;
use crate::text;
use leptos::prelude::*;

/// The count-up timer: ticking on the shared clock while the person is held,
/// frozen at the release for people who came home.
#[component]
pub fn Timer(
    /// When this timer starts and stops.
    spec: &'static PersonClock,
) -> impl IntoView {
    let now = use_clock().subscribe();
    let exact = spec.day_known;
    let detained = spec.end.is_none();
    // Recomputed per text node rather than memoized: the calendar math is a few
    // integer operations, cheaper than a memo's bookkeeping and its WASM.
    let elapsed = move || {
        Elapsed::between(
            spec.start,
            spec.offset,
            spec.end.unwrap_or_else(|| now.get()),
        )
    };
    // Text nodes only touch the DOM when their string changes, so the
    // day-level lines cost a comparison per tick, not a repaint.
    let ymd = move || text::ymd(&elapsed(), exact);
    let total = move || text::total_days(&elapsed(), exact);
    let summary = move || text::elapsed_summary(&elapsed(), exact, detained);

    view! {
        <div class="lb-timer" data-state=if detained { "running" } else { "frozen" }>
            <p class="lb-timer__label">{if detained { text::DETAINED_FOR } else { text::HELD_FOR }}</p>
            <div class="lb-timer__display" aria-hidden="true">
                <p class="lb-timer__ymd">{ymd}</p>
                // A release has no time of day, so frozen timers show no clock.
                {(exact && detained).then(|| view! { <p class="lb-timer__hms">{move || text::hms(&elapsed())}</p> })}
                <p class="lb-timer__days">{total}</p>
            </div>
            <p class="lb-sr-only lb-timer__summary">{summary}</p>
        </div>
    }
}
