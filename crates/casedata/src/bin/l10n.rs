//! The translators' tool (see data/TRANSLATING.md).
//!
//! `l10n status <lang>`: every field missing or stale in `data/<lang>/`, with
//! today's English, and anything else wrong with the files.
//! `l10n stamp <lang>`: records in `data/<lang>/from.toml` that every field
//! the translation has was made from today's English.
//!
//! Run from the repository (or give `--root <dir>`):
//! `cargo run -p casedata --bin l10n -- status ru`.

use casedata::{FieldState, Review};
use std::path::{Path, PathBuf};
use std::process::exit;

const USAGE: &str = "usage: l10n status <lang> | l10n stamp <lang> [--root <repository>]";

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let root = match args.iter().position(|a| a == "--root") {
        Some(i) if i + 1 < args.len() => {
            let root = PathBuf::from(args.remove(i + 1));
            args.remove(i);
            root
        }
        Some(_) => usage(),
        None => default_root(),
    };
    let [command, lang] = args.as_slice() else {
        usage()
    };
    let review = review(&root, lang);
    match command.as_str() {
        "status" => status(&review),
        "stamp" => stamp(&root, &review),
        _ => usage(),
    }
}

fn usage() -> ! {
    eprintln!("{USAGE}");
    exit(2)
}

/// The repository being worked in: here, or else the one this tool was
/// built from (so `cargo run` works from any folder of it).
fn default_root() -> PathBuf {
    let here = PathBuf::from(".");
    if here.join(casedata::CASES_FILE).exists() {
        here
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
    }
}

/// The language's files checked against today's English; the English must
/// be valid, a translation need not be.
fn review(root: &Path, lang: &str) -> Review {
    let today = chrono::Utc::now().date_naive();
    let files = [
        casedata::CASES_FILE,
        casedata::EXCHANGES_FILE,
        casedata::PETITION_FILE,
    ]
    .map(|f| root.join(f));
    let english = casedata::load_files(files, today).unwrap_or_else(|problems| {
        eprintln!("The English data files have problems; fix them first:");
        for p in problems {
            eprintln!("  error: {p}");
        }
        exit(1)
    });
    let languages = casedata::load_languages(root).unwrap_or_else(|problems| {
        for p in problems {
            eprintln!("error: {p}");
        }
        exit(1)
    });
    let Some(language) = languages.iter().find(|l| l.code == lang) else {
        eprintln!(
            "'{lang}' is not in {}: add `{lang} = \"preview\"` there first",
            casedata::LANGUAGES_FILE
        );
        exit(1)
    };
    casedata::review(root, &english, language)
}

fn status(review: &Review) {
    let t = &review.translation;
    let count = |state| review.fields.iter().filter(|f| f.state == state).count();
    let level = if t.published { "published" } else { "preview" };
    println!(
        "{} ({level}): {} field(s) current, {} missing, {} stale, of {}",
        t.lang,
        count(FieldState::Current),
        count(FieldState::Missing),
        count(FieldState::Stale),
        review.fields.len()
    );
    for (state, what) in [
        (FieldState::Missing, "missing"),
        (
            FieldState::Stale,
            "stale (translated from an older English text)",
        ),
    ] {
        for f in review.fields.iter().filter(|f| f.state == state) {
            println!("\n{what}: {}: {}, field '{}'", f.file, f.subject, f.key);
            for line in f.english.lines() {
                println!("    {line}");
            }
        }
    }
    if !review.problems.is_empty() {
        println!(
            "\n{} problem(s) that stop the build:",
            review.problems.len()
        );
        for p in &review.problems {
            println!("  error: {p}");
        }
    }
    for w in &t.warnings {
        println!("  warning: {w}");
    }
}

fn stamp(root: &Path, review: &Review) {
    let lang = &review.translation.lang;
    let dir = root.join("data").join(lang);
    if !dir.is_dir() {
        eprintln!("no translation in data/{lang}/: nothing to stamp");
        exit(1)
    }
    let path = dir.join("from.toml");
    let text = casedata::stamp(review);
    std::fs::write(&path, &text).unwrap_or_else(|e| {
        eprintln!("write {}: {e}", path.display());
        exit(1)
    });
    let fields = review
        .fields
        .iter()
        .filter(|f| f.state != FieldState::Missing)
        .count();
    println!("data/{lang}/from.toml: {fields} field(s) stamped with today's English");
    // Stamping settles staleness only: the rest is still the translator's.
    let others: Vec<_> = review
        .problems
        .iter()
        .filter(|p| !p.message.starts_with("translated from an older"))
        .collect();
    if !others.is_empty() {
        println!("{} problem(s) remain that stop the build:", others.len());
        for p in others {
            println!("  error: {p}");
        }
    }
}
