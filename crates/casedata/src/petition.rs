//! The petition's words and endpoint configuration, checked at build time.

use crate::check::Checker;
use crate::Problem;
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The validated petition file.
#[derive(Debug, Clone, PartialEq)]
pub struct Petition {
    pub heading: String,
    /// The ask, with `{names}` where the people are named.
    pub ask: String,
    pub privacy: String,
    pub url: String,
    pub json: bool,
    pub count_url: Option<String>,
    /// (value, name the endpoint expects), in the app's field order.
    pub fields: Vec<(String, String)>,
    pub extra: Vec<(String, String)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    text: RawText,
    endpoint: RawEndpoint,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawText {
    heading: String,
    ask: String,
    privacy: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEndpoint {
    url: String,
    encoding: String,
    #[serde(default)]
    count_url: String,
    fields: RawFields,
    #[serde(default)]
    extra: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFields {
    first_name: String,
    last_name: String,
    email: String,
    zip: String,
    country: String,
    updates: String,
    key: String,
    source: String,
    /// Optional, so a campaign's file from before it existed still builds.
    #[serde(default)]
    fill_ms: String,
}

/// Environment overrides, so a deploy can point at its endpoint without an edit.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    pub url: Option<String>,
    pub count_url: Option<String>,
}

impl Overrides {
    /// `LEFT_BEHIND_PETITION_URL` and `LEFT_BEHIND_PETITION_COUNT_URL`, when set.
    pub fn from_env() -> Self {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        Self {
            url: var("LEFT_BEHIND_PETITION_URL"),
            count_url: var("LEFT_BEHIND_PETITION_COUNT_URL"),
        }
    }
}

/// Validates the petition file named `file`.
pub fn parse_petition(
    file: &str,
    text: &str,
    overrides: &Overrides,
) -> Result<Petition, Vec<Problem>> {
    let (mut check, raw): (Checker, RawFile) = Checker::document(file, text, NaiveDate::MAX)?;
    let s = "petition";
    let ask = check.text(s, "text.ask", raw.text.ask);
    if !ask.contains("{names}") {
        check.fail(s, "text.ask", "write {names} where the people are named");
    }
    let e = raw.endpoint;
    let url = overrides.url.clone().unwrap_or(e.url);
    check.url(s, "endpoint.url", &url);
    let count_url = overrides.count_url.clone().unwrap_or(e.count_url);
    if !count_url.is_empty() {
        check.url(s, "endpoint.count_url", &count_url);
    }
    let json = match e.encoding.as_str() {
        "form" => false,
        "json" => true,
        other => {
            check.fail(
                s,
                "endpoint.encoding",
                format!("'{other}' is not \"form\" or \"json\""),
            );
            false
        }
    };
    let f = e.fields;
    let fields: Vec<(String, String)> = [
        ("first_name", f.first_name),
        ("last_name", f.last_name),
        ("email", f.email),
        ("zip", f.zip),
        ("country", f.country),
        ("updates", f.updates),
        ("key", f.key),
        ("source", f.source),
        ("fill_ms", f.fill_ms),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    let mut names: Vec<&str> = fields
        .iter()
        .map(|(_, n)| n.as_str())
        .filter(|n| !n.is_empty())
        .collect();
    names.extend(e.extra.keys().map(String::as_str));
    for (i, name) in names.iter().enumerate() {
        if names[..i].contains(name) {
            check.fail(s, "endpoint", format!("two values are sent as '{name}'"));
        }
    }
    if fields.iter().any(|(k, n)| k == "key" && n.is_empty()) {
        check.fail(
            s,
            "endpoint.fields.key",
            "the idempotency key must be sent: it keeps retries from doubling a signature",
        );
    }
    let petition = Petition {
        heading: check.text(s, "text.heading", raw.text.heading),
        privacy: check.text(s, "text.privacy", raw.text.privacy),
        ask,
        url,
        json,
        count_url: (!count_url.is_empty()).then_some(count_url),
        fields,
        extra: e.extra.into_iter().collect(),
    };
    if check.problems.is_empty() {
        Ok(petition)
    } else {
        Err(check.problems)
    }
}

impl Checker<'_> {
    pub(crate) fn url(&mut self, s: &str, field: &str, url: &str) {
        if !(url.starts_with("https://") || url.starts_with("http://"))
            || url.contains(char::is_whitespace)
        {
            self.fail(s, field, format!("'{url}' is not an http(s) URL"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "data/petition.toml";

    fn real() -> String {
        std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/petition.toml"),
        )
        .unwrap()
    }

    fn problems(text: &str) -> Vec<String> {
        parse_petition(FILE, text, &Overrides::default())
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn the_real_file_is_valid_and_the_environment_overrides_the_url() {
        let p = parse_petition(FILE, &real(), &Overrides::default()).unwrap();
        assert!(!p.json);
        assert!(p.ask.contains("{names}"));
        assert!(p.fields.contains(&("fill_ms".into(), "fill_ms".into())));
        assert_eq!(p.count_url.as_deref(), Some("http://127.0.0.1:8787/count"));
        let o = Overrides {
            url: Some("https://forms.example.org/s/abc".into()),
            count_url: None,
        };
        assert_eq!(
            parse_petition(FILE, &real(), &o).unwrap().url,
            "https://forms.example.org/s/abc"
        );
    }

    #[test]
    fn bad_values_are_named() {
        let p = problems(&real().replace("encoding = \"form\"", "encoding = \"xml\""));
        assert!(
            p.iter()
                .any(|m| m.contains(FILE) && m.contains("endpoint.encoding") && m.contains("xml")),
            "{p:?}"
        );
        let p = problems(&real().replace("http://127.0.0.1:8787/sign", "ftp://x"));
        assert!(p.iter().any(|m| m.contains("endpoint.url")), "{p:?}");
        let p =
            problems(&real().replace("last_name = \"last_name\"", "last_name = \"first_name\""));
        assert!(
            p.iter()
                .any(|m| m.contains("two values are sent as 'first_name'")),
            "{p:?}"
        );
        let p = problems(&real().replace("{names}", "them"));
        assert!(p.iter().any(|m| m.contains("text.ask")), "{p:?}");
        let p = problems(&real().replace("fill_ms = \"fill_ms\"", "fill_ms = \"email\""));
        assert!(
            p.iter()
                .any(|m| m.contains("two values are sent as 'email'")),
            "{p:?}"
        );
        let p = problems(&real().replace("key = \"idempotency_key\"", "key = \"\""));
        assert!(p.iter().any(|m| m.contains("endpoint.fields.key")), "{p:?}");
    }
}
