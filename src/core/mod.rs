//! What the product knows and says, with no screen: the compiled data, the
//! time math, every user-facing word, routes, what a partner can embed, and
//! the petition's rules.

pub mod data;
pub mod elapsed;
pub mod embed;
pub mod island;
pub mod lang;
pub mod milestone;
pub mod model;
pub mod petition;
pub mod route;
pub mod text;
