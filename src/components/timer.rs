use crate::browser::{
    clock::use_clock,
    dom::{on_screen, write},
};
use crate::components::use_live;
use crate::core::model::TimerSpan;
use crate::core::text;
use leptos::prelude::*;

/// The count-up timer: ticking on the shared clock while the person is held,
/// frozen at the release for people who came home.
#[component]
pub fn Timer(
    /// When this timer starts and stops.
    spec: &'static TimerSpan,
) -> impl IntoView {
    let l = use_live();
    let clock = use_clock();
    let exact = spec.day_known;
    let detained = spec.end.is_none();
    let standing = spec.standing;
    let first = spec.elapsed(clock.now());
    let (ymd, hms, days, summary) = (
        NodeRef::new(),
        NodeRef::new(),
        NodeRef::new(),
        NodeRef::new(),
    );
    if detained {
        // Straight from the tick to the text nodes: with a reactive effect per
        // line, a tick cost over twice what the same updates cost in plain
        // JavaScript (bench/tick.mjs). The seconds only while on screen; the
        // day-level lines (the screen reader's sentence among them) whenever
        // the day changes.
        let seen = on_screen(
            hms,
            Box::new(move || write(hms, &text::hms(&spec.elapsed(clock.now())))),
        );
        let shown_day = std::cell::Cell::new(first.total_days);
        clock.on_tick(move |now| {
            let day = spec.total_days(now);
            if !seen() && shown_day.get() == day {
                return;
            }
            let e = spec.elapsed(now);
            write(hms, &text::hms(&e));
            if shown_day.replace(day) != day {
                write(ymd, &l.ymd(&e, exact));
                write(days, &l.total_days(&e, exact));
                write(summary, &l.elapsed_summary(&e, exact, standing));
            }
        });
    }

    view! {
        <div class="lb-timer" data-state=if detained { "running" } else { "frozen" }>
            <p class="lb-timer__label">{l.timer_label(standing)}</p>
            <div class="lb-timer__display" aria-hidden="true">
                <p class="lb-timer__ymd" node_ref=ymd>{l.ymd(&first, exact)}</p>
                // A release has no time of day, so frozen timers show no clock.
                {(exact && detained).then(|| view! { <p class="lb-timer__hms" node_ref=hms>{text::hms(&first)}</p> })}
                <p class="lb-timer__days" node_ref=days>{l.total_days(&first, exact)}</p>
            </div>
            <p class="lb-sr-only lb-timer__summary" node_ref=summary>{l.elapsed_summary(&first, exact, standing)}</p>
        </div>
    }
}

/// A held person's day count alone, "1,783 days", turning with the day: the
/// hero's and the tracked list's number, lighter than a whole timer.
#[component]
pub fn DayCount(
    /// Whose days to count.
    spec: &'static TimerSpan,
) -> impl IntoView {
    let l = use_live();
    let clock = use_clock();
    let first = spec.elapsed(clock.now());
    let line = NodeRef::new();
    if spec.end.is_none() {
        let shown_day = std::cell::Cell::new(first.total_days);
        // An integer compare per tick; the words only when the day turns.
        clock.on_tick(move |now| {
            let day = spec.total_days(now);
            if shown_day.replace(day) != day {
                write(line, &l.total_days(&spec.elapsed(now), spec.day_known));
            }
        });
    }
    view! { <p class="lb-days" node_ref=line>{l.total_days(&first, spec.day_known)}</p> }
}
