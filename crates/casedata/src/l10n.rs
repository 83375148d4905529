//! Translations: the words of the English data in another language, read
//! from `data/<lang>/` and checked against the validated English (see
//! `data/TRANSLATING.md`, the contract translators write against).
//!
//! Facts never come from a translation: each language's [`Data`] is a copy
//! of the English with only the words replaced, so no date, offset, status
//! or source can drift between languages.
//!
//! Every translated field has a key, as the translator writes it within its
//! record (`story`, `arrest.place`, `sentence.1.event`, `to_west.0.note`),
//! and a record (`campaign`, `person.<id>`, `exchange.<id>`, `news.<id>`,
//! `designation`, `text`). `from.toml` is keyed by both joined
//! (`person.david-barnes.story`); problems name the record's subject and the
//! key; and the app's `english` lists hold the keys of fields that show the
//! English text.

use crate::check::paragraphs;
use crate::{CaseFile, Data, Exchanges, Person, Petition, Problem, Status};
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::path::Path;

/// Which languages exist beside English, and whether each is published.
pub const LANGUAGES_FILE: &str = "data/languages.toml";

/// A language of `data/languages.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    /// The folder under `data/` and the generated module's name: `ru`, `uk`.
    pub code: String,
    /// A published language must be complete and current; a preview one
    /// shows the English text where it is not.
    pub published: bool,
}

/// One language's copy of the data.
#[derive(Debug, Clone, PartialEq)]
pub struct Translation {
    pub lang: String,
    pub published: bool,
    /// The English data with this language's words; its own `translations`
    /// is empty.
    pub data: Data,
    /// By record (`person.david-barnes`), the keys of the fields that show
    /// the English text (`story`, `sentence.0.term`). Only a preview
    /// language has any.
    pub english: BTreeMap<String, Vec<String>>,
    /// Numbers of the English that a translated field does not have: a
    /// warning, since a number may be written out in words.
    pub warnings: Vec<Problem>,
}

impl Translation {
    /// The keys of the fields of `record` that show the English text.
    pub fn english_of(&self, record: &str) -> &[String] {
        self.english.get(record).map_or(&[], Vec::as_slice)
    }
}

/// Where a translated field stands against today's English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldState {
    /// Translated from today's English.
    Current,
    /// Not in the translation.
    Missing,
    /// Translated from another English text than today's (or never stamped).
    Stale,
}

/// A field of the English that a translation must have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The translation file: `data/ru/cases.toml`.
    pub file: String,
    /// As problems name it: `person 'david-barnes'`.
    pub subject: String,
    /// `person.david-barnes`.
    pub record: String,
    /// `story`.
    pub key: String,
    /// Today's English text, paragraphs separated by a blank line.
    pub english: String,
    pub state: FieldState,
}

impl Field {
    /// The field's key in `from.toml`: `person.david-barnes.story`.
    pub fn from_key(&self) -> String {
        format!("{}.{}", self.record, self.key)
    }
}

/// A translation read and checked, with every field's state: what `l10n
/// status` prints and `l10n stamp` records.
#[derive(Debug, Clone)]
pub struct Review {
    pub fields: Vec<Field>,
    /// Everything that stops the build; empty for a usable translation.
    pub problems: Vec<Problem>,
    pub translation: Translation,
}

