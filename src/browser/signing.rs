//! The petition form's side of the outbox: sending a signature and hearing
//! what becomes of a queued one, moving the form's phase by the core's one
//! rule (`Phase::after`). Inert in the prerender, which never submits.

use crate::core::petition::phase::Phase;
use crate::core::petition::signature::Signature;
use crate::core::text::Form;
use leptos::prelude::*;

/// The form's phase and the message it shows, which the answers move on.
#[derive(Clone, Copy)]
pub struct Status {
    pub phase: RwSignal<Phase>,
    pub notice: RwSignal<Option<String>>,
    /// The form's words: what to say when the endpoint refuses without
    /// saying why, and the language the signature is given in.
    pub words: &'static Form,
}

#[cfg(target_arch = "wasm32")]
impl Status {
    /// Sends the signature through the outbox, with its fill time.
    pub fn deliver(self, signature: Signature, fill_ms: Option<u64>) {
        self.phase.set(Phase::Sending);
        leptos::task::spawn_local(async move {
            let outcome =
                crate::browser::outbox::sign(signature, fill_ms, self.words.live.lang).await;
            self.settle(&outcome);
        });
    }

    /// Moves a queued form on when the outbox later delivers (or the
    /// endpoint refuses) its signature in the background.
    pub fn follow_the_outbox(self) {
        crate::browser::outbox::on_settled(move |outcome| {
            if self.phase.try_get_untracked() == Some(Phase::Queued) {
                self.settle(outcome);
            }
        });
    }

    fn settle(self, outcome: &crate::core::petition::response::Outcome) {
        let (phase, notice) = Phase::after(outcome, self.words.rejected);
        if notice.is_some() {
            self.notice.set(notice);
        }
        self.phase.set(phase);
        // The page's counter counts again, so that it includes this person.
        if matches!(phase, Phase::Signed { .. }) {
            if let Ok(event) = web_sys::Event::new(crate::core::petition::count::SIGNED_EVENT) {
                let _ = window().dispatch_event(&event);
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Status {
    pub fn deliver(self, _: Signature, _: Option<u64>) {}
    pub fn follow_the_outbox(self) {}
}
