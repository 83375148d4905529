//! One test per kind of malformed data file: each asserts that the build's
//! message names the file, the person's id and the field.

mod common;

use casedata::{parse, Problem, Status};
use common::{file, today, CAMPAIGN, GILMAN, KARELINA};

const FILE: &str = "data/cases.toml";

/// Parses a file that must fail and returns its problems.
fn problems(text: &str) -> Vec<Problem> {
    match parse(FILE, text, today()) {
        Ok(_) => panic!("a malformed file was accepted:\n{text}"),
        Err(problems) => problems,
    }
}

/// `common::assert_names` for this file.
fn assert_names(problems: &[Problem], subject: &str, field: &str, says: &str) {
    common::assert_names(problems, FILE, subject, field, says);
}

#[test]
fn a_valid_file_compiles_with_instants_in_local_time() {
    let data = parse(FILE, &file(&[KARELINA, GILMAN]), today()).expect("valid file");
    assert_eq!(data.people.len(), 2);
    let gilman = &data.people[1];
    // Midnight 17 January 2022 in Voronezh (+03:00) is 21:00 UTC on the 16th.
    assert_eq!(gilman.arrest.start, 1_642_366_800);
    assert_eq!(gilman.story, ["First paragraph.", "Second paragraph."]);
    assert_eq!(gilman.sentence[1].source, 1);
    match &data.people[0].status {
        Status::Released { end, exchange, .. } => {
            // Midnight 10 April 2025 in Yekaterinburg.
            assert_eq!(*end, 1_744_225_200);
            assert_eq!(exchange.as_deref(), Some("2025-04-abu-dhabi"));
        }
        Status::Detained { .. } => panic!("Karelina is released"),
    }
}

#[test]
fn bad_date() {
    let text = file(&[&GILMAN.replace(
        "arrest.date = \"2022-01-17\"",
        "arrest.date = \"2022-02-30\"",
    )]);
    assert_names(
        &problems(&text),
        "person 'robert-gilman'",
        "arrest.date",
        "2022-02-30",
    );
    let text =
        file(&[&GILMAN.replace("date = \"2025-12-03\"\nterm", "date = \"3 Dec 2025\"\nterm")]);
    assert_names(
        &problems(&text),
        "person 'robert-gilman'",
        "sentence[1].date",
        "3 Dec 2025",
    );
}

#[test]
fn bad_offset() {
    let text = file(&[&GILMAN.replace("\"+03:00\"", "\"MSK\"")]);
    assert_names(
        &problems(&text),
        "person 'robert-gilman'",
        "arrest.offset",
        "MSK",
    );
}

#[test]
fn unknown_field() {
    let text = file(&[&GILMAN.replace("charge = ", "chrage = \"typo\"\ncharge = ")]);
    assert_names(
        &problems(&text),
        "person 'robert-gilman'",
        "chrage",
        "unknown field",
    );
    let text = file(&[&GILMAN.replace("arrest.place", "arrest.city = \"Voronezh\"\narrest.place")]);
    assert_names(
        &problems(&text),
        "person 'robert-gilman'",
        "arrest.city",
        "unknown field",
    );
}

#[test]
fn missing_field() {
    let text = file(&[&GILMAN.replace(
        "charge = \"Use of violence against a police officer\"\n",
        "",
    )]);
    assert_names(
        &problems(&text),
        "person 'robert-gilman'",
        "charge",
        "missing field `charge`",
    );
    let text = file(&[&GILMAN.replace("arrest.offset = \"+03:00\"\n", "")]);
    assert_names(
        &problems(&text),
        "person 'robert-gilman'",
        "arrest.offset",
        "missing field `offset`",
    );
}

#[test]
fn a_person_without_an_id_is_named_by_position() {
    let text = file(&[KARELINA, &GILMAN.replace("id = \"robert-gilman\"\n", "")]);
    assert_names(&problems(&text), "person #2", "id", "missing field `id`");
}

#[test]
fn duplicate_id() {
    let text = file(&[GILMAN, GILMAN]);
    assert_names(&problems(&text), "person 'robert-gilman'", "id", "unique");
}

#[test]
fn release_before_arrest() {
    let text = file(&[&KARELINA.replace(
        "status.date = \"2025-04-10\"",
        "status.date = \"2023-04-10\"",
    )]);
    assert_names(
        &problems(&text),
        "person 'ksenia-karelina'",
        "status.date",
        "before the arrest",
    );
}

#[test]
fn released_without_a_date_or_how() {
    let text = file(&[&KARELINA.replace("status.date = \"2025-04-10\"\n", "")]);
    assert_names(
        &problems(&text),
        "person 'ksenia-karelina'",
        "status.date",
        "release date",
    );
    let text = file(&[&KARELINA.replace("status.how = \"Exchanged.\"\n", "")]);
    assert_names(
        &problems(&text),
        "person 'ksenia-karelina'",
        "status.how",
        "how",
    );
}

