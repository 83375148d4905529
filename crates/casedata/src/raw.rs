//! The data file's shape exactly as editors write it. Unknown fields are refused
//! so that a misspelt key is an error, not a silently missing fact.

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct File {
    pub campaign: Campaign,
    #[serde(default)]
    pub person: Vec<toml::Table>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Campaign {
    pub as_of: String,
    pub checked: String,
    pub stale_after_days: i64,
    pub heading: String,
    pub why: String,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub campaign: bool,
    pub tagline: String,
    pub about: String,
    pub arrest: Arrest,
    pub charge: String,
    #[serde(default)]
    pub sentence: Vec<SentenceStep>,
    pub sentence_note: Option<String>,
    pub status: Status,
    pub designation: Designation,
    pub story: String,
    pub as_of: String,
    pub checked: String,
    #[serde(default)]
    pub source: Vec<Source>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Arrest {
    pub date: String,
    pub time: Option<String>,
    pub offset: String,
    pub place: String,
    pub note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SentenceStep {
    pub date: Option<String>,
    pub term: String,
    pub event: String,
    pub source: String,
    pub note: Option<String>,
}

#[derive(Deserialize, serde::Serialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    Detained,
    Released,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Status {
    pub state: State,
    pub date: Option<String>,
    pub how: Option<String>,
    pub exchange: Option<String>,
    pub last_reported: Option<String>,
    pub note: Option<String>,
}

#[derive(Deserialize, serde::Serialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "kebab-case")]
pub enum DesignationStatus {
    Designated,
    Reported,
    NotDesignated,
    Unknown,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Designation {
    pub status: DesignationStatus,
    pub date: Option<String>,
    pub note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// What sentence steps cite it by; only people's sources need one.
    #[serde(default)]
    pub key: String,
    pub title: String,
    pub outlet: String,
    pub url: Option<String>,
    pub date: Option<String>,
}
