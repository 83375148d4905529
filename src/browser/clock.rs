//! One shared clock for every timer on the page.
//!
//! In the browser it ticks on the wall-clock second (so all cards change
//! together, and the seconds never lag a visible clock), does no work while the
//! document is hidden or the visitor has paused it, and stops when its owner
//! unmounts. At build time it stands at the moment of prerendering.

use leptos::prelude::*;

/// The current time as the page shows it, shared through context.
#[derive(Clone, Copy)]
pub struct Clock {
    /// Unix seconds of the last tick.
    now: StoredValue<i64>,
    running: RwSignal<bool>,
    /// Who hears each tick, by id (so an unmounting reader can leave).
    /// Plain calls rather than one signal read by every timer: leaving a
    /// signal's subscriber list costs time linear in its length, which made a
    /// tick quadratic in the number of timers.
    listeners: StoredValue<(u64, Vec<Listener>), LocalStorage>,
    #[cfg(target_arch = "wasm32")]
    /// The next tick; dropping a gloo `Timeout` cancels it.
    pending: StoredValue<Option<gloo_timers::callback::Timeout>, LocalStorage>,
}

type Listener = (u64, Box<dyn Fn(i64)>);

impl Clock {
    /// The time in Unix seconds for one component, updated on every tick.
    pub fn subscribe(&self) -> ReadSignal<i64> {
        let (read, write) = signal(self.now());
        self.on_tick(move |now| write.set(now));
        read
    }

    /// Calls `listener` with the time on every tick, until the calling
    /// component unmounts. For the hot path, where a reactive effect per
    /// ticking line would cost more than the line's own work.
    pub fn on_tick(&self, listener: impl Fn(i64) + 'static) {
        let mut id = 0;
        self.listeners.update_value(|(next, list)| {
            id = *next;
            *next += 1;
            list.push((id, Box::new(listener)));
        });
        let listeners = self.listeners;
        on_cleanup(move || listeners.update_value(|(_, list)| list.retain(|(i, _)| *i != id)));
    }

    /// Unix seconds of the last tick (untracked).
    pub fn now(&self) -> i64 {
        self.now.get_value()
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
}

/// The clock from context; panics outside `provide_clock`.
pub fn use_clock() -> Clock {
    // Not `expect_context`: its Debug-formatted message costs ~1 KB of WASM.
    use_context::<Clock>().expect("a Clock is provided by provide_clock")
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::Clock;
    use gloo_timers::callback::Timeout;
    use leptos::ev;
    use leptos::prelude::*;

    impl Clock {
        /// Catches up with the true time and arms the next tick, or cancels it
        /// when paused or hidden.
        pub(super) fn sync(self) {
            if self.running.get_untracked() && !document().hidden() {
                self.set_now(super::now_unix());
                self.schedule();
            } else {
                self.pending.set_value(None);
            }
        }

        fn set_now(self, now: i64) {
            self.now.set_value(now);
            self.listeners
                .with_value(|(_, list)| list.iter().for_each(|(_, listener)| listener(now)));
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

    /// Starts the shared clock for this owner and its children.
    pub fn provide_clock(start_running: bool) -> Clock {
        let clock = Clock {
            now: StoredValue::new(super::now_unix()),
            running: RwSignal::new(start_running),
            listeners: StoredValue::new_local((0, Vec::new())),
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
}

#[cfg(target_arch = "wasm32")]
pub use browser::provide_clock;

#[cfg(target_arch = "wasm32")]
fn now_unix() -> i64 {
    (js_sys::Date::now() / 1000.0).floor() as i64
}

/// At build time the clock stands still at the moment of prerendering.
#[cfg(not(target_arch = "wasm32"))]
pub fn provide_clock(start_running: bool) -> Clock {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let clock = Clock {
        now: StoredValue::new(now),
        running: RwSignal::new(start_running),
        listeners: StoredValue::new_local((0, Vec::new())),
    };
    provide_context(clock);
    clock
}

#[cfg(not(target_arch = "wasm32"))]
impl Clock {
    fn sync(self) {}
}
