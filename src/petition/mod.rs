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
