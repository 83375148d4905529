use super::*;

const D: Date = Date {
    year: 2024,
    month: 8,
    day: 1,
};

fn d(year: i32, month: u8, day: u8) -> Date {
    Date { year, month, day }
}

fn e(years: u32, months: u32, days: u32, total_days: u64) -> Elapsed {
    Elapsed {
        years,
        months,
        days,
        total_days,
        ..Elapsed::default()
    }
}

fn en() -> &'static Page {
    page(Lang::En)
}

/// CLDR's integer samples for ru and uk (plurals.xml, block "ru uk"),
/// written out where CLDR writes ranges.
#[test]
fn plural_categories_follow_cldr_samples() {
    let one = [1, 21, 31, 41, 51, 61, 71, 81, 101, 1001, 1771];
    let few = [
        2, 3, 4, 22, 23, 24, 32, 33, 34, 42, 43, 44, 52, 53, 54, 62, 102, 1002,
    ];
    let many = [
        0, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 100, 111, 112, 114, 1000, 10000,
        100000, 1000000,
    ];
    for lang in [Lang::Ru, Lang::Uk] {
        for n in one {
            assert_eq!(category(lang, n), Category::One, "{lang:?} {n}");
        }
        for n in few {
            assert_eq!(category(lang, n), Category::Few, "{lang:?} {n}");
        }
        for n in many {
            assert_eq!(category(lang, n), Category::Many, "{lang:?} {n}");
        }
    }
    assert_eq!(category(Lang::En, 1), Category::One);
    for n in [0, 2, 11, 21, 101] {
        assert_eq!(category(Lang::En, n), Category::Other);
    }
}

#[test]
fn every_plural_message_has_the_forms_its_language_uses() {
    for lang in Lang::ALL {
        let l = live(lang);
        let p = page(lang);
        for forms in [
            &l.years,
            &l.months_n,
            &l.days,
            &l.left_behind,
            &p.still_detained,
        ] {
            for n in 0..200 {
                let message = forms.of(lang, n);
                assert!(message.contains("{n}"), "{lang:?} {n}: {message:?}");
            }
        }
    }
}

#[test]
fn dates_as_precise_as_known_in_each_language() {
    let l = live(Lang::En);
    assert_eq!(l.date(d(2024, 1, 27)), "27 January 2024");
    assert_eq!(l.date(d(2019, 8, 0)), "August 2019");
    assert_eq!(l.date(d(2020, 0, 0)), "2020");
    let ru = live(Lang::Ru);
    assert_eq!(ru.date(d(2025, 4, 10)), "10 апреля 2025\u{a0}г.");
    assert_eq!(ru.date(d(2025, 4, 0)), "апрель 2025\u{a0}г.");
    assert_eq!(ru.date(d(2020, 0, 0)), "2020");
    let uk = live(Lang::Uk);
    assert_eq!(uk.date(d(2025, 4, 10)), "10 квітня 2025\u{a0}р.");
    assert_eq!(uk.date(d(2025, 4, 0)), "квітень 2025\u{a0}р.");
    // After «с» / «з» a month-only date takes the genitive.
    let mut out = String::new();
    ru.push_date(&mut out, d(2025, 4, 0), Case::Gen);
    assert_eq!(out, "апреля 2025\u{a0}г.");
}

#[test]
fn months_are_those_of_cldr() {
    let ru = live(Lang::Ru);
    assert_eq!(ru.months[0], "января");
    assert_eq!(ru.months[11], "декабря");
    assert_eq!(ru.months_alone[1], "февраль");
    let uk = live(Lang::Uk);
    assert_eq!(uk.months[10], "листопада");
    assert_eq!(uk.months_alone[10], "листопад");
    assert_eq!(uk.months[6], "липня");
}

