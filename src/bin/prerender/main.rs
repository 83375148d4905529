//! Writes the page's first view into Trunk's staged `index.html`, rendered by
//! the app's own components, so visitors see it before the WASM arrives and
//! crawlers and link previews read it without JavaScript. Also writes a page
//! per person, `case/<id>/index.html`, whose title and Open Graph / Twitter
//! card metadata name them and how long they have been held.
//!
//! Then writes the embeddable widget's pages and loader (`widget.rs`), the
//! link-preview images (`preview.rs`) and oEmbed answers (`oembed.rs`), and
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
mod meta;
mod oembed;
mod preview;
mod widget;

use left_behind::app::App;
use left_behind::browser::clock::provide_clock;
use left_behind::components::card::Card;
use left_behind::components::petition::PetitionBundle;
use left_behind::components::switcher::LangSwitcher;
use left_behind::core::data;
use left_behind::core::embed::View;
use left_behind::core::lang::Lang;
use left_behind::core::milestone;
use left_behind::core::model::Person;
use left_behind::core::route::{self, Route};
use left_behind::core::text;
use leptos::prelude::*;
use meta::Meta;
use std::path::Path;
use std::sync::OnceLock;

/// The petition bundle of each language in the staging directory, named on
/// the page by its path from the site's root, `/petition-<lang>-<hash>`, with
/// its attribute on the page and the same with the integrity of its script
/// and WASM, which the page checks before running them.
static PETITION_BUNDLES: OnceLock<Vec<Bundle>> = OnceLock::new();

struct Bundle {
    lang: Lang,
    /// The path the page loads it from, `/petition-<lang>-<hash>`.
    path: &'static str,
    attribute: String,
    checked: String,
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: prerender <index.html>");
    let dir = Path::new(&path)
        .parent()
        .expect("index.html is in a directory");
    PETITION_BUNDLES.get_or_init(|| Lang::ALL.map(|lang| petition_bundle(dir, lang)).into());
    let page = std::fs::read_to_string(&path).expect("read the staged index.html");
    let page = head::prepare(dir, &page);
    let (head, tail) = page
        .split_once("<body>")
        .unwrap_or_else(|| panic!("{path} has no <body>"));
    let styles = Lang::ALL.map(|lang| write_language(dir, head, tail, lang));
    deploy::write(dir, &styles);
}

/// Writes `lang`'s main page, case pages and widget pages under its prefix;
/// returns the policy source of the main page's inline stylesheet.
fn write_language(dir: &Path, head: &str, tail: &str, lang: Lang) -> String {
    let out = dir.join(lang.prefix());
    let t = text::page(lang);
    let content = data::content(lang);
    let mut now = 0;
    let body = html(lang, || {
        now = provide_clock(true).now();
        view! { <App/> }
    });
    // The images' counts come from the page's own clock reading.
    let site = preview::site(content.people, now, lang);
    write_file(&out.join(preview::SITE_PATH), &site.png);
    let timeline = preview::timeline(content.people, content.exchanges, now, lang);
    write_file(&out.join(preview::TIMELINE_PATH), &timeline.png);
    // The main page holds the timeline and the petition; a consumer that
    // takes the first answer gets the timeline, which the page opens with.
    let answers = [
        (View::Timeline, t.widget_timeline, preview::TIMELINE_PATH),
        (View::Petition, t.widget_petition, preview::SITE_PATH),
    ];
    let mut meta = Meta::page(lang, "", t.site_title, t.site_description)
        .image(preview::SITE_PATH.into(), site.alt.clone());
    for (view, title, thumbnail) in answers {
        let path = oembed::path(view);
        let answer = oembed::answer(lang, view, title, thumbnail);
        write_file(&out.join(&path), answer.as_bytes());
        meta = meta.oembed(path, title.into());
    }
    // The petition's bundle runs on the page too, once the form comes near.
    let petition: Vec<String> = PETITION_BUNDLES
        .get()
        .and_then(|all| all.iter().find(|b| b.lang == lang))
        .map(|b| vec![format!("{}.js", b.path), format!("{}_bg.wasm", b.path)])
        .unwrap_or_default();
    let (first_view, style) =
        head::inline_stylesheet(dir, &meta.apply(head), &format!("{body}{tail}"), &petition);
    std::fs::create_dir_all(&out).expect("create the language's directory");
    std::fs::write(
        out.join("index.html"),
        format!("{first_view}<body>{body}{tail}"),
    )
    .expect("write index.html");

    for person in content.people {
        // The title's count and the card's come from the same clock reading,
        // so they cannot disagree across a second or a day boundary.
        let mut now = 0;
        let path: &'static str = Box::leak(route::case_page(person.id).into_boxed_str());
        let card = html(lang, || {
            now = provide_clock(true).now();
            view! {
                <LangSwitcher path/>
                <main class="lb-main">
                    <p>
                        <a href=format!("/{}{}", lang.prefix(), Route::Case(person.id).href())>{t.all_cases}</a>
                    </p>
                    <Card person/>
                </main>
            }
        });
        let page = out.join(path);
        std::fs::create_dir_all(&page).expect("create the case page's directory");
        let (title, description) = (
            preview_title(person, now, lang),
            description(person, now, lang),
        );
        let image = preview::case(person, now, lang);
        let image_path = preview::case_path(person.id);
        write_file(&out.join(&image_path), &image.png);
        let view = View::Card(person.id);
        let answer = oembed::answer(lang, view, &title, &image_path);
        write_file(&out.join(oembed::path(view)), answer.as_bytes());
        let meta = Meta::case(lang, path, &title, &description)
            .image(image_path, image.alt)
            .oembed(oembed::path(view), title.clone());
        // The page's links into the timeline and to other cards (`#/exchange/…`)
        // lead to the main page, where those live.
        let head = head::with_base(
            &meta.apply(head),
            &format!("<base href=\"/{}\">", lang.prefix()),
        );
        std::fs::write(page.join("index.html"), format!("{head}<body>{card}{tail}"))
            .expect("write the case page");
    }
    let previews = widget::Previews {
        site: &site,
        timeline: &timeline,
        now,
    };
    widget::write(dir, head, tail, lang, previews);
    style
}

