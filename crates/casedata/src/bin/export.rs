//! Writes the open data next to the built app: `cases.json`, `exchanges.json`
//! and `anniversaries.ics`, from the same validated data the app compiles in,
//! and each language's `<lang>/cases.json` and `<lang>/exchanges.json`.
//!
//! Usage: `export <repository root> <output directory>` (run by Trunk's
//! post_build hook with the staging directory).

use casedata::{anniversaries_ics, CasesDocument, ExchangesDocument};
use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1).map(PathBuf::from);
    let (Some(root), Some(out)) = (args.next(), args.next()) else {
        eprintln!("usage: export <repository root> <output directory>");
        std::process::exit(2);
    };
    let now = chrono::Utc::now().naive_utc();
    let data = match casedata::load_all(&root, now.date()) {
        Ok(data) => data,
        Err(problems) => {
            for p in problems {
                eprintln!("error: {p}");
            }
            std::process::exit(1);
        }
    };
    // Printed on every build, not only when the data changes: a record goes
    // stale by the calendar alone. A warning, so a deploy is never blocked.
    for stale in casedata::stale_records(casedata::CASES_FILE, &data.cases, now.date()) {
        eprintln!("warning: {stale}");
    }
    let write = |name: &str, contents: String| {
        std::fs::write(out.join(name), contents).unwrap_or_else(|e| panic!("write {name}: {e}"));
    };
    write("cases.json", json(&CasesDocument::new(&data)));
    write("exchanges.json", json(&ExchangesDocument::new(&data)));
    // Each language's words in the English shape, under its code: the same
    // facts, so a reader can join them on ids.
    for t in &data.translations {
        std::fs::create_dir_all(out.join(&t.lang))
            .unwrap_or_else(|e| panic!("create {}: {e}", t.lang));
        let lang = |name: &str| format!("{}/{name}", t.lang);
        write(&lang("cases.json"), json(&CasesDocument::new(&t.data)));
        write(
            &lang("exchanges.json"),
            json(&ExchangesDocument::new(&t.data)),
        );
    }
    write(
        "anniversaries.ics",
        anniversaries_ics(&data.cases.people, now),
    );
}

/// Pretty JSON with a final newline, for diff-friendly files.
fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).expect("data serializes") + "\n"
}
