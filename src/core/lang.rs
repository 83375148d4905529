//! The languages the site is written in.

/// A language of the site: English, the data's own, and the translations of
/// `data/languages.toml`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Lang {
    En,
    Ru,
    Uk,
}
