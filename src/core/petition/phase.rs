//! Where a signature stands from the person's side, and how each answer of
//! the endpoint moves it on: the rule the form and the outbox's background
//! deliveries share.

use super::response::Outcome;

/// Where a signature stands, from the person's side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Editing,
    Sending,
    /// Not delivered yet: saved on the device, retried automatically.
    Queued,
    /// `already`: the endpoint answered that this person had signed before.
    Signed {
        already: bool,
    },
}

impl Phase {
    /// The phase after the endpoint's answer, and what to tell the person:
    /// a refusal goes back to editing with the endpoint's message (or
    /// `rejected`, ours); a retry keeps the signature queued.
    pub fn after(outcome: &Outcome, rejected: &str) -> (Phase, Option<String>) {
        match outcome {
            Outcome::Delivered => (Phase::Signed { already: false }, None),
            Outcome::AlreadySigned => (Phase::Signed { already: true }, None),
            Outcome::Rejected(message) => (
                Phase::Editing,
                Some(message.clone().unwrap_or_else(|| rejected.into())),
            ),
            Outcome::Retry { .. } => (Phase::Queued, None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REJECTED: &str = "Not accepted.";

    #[test]
    fn a_person_is_thanked_only_for_a_delivered_signature() {
        assert_eq!(
            Phase::after(&Outcome::Delivered, REJECTED),
            (Phase::Signed { already: false }, None)
        );
        assert_eq!(
            Phase::after(&Outcome::AlreadySigned, REJECTED),
            (Phase::Signed { already: true }, None)
        );
        assert_eq!(
            Phase::after(&Outcome::Retry { after_ms: Some(5) }, REJECTED),
            (Phase::Queued, None)
        );
        assert_eq!(
            Phase::after(&Outcome::Rejected(Some("Bad ZIP".into())), REJECTED),
            (Phase::Editing, Some("Bad ZIP".into()))
        );
        assert_eq!(
            Phase::after(&Outcome::Rejected(None), REJECTED),
            (Phase::Editing, Some(REJECTED.into()))
        );
    }
}
