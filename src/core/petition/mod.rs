//! The petition's pure logic: validation, payload encoding, delivery policy.
//! No browser types, so all of it is tested natively.

pub mod count;
pub mod delivery;
pub mod payload;
pub mod phase;
pub mod validate;

/// Prefix of every outbox entry's localStorage key: the page's own bundle
/// looks for a waiting signature by it without linking the outbox.
pub const OUTBOX_PREFIX: &str = "left-behind:outbox:";
