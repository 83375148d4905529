//! The petition's words and endpoint configuration, checked at build time.

use crate::check::Checker;
use crate::{Overrides, Problem};
use chrono::NaiveDate;

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

/// The file's shape exactly as editors write it; unknown fields are refused.
mod raw {
    use serde::Deserialize;
    use std::collections::BTreeMap;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct File {
        pub text: Text,
        pub endpoint: Endpoint,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Text {
        pub heading: String,
        pub ask: String,
        pub privacy: String,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Endpoint {
        pub url: String,
        pub encoding: String,
        #[serde(default)]
        pub count_url: String,
        pub fields: Fields,
        #[serde(default)]
        pub extra: BTreeMap<String, String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Fields {
        pub first_name: String,
        pub last_name: String,
        pub email: String,
        pub zip: String,
        pub country: String,
        pub updates: String,
        pub key: String,
        pub source: String,
        /// Optional, so a campaign's file from before it existed still builds.
        #[serde(default)]
        pub fill_ms: String,
        /// The language the petition was signed in ("en", "ru", "uk"), so
        /// the campaign can write back in it; optional like `fill_ms`, but
        /// sent as `lang` unless the file says otherwise.
        #[serde(default = "lang")]
        pub lang: String,
    }

    fn lang() -> String {
        "lang".into()
    }
}

/// Validates the petition file named `file`.
pub fn parse_petition(
    file: &str,
    text: &str,
    overrides: &Overrides,
) -> Result<Petition, Vec<Problem>> {
    let (mut check, raw): (Checker, raw::File) = Checker::document(file, text, NaiveDate::MAX)?;
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
        ("lang", f.lang),
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
        assert!(p.fields.contains(&("lang".into(), "lang".into())));
        // A file from before `lang` existed sends it under its own name; an
        // empty name sends nothing.
        let old = parse_petition(
            FILE,
            &real().replace("lang = \"lang\"\n", ""),
            &Overrides::default(),
        );
        assert!(old
            .unwrap()
            .fields
            .contains(&("lang".into(), "lang".into())));
        let off = parse_petition(
            FILE,
            &real().replace("lang = \"lang\"", "lang = \"\""),
            &Overrides::default(),
        );
        assert!(off
            .unwrap()
            .fields
            .contains(&("lang".into(), String::new())));
        assert_eq!(p.count_url.as_deref(), Some("http://127.0.0.1:8787/count"));
        let o = Overrides {
            url: Some("https://forms.example.org/s/abc".into()),
            count_url: None,
            site_url: None,
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
        let p = problems(&real().replace("lang = \"lang\"", "lang = \"zip\""));
        assert!(
            p.iter().any(|m| m.contains("two values are sent as 'zip'")),
            "{p:?}"
        );
        let p = problems(&real().replace("key = \"idempotency_key\"", "key = \"\""));
        assert!(p.iter().any(|m| m.contains("endpoint.fields.key")), "{p:?}");
    }
}
