//! What every data file's checks share: collecting problems with their file,
//! subject and field, dates, text, URLs, sources.

use crate::{PartialDate, Problem, Source};
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use std::fmt;

/// The shapes every data file writes the same way.
pub(crate) mod raw {
    use serde::Deserialize;

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
}

pub(crate) struct Checker<'a> {
    pub(crate) file: &'a str,
    pub(crate) today: NaiveDate,
    pub(crate) problems: Vec<Problem>,
}

impl Checker<'_> {
    pub(crate) fn fail(&mut self, subject: &str, field: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            file: self.file.to_string(),
            subject: subject.to_string(),
            field: if field.is_empty() || field == "." {
                "-".into()
            } else {
                field.to_string()
            },
            message: message.into(),
        });
    }

    pub(crate) fn text(&mut self, subject: &str, field: &str, value: String) -> String {
        if value.trim().is_empty() {
            self.fail(subject, field, "must not be empty");
        }
        value.trim().to_string()
    }

    pub(crate) fn date(&mut self, subject: &str, field: &str, value: &str) -> Option<PartialDate> {
        PartialDate::parse(value)
            .map_err(|m| self.fail(subject, field, m))
            .ok()
    }

    pub(crate) fn not_future(
        &mut self,
        subject: &str,
        field: &str,
        date: Option<PartialDate>,
    ) -> Option<PartialDate> {
        let date = date?;
        if date.first_day() > self.today {
            self.fail(
                subject,
                field,
                format!("{date} is in the future (today is {})", self.today),
            );
            return None;
        }
        Some(date)
    }

    /// A checker for the file named `file`, and the file's text read as `T`;
    /// a syntax or shape error is the one problem reported.
    pub(crate) fn document<'a, T: DeserializeOwned>(
        file: &'a str,
        text: &str,
        today: NaiveDate,
    ) -> Result<(Checker<'a>, T), Vec<Problem>> {
        let mut check = Checker {
            file,
            today,
            problems: Vec::new(),
        };
        match serde_path_to_error::deserialize(toml::Deserializer::new(text)) {
            Ok(raw) => Ok((check, raw)),
            Err(e) => {
                let (field, message) = serde_problem(&e);
                check.fail("file", &field, message);
                Err(check.problems)
            }
        }
    }

    /// Deserializes one `[[kind]]` table, naming it by its `id` (or position)
    /// in any problem.
    pub(crate) fn entry<T: DeserializeOwned>(
        &mut self,
        kind: &str,
        index: usize,
        table: toml::Table,
    ) -> Option<(String, T)> {
        let subject = match table.get("id").and_then(|v| v.as_str()) {
            Some(id) => format!("{kind} '{id}'"),
            None => format!("{kind} #{}", index + 1),
        };
        match serde_path_to_error::deserialize(toml::Value::Table(table)) {
            Ok(raw) => Some((subject, raw)),
            Err(e) => {
                let (field, message) = serde_problem(&e);
                self.fail(&subject, &field, message);
                None
            }
        }
    }

    /// Checks a `[[…source]]` list: every source needs an http(s) URL.
    pub(crate) fn sources(&mut self, s: &str, sources: Vec<raw::Source>) -> Vec<Source> {
        if sources.is_empty() {
            self.fail(
                s,
                "source",
                "needs at least one source, so readers can check it",
            );
        }
        let mut out: Vec<Source> = Vec::new();
        for (i, src) in sources.into_iter().enumerate() {
            let f = |name: &str| format!("source[{i}].{name}");
            if !src.key.is_empty() && out.iter().any(|o| o.key == src.key) {
                self.fail(
                    s,
                    &f("key"),
                    format!("'{}' is used by two sources", src.key),
                );
            }
            let url = src.url.unwrap_or_default();
            if url.trim().is_empty() {
                self.fail(s, &f("url"), "a source needs a URL so readers can check it");
            } else {
                self.url(s, &f("url"), &url);
            }
            let date = src.date.and_then(|d| self.date(s, &f("date"), &d));
            let date = self.not_future(s, &f("date"), date);
            out.push(Source {
                key: src.key,
                title: self.text(s, &f("title"), src.title),
                outlet: self.text(s, &f("outlet"), src.outlet),
                url,
                date,
            });
        }
        out
    }

    pub(crate) fn url(&mut self, s: &str, field: &str, url: &str) {
        if !(url.starts_with("https://") || url.starts_with("http://"))
            || url.contains(char::is_whitespace)
        {
            self.fail(s, field, format!("'{url}' is not an http(s) URL"));
        }
    }
}

/// Splits text at blank lines and folds each paragraph's white space.
pub(crate) fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|para| para.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// The field a serde error is about, with a missing field's own name appended
/// (serde reports it at the enclosing table).
pub(crate) fn serde_problem<E: fmt::Display>(
    e: &serde_path_to_error::Error<E>,
) -> (String, String) {
    let message = e.inner().to_string().trim_end().to_string();
    let mut field = e.path().to_string();
    if let Some(name) = message
        .strip_prefix("missing field `")
        .and_then(|m| m.split('`').next())
    {
        field = if field.is_empty() || field == "." {
            name.to_string()
        } else {
            format!("{field}.{name}")
        };
    }
    (field, message)
}

pub(crate) fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
