//! One shared clock for every timer on the page.
//!
//! It ticks on the wall-clock second (so all cards change together, and the
//! seconds never lag a visible clock), does no work while the document is
//! hidden or the visitor has paused it, and stops when its owner unmounts.

use gloo_timers::callback::Timeout;
use leptos::ev;
use leptos::prelude::*;

/// The current time as the page shows it, shared through context.
#[derive(Clone, Copy)]
pub struct Clock {
    now: RwSignal<i64>,
    running: RwSignal<bool>,
    /// The next tick; dropping a gloo `Timeout` cancels it.
    pending: StoredValue<Option<Timeout>, LocalStorage>,
}

impl Clock {
    /// Unix seconds of the last tick (tracked).
    pub fn now(&self) -> i64 {
        self.now.get()
    }

    /// Whether the timers are ticking (tracked).
    pub fn running(&self) -> bool {
        self.running.get()
    }

    /// Pauses, or resumes from the true time (WCAG 2.2.2).
    pub fn toggle(&self) {
        self.running.update(|r| *r = !*r);
        self.sync();
    }

    /// Catches up with the true time and arms the next tick, or cancels it
    /// when paused or hidden.
    fn sync(self) {
        if self.running.get_untracked() && !document().hidden() {
            self.now.set(now_unix());
            self.schedule();
        } else {
            self.pending.set_value(None);
        }
    }

    /// Arms one timeout for just after the next wall-clock second.
    fn schedule(self) {
        let ms_into_second = js_sys::Date::now() as u64 % 1000;
        // A few ms late rather than early, so the tick lands in the new second.
        let delay = (1000 - ms_into_second + 4) as u32;
        self.pending
            .set_value(Some(Timeout::new(delay, move || self.sync())));
    }
}

/// The clock from context; panics outside `provide_clock`.
pub fn use_clock() -> Clock {
    // Not `expect_context`: its Debug-formatted message costs ~1 KB of WASM.
    use_context::<Clock>().expect("a Clock is provided by provide_clock")
}

/// Starts the shared clock for this component and its children.
pub fn provide_clock(start_running: bool) -> Clock {
    let clock = Clock {
        now: RwSignal::new(now_unix()),
        running: RwSignal::new(start_running),
        pending: StoredValue::new_local(None),
    };
    clock.sync();
    let visibility = window_event_listener(ev::visibilitychange, move |_| clock.sync());
    on_cleanup(move || {
        visibility.remove();
        clock.pending.set_value(None);
    });
    provide_context(clock);
    clock
}

fn now_unix() -> i64 {
    (js_sys::Date::now() / 1000.0).floor() as i64
}
