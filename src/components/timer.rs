use crate::clock::use_clock;
use crate::elapsed::Elapsed;
use crate::model::Person;
use crate::text;
use leptos::prelude::*;

/// The count-up timer: ticking on the shared clock while the person is held,
/// frozen at the release for people who came home.
#[component]
pub fn Timer(
    /// Whose time in detention this counts.
    person: &'static Person,
) -> impl IntoView {
    let clock = use_clock();
    let release = person.release_instant();
    let exact = person.arrest_day_known();
    let detained = release.is_none();
    let elapsed = Memo::new(move |_| {
        let end = release.unwrap_or_else(|| clock.now());
        Elapsed::between(person.arrest.start, person.arrest.offset, end)
    });
    // Separate memos so the day-level text is only rewritten when it changes.
    let ymd = Memo::new(move |_| text::ymd(&elapsed.get(), exact));
    let days = Memo::new(move |_| elapsed.get().total_days);
    let summary = Memo::new(move |_| text::elapsed_summary(&elapsed.get(), exact, detained));
    let total = move || {
        text::total_days(
            &Elapsed {
                total_days: days.get(),
                ..Elapsed::default()
            },
            exact,
        )
    };

    view! {
        <div class="lb-timer" data-state=if detained { "running" } else { "frozen" }>
            <p class="lb-timer__label">{if detained { text::DETAINED_FOR } else { text::HELD_FOR }}</p>
            <div class="lb-timer__display" aria-hidden="true">
                <p class="lb-timer__ymd">{move || ymd.get()}</p>
                // A release has no time of day, so frozen timers show no clock.
                {(exact && detained).then(|| view! { <p class="lb-timer__hms">{move || text::hms(&elapsed.get())}</p> })}
                <p class="lb-timer__days" data-days=move || days.get().to_string()>{total}</p>
            </div>
            <p class="lb-sr-only lb-timer__summary">{move || summary.get()}</p>
        </div>
    }
}
