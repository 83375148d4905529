//! The petition's pure logic, one concern per file: the signature and its
//! fields, validation, payload encoding, the endpoint's answer, backoff, the
//! outbox entry, and the form's phase. No browser types, so all of it is
//! tested natively.

pub mod backoff;
pub mod count;
pub mod payload;
pub mod pending;
pub mod phase;
pub mod response;
pub mod signature;
pub mod validate;

/// Prefix of every outbox entry's localStorage key: the page's own bundle
/// looks for a waiting signature by it without linking the outbox.
pub const OUTBOX_PREFIX: &str = "left-behind:outbox:";
