//! Translations: what a translator can get wrong, each named by the file,
//! the record and the field, and what a preview language shows instead.

mod common;

use casedata::{Data, FieldState, Problem};
use common::{assert_names, today};
use std::path::{Path, PathBuf};

const EXCHANGES: &str = r#"
[[exchange]]
id = "1962-02-glienicke"
date = "1962-02-10"
place = "Glienicke Bridge"
to_east = [{ name = "Rudolf Abel" }]
to_west = [{ name = "Francis Gary Powers", american = true, note = "U-2 pilot" }]
summary = "The first swap."
[[exchange.source]]
title = "Spy swaps"
outlet = "AP"
url = "https://www.seattletimes.com/x"

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

/// A complete Russian translation of the fixture.
const RU_CASES: &str = r#"
[campaign]
heading = "Мы не оставляем американцев"
why = "Почему."

[person.robert-gilman]
name = "Роберт Гилман"
tagline = "Морпех, которого подставили в России"
about = "Бывший морской пехотинец США, Дракут, Массачусетс"
charge = "Применение насилия в отношении полицейского"
story = """
Первый абзац.

Второй абзац.
"""
arrest.place = "Воронеж"
sentence = [
  { term = "4,5 года", event = "Приговор." },
  { term = "10 лет", event = "Третий приговор." },
]

[person.ksenia-karelina]
name = "Ксения Карелина"
tagline = "Дело балерины"
about = "Двойное гражданство"
charge = "Государственная измена"
story = "История."
arrest.place = "Екатеринбург"
status.how = "Обменяна."
"#;

const RU_EXCHANGES: &str = r#"
[exchange.1962-02-glienicke]
place = "Мост Глинике"
summary = "Первый обмен."
to_east = [{ name = "Рудольф Абель" }]
to_west = [{ name = "Фрэнсис Гэри Пауэрс", note = "пилот U-2" }]

[exchange.2025-04-abu-dhabi]
place = "Аэропорт Абу-Даби"
summary = "Карелина на Петрова."
to_east = [{ name = "Артур Петров" }]
to_west = [{}]

[news.examiner]
excerpt = "Четверо невиновных американцев остались."

[designation]
heading = "Что значит статус"
body = "Первое.\n\nВторое."
"#;

const RU_PETITION: &str = r#"
[text]
heading = "Подпишите петицию"
ask = "Мы просим Государственный секретарь признать: {names}. Петиция вручается на английском."
privacy = "Только кампании."
"#;

/// A repository in a temporary folder: the fixture's English, the real
/// petition file, and `ru` as `level` with these files (`None` leaves one out).
struct Repo {
    root: PathBuf,
}

