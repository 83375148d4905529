//! Compiles the case data into the app: a malformed data file stops the build
//! here with messages naming the file, the person and the field.

use std::path::Path;

const DATA: &str = "data/cases.toml";

fn main() {
    println!("cargo:rerun-if-changed={DATA}");
    let today = chrono::Utc::now().date_naive();
    match casedata::load(Path::new(DATA), today) {
        Ok(data) => {
            let out =
                Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("cases.rs");
            std::fs::write(out, casedata::to_rust(&data)).expect("write generated cases.rs");
        }
        Err(problems) => {
            eprintln!("\nThe case data has {} problem(s):", problems.len());
            for p in &problems {
                eprintln!("  error: {p}");
            }
            eprintln!();
            std::process::exit(1);
        }
    }
}
