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
    running: RwSignal<bool>,
    /// One stored value for all the clock keeps: each type stored costs the
    /// page's WASM its own copy of the storage code.
    ticks: StoredValue<Ticks, LocalStorage>,
}

struct Ticks {
    /// Unix seconds of the last tick.
    now: i64,
    next_id: u64,
    /// Who hears each tick, by id (so an unmounting reader can leave).
    /// Plain calls rather than one signal read by every timer: leaving a
    /// signal's subscriber list costs time linear in its length, which made a
    /// tick quadratic in the number of timers.
    listeners: Vec<Listener>,
    #[cfg(target_arch = "wasm32")]
    /// The next tick; dropping a gloo `Timeout` cancels it.
    pending: Option<gloo_timers::callback::Timeout>,
}

impl Ticks {
    fn new(now: i64) -> Self {
        Self {
            now,
            next_id: 0,
            listeners: Vec::new(),
            #[cfg(target_arch = "wasm32")]
            pending: None,
        }
    }
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
        self.ticks.update_value(|t| {
            id = t.next_id;
            t.next_id += 1;
            t.listeners.push((id, Box::new(listener)));
        });
        let ticks = self.ticks;
        on_cleanup(move || ticks.update_value(|t| t.listeners.retain(|(i, _)| *i != id)));
    }

    /// Unix seconds of the last tick (untracked).
    pub fn now(&self) -> i64 {
        self.ticks.with_value(|t| t.now)
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
                self.ticks.update_value(|t| t.pending = None);
            }
        }

        fn set_now(self, now: i64) {
            self.ticks.update_value(|t| t.now = now);
            self.ticks
                .with_value(|t| t.listeners.iter().for_each(|(_, listener)| listener(now)));
        }

        /// Arms one timeout for just after the next wall-clock second.
        fn schedule(self) {
            let ms_into_second = js_sys::Date::now() as u64 % 1000;
            // A few ms late rather than early, so the tick lands in the new second.
            let delay = (1000 - ms_into_second + 4) as u32;
            let next = Timeout::new(delay, move || self.sync());
            self.ticks.update_value(|t| t.pending = Some(next));
        }
    }

    /// Starts the shared clock for this owner and its children.
    pub fn provide_clock(start_running: bool) -> Clock {
        let clock = Clock {
            running: RwSignal::new(start_running),
            ticks: StoredValue::new_local(super::Ticks::new(super::now_unix())),
        };
        clock.sync();
        let visibility = window_event_listener(ev::visibilitychange, move |_| clock.sync());
        on_cleanup(move || {
            visibility.remove();
            clock.ticks.update_value(|t| t.pending = None);
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
        running: RwSignal::new(start_running),
        ticks: StoredValue::new_local(Ticks::new(now)),
    };
    provide_context(clock);
    clock
}

#[cfg(not(target_arch = "wasm32"))]
impl Clock {
    fn sync(self) {}
}