#[test]
fn thousands_are_grouped_per_language() {
    let l = live(Lang::En);
    assert_eq!(l.thousands(0), "0");
    assert_eq!(l.thousands(999), "999");
    assert_eq!(l.thousands(1_771), "1,771");
    assert_eq!(l.thousands(1_234_567), "1,234,567");
    for lang in [Lang::Ru, Lang::Uk] {
        assert_eq!(live(lang).thousands(1_771), "1\u{a0}771");
        assert_eq!(live(lang).thousands(1_234_567), "1\u{a0}234\u{a0}567");
        assert_eq!(live(lang).thousands(999), "999");
    }
}

#[test]
fn ymd_drops_leading_zero_units_and_counts_right() {
    let l = live(Lang::En);
    assert_eq!(l.ymd(&e(2, 10, 6, 1_041), true), "2 years 10 months 6 days");
    assert_eq!(l.ymd(&e(1, 0, 1, 367), true), "1 year 0 months 1 day");
    assert_eq!(l.ymd(&e(0, 0, 9, 9), true), "9 days");
    assert_eq!(l.ymd(&e(2, 8, 12, 990), false), "about 2 years 8 months");
    let ru = live(Lang::Ru);
    assert_eq!(
        ru.ymd(&e(2, 10, 6, 1_041), true),
        "2 года 10 месяцев 6 дней"
    );
    assert_eq!(ru.ymd(&e(1, 1, 21, 416), true), "1 год 1 месяц 21 день");
    assert_eq!(
        ru.ymd(&e(5, 11, 14, 2_000), true),
        "5 лет 11 месяцев 14 дней"
    );
    assert_eq!(ru.ymd(&e(2, 8, 0, 990), false), "примерно 2 года 8 месяцев");
    let uk = live(Lang::Uk);
    assert_eq!(
        uk.ymd(&e(2, 10, 6, 1_041), true),
        "2 роки 10 місяців 6 днів"
    );
    assert_eq!(uk.ymd(&e(1, 1, 21, 416), true), "1 рік 1 місяць 21 день");
    assert_eq!(uk.ymd(&e(5, 3, 2, 1_900), true), "5 років 3 місяці 2 дні");
}

#[test]
fn total_days_take_the_form_of_their_number() {
    let cases = [
        (Lang::En, 1, "1 day"),
        (Lang::En, 1_771, "1,771 days"),
        (Lang::Ru, 1_771, "1\u{a0}771 день"),
        (Lang::Ru, 1_772, "1\u{a0}772 дня"),
        (Lang::Ru, 1_775, "1\u{a0}775 дней"),
        (Lang::Ru, 1_711, "1\u{a0}711 дней"),
        (Lang::Uk, 1_771, "1\u{a0}771 день"),
        (Lang::Uk, 1_773, "1\u{a0}773 дні"),
        (Lang::Uk, 1_712, "1\u{a0}712 днів"),
    ];
    for (lang, n, want) in cases {
        assert_eq!(live(lang).total_days(&e(0, 0, 0, n), true), want);
    }
    assert_eq!(
        live(Lang::Ru).total_days(&e(0, 0, 0, 990), false),
        "примерно 990 дней"
    );
}

#[test]
fn summary_reads_as_a_sentence() {
    let l = live(Lang::En);
    assert_eq!(
        l.elapsed_summary(&e(2, 10, 6, 1_771), true, Standing::Held),
        "Detained for 2 years, 10 months and 6 days (1,771 days)."
    );
    assert_eq!(
        l.elapsed_summary(&e(0, 0, 9, 9), true, Standing::Home(D)),
        "Held for 9 days (9 days)."
    );
    assert_eq!(
        l.elapsed_summary(&e(2, 8, 0, 990), false, Standing::Home(D)),
        "Held for about 2 years and 8 months (about 990 days)."
    );
    // No claim that a person not reported on lately is held today.
    assert_eq!(
        l.elapsed_summary(&e(4, 11, 5, 1_801), true, Standing::LastReported(D)),
        "Time since the arrest: 4 years, 11 months and 5 days (1,801 days)."
    );
    let ru = live(Lang::Ru).elapsed_summary(&e(2, 10, 6, 1_771), true, Standing::Held);
    assert!(
        ru.contains("2 года, 10 месяцев и 6 дней (1\u{a0}771 день)"),
        "{ru}"
    );
    let uk = live(Lang::Uk).elapsed_summary(&e(2, 10, 6, 1_771), true, Standing::Held);
    assert!(
        uk.contains("2 роки, 10 місяців і 6 днів (1\u{a0}771 день)"),
        "{uk}"
    );
}

