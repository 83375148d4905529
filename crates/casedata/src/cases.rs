//! The campaign and the people it tracks, checked one by one and across
//! people.

use crate::check::{is_slug, paragraphs, Checker};
use crate::{read, Overrides, PartialDate, Problem, Source};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::path::Path;

pub use raw::State;

/// The validated cases file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseFile {
    pub campaign: Campaign,
    pub people: Vec<Person>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Campaign {
    pub as_of: PartialDate,
    /// The day an editor last went through the whole file.
    pub checked: PartialDate,
    /// A detained person's record unchecked for longer is named by the build.
    pub stale_after_days: i64,
    pub heading: String,
    /// Why designation matters; it names no one, so a change of status never
    /// leaves it wrong (who is held is worded from the statuses).
    pub why: String,
    /// Where the site is deployed, ending in `/`: embed snippets and link
    /// previews need absolute addresses.
    pub url: String,
}

/// Where `scripts/serve.sh` serves the site, for builds that name no address.
pub const LOCAL_SITE_URL: &str = "http://127.0.0.1:8080/";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub id: String,
    pub name: String,
    /// First letters of the first and last word, for the avatar.
    pub initials: String,
    pub campaign: bool,
    pub tagline: String,
    pub about: String,
    pub arrest: Arrest,
    pub charge: String,
    pub sentence: Vec<SentenceStep>,
    pub sentence_note: Option<String>,
    pub status: Status,
    pub designation: Designation,
    pub story: Vec<String>,
    /// The newest source's date.
    pub as_of: PartialDate,
    /// The day an editor last looked for news of this person, found or not.
    pub checked: PartialDate,
    pub sources: Vec<Source>,
}