/// The short fingerprint `from.toml` keeps of an English text: FNV-1a
/// (64 bits) of its UTF-8, in hex. Written out here rather than taken from a
/// crate: it must never change, or every translation would turn stale.
pub fn fingerprint(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// The text of `data/<lang>/from.toml` recording that every field the
/// translation has was made from today's English (what `l10n stamp` writes).
pub fn stamp(review: &Review) -> String {
    let lang = &review.translation.lang;
    let prints: BTreeMap<String, String> = review
        .fields
        .iter()
        .filter(|f| f.state != FieldState::Missing)
        .map(|f| (f.from_key(), fingerprint(&f.english)))
        .collect();
    let mut out = format!(
        "# Written by `cargo run -p casedata --bin l10n -- stamp {lang}`: do not edit by hand.\n\
         # Each translated field's fingerprint (FNV-1a, 64 bits) of the English text it was\n\
         # translated from: when the English changes, the field is stale until translated again\n\
         # and stamped.\n\n"
    );
    for (key, print) in prints {
        // Keys are made of ids (slugs), field names and digits: no quoting
        // beyond TOML's basic string is needed.
        out.push_str(&format!("\"{key}\" = \"{print}\"\n"));
    }
    out
}

/// Reads `data/languages.toml` under `root`; no file means no languages.
pub fn load_languages(root: &Path) -> Result<Vec<Language>, Vec<Problem>> {
    let path = root.join(LANGUAGES_FILE);
    if !path.exists() {
        return Ok(Vec::new());
    }
    parse_languages(LANGUAGES_FILE, &crate::read(&path, LANGUAGES_FILE)?)
}

/// Validates a languages file: `ru = "published"`, `uk = "preview"`.
pub fn parse_languages(file: &str, text: &str) -> Result<Vec<Language>, Vec<Problem>> {
    let problem = |field: &str, message: String| Problem {
        file: file.to_string(),
        subject: "languages".into(),
        field: field.to_string(),
        message,
    };
    let table: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| vec![problem("-", e.message().to_string())])?;
    let mut problems = Vec::new();
    let mut languages = Vec::new();
    for (code, value) in table {
        let published = match value.as_str() {
            Some("published") => Some(true),
            Some("preview") => Some(false),
            _ => {
                problems.push(problem(
                    &code,
                    match value.as_str() {
                        Some(v) => format!("'{v}' is not \"published\" or \"preview\""),
                        None => "must be \"published\" or \"preview\"".into(),
                    },
                ));
                None
            }
        };
        // The code names a folder and a Rust module, and English is the
        // source, not a translation.
        let valid = (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase());
        if !valid || code == "en" {
            problems.push(problem(
                &code,
                "must be a two- or three-letter lowercase language code other than en (e.g. ru)"
                    .into(),
            ));
        }
        if let (Some(published), true) = (published, valid) {
            languages.push(Language { code, published });
        }
    }
    if problems.is_empty() {
        Ok(languages)
    } else {
        Err(problems)
    }
}

