//! Where the petition outbox keeps signatures in localStorage. Its own module
//! so the page's main bundle can see a waiting signature without linking the
//! outbox itself.

/// Prefix of every outbox entry's localStorage key.
pub const PREFIX: &str = "left-behind:outbox:";