#[test]
fn who_is_held_is_worded_from_the_names_given() {
    let t = en();
    assert_eq!(
        t.still_held(&["David Barnes"]),
        "David Barnes is still held in Russia."
    );
    assert_eq!(
        t.still_held(&["A", "B"]),
        "A and B are still held in Russia."
    );
    assert_eq!(
        t.still_held(&[]),
        "None of the people the campaign speaks for is known to be held in Russia today."
    );
    assert_eq!(
        t.not_designated(&["A"]).as_deref(),
        Some("A has not been designated “wrongfully detained” by the State Department.")
    );
    assert_eq!(
        t.not_designated(&["A", "B"]).as_deref(),
        Some("A and B have not been designated “wrongfully detained” by the State Department.")
    );
    assert_eq!(t.not_designated(&[]), None);
    assert_eq!(t.home_since(D), " — home since 1 August 2024");
    for lang in [Lang::Ru, Lang::Uk] {
        let p = page(lang);
        let both = p.not_designated(&["А", "Б"]).expect("names given");
        assert!(
            both.contains(if lang == Lang::Ru {
                "А и Б"
            } else {
                "А і Б"
            }),
            "{both}"
        );
        assert_eq!(p.not_designated(&[]), None);
        assert!(p.still_held(&["А"]).contains('А'));
        assert!(!p.still_held(&[]).is_empty());
    }
}

#[test]
fn a_record_shows_its_newest_source_and_when_it_was_checked() {
    let t = en();
    let (checked, sources) = (d(2026, 12, 1), d(2026, 1, 13));
    assert_eq!(
        t.record_dates(sources, checked),
        "Sources to 13 January 2026 · checked 1 December 2026"
    );
    assert_eq!(
        t.information_as_of(sources, checked),
        "Information as of 13 January 2026 · checked 1 December 2026."
    );
    for lang in [Lang::Ru, Lang::Uk] {
        let line = page(lang).record_dates(sources, checked);
        let month = if lang == Lang::Ru {
            "января"
        } else {
            "січня"
        };
        assert!(line.contains(&format!("13 {month} 2026")), "{line}");
    }
}

#[test]
fn labels_claim_detention_only_while_sources_say_so() {
    let t = en();
    assert_eq!(t.badge(Standing::Held), "Detained");
    assert_eq!(t.badge(Standing::LastReported(D)), "Last reported detained");
    assert_eq!(t.badge(Standing::Home(D)), "Released");
    let l = live(Lang::En);
    assert_eq!(l.timer_label(Standing::Held), "Detained for");
    assert_eq!(
        l.timer_label(Standing::LastReported(D)),
        "Time since the arrest"
    );
    assert_eq!(l.timer_label(Standing::Home(D)), "Held for");
    for lang in Lang::ALL {
        let labels = [Standing::Held, Standing::LastReported(D), Standing::Home(D)]
            .map(|s| live(lang).timer_label(s));
        assert!(labels[0] != labels[1] && labels[1] != labels[2], "{lang:?}");
    }
}

#[test]
fn the_recent_filter_names_its_year() {
    let year = crate::core::model::RECENT_SINCE.to_string();
    for lang in Lang::ALL {
        assert!(page(lang).filter_recent.contains(&year), "{lang:?}");
    }
}

#[test]
fn names_read_as_a_list() {
    let l = live(Lang::En);
    assert_eq!(l.names_list(&[]), "");
    assert_eq!(l.names_list(&["A"]), "A");
    assert_eq!(l.names_list(&["A", "B"]), "A and B");
    assert_eq!(l.names_list(&["A", "B", "C"]), "A, B and C");
    assert_eq!(live(Lang::Ru).names_list(&["А", "Б", "В"]), "А, Б и В");
    assert_eq!(live(Lang::Uk).names_list(&["А", "Б", "В"]), "А, Б і В");
}