#[test]
fn detained_with_a_release_date() {
    let text = file(&[&GILMAN.replace(
        "status.state = \"detained\"",
        "status.state = \"detained\"\nstatus.date = \"2025-01-01\"",
    )]);
    assert_names(
        &problems(&text),
        "person 'robert-gilman'",
        "status.date",
        "only a released person",
    );
}

#[test]
fn site_address_must_be_http() {
    let text = file(&[GILMAN]).replace("[campaign]", "[campaign]\nurl = \"left-behind.example\"");
    assert_names(&problems(&text), "campaign", "url", "not an http(s) URL");
}

#[test]
fn site_address_gets_its_closing_slash() {
    let text = file(&[GILMAN]).replace(
        "[campaign]",
        "[campaign]\nurl = \"https://left-behind.example\"",
    );
    let data = parse(FILE, &text, today()).expect("valid file");
    assert_eq!(data.campaign.url, "https://left-behind.example/");
}

#[test]
fn as_of_in_the_future() {
    let text = file(&[&GILMAN.replace("as_of = \"2025-12-03\"", "as_of = \"2027-01-01\"")]);
    assert_names(
        &problems(&text),
        "person 'robert-gilman'",
        "as_of",
        "in the future",
    );
}

#[test]
fn source_without_a_url() {
    let text = file(&[&GILMAN.replace("url = \"https://www.kommersant.ru/doc/8250867\"\n", "")]);
    assert_names(
        &problems(&text),
        "person 'robert-gilman'",
        "source[1].url",
        "needs a URL",
    );
    let text = file(&[&GILMAN.replace(
        "https://www.kommersant.ru/doc/8250867",
        "javascript:alert(1)",
    )]);
    assert_names(
        &problems(&text),
        "person 'robert-gilman'",
        "source[1].url",
        "not an http(s) URL",
    );
}

#[test]
fn sentence_citing_an_unknown_source() {
    let text = file(&[&GILMAN.replace("source = \"g5\"", "source = \"g9\"")]);
    assert_names(
        &problems(&text),
        "person 'robert-gilman'",
        "sentence[1].source",
        "g9",
    );
}

#[test]
fn sentence_steps_out_of_order() {
    let text = file(&[&GILMAN.replace("date = \"2022-10\"\nterm", "date = \"2026-01\"\nterm")]);
    assert_names(
        &problems(&text),
        "person 'robert-gilman'",
        "sentence[1].date",
        "date order",
    );
}

#[test]
fn unknown_designation_value() {
    let text = file(&[&GILMAN.replace("\"not-designated\"", "\"maybe\"")]);
    assert_names(
        &problems(&text),
        "person 'robert-gilman'",
        "designation.status",
        "maybe",
    );
}

#[test]
fn campaign_people_must_come_first() {
    let tracked = GILMAN
        .replace("campaign = true", "campaign = false")
        .replace("robert-gilman", "someone-else");
    let text = file(&[&tracked, KARELINA]);
    assert_names(
        &problems(&text),
        "person 'ksenia-karelina'",
        "campaign",
        "come first",
    );
}

#[test]
fn bad_slug() {
    let text = file(&[&GILMAN.replace("id = \"robert-gilman\"", "id = \"Robert Gilman\"")]);
    assert_names(&problems(&text), "person 'Robert Gilman'", "id", "slug");
}

#[test]
fn empty_text() {
    let text = file(&[&GILMAN.replace(
        "tagline = \"A Marine set up in Russia\"",
        "tagline = \"  \"",
    )]);
    assert_names(
        &problems(&text),
        "person 'robert-gilman'",
        "tagline",
        "must not be empty",
    );
}

#[test]
fn toml_syntax_error_names_the_file() {
    let text = file(&[&GILMAN.replace("name = \"Robert Gilman\"", "name = \"Robert Gilman")]);
    let problems = problems(&text);
    assert!(problems[0].to_string().starts_with(FILE), "{problems:?}");
}

#[test]
fn checked_is_required_and_a_full_day() {
    let text = file(&[&GILMAN.replace("checked = \"2026-11-20\"\n", "")]);
    assert_names(
        &problems(&text),
        "person 'robert-gilman'",
        "checked",
        "missing field",
    );
    let text = file(&[&GILMAN.replace("checked = \"2026-11-20\"", "checked = \"2026-11\"")]);
    assert_names(
        &problems(&text),
        "person 'robert-gilman'",
        "checked",
        "full day",
    );
    let text = file(&[&GILMAN.replace("checked = \"2026-11-20\"", "checked = \"2026-11-31\"")]);
    assert_names(
        &problems(&text),
        "person 'robert-gilman'",
        "checked",
        "not a real calendar date",
    );
}

