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

/// How far ahead the calendar lists day milestones, and how many of each
/// person's: enough to plan for, few enough that the calendar stays the
/// anniversaries' first.
pub const MILESTONE_HORIZON_DAYS: u32 = 3 * 365;
pub const MILESTONES_PER_PERSON: usize = 2;

/// An iCalendar (RFC 5545) file with, for every person still detained whose
/// arrest day is known, a yearly all-day event on the arrest anniversary and
/// an all-day event on each of their next day milestones (1,000 days, 1,500,
/// …; the `milestone` crate's rule, as the cards date them) within
/// [`MILESTONE_HORIZON_DAYS`] of `stamp`, at most [`MILESTONES_PER_PERSON`].
/// Each event's UID names the person and the milestone, so a calendar that
/// subscribes updates it rather than adding another.
pub fn anniversaries_ics(people: &[Person], stamp: NaiveDateTime) -> String {
    let mut out = String::new();
    let mut line = |text: &str| fold_line(&mut out, text);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//Left Behind//Arrest anniversaries and milestones//EN");
    line("CALSCALE:GREGORIAN");
    line("X-WR-CALNAME:Left Behind: arrest anniversaries and milestones");
    let dtstamp = format!("DTSTAMP:{}", stamp.format("%Y%m%dT%H%M%SZ"));
    for p in people.iter().filter(|p| p.is_detained()) {
        let date = p.arrest.date;
        if !date.has_day() {
            continue;
        }
        // Only what the sources say: "detained as of" their newest date, or
        // when a person was last reported held.
        let status = match &p.status {
            Status::Detained {
                last_reported: Some(d),
                ..
            } => format!("last reported detained on {d}, no public report since"),
            _ => format!("detained as of {}", p.as_of),
        };
        let description = format!(
            "DESCRIPTION:{}",
            escape(&format!(
                "{}, {}. Charge: {} Status: {status}; record checked {}.",
                p.name, p.arrest.place, p.charge, p.checked
            ))
        );
        let day = date.first_day();
        line("BEGIN:VEVENT");
        line(&format!("UID:{}-arrest@left-behind", p.id));
        line(&dtstamp);
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
        line(&description);
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");

        let span = milestone::Span {
            start: p.arrest.start,
            offset: p.arrest.offset,
            end: None,
            day_known: true,
        };
        let now = stamp.and_utc().timestamp();
        for m in span.upcoming_days(now, MILESTONE_HORIZON_DAYS, MILESTONES_PER_PERSON) {
            let milestone::Kind::Days(n) = m.kind else {
                continue;
            };
            let d = m.date;
            line("BEGIN:VEVENT");
            line(&format!("UID:{}-days-{n}@left-behind", p.id));
            line(&dtstamp);
            line(&format!(
                "DTSTART;VALUE=DATE:{:04}{:02}{:02}",
                d.year, d.month, d.day
            ));
            // "since the arrest", not "held": the same words for someone
            // only last reported held.
            line(&format!(
                "SUMMARY:{}",
                escape(&format!(
                    "{}: {} days since the arrest in Russia ({})",
                    p.name,
                    thousands(n),
                    date
                ))
            ));
            line(&description);
            line("TRANSP:TRANSPARENT");
            line("END:VEVENT");
        }
    }
    line("END:VCALENDAR");
    out
}

/// "1,500": digits grouped by thousands, as the English cards write them.
fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
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
        assert_eq!(ics.matches("-arrest@left-behind\r\n").count(), expected);
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
    fn calendar_has_the_next_day_milestones_of_each_detained_person() {
        let data = data();
        let ics = anniversaries_ics(&data.cases.people, stamp()).replace("\r\n ", "");
        let events: Vec<&str> = ics.split("BEGIN:VEVENT\r\n").skip(1).collect();
        let now = stamp().and_utc().timestamp();
        let mut expected = 0;
        for p in data.cases.people.iter() {
            let days: Vec<&&str> = events
                .iter()
                .filter(|e| e.starts_with(&format!("UID:{}-days-", p.id)))
                .collect();
            if !p.is_detained() || !p.arrest.date.has_day() {
                assert!(days.is_empty(), "{}: no milestones", p.id);
                continue;
            }
            // Counted here from the arrest day and the day count, not by the
            // milestone crate: 100, 500, then every 500, after the days held
            // at the stamp, within three years, two at most.
            let held = (now - p.arrest.start).div_euclid(86_400);
            let want: Vec<i64> = [100, 500]
                .into_iter()
                .chain((2..20).map(|i| i * 500))
                .filter(|&n| n > held && n - held <= 3 * 365)
                .take(2)
                .collect();
            assert_eq!(days.len(), want.len(), "{}", p.id);
            expected += want.len();
            for (event, n) in days.iter().zip(&want) {
                let on = p.arrest.date.first_day() + chrono::Days::new(*n as u64);
                assert!(
                    event.starts_with(&format!(
                        "UID:{}-days-{n}@left-behind\r\nDTSTAMP:20261201T120000Z\r\nDTSTART;VALUE=DATE:{}\r\n",
                        p.id,
                        on.format("%Y%m%d")
                    )),
                    "{event}"
                );
                assert!(event.contains("days since the arrest in Russia"), "{event}");
            }
        }
        assert!(expected > 0);
        // David Barnes, arrested 13 January 2022: 2,000 days on 6 July 2027
        // and 2,500 on 17 November 2028.
        assert!(ics.contains(
            "UID:david-barnes-days-2000@left-behind\r\nDTSTAMP:20261201T120000Z\r\nDTSTART;VALUE=DATE:20270706\r\n"
        ));
        assert!(ics.contains("DTSTART;VALUE=DATE:20281117\r\nSUMMARY:David Barnes: 2\\,500 days since the arrest in Russia (2022-01-13)\r\n"));
        // Every UID once: a subscribed calendar updates, never duplicates.
        let uids: Vec<&str> = ics.lines().filter(|l| l.starts_with("UID:")).collect();
        let mut unique = uids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), uids.len());
        // Milestone events recur never; only anniversaries do.
        assert_eq!(
            ics.matches("RRULE:").count(),
            ics.matches("-arrest@left-behind").count()
        );
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(500), "500");
        assert_eq!(thousands(1500), "1,500");
        assert_eq!(thousands(1_234_567), "1,234,567");
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