#[test]
fn preview_titles_say_how_long_and_as_of_when() {
    let today = d(2026, 11, 24);
    let t = en();
    assert_eq!(
        t.preview_title("David Barnes", 1_773, Standing::Held, true, today),
        "David Barnes: detained for 1,773 days (as of 24 November 2026)"
    );
    assert_eq!(
        t.preview_title("Robert Gilman", 1_667, Standing::Home(D), true, today),
        "Robert Gilman: held 1,667 days, now home"
    );
    assert_eq!(
        t.preview_title(
            "Andre Khachatoorian",
            1_801,
            Standing::LastReported(D),
            true,
            today
        ),
        "Andre Khachatoorian: 1,801 days since the arrest, last reported held 1 August 2024"
    );
    let ru = page(Lang::Ru).preview_title("Роберт Гилман", 1_773, Standing::Held, true, today);
    assert!(ru.starts_with("Роберт Гилман"), "{ru}");
    assert!(ru.contains("1\u{a0}773 дня"), "{ru}");
    assert!(ru.contains("24 ноября 2026"), "{ru}");
    let uk = page(Lang::Uk).preview_title("Девід Барнс", 1_773, Standing::Held, true, today);
    assert!(
        uk.contains("1\u{a0}773 дні") && uk.contains("24 листопада 2026"),
        "{uk}"
    );
}

#[test]
fn counters_read_as_one_line() {
    let l = live(Lang::En);
    assert_eq!(
        l.counter(1_771, true, Standing::Held),
        "detained 1,771 days"
    );
    assert_eq!(l.counter(1, true, Standing::Held), "detained 1 day");
    assert_eq!(
        l.counter(990, false, Standing::Held),
        "detained about 990 days"
    );
    let home = Standing::Home(d(2025, 4, 10));
    assert_eq!(
        l.counter(439, true, home),
        "held 439 days, free since 10 April 2025"
    );
    assert_eq!(
        l.counter(1_801, true, Standing::LastReported(D)),
        "1,801 days since the arrest, last reported held 1 August 2024"
    );
    let ru = live(Lang::Ru).counter(439, true, home);
    assert!(
        ru.contains("439 дней") && ru.contains("10 апреля 2025"),
        "{ru}"
    );
    let uk = live(Lang::Uk).counter(1_771, true, Standing::Held);
    assert!(uk.contains("1\u{a0}771 день"), "{uk}");
}

#[test]
fn left_behind_counts_with_the_right_form() {
    let date = d(2025, 4, 10);
    assert_eq!(
        live(Lang::En).left_behind(593, date),
        "Left behind: 593 days since the last exchange (10 April 2025)."
    );
    assert_eq!(
        live(Lang::En).left_behind(1, date),
        "Left behind: 1 day since the last exchange (10 April 2025)."
    );
    let ru = live(Lang::Ru).left_behind(593, date);
    assert!(
        ru.contains("593 дня") && ru.contains("10 апреля 2025"),
        "{ru}"
    );
    let uk = live(Lang::Uk).left_behind(595, date);
    assert!(
        uk.contains("595 днів") && uk.contains("10 квітня 2025"),
        "{uk}"
    );
}

#[test]
fn signature_counts_group_their_digits() {
    assert_eq!(
        live(Lang::En).signature_count(1_234, 10_000),
        "1,234 of 10,000 signatures"
    );
    for lang in [Lang::Ru, Lang::Uk] {
        let line = live(lang).signature_count(1_234, 10_000);
        assert!(
            line.contains("1\u{a0}234") && line.contains("10\u{a0}000"),
            "{line}"
        );
    }
}

#[test]
fn still_detained_agrees_with_its_number() {
    assert!(en().still_detained(12).starts_with("12 Americans"));
    assert!(en().still_detained(1).starts_with("1 American "));
    let ru = page(Lang::Ru);
    assert!(
        ru.still_detained(21).contains("21 американец"),
        "{}",
        ru.still_detained(21)
    );
    assert!(ru.still_detained(22).contains("22 американца"));
    assert!(ru.still_detained(12).contains("12 американцев"));
    let uk = page(Lang::Uk);
    assert!(
        uk.still_detained(21).contains("21 американець"),
        "{}",
        uk.still_detained(21)
    );
    assert!(uk.still_detained(22).contains("22 американці"));
    assert!(uk.still_detained(12).contains("12 американців"));
}

