//! The petition's pure logic: validation, payload encoding, delivery policy.
//! No browser types, so all of it is tested natively.

pub mod count;
pub mod delivery;
pub mod payload;
pub mod validate;