/// Writes `bytes` to `path`, making its directory.
fn write_file(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().expect("a file is in a directory"))
        .unwrap_or_else(|e| panic!("create {}: {e}", path.display()));
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
}

/// A view rendered to HTML in a fresh reactive owner, in `lang`.
fn html<V: IntoView>(lang: Lang, body: impl FnOnce() -> V) -> String {
    let bundle = PETITION_BUNDLES
        .get()
        .and_then(|all| all.iter().find(|b| b.lang == lang));
    let html = Owner::new().with(|| {
        provide_context(lang);
        if let Some(bundle) = bundle {
            provide_context(PetitionBundle(bundle.path));
        }
        body().to_html()
    });
    // `<!>` marks where hydration would split text; the islands mount fresh
    // over what they mark, so nothing reads them, and HTML forbids them.
    let html = html.replace("<!>", "");
    match bundle {
        Some(b) => html.replace(&b.attribute, &b.checked),
        None => html,
    }
}

/// Finds the bundle `scripts/build-petition.sh` wrote for `lang`, named by
/// its hash.
fn petition_bundle(dir: &Path, lang: Lang) -> Bundle {
    let prefix = format!("petition-{}-", lang.code());
    let name = std::fs::read_dir(dir)
        .expect("read the staging directory")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .find_map(|file| {
            file.strip_prefix(&prefix)?
                .strip_suffix(".js")
                .map(|hash| format!("{prefix}{hash}"))
        })
        .unwrap_or_else(|| {
            panic!("no {prefix}<hash>.js: scripts/build-petition.sh runs before the prerender")
        });
    let hash = |ext: &str| head::integrity_of(&dir.join(format!("{name}{ext}")));
    // From the root, as the page names its other files: the page's loader
    // resolves the name against the document's base, which under /ru/ and
    // /uk/ (and their widget pages' <base>) is the language's directory,
    // where no bundle is.
    let path: &'static str = Box::leak(format!("/{name}").into_boxed_str());
    let attribute = format!("data-bundle=\"{path}\"");
    let checked = format!(
        "{attribute} data-integrity=\"{} {}\"",
        hash(".js"),
        hash("_bg.wasm")
    );
    Bundle {
        lang,
        path,
        attribute,
        checked,
    }
}

/// A case page's title: the person and how long, as of the reading `now`.
fn preview_title(person: &Person, now: i64, lang: Lang) -> String {
    let spec = person.timer;
    let days = spec.elapsed(now).total_days;
    let today = preview::today(now);
    text::page(lang).preview_title(person.name, days, spec.standing, spec.day_known, today)
}

/// A case page's description: a milestone passed within the month first,
/// then what the case is, and who.
fn description(person: &Person, now: i64, lang: Lang) -> String {
    let about = format!("{} — {}.", person.tagline, person.about);
    match milestone::recent(person, now, milestone::RECENT_DAYS) {
        Some(m) => format!("{}. {about}", text::page(lang).milestone(&m)),
        None => about,
    }
}
