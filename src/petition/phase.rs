//! Where a signature stands from the person's side, and how the outbox's
//! answer moves it on.

use super::response::Outcome;

/// Where a signature stands, from the person's side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Being filled in, or back to it after a refusal.
    Editing,
    /// Sent, waiting for the first answer.
    Sending,
    /// Not delivered yet: saved on the device, retried automatically.
    Queued,
    /// Delivered: the thank-you shows.
    Signed {
        /// The endpoint already had this person's signature.
        already: bool,
    },
}

impl Phase {
    /// Where the signature stands once the outbox reports `outcome`, whether
    /// for the first send or for a retry in the background.
    pub fn after(outcome: &Outcome) -> Phase {
        match outcome {
            Outcome::Delivered => Phase::Signed { already: false },
            Outcome::AlreadySigned => Phase::Signed { already: true },
            // A refusal will not change on retry: the person corrects it.
            Outcome::Rejected(_) => Phase::Editing,
            Outcome::Retry { .. } => Phase::Queued,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_outcome_moves_the_form_on() {
        let cases = [
            (Outcome::Delivered, Phase::Signed { already: false }),
            (Outcome::AlreadySigned, Phase::Signed { already: true }),
            (Outcome::Rejected(Some("No.".into())), Phase::Editing),
            (Outcome::Rejected(None), Phase::Editing),
            (Outcome::Retry { after_ms: Some(5) }, Phase::Queued),
        ];
        for (outcome, phase) in cases {
            assert_eq!(Phase::after(&outcome), phase, "{outcome:?}");
        }
    }
}
