//! Compiles the case data into the app: a malformed data file stops the build
//! here with messages naming the file, the person and the field.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed={}", casedata::CASES_FILE);
    println!("cargo:rerun-if-changed={}", casedata::EXCHANGES_FILE);
    println!("cargo:rerun-if-changed={}", casedata::PETITION_FILE);
    // The whole folder, so that a language's folder appearing (or a file in
    // it) rebuilds too: cargo scans a directory's files.
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-env-changed=LEFT_BEHIND_PETITION_URL");
    println!("cargo:rerun-if-env-changed=LEFT_BEHIND_PETITION_COUNT_URL");
    println!("cargo:rerun-if-env-changed=LEFT_BEHIND_SITE_URL");
    let today = chrono::Utc::now().date_naive();
    match casedata::load_all(Path::new("."), today) {
        Ok(data) => {
            let local = |url: &str| url.contains("://127.0.0.1") || url.contains("://localhost");
            let url = &data.petition.url;
            if local(url) {
                println!(
                    "cargo:warning=the petition posts to the local test receiver ({url}): set \
                     LEFT_BEHIND_PETITION_URL or data/petition.toml before deploying"
                );
            }
            if let Some(count) = data.petition.count_url.as_deref().filter(|u| local(u)) {
                println!(
                    "cargo:warning=the signature counter asks the local test receiver ({count}): set \
                     LEFT_BEHIND_PETITION_COUNT_URL or count_url in data/petition.toml before deploying"
                );
            }
            if data.cases.campaign.url == casedata::LOCAL_SITE_URL {
                println!(
                    "cargo:warning=embed snippets name the local address ({}): set \
                     LEFT_BEHIND_SITE_URL or `url` in data/cases.toml before deploying",
                    casedata::LOCAL_SITE_URL
                );
            }
            for stale in casedata::stale_records(casedata::CASES_FILE, &data.cases, today) {
                println!("cargo:warning={stale}");
            }
            for t in &data.translations {
                for w in &t.warnings {
                    println!("cargo:warning={w}");
                }
                let english: usize = t.english.values().map(Vec::len).sum();
                if english > 0 {
                    println!(
                        "cargo:warning={} is a preview: {english} field(s) show the English text \
                         (cargo run -p casedata --bin l10n -- status {})",
                        t.lang, t.lang
                    );
                }
            }
            let out =
                Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("cases.rs");
            std::fs::write(out, casedata::to_rust(&data)).expect("write generated cases.rs");
        }
        Err(problems) => fail(&problems),
    }
    fixtures(today);
}

/// The status-change fixture compiled the same way as the real data, for
/// `tests/campaign_words.rs`: the campaign's words must follow the statuses.
fn fixtures(today: chrono::NaiveDate) {
    let dir = Path::new("tests/fixtures/status-change");
    println!("cargo:rerun-if-changed={}", dir.display());
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    for name in ["before", "after"] {
        // The petition's own file: its words and endpoint are not what the
        // fixture is about.
        let files = [
            dir.join(format!("cases-{name}.toml")),
            dir.join("exchanges.toml"),
            casedata::PETITION_FILE.into(),
        ];
        match casedata::load_files(files, today) {
            Ok(data) => std::fs::write(
                out.join(format!("fixture-{name}.rs")),
                casedata::to_rust(&data),
            )
            .expect("write a fixture's generated code"),
            Err(problems) => fail(&problems),
        }
    }
}

/// Stops the build with every problem, each naming file, subject and field.
fn fail(problems: &[casedata::Problem]) -> ! {
    eprintln!("\nThe data files have {} problem(s):", problems.len());
    for p in problems {
        eprintln!("  error: {p}");
    }
    eprintln!();
    std::process::exit(1);
}