#[test]
fn clock_digits_are_zero_padded() {
    let t = Elapsed {
        hours: 4,
        minutes: 5,
        seconds: 6,
        ..Elapsed::default()
    };
    assert_eq!(hms(&t), "04:05:06");
}

#[test]
fn every_reachable_problem_has_its_own_message_in_each_language() {
    let pairs = [
        (Field::FirstName, Problem::Missing),
        (Field::FirstName, Problem::TooLong),
        (Field::FirstName, Problem::Invalid),
        (Field::FirstName, Problem::ControlCharacters),
        (Field::LastName, Problem::Missing),
        (Field::Email, Problem::Missing),
        (Field::Email, Problem::TooLong),
        (Field::Email, Problem::Invalid),
        (Field::Zip, Problem::Missing),
        (Field::Zip, Problem::Invalid),
        (Field::Country, Problem::TooShort),
        (Field::Country, Problem::TooLong),
        (Field::Country, Problem::Invalid),
        (Field::Country, Problem::UseZip),
    ];
    for lang in Lang::ALL {
        let mut seen = Vec::new();
        for (f, p) in pairs {
            let m = form(lang).problem(f, p);
            assert!(m.ends_with('.'), "{lang:?}: {m}");
            assert!(!seen.contains(&m), "{lang:?}: duplicate message {m}");
            seen.push(m);
        }
    }
    assert!(form(Lang::En)
        .problem(Field::LastName, Problem::Missing)
        .contains("last name"));
}

/// Each template of a translation keeps the English one's placeholders, so
/// no value goes missing and none is left as `{…}` on the page.
#[test]
fn translations_keep_the_english_placeholders() {
    fn keys(template: &str) -> Vec<String> {
        let mut out: Vec<String> = template
            .split('{')
            .skip(1)
            .filter_map(|s| s.split_once('}'))
            .map(|(k, _)| k.trim_end_matches("_gen").to_string())
            .collect();
        out.sort();
        out
    }
    for lang in [Lang::Ru, Lang::Uk] {
        let (l, el) = (live(lang), live(Lang::En));
        let (p, ep) = (page(lang), page(Lang::En));
        let pairs = [
            (l.summary_held, el.summary_held),
            (l.summary_last, el.summary_last),
            (l.summary_home, el.summary_home),
            (l.counter_held, el.counter_held),
            (l.counter_last, el.counter_last),
            (l.counter_home, el.counter_home),
            (l.last_reported, el.last_reported),
            (l.signature_count, el.signature_count),
            (p.widget_case_link, ep.widget_case_link),
            (p.widget_unknown_case, ep.widget_unknown_case),
            (p.widget_unknown_view, ep.widget_unknown_view),
            (p.still_held_one, ep.still_held_one),
            (p.still_held_many, ep.still_held_many),
            (p.not_designated_one, ep.not_designated_one),
            (p.not_designated_many, ep.not_designated_many),
            (p.home_since, ep.home_since),
            (p.preview_held, ep.preview_held),
            (p.preview_last, ep.preview_last),
            (p.preview_home, ep.preview_home),
            (p.record_dates, ep.record_dates),
            (p.information_as_of, ep.information_as_of),
            (p.held, ep.held),
            (p.freed_on, ep.freed_on),
            (p.image_as_of, ep.image_as_of),
        ];
        for (ours, english) in pairs {
            assert_eq!(
                keys(ours),
                keys(english),
                "{lang:?}: {ours:?} vs {english:?}"
            );
        }
        for (ours, english) in [
            (&l.left_behind, &el.left_behind),
            (&p.still_detained, &ep.still_detained),
        ] {
            for form in [ours.one, ours.few, ours.many] {
                assert_eq!(keys(form), keys(english.other), "{lang:?}: {form:?}");
            }
        }
    }
}