impl Person {
    pub fn is_detained(&self) -> bool {
        matches!(self.status, Status::Detained { .. })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Arrest {
    pub date: PartialDate,
    /// Unix seconds the timer counts from.
    pub start: i64,
    /// Seconds east of UTC at the place of arrest; calendar math happens there.
    pub offset: i32,
    pub place: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceStep {
    pub date: Option<PartialDate>,
    pub term: String,
    pub event: String,
    /// Index into the person's sources.
    pub source: usize,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "lowercase")]
pub enum Status {
    Detained {
        /// Set when no source after this day says the person is still held:
        /// the page then says so instead of claiming they are held today.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        last_reported: Option<PartialDate>,
        /// What the sources say, and do not say, about the person's status.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    Released {
        date: PartialDate,
        /// Unix seconds the timer stands frozen at.
        end: i64,
        how: String,
        exchange: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Designation {
    pub status: DesignationStatus,
    pub date: Option<PartialDate>,
    pub note: Option<String>,
}

#[derive(Deserialize, Serialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "kebab-case")]
pub enum DesignationStatus {
    Designated,
    Reported,
    NotDesignated,
    Unknown,
}

/// The file's shape exactly as editors write it. Unknown fields are refused
/// so that a misspelt key is an error, not a silently missing fact.
mod raw {
    use crate::check::raw::Source;
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

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Designation {
        pub status: super::DesignationStatus,
        pub date: Option<String>,
        pub note: Option<String>,
    }
}

/// Reads and validates the cases file at `path`; `today` bounds "as of" dates.
pub fn load(
    path: &Path,
    today: NaiveDate,
    overrides: &Overrides,
) -> Result<CaseFile, Vec<Problem>> {
    let file = path.display().to_string();
    parse_cases(&file, &read(path, &file)?, today, overrides)
}

/// Validates the text of a cases file named `file` (the name is only for
/// messages), with the overrides the environment sets.
pub fn parse(file: &str, text: &str, today: NaiveDate) -> Result<CaseFile, Vec<Problem>> {
    parse_cases(file, text, today, &Overrides::from_env())
}

/// Validates the text of a cases file named `file` (the name is only for
/// messages); `today` bounds "as of" dates.
pub fn parse_cases(
    file: &str,
    text: &str,
    today: NaiveDate,
    overrides: &Overrides,
) -> Result<CaseFile, Vec<Problem>> {
    let (mut check, raw): (Checker, raw::File) = Checker::document(file, text, today)?;
    let campaign = check.campaign(raw.campaign, overrides);
    let people: Vec<Person> = raw
        .person
        .into_iter()
        .enumerate()
        .filter_map(|(i, t)| check.person(i, t))
        .collect();
    check.across_people(&people);
    match (campaign, check.problems.is_empty()) {
        (Some(campaign), true) => Ok(CaseFile { campaign, people }),
        _ => Err(check.problems),
    }
}

impl Checker<'_> {
    fn campaign(&mut self, c: raw::Campaign, overrides: &Overrides) -> Option<Campaign> {
        let s = "campaign";
        let as_of = self.date(s, "as_of", &c.as_of);
        let as_of = self.not_future(s, "as_of", as_of);
        let checked = self.checked(s, &c.checked, as_of.iter().copied());
        if c.stale_after_days < 1 {
            self.fail(
                s,
                "stale_after_days",
                "must be a whole number of days, at least 1",
            );
        }
        let url = overrides
            .site_url
            .clone()
            .or(c.url)
            .unwrap_or_else(|| LOCAL_SITE_URL.into());
        self.url(s, "url", &url);
        Some(Campaign {
            as_of: as_of?,
            checked: checked?,
            stale_after_days: c.stale_after_days,
            heading: self.text(s, "heading", c.heading),
            why: self.text(s, "why", c.why),
            url: if url.ends_with('/') { url } else { url + "/" },
        })
    }

    /// A `checked` date: a full day, not in the future, and not before any of
    /// `newer_than` (an editor cannot have checked before the newest source).
    fn checked(
        &mut self,
        s: &str,
        text: &str,
        newer_than: impl IntoIterator<Item = PartialDate>,
    ) -> Option<PartialDate> {
        let date = self.date(s, "checked", text);
        let date = self.not_future(s, "checked", date)?;
        if !date.has_day() {
            self.fail(
                s,
                "checked",
                "must be the full day an editor checked (YYYY-MM-DD)",
            );
            return None;
        }
        if let Some(newest) = newer_than.into_iter().max_by_key(|d| d.first_day()) {
            if date.first_day() < newest.first_day() {
                self.fail(
                    s,
                    "checked",
                    format!("{date} is before the newest date in the record, {newest}: check again and set today's date"),
                );
                return None;
            }
        }
        Some(date)
    }

    fn person(&mut self, index: usize, table: toml::Table) -> Option<Person> {
        let (subject, raw) = self.entry::<raw::Person>("person", index, table)?;
        self.valid_person(&subject, raw)
    }

    fn valid_person(&mut self, s: &str, p: raw::Person) -> Option<Person> {
        let before = self.problems.len();
        if !is_slug(&p.id) {
            self.fail(s, "id", "must be a slug of lowercase letters, digits and single hyphens, e.g. robert-gilman");
        }
        let sources = self.sources(s, p.source);
        let arrest = self.arrest(s, p.arrest);
        let status = self.status(s, p.status, arrest.as_ref());
        let sentence = self.sentence(s, p.sentence, &sources);
        let designation = self.designation(s, p.designation);
        let as_of = self.date(s, "as_of", &p.as_of);
        let as_of = self.not_future(s, "as_of", as_of);
        if let (Some(arrest), Some(as_of)) = (&arrest, as_of) {
            if as_of.last_day() < arrest.date.first_day() {
                self.fail(
                    s,
                    "as_of",
                    format!("{as_of} is before the arrest on {}", arrest.date),
                );
            }
        }
        let newest = as_of
            .into_iter()
            .chain(sources.iter().filter_map(|src| src.date))
            .chain(match &status {
                Some(Status::Detained {
                    last_reported: Some(d),
                    ..
                }) => Some(*d),
                _ => None,
            });
        let checked = self.checked(s, &p.checked, newest);
        let story = paragraphs(&p.story);
        if story.is_empty() {
            self.fail(s, "story", "must not be empty");
        }
        let name = self.text(s, "name", p.name);
        let person = Person {
            id: p.id,
            initials: initials(&name),
            name,
            campaign: p.campaign,
            tagline: self.text(s, "tagline", p.tagline),
            about: self.text(s, "about", p.about),
            charge: self.text(s, "charge", p.charge),
            sentence_note: p.sentence_note.map(|n| self.text(s, "sentence_note", n)),
            arrest: arrest?,
            sentence: sentence?,
            status: status?,
            designation: designation?,
            story,
            as_of: as_of?,
            checked: checked?,
            sources,
        };
        (self.problems.len() == before).then_some(person)
    }

    fn arrest(&mut self, s: &str, a: raw::Arrest) -> Option<Arrest> {
        let date = self.date(s, "arrest.date", &a.date);
        let date = self.not_future(s, "arrest.date", date);
        if date.is_some_and(|d| d.month == 0) {
            self.fail(
                s,
                "arrest.date",
                "needs at least a month (YYYY-MM) to count from",
            );
        }
        let offset = crate::date::parse_offset(&a.offset)
            .map_err(|m| self.fail(s, "arrest.offset", m))
            .ok();
        let time = a.time.and_then(|t| {
            crate::date::parse_time(&t)
                .map_err(|m| self.fail(s, "arrest.time", m))
                .ok()
        });
        let (date, offset) = (date.filter(|d| d.month != 0)?, offset?);
        Some(Arrest {
            date,
            start: date.midnight_at(offset, time),
            offset,
            place: self.text(s, "arrest.place", a.place),
            note: a.note.map(|n| self.text(s, "arrest.note", n)),
        })
    }

    fn status(&mut self, s: &str, st: raw::Status, arrest: Option<&Arrest>) -> Option<Status> {
        match st.state {
            State::Detained => {
                for (field, value) in [
                    ("status.date", &st.date),
                    ("status.how", &st.how),
                    ("status.exchange", &st.exchange),
                ] {
                    if value.is_some() {
                        self.fail(s, field, "only a released person has this; remove it or set status.state = \"released\"");
                    }
                }
                let last_reported = st.last_reported.and_then(|t| {
                    let d = self.date(s, "status.last_reported", &t);
                    let d = self.not_future(s, "status.last_reported", d)?;
                    if arrest.is_some_and(|a| d.last_day() < a.date.first_day()) {
                        self.fail(
                            s,
                            "status.last_reported",
                            format!("{d} is before the arrest"),
                        );
                        return None;
                    }
                    Some(d)
                });
                Some(Status::Detained {
                    last_reported,
                    note: st.note.map(|n| self.text(s, "status.note", n)),
                })
            }
            State::Released => {
                for (field, value) in [
                    ("status.last_reported", &st.last_reported),
                    ("status.note", &st.note),
                ] {
                    if value.is_some() {
                        self.fail(s, field, "only a detained person has this; say how the person came home in status.how");
                    }
                }
                let Some(text) = st.date else {
                    self.fail(
                        s,
                        "status.date",
                        "a released person needs the release date the timer stops at",
                    );
                    return None;
                };
                let date = self.date(s, "status.date", &text);
                let date = self.not_future(s, "status.date", date)?;
                if !date.has_day() {
                    self.fail(
                        s,
                        "status.date",
                        "the release date must be a full YYYY-MM-DD: the timer stops there",
                    );
                    return None;
                }
                let how = match st.how {
                    Some(how) => self.text(s, "status.how", how),
                    None => {
                        self.fail(s, "status.how", "say how the person was released");
                        return None;
                    }
                };
                let arrest = arrest?;
                if date.first_day() < arrest.date.first_day() {
                    self.fail(
                        s,
                        "status.date",
                        format!("release {date} is before the arrest on {}", arrest.date),
                    );
                    return None;
                }
                let exchange = st.exchange.filter(|e| {
                    let ok = is_slug(e);
                    if !ok {
                        self.fail(s, "status.exchange", format!("'{e}' is not an exchange id"));
                    }
                    ok
                });
                Some(Status::Released {
                    date,
                    end: date.midnight_at(arrest.offset, None),
                    how,
                    exchange,
                })
            }
        }
    }

    fn sentence(
        &mut self,
        s: &str,
        steps: Vec<raw::SentenceStep>,
        sources: &[Source],
    ) -> Option<Vec<SentenceStep>> {
        let mut out = Vec::new();
        let mut last: Option<PartialDate> = None;
        for (i, step) in steps.into_iter().enumerate() {
            let f = |name: &str| format!("sentence[{i}].{name}");
            let date = step.date.and_then(|d| self.date(s, &f("date"), &d));
            let date = self.not_future(s, &f("date"), date);
            if let (Some(prev), Some(d)) = (last, date) {
                if d.last_day() < prev.first_day() {
                    self.fail(
                        s,
                        &f("date"),
                        format!(
                            "{d} comes before the previous step's {prev}; list steps in date order"
                        ),
                    );
                }
            }
            last = date.or(last);
            let cited = sources
                .iter()
                .position(|src| !src.key.is_empty() && src.key == step.source);
            let Some(source) = cited else {
                self.fail(
                    s,
                    &f("source"),
                    format!("no [[person.source]] has key '{}'", step.source),
                );
                continue;
            };
            out.push(SentenceStep {
                date,
                term: self.text(s, &f("term"), step.term),
                event: self.text(s, &f("event"), step.event),
                source,
                note: step.note.map(|n| self.text(s, &f("note"), n)),
            });
        }
        Some(out)
    }

    fn designation(&mut self, s: &str, d: raw::Designation) -> Option<Designation> {
        let date = d.date.and_then(|t| self.date(s, "designation.date", &t));
        let date = self.not_future(s, "designation.date", date);
        if date.is_some()
            && matches!(
                d.status,
                DesignationStatus::NotDesignated | DesignationStatus::Unknown
            )
        {
            self.fail(
                s,
                "designation.date",
                "only a designation (or a reported one) has a date; put other dates in the note",
            );
        }
        Some(Designation {
            status: d.status,
            date,
            note: d.note.map(|n| self.text(s, "designation.note", n)),
        })
    }

    fn across_people(&mut self, people: &[Person]) {
        let mut seen = std::collections::HashSet::new();
        let mut tracked_seen = false;
        for p in people {
            let s = format!("person '{}'", p.id);
            if !seen.insert(p.id.as_str()) {
                self.fail(&s, "id", "two people have this id; ids must be unique");
            }
            if p.campaign && tracked_seen {
                self.fail(
                    &s,
                    "campaign",
                    "people the campaign speaks for come first in the file",
                );
            }
            tracked_seen |= !p.campaign;
        }
    }
}

/// Records of people still detained that no editor has checked for longer
/// than the campaign's `stale_after_days` before `today`: each names the
/// file, the person and the field, for the build to print as a warning.
pub fn stale_records(file: &str, cases: &CaseFile, today: NaiveDate) -> Vec<Problem> {
    let limit = cases.campaign.stale_after_days;
    cases
        .people
        .iter()
        .filter(|p| p.is_detained())
        .filter_map(|p| {
            let days = (today - p.checked.first_day()).num_days();
            (days > limit).then(|| Problem {
                file: file.to_string(),
                subject: format!("person '{}'", p.id),
                field: "checked".into(),
                message: format!(
                    "last checked {}, {days} days before this build (the limit is {limit} days, \
                     campaign.stale_after_days): look for news of this person and update `checked`",
                    p.checked
                ),
            })
        })
        .collect()
}

/// "Ksenia Karelina" → "KK"; "Stephen James Hubbard" → "SH".
pub(crate) fn initials(name: &str) -> String {
    let mut words = name.split_whitespace().filter_map(|w| w.chars().next());
    let first = words.next();
    first
        .into_iter()
        .chain(words.next_back())
        .flat_map(char::to_uppercase)
        .collect()
}
