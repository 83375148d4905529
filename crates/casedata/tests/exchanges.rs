//! Exchange validation: unknown ids, a release and its exchange disagreeing,
//! date order — each message names the file, the exchange and the field.

mod common;

use casedata::{parse, parse_exchanges, Person, Problem};
use common::{assert_names, today};

const FILE: &str = "data/exchanges.toml";

/// Two people: Karelina, freed in an exchange, and Gilman, still held.
fn people() -> Vec<Person> {
    let text = common::file(&[common::KARELINA, common::GILMAN]);
    parse("data/cases.toml", &text, today())
        .expect("valid people")
        .people
}

const POWERS: &str = r#"
[[exchange]]
id = "1962-02-glienicke"
date = "1962-02-10"
place = "Glienicke Bridge"
to_east = [{ name = "Rudolf Abel" }]
to_west = [{ name = "Francis Gary Powers", american = true }]
summary = "The first swap."
[[exchange.source]]
title = "Spy swaps"
outlet = "AP"
url = "https://www.seattletimes.com/x"
"#;

const ABU_DHABI: &str = r#"
[[exchange]]
id = "2025-04-abu-dhabi"
date = "2025-04-10"
place = "Abu Dhabi airport"
to_east = [{ name = "Arthur Petrov" }]
to_west = [{ case = "ksenia-karelina" }]
summary = "Karelina for Petrov."
[[exchange.source]]
title = "Exchange"
outlet = "TASS"
url = "https://tass.com/world/1941619"
"#;

const TAIL: &str = r#"
[[news]]
id = "examiner"
outlet = "Washington Examiner"
date = "2024-08-02"
headline = "Americans detained in Russia need help"
excerpt = "Four innocent Americans remained behind."
url = "https://www.washingtonexaminer.com/x"

[designation]
heading = "What designation means"
body = "First.\n\nSecond."
[[designation.source]]
title = "Levinson Act"
outlet = "Congress"
url = "https://www.congress.gov/x"
"#;

fn file(exchanges: &[&str]) -> String {
    exchanges.concat() + TAIL
}

fn problems(text: &str) -> Vec<Problem> {
    match parse_exchanges(FILE, text, &people(), today()) {
        Ok(_) => panic!("a malformed file was accepted:\n{text}"),
        Err(p) => p,
    }
}

#[test]
fn a_valid_file_links_people_both_ways() {
    let data = parse_exchanges(FILE, &file(&[POWERS, ABU_DHABI]), &people(), today()).unwrap();
    let abu_dhabi = &data.exchanges[1];
    assert_eq!(
        abu_dhabi.to_west[0].case.as_deref(),
        Some("ksenia-karelina")
    );
    assert_eq!(abu_dhabi.to_west[0].name, "Ksenia Karelina");
    assert!(abu_dhabi.freed_americans());
    assert!(data.exchanges[0].freed_americans());
    assert_eq!(data.designation.body, ["First.", "Second."]);
    assert_eq!(data.news[0].id, "examiner");
}

#[test]
fn unknown_case_id() {
    let text =
        file(&[&ABU_DHABI.replace("case = \"ksenia-karelina\"", "case = \"ksenia-karelin\"")]);
    assert_names(
        &problems(&text),
        FILE,
        "exchange '2025-04-abu-dhabi'",
        "to_west[0].case",
        "ksenia-karelin",
    );
}

#[test]
fn a_release_naming_an_exchange_that_does_not_exist() {
    // Karelina's card names 2025-04-abu-dhabi, which this file lacks.
    let text = file(&[POWERS]);
    assert_names(
        &problems(&text),
        "data/cases.toml",
        "person 'ksenia-karelina'",
        "status.exchange",
        "2025-04-abu-dhabi",
    );
}

#[test]
fn a_release_naming_an_exchange_that_does_not_list_the_person() {
    let text = file(&[&ABU_DHABI.replace(
        "to_west = [{ case = \"ksenia-karelina\" }]",
        "to_west = [{ name = \"Someone\" }]",
    )]);
    assert_names(
        &problems(&text),
        FILE,
        "exchange '2025-04-abu-dhabi'",
        "to_west",
        "ksenia-karelina",
    );
}

#[test]
fn an_exchange_listing_someone_still_detained() {
    let text = file(&[&ABU_DHABI.replace(
        "to_west = [{ case = \"ksenia-karelina\" }]",
        "to_west = [{ case = \"ksenia-karelina\" }, { case = \"robert-gilman\" }]",
    )]);
    let problems = problems(&text);
    assert_names(
        &problems,
        FILE,
        "exchange '2025-04-abu-dhabi'",
        "to_west",
        "robert-gilman",
    );
}

#[test]
fn a_release_date_outside_its_exchange() {
    let text = file(&[&ABU_DHABI.replace("date = \"2025-04-10\"", "date = \"2025-04-09\"")]);
    assert_names(
        &problems(&text),
        FILE,
        "exchange '2025-04-abu-dhabi'",
        "date",
        "outside the exchange's dates",
    );
}

#[test]
fn exchanges_out_of_date_order() {
    let text = file(&[ABU_DHABI, POWERS]);
    assert_names(
        &problems(&text),
        FILE,
        "exchange '1962-02-glienicke'",
        "date",
        "oldest first",
    );
}

#[test]
fn bad_date_and_unknown_field() {
    let text = file(&[
        &POWERS.replace("date = \"1962-02-10\"", "date = \"1962-02-30\""),
        ABU_DHABI,
    ]);
    assert_names(
        &problems(&text),
        FILE,
        "exchange '1962-02-glienicke'",
        "date",
        "1962-02-30",
    );
    let text = file(&[
        &POWERS.replace("place = ", "venue = \"x\"\nplace = "),
        ABU_DHABI,
    ]);
    assert_names(
        &problems(&text),
        FILE,
        "exchange '1962-02-glienicke'",
        "venue",
        "unknown field",
    );
}

#[test]
fn a_party_with_both_case_and_name() {
    let text = file(&[
        POWERS,
        &ABU_DHABI.replace(
            "{ case = \"ksenia-karelina\" }",
            "{ case = \"ksenia-karelina\", name = \"K\" }",
        ),
    ]);
    assert_names(
        &problems(&text),
        FILE,
        "exchange '2025-04-abu-dhabi'",
        "to_west[0]",
        "either",
    );
}

#[test]
fn an_exchange_source_without_a_url() {
    let text = file(&[
        &POWERS.replace("url = \"https://www.seattletimes.com/x\"\n", ""),
        ABU_DHABI,
    ]);
    assert_names(
        &problems(&text),
        FILE,
        "exchange '1962-02-glienicke'",
        "source[0].url",
        "URL",
    );
}

#[test]
fn news_newest_first() {
    let older = TAIL.replace(
        "[designation]",
        "[[news]]\nid = \"newer\"\noutlet = \"O\"\ndate = \"2025-01-01\"\nheadline = \"H\"\nexcerpt = \"E\"\nurl = \"https://example.org/\"\n\n[designation]",
    );
    let text = [POWERS, ABU_DHABI, &older].concat();
    assert_names(
        &problems(&text),
        FILE,
        "news 'newer'",
        "date",
        "newest first",
    );
}