/// Every sentence the app builds, in every language: filled (no `{…}`
/// left), not empty, and with the numbers and names it was given.
#[test]
fn every_text_function_fills_its_template_in_each_language() {
    let (held, last, home) = (
        Standing::Held,
        Standing::LastReported(D),
        Standing::Home(d(2025, 4, 10)),
    );
    let span = e(4, 11, 5, 1_801);
    for lang in Lang::ALL {
        let (l, p) = (live(lang), page(lang));
        let mut lines = vec![
            l.ymd(&span, true),
            l.ymd(&span, false),
            l.total_days(&span, true),
            l.last_reported(D),
            l.left_behind(1_801, D),
            l.signature_count(1_801, 10_000),
            l.names_list(&["Aa", "Bb", "Cc"]),
            p.widget_case_link("Aa"),
            p.still_held(&["Aa"]),
            p.still_held(&["Aa", "Bb"]),
            p.still_held(&[]),
            p.home_since(D),
            p.sources_count(6),
            p.full_record_of("Aa"),
            p.details_of("1801"),
            p.record_dates(D, d(2026, 12, 1)),
            p.information_as_of(D, d(2026, 12, 1)),
            p.still_detained(1_801),
            p.held(1_801, true),
            p.date_span(D, Some(d(2024, 8, 2))),
            p.in_parentheses(D),
            p.freed(D, "Aa."),
            p.freed_on(D),
            p.image_as_of(D),
            p.source_line("Aa", Some(D)),
        ];
        for standing in [held, last, home] {
            lines.push(l.elapsed_summary(&span, true, standing));
            lines.push(l.counter(1_801, true, standing));
            lines.push(p.preview_title("Aa", 1_801, standing, true, d(2026, 12, 1)));
            lines.push(p.badge(standing).to_string());
        }
        lines.extend(p.not_designated(&["Aa"]));
        for line in &lines {
            assert!(!line.trim().is_empty(), "{lang:?}: an empty line");
            assert!(
                !line.contains('{') && !line.contains('}'),
                "{lang:?}: {line}"
            );
            assert!(
                !line.contains(".."),
                "{lang:?}: a doubled full stop in {line}"
            );
        }
        let count = l.thousands(1_801);
        for line in [&lines[2], &lines[4], &lines[17], &lines[18]] {
            assert!(line.contains(&count), "{lang:?}: {line} holds {count}");
        }
    }
}

// --- Milestones (issue 15): the card's line and the share text's lead. ---

mod milestones {
    use super::*;
    use crate::core::data::content;
    use crate::core::milestone::{self, Around, Kind, Milestone, DAY};

    /// 1 December 2026, 12:00 UTC: the record's fact check.
    const RECORD: i64 = 1_796_126_400;

