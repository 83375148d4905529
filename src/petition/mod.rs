//! The petition's pure logic: validation, payload encoding, delivery policy.
//! No browser types, so all of it is tested natively.
