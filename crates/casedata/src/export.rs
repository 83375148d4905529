//! The open data: the validated data as versioned JSON documents and an
//! iCalendar file of arrest anniversaries, for journalists and partner sites.
//! Written from the same validated values the app is built from.

use crate::{Campaign, Data, Exchange, Explainer, News, Person, Status};
use chrono::{Datelike, NaiveDateTime};
use serde::{Deserialize, Serialize};
use std::fmt::Write;

/// The version of the JSON shape; bumped on any change that breaks readers.
pub const FORMAT_VERSION: u32 = 1;

/// `cases.json`: the campaign and every case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CasesDocument {
    pub version: u32,
    pub campaign: Campaign,
    pub cases: Vec<Person>,
}

/// `exchanges.json`: every exchange, the news list and the designation explainer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExchangesDocument {
    pub version: u32,
    pub exchanges: Vec<Exchange>,
    pub news: Vec<News>,
    pub designation: Explainer,
}

impl CasesDocument {
    pub fn new(data: &Data) -> Self {
        Self {
            version: FORMAT_VERSION,
            campaign: data.cases.campaign.clone(),
            cases: data.cases.people.clone(),
        }
    }
}

impl ExchangesDocument {
    pub fn new(data: &Data) -> Self {
        Self {
            version: FORMAT_VERSION,
            exchanges: data.exchanges.exchanges.clone(),
            news: data.exchanges.news.clone(),
            designation: data.exchanges.designation.clone(),
        }
    }
}

/// An iCalendar (RFC 5545) file with a yearly all-day event on the arrest
/// anniversary of every person still detained whose arrest day is known.
pub fn anniversaries_ics(people: &[Person], stamp: NaiveDateTime) -> String {
    let mut out = String::new();
    let mut line = |text: &str| fold_line(&mut out, text);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//Left Behind//Arrest anniversaries//EN");
    line("CALSCALE:GREGORIAN");
    line("X-WR-CALNAME:Left Behind: arrest anniversaries");
    for p in people.iter().filter(|p| p.is_detained()) {
        let date = p.arrest.date;
        if !date.has_day() {
            continue;
        }
        let day = date.first_day();
        line("BEGIN:VEVENT");
        line(&format!("UID:{}-arrest@left-behind", p.id));
        line(&format!("DTSTAMP:{}", stamp.format("%Y%m%dT%H%M%SZ")));
        line(&format!("DTSTART;VALUE=DATE:{}", day.format("%Y%m%d")));
        // A 29 February arrest is remembered on the last day of every February.
        if day.month() == 2 && day.day() == 29 {
            line("RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1");
        } else {
            line("RRULE:FREQ=YEARLY");
        }
        line(&format!(
            "SUMMARY:{}",
            escape(&format!("{} arrested in Russia ({})", p.name, date))
        ));
        // Only what the sources say: "detained as of" their newest date, or
        // when a person was last reported held.
        let status = match &p.status {
            Status::Detained {
                last_reported: Some(d),
                ..
            } => format!("last reported detained on {d}, no public report since"),
            _ => format!("detained as of {}", p.as_of),
        };
        line(&format!(
            "DESCRIPTION:{}",
            escape(&format!(
                "{}, {}. Charge: {} Status: {status}; record checked {}.",
                p.name, p.arrest.place, p.charge, p.checked
            ))
        ));
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

/// Escapes TEXT values: backslash, semicolon, comma and newlines.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Writes a content line folded at 75 octets, never inside a UTF-8 character,
/// ended with CRLF (RFC 5545 §3.1).
fn fold_line(out: &mut String, text: &str) {
    let mut width = 0;
    for c in text.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    let _ = write!(out, "\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn data() -> Data {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        crate::load_all(&root, chrono::Utc::now().date_naive()).expect("valid data")
    }

    fn stamp() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, 1)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap()
    }

    #[test]
    fn cases_json_round_trips_to_the_same_data() {
        let doc = CasesDocument::new(&data());
        let json = serde_json::to_string_pretty(&doc).unwrap();
        let back: CasesDocument = serde_json::from_str(&json).unwrap();
        assert_eq!(back, doc);
        assert_eq!(back.version, FORMAT_VERSION);
        // Dates read as editors write them, and statuses are tagged.
        assert!(
            json.contains("\"date\": \"2024-01-27\""),
            "{}",
            &json[..400]
        );
        assert!(json.contains("\"state\": \"released\""));
    }

    #[test]
    fn exchanges_json_round_trips_to_the_same_data() {
        let doc = ExchangesDocument::new(&data());
        let json = serde_json::to_string_pretty(&doc).unwrap();
        let back: ExchangesDocument = serde_json::from_str(&json).unwrap();
        assert_eq!(back, doc);
        // Our people are referred to by id.
        assert!(json.contains("\"case\": \"ksenia-karelina\""));
    }

    #[test]
    fn calendar_has_a_yearly_event_per_detained_person_with_a_known_day() {
        let data = data();
        let ics = anniversaries_ics(&data.cases.people, stamp());
        let expected = data
            .cases
            .people
            .iter()
            .filter(|p| p.is_detained() && p.arrest.date.has_day())
            .count();
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), expected);
        assert!(ics.contains("UID:david-barnes-arrest@left-behind"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20220113\r\nRRULE:FREQ=YEARLY\r\n"));
        for home in ["ksenia-karelina", "robert-gilman"] {
            assert!(!ics.contains(home), "{home} came home: no anniversary");
        }
        // Not reported on since August 2024: the calendar claims no more.
        let unfolded = ics.replace("\r\n ", "");
        assert!(
            unfolded.contains("last reported detained on 2024-08-01\\, no public report since"),
            "{unfolded}"
        );
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "line over 75 octets: {line}");
        }
    }

    #[test]
    fn text_values_are_escaped_and_folded_on_character_boundaries() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        let mut out = String::new();
        fold_line(&mut out, &"Ж".repeat(60));
        let lines: Vec<&str> = out.trim_end().split("\r\n").collect();
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.len() <= 75));
        assert_eq!(lines.concat().replace(' ', ""), "Ж".repeat(60));
    }
}