#[test]
fn checked_in_the_future() {
    let text = file(&[&GILMAN.replace("checked = \"2026-11-20\"", "checked = \"2026-11-25\"")]);
    assert_names(
        &problems(&text),
        "person 'robert-gilman'",
        "checked",
        "in the future",
    );
    let text = CAMPAIGN.replace("checked = \"2026-11-20\"", "checked = \"2027-01-01\"") + GILMAN;
    assert_names(&problems(&text), "campaign", "checked", "in the future");
}

#[test]
fn checked_before_the_newest_source() {
    // The newest source is dated 2025-12-03: nobody checked the record before it.
    let text = file(&[&GILMAN
        .replace("checked = \"2026-11-20\"", "checked = \"2025-12-02\"")
        .replace("as_of = \"2025-12-03\"", "as_of = \"2025-10-01\"")]);
    assert_names(
        &problems(&text),
        "person 'robert-gilman'",
        "checked",
        "before the newest date in the record, 2025-12-03",
    );
    let text = CAMPAIGN.replace("checked = \"2026-11-20\"", "checked = \"2026-01-01\"") + GILMAN;
    assert_names(
        &problems(&text),
        "campaign",
        "checked",
        "before the newest date",
    );
}

#[test]
fn a_record_unchecked_past_the_limit_is_named_but_does_not_stop_the_build() {
    let text = file(&[
        KARELINA,
        &GILMAN.replace("checked = \"2026-11-20\"", "checked = \"2026-08-26\""),
    ]);
    let data = parse(FILE, &text, today()).expect("a stale record is valid");
    // 2026-08-26 is exactly 90 days before 2026-11-24: at the limit, not past it.
    assert!(casedata::stale_records(FILE, &data, today()).is_empty());
    let later = today().succ_opt().unwrap();
    let stale = casedata::stale_records(FILE, &data, later);
    assert_eq!(stale.len(), 1, "{stale:#?}");
    common::assert_names(
        &stale,
        FILE,
        "person 'robert-gilman'",
        "checked",
        "91 days before this build (the limit is 90 days",
    );
    // Karelina came home: her record is not asked to be re-checked.
    let text = file(&[&KARELINA.replace("checked = \"2026-11-20\"", "checked = \"2025-05-06\"")]);
    let data = parse(FILE, &text, today()).unwrap();
    assert!(casedata::stale_records(FILE, &data, today()).is_empty());
    // The limit is the campaign's.
    let text = CAMPAIGN.replace("stale_after_days = 90", "stale_after_days = 400")
        + &GILMAN.replace("checked = \"2026-11-20\"", "checked = \"2026-08-26\"");
    let data = parse(FILE, &text, later).unwrap();
    assert!(casedata::stale_records(FILE, &data, later).is_empty());
}

#[test]
fn last_reported_is_for_the_detained_and_after_the_arrest() {
    let unconfirmed = GILMAN.replace(
        "status.state = \"detained\"",
        "status.state = \"detained\"\nstatus.last_reported = \"2024-08-01\"\nstatus.note = \"No public report since.\"",
    );
    let data = parse(FILE, &file(&[&unconfirmed]), today()).expect("valid");
    match &data.people[0].status {
        Status::Detained {
            last_reported,
            note,
        } => {
            assert_eq!(
                last_reported.map(|d| d.to_string()).as_deref(),
                Some("2024-08-01")
            );
            assert_eq!(note.as_deref(), Some("No public report since."));
        }
        Status::Released { .. } => panic!("still detained"),
    }
    let text = file(&[&unconfirmed.replace("\"2024-08-01\"", "\"2021-01-01\"")]);
    assert_names(
        &problems(&text),
        "person 'robert-gilman'",
        "status.last_reported",
        "before the arrest",
    );
    let text = file(&[&KARELINA.replace(
        "status.how",
        "status.last_reported = \"2024-08-01\"\nstatus.how",
    )]);
    assert_names(
        &problems(&text),
        "person 'ksenia-karelina'",
        "status.last_reported",
        "only a detained person",
    );
}

#[test]
fn stale_after_days_must_be_positive() {
    let text = CAMPAIGN.replace("stale_after_days = 90", "stale_after_days = 0") + GILMAN;
    assert_names(
        &problems(&text),
        "campaign",
        "stale_after_days",
        "at least 1",
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let text = file(&[&GILMAN
        .replace(
            "arrest.date = \"2022-01-17\"",
            "arrest.date = \"2022-13-01\"",
        )
        .replace("as_of = \"2025-12-03\"", "as_of = \"2030-01-01\"")]);
    let problems = problems(&text);
    assert!(problems.len() >= 2, "{problems:#?}");
}

#[test]
fn the_real_data_files_are_valid() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    // The build checks them against the day it runs, and so does this.
    let today = chrono::Utc::now().date_naive();
    if let Err(problems) = casedata::load_all(&root, today) {
        panic!(
            "{}",
            problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}