/// Every language of `data/languages.toml`, translated; all languages'
/// problems at once.
pub fn load_translations(root: &Path, english: &Data) -> Result<Vec<Translation>, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut out = Vec::new();
    for language in load_languages(root)? {
        let review = review(root, english, &language);
        problems.extend(review.problems);
        out.push(review.translation);
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// Reads `language`'s files under `root` and checks them against
/// `english`; never fails, so `l10n status` can show everything.
pub fn review(root: &Path, english: &Data, language: &Language) -> Review {
    let dir = root.join("data").join(&language.code);
    let name = |file: &str| format!("data/{}/{file}", language.code);
    let mut t = Translator {
        published: language.published,
        from: BTreeMap::new(),
        file: name("from.toml"),
        file_absent: false,
        unstamped: false,
        quiet: false,
        record: String::new(),
        subject: String::new(),
        problems: Vec::new(),
        fields: Vec::new(),
        english: BTreeMap::new(),
        warnings: Vec::new(),
    };
    // No from.toml is no fingerprints: every field is stale until stamped,
    // which a published language hears once rather than once a field.
    match t.read(&dir.join("from.toml"), false) {
        Some(text) => {
            if let Some(from) = t.document::<BTreeMap<String, String>>(&text) {
                t.from = from;
            }
        }
        None if language.published && dir.is_dir() => {
            t.subject = "file".into();
            t.fail(
                "-",
                format!(
                    "missing: once the translation is made from today's English, run \
                     `cargo run -p casedata --bin l10n -- stamp {}`",
                    language.code
                ),
            );
            t.unstamped = true;
        }
        None => {}
    }
    let mut data = english.clone();
    data.translations.clear();

    let text = t.open(&dir, name("cases.toml"));
    t.cases(text, &mut data.cases, &english.cases);
    let text = t.open(&dir, name("exchanges.toml"));
    t.exchanges(
        text,
        &mut data.exchanges,
        &english.exchanges,
        &data.cases.people,
    );
    let text = t.open(&dir, name("petition.toml"));
    t.petition(text, &mut data.petition, &english.petition);

    Review {
        fields: t.fields,
        problems: t.problems,
        translation: Translation {
            lang: language.code.clone(),
            published: language.published,
            data,
            english: t.english,
            warnings: t.warnings,
        },
    }
}

/// The translation files' shapes. Every field is optional, so that a
/// preview language may leave any out; unknown keys are refused, so that a
/// misspelt one is an error and not a silently English field.
mod raw {
    use serde::Deserialize;
    use std::collections::BTreeMap;

    #[derive(Deserialize, Default)]
    #[serde(deny_unknown_fields)]
    pub struct Cases {
        pub campaign: Option<toml::Table>,
        #[serde(default)]
        pub person: BTreeMap<String, toml::Table>,
    }

    #[derive(Deserialize, Default)]
    #[serde(deny_unknown_fields)]
    pub struct Campaign {
        pub heading: Option<String>,
        pub why: Option<String>,
    }

    #[derive(Deserialize, Default)]
    #[serde(deny_unknown_fields)]
    pub struct Person {
        pub name: Option<String>,
        pub tagline: Option<String>,
        pub about: Option<String>,
        pub charge: Option<String>,
        pub story: Option<String>,
        pub sentence_note: Option<String>,
        #[serde(default)]
        pub arrest: Arrest,
        #[serde(default)]
        pub status: Status,
        #[serde(default)]
        pub designation: Designation,
        pub sentence: Option<Vec<Step>>,
    }

    #[derive(Deserialize, Default)]
    #[serde(deny_unknown_fields)]
    pub struct Arrest {
        pub place: Option<String>,
        pub note: Option<String>,
    }

    #[derive(Deserialize, Default)]
    #[serde(deny_unknown_fields)]
    pub struct Status {
        pub how: Option<String>,
        pub note: Option<String>,
    }

    #[derive(Deserialize, Default)]
    #[serde(deny_unknown_fields)]
    pub struct Designation {
        pub note: Option<String>,
    }

    #[derive(Deserialize, Default, Clone)]
    #[serde(deny_unknown_fields)]
    pub struct Step {
        pub term: Option<String>,
        pub event: Option<String>,
        pub note: Option<String>,
    }

    #[derive(Deserialize, Default)]
    #[serde(deny_unknown_fields)]
    pub struct Exchanges {
        #[serde(default)]
        pub exchange: BTreeMap<String, toml::Table>,
        #[serde(default)]
        pub news: BTreeMap<String, toml::Table>,
        pub designation: Option<toml::Table>,
    }

    #[derive(Deserialize, Default)]
    #[serde(deny_unknown_fields)]
    pub struct Exchange {
        pub place: Option<String>,
        pub summary: Option<String>,
        pub note: Option<String>,
        pub date_note: Option<String>,
        pub to_east: Option<Vec<Party>>,
        pub to_west: Option<Vec<Party>>,
    }

    #[derive(Deserialize, Default, Clone)]
    #[serde(deny_unknown_fields)]
    pub struct Party {
        pub name: Option<String>,
        pub note: Option<String>,
    }

    #[derive(Deserialize, Default)]
    #[serde(deny_unknown_fields)]
    pub struct News {
        pub excerpt: Option<String>,
    }

    #[derive(Deserialize, Default)]
    #[serde(deny_unknown_fields)]
    pub struct Explainer {
        pub heading: Option<String>,
        pub body: Option<String>,
    }

    #[derive(Deserialize, Default)]
    #[serde(deny_unknown_fields)]
    pub struct Petition {
        pub text: Option<toml::Table>,
    }

    #[derive(Deserialize, Default)]
    #[serde(deny_unknown_fields)]
    pub struct Text {
        pub heading: Option<String>,
        pub ask: Option<String>,
        pub privacy: Option<String>,
    }
}

/// Walks one language's files beside the English, one record at a time.
struct Translator {
    published: bool,
    /// `from.toml`: the fingerprint of the English each field was made from.
    from: BTreeMap<String, String>,
    /// The file being read, as problems name it.
    file: String,
    /// The file is not there: its records are all missing, and say so once.
    file_absent: bool,
    /// There is no from.toml: every field is stale, and that was said once.
    unstamped: bool,
    /// The record (or a list in it) is missing or unusable: its fields are
    /// not reported missing one by one.
    quiet: bool,
    record: String,
    subject: String,
    problems: Vec<Problem>,
    fields: Vec<Field>,
    english: BTreeMap<String, Vec<String>>,
    warnings: Vec<Problem>,
}

impl Translator {
    fn problem(&self, field: &str, message: impl Into<String>) -> Problem {
        Problem {
            file: self.file.clone(),
            subject: self.subject.clone(),
            field: if field.is_empty() {
                "-".into()
            } else {
                field.into()
            },
            message: message.into(),
        }
    }

    fn fail(&mut self, field: &str, message: impl Into<String>) {
        let problem = self.problem(field, message);
        self.problems.push(problem);
    }

    /// A file's text; `None` when it is not there (a problem only for a
    /// published language's word files, when `required`).
    fn read(&mut self, path: &Path, required: bool) -> Option<String> {
        match std::fs::read_to_string(path) {
            Ok(text) => Some(text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if required && self.published {
                    self.subject = "file".into();
                    self.fail(
                        "-",
                        "missing: a published language translates every data file (see data/TRANSLATING.md)",
                    );
                }
                None
            }
            Err(e) => {
                self.subject = "file".into();
                self.fail("-", e.to_string());
                None
            }
        }
    }

    /// Starts on the file `name` in `dir`, returning its text.
    fn open(&mut self, dir: &Path, name: String) -> Option<String> {
        let path = dir.join(name.rsplit('/').next().unwrap_or(&name));
        self.file = name;
        let text = self.read(&path, true);
        self.file_absent = text.is_none();
        text
    }

    /// A whole file read as `T`; a syntax or shape error is its one problem.
    fn document<T: DeserializeOwned>(&mut self, text: &str) -> Option<T> {
        self.subject = "file".into();
        let read = serde_path_to_error::deserialize(toml::Deserializer::new(text));
        self.shaped(read)
    }

    fn shaped<T, E: std::fmt::Display>(
        &mut self,
        read: Result<T, serde_path_to_error::Error<E>>,
    ) -> Option<T> {
        match read {
            Ok(value) => Some(value),
            Err(e) => {
                let (field, message) = crate::check::serde_problem(&e);
                // "sentence[1].plase" as translators write keys, without
                // serde's trailing "in `sentence`".
                let field = field.replace('[', ".").replace(']', "");
                let message = message.lines().next().unwrap_or_default().to_string();
                self.fail(&field, message);
                None
            }
        }
    }

    /// Starts on a record; `None` when its table cannot be read (a problem).
    /// A record that is absent reads as empty: every field missing.
    fn record<T: DeserializeOwned + Default>(
        &mut self,
        record: String,
        subject: String,
        table: Option<toml::Table>,
    ) -> Option<T> {
        self.record = record;
        self.subject = subject;
        self.quiet = self.file_absent;
        let Some(table) = table else {
            if self.published && !self.file_absent {
                let message = format!("missing: no [{}] in this file", self.record);
                self.fail("-", message);
            }
            self.quiet = true;
            return Some(T::default());
        };
        self.shaped(serde_path_to_error::deserialize(toml::Value::Table(table)))
    }

    /// Records of the translation that the English does not have.
    fn unknown(&mut self, kind: &str, english_file: &str, ids: impl IntoIterator<Item = String>) {
        for id in ids {
            self.subject = format!("{kind} '{id}'");
            self.fail(
                "-",
                format!("no {kind} in {english_file} has this id: translate only the English ids"),
            );
        }
    }

    /// The words of the field `key`: the translation's when it is there and
    /// made from today's English, otherwise the English (and a problem for a
    /// published language).
    fn word(&mut self, key: &str, english: &str, given: Option<String>) -> String {
        let given = given.map(|g| g.trim().to_string());
        let from_key = format!("{}.{key}", self.record);
        let state = match &given {
            None => FieldState::Missing,
            Some(_) if self.from.get(&from_key) == Some(&fingerprint(english)) => {
                FieldState::Current
            }
            Some(_) => FieldState::Stale,
        };
        self.fields.push(Field {
            file: self.file.clone(),
            subject: self.subject.clone(),
            record: self.record.clone(),
            key: key.to_string(),
            english: english.to_string(),
            state,
        });
        match (state, given) {
            (FieldState::Current, Some(text)) if !text.is_empty() => {
                self.numbers(key, english, &text);
                return text;
            }
            (_, Some(text)) if text.is_empty() => self.fail(key, "must not be empty"),
            (FieldState::Missing, _) if self.published && !self.quiet => self.fail(key, "missing"),
            (FieldState::Stale, _) if self.published && !self.unstamped => self.fail(
                key,
                "translated from an older English text: update it to today's English \
                 (`cargo run -p casedata --bin l10n -- status <lang>` shows it), then stamp it",
            ),
            _ => {}
        }
        self.english
            .entry(self.record.clone())
            .or_default()
            .push(key.to_string());
        english.to_string()
    }

    /// A field the English may not have: translated where it does, refused
    /// where it does not.
    fn optional(
        &mut self,
        key: &str,
        english: Option<&str>,
        given: Option<String>,
    ) -> Option<String> {
        match english {
            Some(english) => Some(self.word(key, english, given)),
            None => {
                if given.is_some() {
                    self.fail(
                        key,
                        format!("the English has no {key}: translate only what it says"),
                    );
                }
                None
            }
        }
    }

    /// A text of paragraphs; a translation may have its own number of them.
    fn paragraphs(&mut self, key: &str, english: &[String], given: Option<String>) -> Vec<String> {
        paragraphs(&self.word(key, &english.join("\n\n"), given))
    }

    /// A list that must have one entry per English entry: `None` entries
    /// when it is absent, or (after a problem) of another length.
    fn list<T: Default + Clone>(
        &mut self,
        key: &str,
        len: usize,
        given: Option<Vec<T>>,
        what: &str,
    ) -> Vec<T> {
        match given {
            Some(list) if list.len() == len => list,
            Some(list) => {
                self.fail(
                    key,
                    format!(
                        "has {} {what}, the English {len}: one entry per English {what}, in the same order",
                        list.len()
                    ),
                );
                // Its fields are not reported missing as well.
                self.quiet = true;
                vec![T::default(); len]
            }
            None => vec![T::default(); len],
        }
    }

    /// Warns when a number of the English is not in the translation: the
    /// typos that matter most in this data (a sentence's years, a sum).
    fn numbers(&mut self, key: &str, english: &str, translated: &str) {
        let have = numbers(translated, Style::Translation);
        let lost: Vec<String> = numbers(english, Style::English)
            .into_iter()
            .filter(|n| !have.contains(n))
            .collect();
        if !lost.is_empty() {
            let warning = self.problem(
                key,
                format!(
                    "the English has {} and the translation does not (write numbers as the English does, \
                     with a decimal comma and no-break spaces between thousands)",
                    lost.join(", ")
                ),
            );
            self.warnings.push(warning);
        }
    }

    /// A file's records, or none (all missing) when it is absent or unreadable.
    fn file<T: DeserializeOwned + Default>(&mut self, text: Option<String>) -> T {
        text.and_then(|text| self.document(&text))
            .unwrap_or_default()
    }

    fn cases(&mut self, text: Option<String>, out: &mut CaseFile, english: &CaseFile) {
        let mut raw: raw::Cases = self.file(text);
        let c = &english.campaign;
        let table = raw.campaign.take();
        if let Some(g) = self.record::<raw::Campaign>("campaign".into(), "campaign".into(), table) {
            out.campaign.heading = self.word("heading", &c.heading, g.heading);
            out.campaign.why = self.word("why", &c.why, g.why);
        }
        for (out, en) in out.people.iter_mut().zip(&english.people) {
            let table = raw.person.remove(&en.id);
            let subject = format!("person '{}'", en.id);
            if let Some(g) = self.record(format!("person.{}", en.id), subject, table) {
                self.person(out, en, g);
            }
        }
        self.unknown(
            "person",
            crate::CASES_FILE,
            std::mem::take(&mut raw.person).into_keys(),
        );
    }

    fn person(&mut self, out: &mut Person, en: &Person, g: raw::Person) {
        out.name = self.word("name", &en.name, g.name);
        out.initials = crate::cases::initials(&out.name);
        out.tagline = self.word("tagline", &en.tagline, g.tagline);
        out.about = self.word("about", &en.about, g.about);
        out.charge = self.word("charge", &en.charge, g.charge);
        out.story = self.paragraphs("story", &en.story, g.story);
        out.arrest.place = self.word("arrest.place", &en.arrest.place, g.arrest.place);
        out.arrest.note = self.optional("arrest.note", en.arrest.note.as_deref(), g.arrest.note);
        out.sentence_note = self.optional(
            "sentence_note",
            en.sentence_note.as_deref(),
            g.sentence_note,
        );
        match (&mut out.status, &en.status) {
            (Status::Detained { note, .. }, Status::Detained { note: en_note, .. }) => {
                *note = self.optional("status.note", en_note.as_deref(), g.status.note);
                self.optional("status.how", None, g.status.how);
            }
            (Status::Released { how, .. }, Status::Released { how: en_how, .. }) => {
                *how = self.word("status.how", en_how, g.status.how);
                self.optional("status.note", None, g.status.note);
            }
            _ => unreachable!("a translation is a copy of the English"),
        }
        out.designation.note = self.optional(
            "designation.note",
            en.designation.note.as_deref(),
            g.designation.note,
        );
        let quiet = self.quiet;
        let steps = self.list("sentence", en.sentence.len(), g.sentence, "steps");
        for (i, ((out, en), g)) in out
            .sentence
            .iter_mut()
            .zip(&en.sentence)
            .zip(steps)
            .enumerate()
        {
            out.term = self.word(&format!("sentence.{i}.term"), &en.term, g.term);
            out.event = self.word(&format!("sentence.{i}.event"), &en.event, g.event);
            out.note = self.optional(&format!("sentence.{i}.note"), en.note.as_deref(), g.note);
        }
        self.quiet = quiet;
    }

    fn exchanges(
        &mut self,
        text: Option<String>,
        out: &mut Exchanges,
        english: &Exchanges,
        people: &[Person],
    ) {
        let mut raw: raw::Exchanges = self.file(text);
        for (out, en) in out.exchanges.iter_mut().zip(&english.exchanges) {
            let table = raw.exchange.remove(&en.id);
            let subject = format!("exchange '{}'", en.id);
            let Some(g) =
                self.record::<raw::Exchange>(format!("exchange.{}", en.id), subject, table)
            else {
                continue;
            };
            out.place = self.word("place", &en.place, g.place);
            out.summary = self.word("summary", &en.summary, g.summary);
            out.note = self.optional("note", en.note.as_deref(), g.note);
            out.date_note = self.optional("date_note", en.date_note.as_deref(), g.date_note);
            for (side, outs, ens, given) in [
                ("to_east", &mut out.to_east, &en.to_east, g.to_east),
                ("to_west", &mut out.to_west, &en.to_west, g.to_west),
            ] {
                let quiet = self.quiet;
                let given = self.list(side, ens.len(), given, "parties");
                for (i, ((out, en), g)) in outs.iter_mut().zip(ens).zip(given).enumerate() {
                    self.party(&format!("{side}.{i}"), out, en, g, people);
                }
                self.quiet = quiet;
            }
        }
        self.unknown(
            "exchange",
            crate::EXCHANGES_FILE,
            std::mem::take(&mut raw.exchange).into_keys(),
        );
        for (out, en) in out.news.iter_mut().zip(&english.news) {
            let table = raw.news.remove(&en.id);
            let subject = format!("news '{}'", en.id);
            if let Some(g) = self.record::<raw::News>(format!("news.{}", en.id), subject, table) {
                out.excerpt = self.word("excerpt", &en.excerpt, g.excerpt);
            }
        }
        self.unknown("news", crate::EXCHANGES_FILE, raw.news.into_keys());
        let (out, en) = (&mut out.designation, &english.designation);
        let table = raw.designation.take();
        if let Some(g) =
            self.record::<raw::Explainer>("designation".into(), "designation".into(), table)
        {
            out.heading = self.word("heading", &en.heading, g.heading);
            out.body = self.paragraphs("body", &en.body, g.body);
        }
    }

    /// A party of an exchange at `key` (`to_west.0`). One linked to a case
    /// is named as the translated person is, so the two never disagree.
    fn party(
        &mut self,
        key: &str,
        out: &mut crate::Party,
        en: &crate::Party,
        g: raw::Party,
        people: &[Person],
    ) {
        let name = format!("{key}.name");
        match &en.case {
            Some(id) => {
                if g.name.is_some() {
                    self.fail(
                        &name,
                        format!("this party is {id} of the case data: the name is the person's, translated in cases.toml"),
                    );
                }
                if let Some(person) = people.iter().find(|p| &p.id == id) {
                    out.name = person.name.clone();
                }
                let person_english = self
                    .english
                    .get(&format!("person.{id}"))
                    .is_some_and(|keys| keys.iter().any(|k| k == "name"));
                if person_english {
                    self.english
                        .entry(self.record.clone())
                        .or_default()
                        .push(name);
                }
            }
            None => out.name = self.word(&name, &en.name, g.name),
        }
        out.note = self.optional(&format!("{key}.note"), en.note.as_deref(), g.note);
    }

    fn petition(&mut self, text: Option<String>, out: &mut Petition, en: &Petition) {
        let mut raw: raw::Petition = self.file(text);
        let table = raw.text.take();
        let Some(g) = self.record::<raw::Text>("text".into(), "text".into(), table) else {
            return;
        };
        out.heading = self.word("heading", &en.heading, g.heading);
        out.ask = self.word("ask", &en.ask, g.ask);
        if !out.ask.contains("{names}") {
            self.fail("ask", "write {names} where the people are named");
        }
        out.privacy = self.word("privacy", &en.privacy, g.privacy);
    }
}

/// How a text writes its numbers: English groups thousands with commas and
/// writes a decimal point; Russian and Ukrainian group with (no-break)
/// spaces and write a decimal comma.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    English,
    Translation,
}

/// The numbers in `text`, written the same way whatever the style:
/// "1,771.5" (English) and "1 771,5" (translation) are both "1771.5".
fn numbers(text: &str, style: Style) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    // A space separates thousands when exactly three digits follow it.
    let group = |i: usize| digit(i) && digit(i + 1) && digit(i + 2) && !digit(i + 3);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !digit(i) || (i > 0 && chars[i - 1].is_alphanumeric()) {
            i += 1;
            continue;
        }
        let mut number = String::new();
        while i < chars.len() {
            let c = chars[i];
            if c.is_ascii_digit() {
                number.push(c);
            } else if !digit(i + 1) {
                break;
            } else {
                match (style, c) {
                    (Style::English, ',') => {}
                    (Style::English, '.') | (Style::Translation, ',' | '.') => number.push('.'),
                    (Style::Translation, ' ' | '\u{a0}' | '\u{202f}') if group(i + 1) => {}
                    _ => break,
                }
            }
            i += 1;
        }
        out.push(number);
    }
    out
}
