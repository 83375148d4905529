//! The page's building blocks, one concern a module.

pub mod ask;
pub mod badge;
pub mod card;
pub mod case_list;
pub mod clock_toggle;
pub mod exchange_link;
pub mod explainer;
pub mod footer;
pub mod island;
pub mod left_behind;
pub mod news;
pub mod petition;
pub mod sentence;
pub mod sources;
pub mod story;
pub mod timeline;
pub mod timer;
pub mod widget;
