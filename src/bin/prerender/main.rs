//! Writes the page's first view into Trunk's staged `index.html`, rendered by
//! the app's own components, so visitors see it before the WASM arrives and
//! crawlers and link previews read it without JavaScript. Also writes a page
//! per person, `case/<id>/index.html`, whose title and Open Graph / Twitter
//! card metadata name them and how long they have been held.
//!
//! Then writes the embeddable widget's pages and loader (`widget.rs`), and
//! the host configuration for the files it all makes (`deploy.rs`).
//!
//! Every page holds to a strict Content-Security-Policy (no inline script or
//! style, `head.rs`) and is valid HTML.
//!
//! Run by Trunk's post_build hook: `prerender <path to staged index.html>`.

// The page's view type is deep: Leptos' async rendering nests it further.
#![recursion_limit = "256"]

mod deploy;
mod head;
mod widget;

use chrono::Datelike;
use left_behind::app::App;
use left_behind::browser::clock::provide_clock;
use left_behind::components::card::Card;
use left_behind::components::petition::PetitionBundle;
use left_behind::core::data::PEOPLE;
use left_behind::core::model::{Date, Person};
use left_behind::core::route::{self, Route};
use left_behind::core::text;
use leptos::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

/// A case page resolves its links against the site's root.
const CASE_BASE: &str = "<base href=\"/\">";

/// The petition bundle's name in the staging directory, `petition-<hash>`.
static PETITION_BUNDLE: OnceLock<&'static str> = OnceLock::new();
/// The bundle's attribute on the page, and the same with the integrity of
/// its script and WASM, which the page checks before running them.
static PETITION_INTEGRITY: OnceLock<(String, String)> = OnceLock::new();

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: prerender <index.html>");
    let dir = Path::new(&path)
        .parent()
        .expect("index.html is in a directory");
    let bundle = PETITION_BUNDLE.get_or_init(|| petition_bundle(dir));
    PETITION_INTEGRITY.get_or_init(|| {
        let hash = |ext: &str| head::integrity_of(&dir.join(format!("{bundle}{ext}")));
        let attribute = format!("data-bundle=\"{bundle}\"");
        let checked = format!(
            "{attribute} data-integrity=\"{} {}\"",
            hash(".js"),
            hash("_bg.wasm")
        );
        (attribute, checked)
    });
    let page = std::fs::read_to_string(&path).expect("read the staged index.html");
    let page = head::prepare(dir, &page);
    let (head, tail) = page
        .split_once("<body>")
        .unwrap_or_else(|| panic!("{path} has no <body>"));
    let body = html(|| view! { <App/> });
    let (first_view, style) = head::inline_stylesheet(dir, head);
    std::fs::write(&path, format!("{first_view}<body>{body}{tail}")).expect("write index.html");

    for person in PEOPLE {
        // The title's count and the card's come from the same clock reading,
        // so they cannot disagree across a second or a day boundary.
        let mut now = 0;
        let card = html(|| {
            now = provide_clock(true).now();
            view! {
                <main class="lb-main">
                    <p>
                        <a href=format!("/{}", Route::Case(person.id).href())>{text::ALL_CASES}</a>
                    </p>
                    <Card person/>
                </main>
            }
        });
        let out = dir.join(route::case_page(person.id));
        std::fs::create_dir_all(&out).expect("create the case page's directory");
        // The page's links into the timeline and to other cards (`#/exchange/…`)
        // lead to the main page, where those live.
        let head = head::with_base(&with_preview(head, person, now), CASE_BASE);
        std::fs::write(out.join("index.html"), format!("{head}<body>{card}{tail}"))
            .expect("write the case page");
    }
    widget::write(dir, head, tail);
    deploy::write(dir, &style);
}

/// A view rendered to HTML in a fresh reactive owner.
fn html<V: IntoView>(body: impl FnOnce() -> V) -> String {
    let html = Owner::new().with(|| {
        if let Some(bundle) = PETITION_BUNDLE.get() {
            provide_context(PetitionBundle(bundle));
        }
        body().to_html()
    });
    // `<!>` marks where hydration would split text; the islands mount fresh
    // over what they mark, so nothing reads them, and HTML forbids them.
    let html = html.replace("<!>", "");
    match PETITION_INTEGRITY.get() {
        Some((attribute, checked)) => html.replace(attribute, checked),
        None => html,
    }
}

/// Finds the bundle `scripts/build-petition.sh` wrote, named by its hash.
fn petition_bundle(dir: &Path) -> &'static str {
    let name = std::fs::read_dir(dir)
        .expect("read the staging directory")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .find_map(|file| {
            file.strip_prefix("petition-")?
                .strip_suffix(".js")
                .map(|hash| format!("petition-{hash}"))
        })
        .expect("no petition-<hash>.js: scripts/build-petition.sh runs before the prerender");
    Box::leak(name.into_boxed_str())
}

/// The page head with this person's title, description and preview metadata.
fn with_preview(head: &str, person: &Person, now: i64) -> String {
    let spec = person.timer;
    let days = spec.elapsed(now).total_days;
    let today = chrono::DateTime::from_timestamp(now, 0)
        .map(|t| t.date_naive())
        .unwrap_or_default();
    let today = Date {
        year: today.year(),
        month: today.month() as u8,
        day: today.day() as u8,
    };
    let title = text::preview_title(person.name, days, spec.standing, spec.day_known, today);
    let description = format!("{} — {}.", person.tagline, person.about);
    let title = text::escape_html(&title);
    let description = text::escape_html(&description);
    let meta = format!(
        "<meta property=\"og:type\" content=\"article\"><meta property=\"og:title\" content=\"{title}\">\
         <meta property=\"og:description\" content=\"{description}\"><meta property=\"og:site_name\" content=\"Left Behind\">\
         <meta name=\"twitter:card\" content=\"summary\"><meta name=\"twitter:title\" content=\"{title}\">\
         <meta name=\"twitter:description\" content=\"{description}\">"
    );
    let head = replace_between(head, "<title>", "</title>", &title);
    let head = replace_description(&head, &description);
    head.replacen("</head>", &format!("{meta}</head>"), 1)
}

/// `text` with what stands between `open` and `close` replaced by `with`.
fn replace_between(text: &str, open: &str, close: &str, with: &str) -> String {
    match (text.find(open), text.find(close)) {
        (Some(a), Some(b)) if a < b => format!("{}{open}{with}{}", &text[..a], &text[b..]),
        _ => text.to_string(),
    }
}

/// Replaces the content of the page's `<meta name=description>`, however the
/// minifier quoted it.
fn replace_description(head: &str, description: &str) -> String {
    let Some(at) = head
        .find("name=description")
        .or_else(|| head.find("name=\"description\""))
    else {
        return head.to_string();
    };
    let start = head[..at].rfind("<meta").unwrap_or(at);
    let end = head[at..].find('>').map_or(head.len(), |e| at + e + 1);
    format!(
        "{}<meta name=\"description\" content=\"{description}\">{}",
        &head[..start],
        &head[end..]
    )
}