impl Repo {
    fn new(name: &str, level: &str, ru: [Option<&str>; 3]) -> Repo {
        let root =
            std::env::temp_dir().join(format!("casedata-l10n-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("data")).unwrap();
        if ru.iter().any(Option::is_some) {
            std::fs::create_dir_all(root.join("data/ru")).unwrap();
        }
        let petition = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/petition.toml");
        let repo = Repo { root };
        repo.write(
            "data/cases.toml",
            &common::file(&[common::GILMAN, common::KARELINA]),
        );
        repo.write("data/exchanges.toml", EXCHANGES);
        repo.write(
            "data/petition.toml",
            &std::fs::read_to_string(petition).unwrap(),
        );
        repo.write("data/languages.toml", &format!("ru = \"{level}\"\n"));
        for (name, text) in ["cases", "exchanges", "petition"].iter().zip(ru) {
            if let Some(text) = text {
                repo.write(&format!("data/ru/{name}.toml"), text);
            }
        }
        repo
    }

    /// A complete translation, stamped against today's English.
    fn stamped(name: &str, level: &str) -> Repo {
        let repo = Repo::new(
            name,
            level,
            [Some(RU_CASES), Some(RU_EXCHANGES), Some(RU_PETITION)],
        );
        repo.stamp();
        repo
    }

    fn write(&self, path: &str, text: &str) {
        std::fs::write(self.root.join(path), text).unwrap();
    }

    fn edit(&self, path: &str, from: &str, to: &str) {
        let text = std::fs::read_to_string(self.root.join(path)).unwrap();
        assert!(text.contains(from), "{path} has no {from:?}");
        self.write(path, &text.replacen(from, to, 1));
    }

    fn english(&self) -> Data {
        let files = [
            "data/cases.toml",
            "data/exchanges.toml",
            "data/petition.toml",
        ]
        .map(|f| self.root.join(f));
        casedata::load_files(files, today()).expect("the English fixture is valid")
    }

    fn review(&self) -> casedata::Review {
        let languages = casedata::load_languages(&self.root).unwrap();
        casedata::review(&self.root, &self.english(), &languages[0])
    }

    /// What `l10n stamp ru` does.
    fn stamp(&self) {
        self.write("data/ru/from.toml", &casedata::stamp(&self.review()));
    }

    fn load(&self) -> Result<Data, Vec<Problem>> {
        casedata::load_all(&self.root, today())
    }

    fn problems(&self) -> Vec<Problem> {
        match self.load() {
            Ok(_) => panic!("a broken translation was accepted"),
            Err(p) => p,
        }
    }
}

impl Drop for Repo {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

const CASES: &str = "data/ru/cases.toml";
const EX: &str = "data/ru/exchanges.toml";

#[test]
fn a_stamped_translation_loads_clean_with_its_words_and_the_english_facts() {
    let repo = Repo::stamped("clean", "published");
    let data = repo.load().unwrap();
    let ru = &data.translations[0];
    assert_eq!((ru.lang.as_str(), ru.published), ("ru", true));
    assert!(ru.english.is_empty(), "{:?}", ru.english);
    assert!(ru.warnings.is_empty(), "{:?}", ru.warnings);
    let (en, gilman) = (&data.cases.people[0], &ru.data.cases.people[0]);
    assert_eq!(gilman.name, "Роберт Гилман");
    assert_eq!(gilman.initials, "РГ");
    assert_eq!(gilman.story, ["Первый абзац.", "Второй абзац."]);
    assert_eq!(gilman.sentence[0].term, "4,5 года");
    // Facts are the English file's.
    assert_eq!(gilman.arrest.start, en.arrest.start);
    assert_eq!(gilman.sentence[1].date, en.sentence[1].date);
    assert_eq!(gilman.sources, en.sources);
    // A party linked to a case is named as the translated person.
    let abu_dhabi = &ru.data.exchanges.exchanges[1];
    assert_eq!(abu_dhabi.to_west[0].name, "Ксения Карелина");
    assert_eq!(
        abu_dhabi.to_west[0].case.as_deref(),
        Some("ksenia-karelina")
    );
    assert_eq!(
        ru.data.exchanges.exchanges[0].to_west[0].note.as_deref(),
        Some("пилот U-2")
    );
    assert_eq!(
        ru.data.exchanges.news[0].headline,
        data.exchanges.news[0].headline
    );
    assert_eq!(ru.data.petition.url, data.petition.url);
    assert!(repo
        .review()
        .fields
        .iter()
        .all(|f| f.state == FieldState::Current));

    let rust = casedata::to_rust(&data);
    assert!(rust.contains("pub mod ru {"), "{rust}");
    assert!(rust.contains("pub const PUBLISHED: bool = true;"));
    assert!(rust.contains("name: \"Роберт Гилман\""));
    assert!(rust.contains("timer: &TIMER_SPANS[0]"));
    assert!(!rust.contains("english: &[\""), "nothing falls back");
}

#[test]
fn a_published_language_names_every_missing_field_record_and_file() {
    let repo = Repo::stamped("missing", "published");
    repo.edit(CASES, "story = \"История.\"\n", "");
    repo.edit(
        EX,
        "[news.examiner]\nexcerpt = \"Четверо невиновных американцев остались.\"\n",
        "",
    );
    repo.edit(
        EX,
        "to_east = [{ name = \"Артур Петров\" }]",
        "to_east = [{}]",
    );
    let p = repo.problems();
    assert_names(&p, CASES, "person 'ksenia-karelina'", "story", "missing");
    assert_names(
        &p,
        EX,
        "news 'examiner'",
        "-",
        "missing: no [news.examiner]",
    );
    assert_names(
        &p,
        EX,
        "exchange '2025-04-abu-dhabi'",
        "to_east.0.name",
        "missing",
    );
    assert_eq!(p.len(), 3, "{p:#?}");
    let line = p[0].to_string();
    assert_eq!(
        line,
        "data/ru/cases.toml: person 'ksenia-karelina', field 'story': missing"
    );

    // A file left out is one problem, not one per field.
    std::fs::remove_file(repo.root.join("data/ru/petition.toml")).unwrap();
    let p = repo.problems();
    assert_names(&p, "data/ru/petition.toml", "file", "-", "missing");
    assert_eq!(
        p.iter()
            .filter(|p| p.file.ends_with("petition.toml"))
            .count(),
        1
    );
}

#[test]
fn unknown_ids_and_fields_are_refused_even_in_a_preview() {
    let repo = Repo::stamped("unknown", "preview");
    let mut cases = RU_CASES.to_string();
    cases.push_str("\n[person.paul-whelan]\nname = \"Пол Уилан\"\n");
    repo.write(CASES, &cases);
    repo.edit(
        CASES,
        "arrest.place = \"Воронеж\"",
        "arrest.place = \"Воронеж\"\narrest.note = \"Ночью.\"",
    );
    repo.edit(
        CASES,
        "tagline = \"Дело балерины\"",
        "tagline = \"Дело балерины\"\ntagine = \"?\"",
    );
    repo.edit(
        CASES,
        "status.how = \"Обменяна.\"",
        "status.how = \"Обменяна.\"\nstatus.note = \"?\"",
    );
    repo.edit(
        EX,
        "[news.examiner]",
        "[exchange.1970-01-nowhere]\nplace = \"?\"\n\n[news.examiner]",
    );
    let p = repo.problems();
    assert_names(
        &p,
        CASES,
        "person 'paul-whelan'",
        "-",
        "no person in data/cases.toml has this id",
    );
    assert_names(
        &p,
        CASES,
        "person 'robert-gilman'",
        "arrest.note",
        "the English has no arrest.note",
    );
    assert_names(
        &p,
        CASES,
        "person 'ksenia-karelina'",
        "tagine",
        "unknown field `tagine`",
    );
    assert_names(
        &p,
        EX,
        "exchange '1970-01-nowhere'",
        "-",
        "no exchange in data/exchanges.toml",
    );
}

#[test]
fn the_shape_must_be_the_englishs() {
    let repo = Repo::stamped("shape", "preview");
    repo.edit(
        CASES,
        "  { term = \"10 лет\", event = \"Третий приговор.\" },\n",
        "",
    );
    repo.edit(
        EX,
        "to_east = [{ name = \"Рудольф Абель\" }]",
        "to_east = [{ name = \"Рудольф Абель\" }, { name = \"?\" }]",
    );
    repo.edit(EX, "to_west = [{}]", "to_west = [{ name = \"Ксения\" }]");
    let p = repo.problems();
    assert_names(
        &p,
        CASES,
        "person 'robert-gilman'",
        "sentence",
        "has 1 steps, the English 2",
    );
    assert_names(
        &p,
        EX,
        "exchange '1962-02-glienicke'",
        "to_east",
        "has 2 parties, the English 1",
    );
    assert_names(
        &p,
        EX,
        "exchange '2025-04-abu-dhabi'",
        "to_west.0.name",
        "the name is the person's",
    );
    assert_eq!(p.len(), 3, "{p:#?}");
}

#[test]
fn a_change_to_the_english_makes_its_translation_stale() {
    let repo = Repo::stamped("stale", "published");
    repo.edit(
        "data/cases.toml",
        "Second paragraph.",
        "Second paragraph, corrected.",
    );
    let p = repo.problems();
    assert_names(
        &p,
        CASES,
        "person 'robert-gilman'",
        "story",
        "translated from an older English text",
    );
    assert_eq!(p.len(), 1, "{p:#?}");
    let review = repo.review();
    let stale: Vec<_> = review
        .fields
        .iter()
        .filter(|f| f.state == FieldState::Stale)
        .collect();
    assert_eq!(stale.len(), 1);
    assert_eq!(stale[0].from_key(), "person.robert-gilman.story");
    assert!(stale[0].english.ends_with("Second paragraph, corrected."));

    // As a preview, the page shows today's English and says which field.
    repo.write("data/languages.toml", "ru = \"preview\"\n");
    let data = repo.load().unwrap();
    let ru = &data.translations[0];
    assert_eq!(ru.data.cases.people[0].story, data.cases.people[0].story);
    assert_eq!(ru.english_of("person.robert-gilman"), ["story"]);
    assert_eq!(ru.english.len(), 1, "{:?}", ru.english);
    assert!(casedata::to_rust(&data).contains("english: &[\"story\"]"));

    // Never stamped: one problem says what to do.
    std::fs::remove_file(repo.root.join("data/ru/from.toml")).unwrap();
    repo.write("data/languages.toml", "ru = \"published\"\n");
    let p = repo.problems();
    assert_names(&p, "data/ru/from.toml", "file", "-", "l10n -- stamp ru");
    assert_eq!(p.len(), 1, "{p:#?}");

    // Translated again and stamped: clean.
    repo.write("data/languages.toml", "ru = \"published\"\n");
    repo.stamp();
    assert!(repo.load().is_ok());
}

#[test]
fn a_preview_shows_the_english_for_what_is_missing_and_records_it() {
    let repo = Repo::stamped("preview", "preview");
    repo.edit(CASES, "tagline = \"Дело балерины\"\n", "");
    repo.edit(
        EX,
        "to_west = [{ name = \"Фрэнсис Гэри Пауэрс\", note = \"пилот U-2\" }]",
        "to_west = [{ name = \"Фрэнсис Гэри Пауэрс\" }]",
    );
    let data = repo.load().unwrap();
    let ru = &data.translations[0];
    assert_eq!(ru.data.cases.people[1].tagline, "The ballerina case");
    assert_eq!(ru.english_of("person.ksenia-karelina"), ["tagline"]);
    assert_eq!(
        ru.english_of("exchange.1962-02-glienicke"),
        ["to_west.0.note"]
    );
    assert_eq!(
        ru.data.exchanges.exchanges[0].to_west[0].note.as_deref(),
        Some("U-2 pilot")
    );

    // No folder at all: everything is English, and a linked party's name
    // is listed as English with its person's.
    let bare = Repo::new("bare", "preview", [None, None, None]);
    let data = bare.load().unwrap();
    let ru = &data.translations[0];
    assert_eq!(ru.data.cases, data.cases);
    assert!(ru
        .english_of("exchange.2025-04-abu-dhabi")
        .contains(&"to_west.0.name".to_string()));
    assert!(ru.english_of("text").contains(&"ask".to_string()));
    let bare = Repo::new("bare-published", "published", [None, None, None]);
    assert_eq!(bare.problems().len(), 3, "one problem per file");
}

#[test]
fn numbers_the_translation_lost_are_a_warning() {
    let repo = Repo::new(
        "numbers",
        "published",
        [Some(RU_CASES), Some(RU_EXCHANGES), Some(RU_PETITION)],
    );
    repo.edit(
        "data/cases.toml",
        "term = \"4.5 years\"",
        "term = \"4.5 years (1,771 days)\"",
    );
    repo.edit(
        CASES,
        "{ term = \"4,5 года\"",
        "{ term = \"4,5 года (1\u{a0}771 день)\"",
    );
    repo.edit(CASES, "{ term = \"10 лет\"", "{ term = \"11 лет\"");
    repo.stamp();
    let data = repo.load().unwrap();
    let w = &data.translations[0].warnings;
    assert_names(
        w,
        CASES,
        "person 'robert-gilman'",
        "sentence.1.term",
        "the English has 10",
    );
    assert_eq!(w.len(), 1, "{w:#?}");
}

#[test]
fn the_languages_file_takes_published_or_preview() {
    let p = casedata::parse_languages("data/languages.toml", "ru = \"draft\"\nen = \"preview\"\n")
        .unwrap_err();
    assert_names(
        &p,
        "data/languages.toml",
        "languages",
        "ru",
        "'draft' is not \"published\" or \"preview\"",
    );
    assert_names(
        &p,
        "data/languages.toml",
        "languages",
        "en",
        "other than en",
    );
    let langs = casedata::parse_languages("x", "uk = \"published\"\nru = \"preview\"").unwrap();
    assert_eq!(
        langs
            .iter()
            .map(|l| (l.code.as_str(), l.published))
            .collect::<Vec<_>>(),
        [("ru", false), ("uk", true)]
    );
}

#[test]
fn the_fingerprint_never_changes() {
    // FNV-1a 64 test vectors: a change here turns every translation stale.
    assert_eq!(casedata::fingerprint(""), "cbf29ce484222325");
    assert_eq!(casedata::fingerprint("a"), "af63dc4c8601ec8c");
    assert_eq!(casedata::fingerprint("foobar"), "85944171f73967e8");
    let stamped = casedata::stamp(&Repo::stamped("print", "preview").review());
    assert!(stamped.starts_with("# Written by `cargo run -p casedata --bin l10n -- stamp ru`"));
    let keys: Vec<&str> = stamped.lines().filter(|l| l.starts_with('"')).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert!(
        keys.contains(&"\"person.robert-gilman.sentence.1.event\" = \"ab56f033005b3d14\""),
        "{stamped}"
    );
}
