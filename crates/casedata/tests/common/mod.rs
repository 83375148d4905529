//! Fixtures shared by the data-file tests: a campaign and two people, one
//! freed in an exchange and one still held.
#![allow(dead_code)]

use casedata::Problem;
use chrono::NaiveDate;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

pub const CAMPAIGN: &str = r#"
[campaign]
as_of = "2026-02-17"
checked = "2026-11-20"
stale_after_days = 90
heading = "We don't leave Americans behind"
why = "Why."
"#;

/// A valid person; tests replace one line to break it.
pub const GILMAN: &str = r#"
[[person]]
id = "robert-gilman"
name = "Robert Gilman"
campaign = true
tagline = "A Marine set up in Russia"
about = "Ex-US Marine, Dracut, MA"
arrest.date = "2022-01-17"
arrest.offset = "+03:00"
arrest.place = "Voronezh"
charge = "Use of violence against a police officer"
status.state = "detained"
designation.status = "not-designated"
story = """
First paragraph.

Second paragraph.
"""
as_of = "2025-12-03"
checked = "2026-11-20"

[[person.sentence]]
date = "2022-10"
term = "4.5 years"
event = "Sentenced."
source = "g2"

[[person.sentence]]
date = "2025-12-03"
term = "10 years"
event = "Third conviction."
source = "g5"

[[person.source]]
key = "g2"
title = "Ex-Marine jailed"
outlet = "BBC"
url = "https://feeds.bbci.co.uk/news/world-europe-63135831"
date = "2022-10"

[[person.source]]
key = "g5"
title = "Third verdict"
outlet = "Kommersant"
url = "https://www.kommersant.ru/doc/8250867"
date = "2025-12-03"
"#;

pub const KARELINA: &str = r#"
[[person]]
id = "ksenia-karelina"
name = "Ksenia Karelina"
campaign = true
tagline = "The ballerina case"
about = "Dual national"
arrest.date = "2024-01-27"
arrest.offset = "+05:00"
arrest.place = "Yekaterinburg"
charge = "High treason"
status.state = "released"
status.date = "2025-04-10"
status.how = "Exchanged."
status.exchange = "2025-04-abu-dhabi"
designation.status = "reported"
designation.date = "2025-02"
story = "Story."
as_of = "2025-05-06"
checked = "2026-11-20"

[[person.source]]
key = "k10"
title = "Exchange"
outlet = "TASS"
url = "https://tass.com/world/1941619"
"#;

pub fn file(people: &[&str]) -> String {
    let mut text = CAMPAIGN.to_string();
    for p in people {
        text.push_str(p);
    }
    text
}

/// Asserts that one problem names the file, the subject and the field, and
/// that its message contains `says`.
pub fn assert_names(problems: &[Problem], file: &str, subject: &str, field: &str, says: &str) {
    let found = problems.iter().any(|p| {
        let line = p.to_string();
        line.starts_with(file)
            && line.contains(subject)
            && p.field.contains(field)
            && line.contains(says)
    });
    assert!(
        found,
        "no problem names {subject} / {field} / {says:?}; got:\n{problems:#?}"
    );
}