    fn barnes(lang: Lang) -> &'static Person {
        content(lang)
            .people
            .iter()
            .find(|p| p.id == "david-barnes")
            .unwrap()
    }

    /// Barnes's milestone of this kind, from the data.
    fn of_barnes(kind: Kind) -> Milestone {
        milestone::span(barnes(Lang::En).timer)
            .milestones()
            .find(|m| m.kind == kind)
            .unwrap()
    }

    #[test]
    fn a_cards_line_names_the_last_milestone_and_the_next_with_their_dates() {
        let around = milestone::around(barnes(Lang::En).timer, RECORD);
        let line = |lang| page(lang).milestones(around).unwrap();
        assert_eq!(
            line(Lang::En),
            "1,500 days on 21 February 2026 · 5 years on 13 January 2027"
        );
        assert_eq!(
            line(Lang::Ru),
            "1\u{a0}500 дней — 21 февраля 2026\u{a0}г. · 5 лет — 13 января 2027\u{a0}г."
        );
        assert_eq!(
            line(Lang::Uk),
            "1\u{a0}500 днів — 21 лютого 2026\u{a0}р. · 5 років — 13 січня 2027\u{a0}р."
        );
        // The example pair, as it would read.
        let example = Around {
            last: Some(of_barnes(Kind::Days(1000))),
            next: Some(of_barnes(Kind::Days(2000))),
        };
        assert_eq!(
            en().milestones(example).unwrap(),
            "1,000 days on 9 October 2024 · 2,000 days on 6 July 2027"
        );
        assert_eq!(
            page(Lang::Ru).milestones(example).unwrap(),
            "1\u{a0}000 дней — 9 октября 2024\u{a0}г. · 2\u{a0}000 дней — 6 июля 2027\u{a0}г."
        );
    }

    #[test]
    fn a_line_with_one_milestone_or_none() {
        // Arrested under 100 days ago: the 100th day alone; home: the last
        // one before the release alone; an unknown arrest day: no line.
        let hundred = of_barnes(Kind::Days(100));
        let next_only = Around {
            last: None,
            next: Some(hundred),
        };
        assert_eq!(
            en().milestones(next_only).unwrap(),
            "100 days on 23 April 2022"
        );
        assert_eq!(
            page(Lang::Uk).milestones(next_only).unwrap(),
            "100 днів — 23 квітня 2022\u{a0}р."
        );
        let last_only = Around {
            last: Some(of_barnes(Kind::Years(1))),
            next: None,
        };
        assert_eq!(
            en().milestones(last_only).unwrap(),
            "1 year on 13 January 2023"
        );
        assert_eq!(en().milestones(Around::default()), None);
    }

    #[test]
    fn anniversaries_take_each_languages_plural_form() {
        let years = |lang, k| page(lang).milestone(&of_barnes(Kind::Years(k)));
        assert_eq!(years(Lang::Ru, 1), "1 год — 13 января 2023\u{a0}г.");
        assert_eq!(years(Lang::Ru, 2), "2 года — 13 января 2024\u{a0}г.");
        assert_eq!(years(Lang::Ru, 5), "5 лет — 13 января 2027\u{a0}г.");
        assert_eq!(years(Lang::Ru, 21), "21 год — 13 января 2043\u{a0}г.");
        assert_eq!(years(Lang::Uk, 1), "1 рік — 13 січня 2023\u{a0}р.");
        assert_eq!(years(Lang::Uk, 3), "3 роки — 13 січня 2025\u{a0}р.");
        assert_eq!(years(Lang::Uk, 11), "11 років — 13 січня 2033\u{a0}р.");
        assert_eq!(years(Lang::En, 2), "2 years on 13 January 2024");
    }

    #[test]
    fn the_share_text_leads_with_a_milestone_reached_within_30_days() {
        let fifteen = of_barnes(Kind::Days(1500));
        // Two days after Barnes's 1,500th day (21 February 2026).
        // Khachatoorian's (3 February) is as recent, but no source since
        // August 2024 says he is held: the lead says "held", so not him.
        let soon = fifteen.at + 2 * DAY;
        let share = |lang| page(lang).share_text(content(lang).people, soon).unwrap();
        assert_eq!(
            share(Lang::En),
            format!(
                "David Barnes: 1,500 days held in Russia, as of 21 February 2026. {}",
                form(Lang::En).share_text
            )
        );
        assert_eq!(
            share(Lang::Ru),
            format!(
                "Дэвид Барнс: 21 февраля 2026\u{a0}г. — 1\u{a0}500 дней под стражей в России. {}",
                form(Lang::Ru).share_text
            )
        );
        assert_eq!(
            share(Lang::Uk),
            format!(
                "Девід Барнс: 21 лютого 2026\u{a0}р. — 1\u{a0}500 днів під вартою у Росії. {}",
                form(Lang::Uk).share_text
            )
        );
        // Thirty days on it is still news; a second later, and at the
        // record's date, it is not, and the bundle's own text stands.
        let en_people = content(Lang::En).people;
        assert!(en().share_text(en_people, fifteen.at + 30 * DAY).is_some());
        assert_eq!(en().share_text(en_people, fifteen.at + 30 * DAY + 1), None);
        assert_eq!(en().share_text(en_people, RECORD), None);
    }
}
