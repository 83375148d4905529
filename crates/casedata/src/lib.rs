//! Left Behind's data, read and checked when the app is built.
//!
//! The data files are written by campaign editors, so every problem is
//! reported with the file, the subject (such as a person's id) and the
//! field, and all problems are reported at once rather than one per rebuild.
//!
//! Each file has its module, and each takes the same path: `cases.rs`
//! (`data/cases.toml`), `exchanges.rs` (`data/exchanges.toml`, checked
//! against the people) and `petition.rs` (`data/petition.toml`). In each, an
//! inline `mod raw` holds the file's shape as editors write it, the public
//! types hold the checked values, and an `impl Checker` block turns the one
//! into the other. `check.rs` holds what the three share (problems, dates,
//! text, URLs, sources); `codegen.rs` writes the checked values as Rust for
//! the app, and `export.rs` as the open data.
//!
//! # Adding a field
//!
//! 1. **Raw**: add it to the struct in the module's `mod raw` (a source's is
//!    in `check.rs`), as editors write it (an `Option` or `#[serde(default)]`
//!    if it may be left out). Unknown keys are refused, so no file can use it
//!    before this step.
//! 2. **Checked**: add it to the module's public struct and fill it in the
//!    module's `impl Checker` (e.g. `self.text(s, "field", raw.field)`),
//!    calling `self.fail` with the field's name for a bad value. The open
//!    data's JSON (`export.rs`) follows from the struct's serde derive.
//! 3. **Codegen**: add it to the type's `literal!` in `codegen.rs`, written
//!    as the app's struct literal (`field: self.field`). A name in the
//!    petition's `[endpoint.fields]` goes into `parse_petition`'s `fields`
//!    list at step 2 instead, and codegen writes that list as it is.
//! 4. **App**: add it to the app's type in `src/model.rs` (the endpoint's in
//!    `src/petition/payload.rs`). The app stops compiling until 3 and 4 agree.
//! 5. **Words**: a field of words is translated too: add it to the record's
//!    struct in `l10n.rs`'s `mod raw`, fill it in its `Translator` method
//!    (`self.word("field", &en.field, g.field)`), and list it in
//!    `data/TRANSLATING.md` and in `src/core/model.rs`'s documentation of
//!    `english`. Until then the translation keeps the English text.
//!
//! # Translations
//!
//! `l10n.rs` reads `data/languages.toml` and each language's
//! `data/<lang>/` (shape in `data/TRANSLATING.md`), and makes
//! [`Data::translations`]: the English data with that language's words.

mod cases;
mod check;
mod codegen;
mod date;
mod exchanges;
mod export;
mod l10n;
mod petition;

pub use cases::{
    load, parse, parse_cases, stale_records, Arrest, Campaign, CaseFile, Designation,
    DesignationStatus, Person, SentenceStep, State, Status, LOCAL_SITE_URL,
};
pub use codegen::to_rust;
pub use date::PartialDate;
pub use exchanges::{parse_exchanges, Exchange, Exchanges, Explainer, News, Party};
pub use export::{anniversaries_ics, CasesDocument, ExchangesDocument, FORMAT_VERSION};
pub use l10n::{
    fingerprint, load_languages, load_translations, parse_languages, review, stamp, Field,
    FieldState, Language, Review, Translation, LANGUAGES_FILE,
};
pub use petition::{parse_petition, Petition};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::Path;

/// One thing wrong with the data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// What the problem is in: `person 'robert-gilman'`, `campaign`, `person #3`.
    pub subject: String,
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}, field '{}': {}",
            self.file, self.subject, self.field, self.message
        )
    }
}

/// A source readers can check, of a person, an exchange or the explainer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub key: String,
    pub title: String,
    pub outlet: String,
    pub url: String,
    pub date: Option<PartialDate>,
}

/// Everything the app is built from, validated together.
#[derive(Debug, Clone, PartialEq)]
pub struct Data {
    pub cases: CaseFile,
    pub exchanges: Exchanges,
    pub petition: Petition,
    /// Every language of `data/languages.toml`: the same facts with that
    /// language's words.
    pub translations: Vec<Translation>,
}

/// Environment overrides, so a deploy can point at its own addresses without
/// an edit to the data files.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    /// The petition's `endpoint.url`.
    pub url: Option<String>,
    /// The petition's `endpoint.count_url`.
    pub count_url: Option<String>,
    /// The campaign's `url`, where the site is deployed.
    pub site_url: Option<String>,
}

impl Overrides {
    /// `LEFT_BEHIND_PETITION_URL`, `LEFT_BEHIND_PETITION_COUNT_URL` and
    /// `LEFT_BEHIND_SITE_URL`, when set.
    pub fn from_env() -> Self {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        Self {
            url: var("LEFT_BEHIND_PETITION_URL"),
            count_url: var("LEFT_BEHIND_PETITION_COUNT_URL"),
            site_url: var("LEFT_BEHIND_SITE_URL"),
        }
    }
}

/// The data files, by path relative to the repository root.
pub const CASES_FILE: &str = "data/cases.toml";
pub const EXCHANGES_FILE: &str = "data/exchanges.toml";
pub const PETITION_FILE: &str = "data/petition.toml";

/// Reads and validates the data files under `root`, and the translations
/// `data/languages.toml` lists.
pub fn load_all(root: &Path, today: NaiveDate) -> Result<Data, Vec<Problem>> {
    let mut data = load_files(
        [CASES_FILE, EXCHANGES_FILE, PETITION_FILE].map(|f| root.join(f)),
        today,
    )?;
    data.translations = load_translations(root, &data)?;
    Ok(data)
}

/// Reads and validates the cases, exchanges and petition files at these
/// paths (test fixtures keep theirs elsewhere), with no translations.
pub fn load_files(paths: [std::path::PathBuf; 3], today: NaiveDate) -> Result<Data, Vec<Problem>> {
    let [cases, exchanges, petition] = paths;
    let overrides = Overrides::from_env();
    let cases = load(&cases, today, &overrides)?;
    let text = read(&exchanges, EXCHANGES_FILE)?;
    let exchanges = parse_exchanges(EXCHANGES_FILE, &text, &cases.people, today)?;
    let text = read(&petition, PETITION_FILE)?;
    let petition = parse_petition(PETITION_FILE, &text, &overrides)?;
    Ok(Data {
        cases,
        exchanges,
        petition,
        translations: Vec::new(),
    })
}

pub(crate) fn read(path: &Path, name: &str) -> Result<String, Vec<Problem>> {
    std::fs::read_to_string(path).map_err(|e| {
        vec![Problem {
            file: name.to_string(),
            subject: "file".into(),
            field: "-".into(),
            message: e.to_string(),
        }]
    })
}
