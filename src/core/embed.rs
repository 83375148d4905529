//! The embeddable widget's views, where each one's page lives, the snippet a
//! partner pastes, and the partner id that travels with their signatures.
//!
//! `embed.js` (on the partner's page) turns `<div data-left-behind="card"
//! data-case="…">` into a sandboxed iframe of the view's page under
//! `widget/`, which the build prerenders like the main page.

use crate::core::data;
use crate::core::lang::Lang;
use crate::core::route::{Route, PETITION_ANCHOR, TIMELINE_ANCHOR};
use crate::core::text;

/// One thing a partner can embed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View<'a> {
    /// One profile card.
    Card(&'a str),
    /// Several cards (`data-cases="a,b"`) or all of them.
    Cards,
    /// "Robert Gilman: detained 1,771 days", one line.
    Counter(&'a str),
    Timeline,
    Petition,
}

impl View<'_> {
    /// Every view's `data-left-behind` value, for the loader to check.
    pub const NAMES: [&'static str; 5] = ["card", "cards", "counter", "timeline", "petition"];

    /// The value of `data-left-behind`.
    pub fn name(&self) -> &'static str {
        match self {
            View::Card(_) => "card",
            View::Cards => "cards",
            View::Counter(_) => "counter",
            View::Timeline => "timeline",
            View::Petition => "petition",
        }
    }

    /// The view's page, relative to the site root (embed.js builds the same).
    pub fn page(&self) -> String {
        match self {
            View::Card(id) | View::Counter(id) => format!("widget/{}/{id}.html", self.name()),
            _ => format!("widget/{}.html", self.name()),
        }
    }

    /// The case this view is about, if one.
    pub fn case(&self) -> Option<&str> {
        match self {
            View::Card(id) | View::Counter(id) => Some(id),
            _ => None,
        }
    }

    /// What a partner pastes: the loader and the element, whose link is what
    /// readers get where the script cannot run. In a language other than
    /// English the element asks for that language's widget (`data-lang`) and
    /// the link goes to that language's pages.
    pub fn snippet(&self, site: &str, lang: Lang, fallback: &str) -> String {
        let case = self
            .case()
            .map_or(String::new(), |id| format!(" data-case=\"{id}\""));
        let data_lang = match lang {
            Lang::En => String::new(),
            _ => format!(" data-lang=\"{}\"", lang.code()),
        };
        let href = match self {
            View::Card(id) | View::Counter(id) => Route::Case(id).href(),
            View::Timeline => format!("#{TIMELINE_ANCHOR}"),
            View::Petition => format!("#{PETITION_ANCHOR}"),
            View::Cards => String::new(),
        };
        format!(
            "<script async src=\"{site}embed.js\"></script>\n\
             <div data-left-behind=\"{}\"{case}{data_lang}><a href=\"{site}{}{href}\">{}</a></div>",
            self.name(),
            lang.prefix(),
            text::escape_html(fallback)
        )
    }
}

/// A partner id as signatures may carry it: letters, digits, `.`, `_` and
/// `-`, at most 64 of them. Anything else is dropped rather than sent.
pub fn partner_id(raw: &str) -> Option<&str> {
    let id = raw.trim();
    let valid = (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
    valid.then_some(id)
}

/// [`partner_id`] as a JavaScript regular expression, for the loader to warn
/// about exactly the ids that will be dropped (a test holds the two to each
/// other). The space around the id is what `str::trim` takes off, spelled
/// out: JavaScript's `\s` also counts U+FEFF and misses U+0085.
pub const PARTNER_ID_PATTERN: &str = r"^[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*[A-Za-z0-9._-]{1,64}[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$";

/// The frame's title until the page inside reports its own, in its language:
/// the campaign's name, the same in every language.
const FRAME_TITLE: &str = "Left Behind";

/// The languages a partner may ask for with `data-lang`: those published
/// (a preview language is not offered to other sites).
pub fn embed_langs() -> impl Iterator<Item = Lang> {
    Lang::ALL
        .into_iter()
        .filter(|&lang| data::content(lang).published)
}

/// The loader partners include (`public/embed.js`, given by the build) with
/// its `"{{…}}"` placeholders filled in from here as JavaScript literals:
/// its words, the views' names, the languages and the partner id rule, so
/// that none of them is copied into it by hand.
///
/// Only what readers see is in every language (the message of a widget that
/// failed, the link to the site), with the path of the language's pages:
/// the developer's diagnostics stay English, which keeps the loader within
/// its 1.5 KB budget.
pub fn loader(template: &str) -> String {
    let views = View::NAMES.join(",");
    let t = text::page(Lang::En);
    let codes: Vec<&str> = embed_langs().map(Lang::code).collect();
    let bad_lang = format!(
        "Left Behind: data-lang takes {}; showing English",
        codes.join(", ")
    );
    // `__proto__: null`: no `data-lang="constructor"` finds a language.
    let langs = embed_langs().fold(String::from("{\"__proto__\":null"), |js, lang| {
        let t = text::page(lang);
        format!(
            "{js},{:?}:[{:?},{:?},{:?}]",
            lang.code(),
            lang.prefix(),
            t.widget_failed,
            t.widget_see_all
        )
    }) + "}";
    let strings = [
        ("UNKNOWN_CASE", t.widget_unknown_case),
        ("UNKNOWN_VIEW", t.widget_unknown_view),
        ("TITLE", FRAME_TITLE),
        ("BAD_PARTNER", t.widget_bad_partner),
        ("BAD_LANG", bad_lang.as_str()),
        ("VIEWS", views.as_str()),
        ("PARTNER_ID", PARTNER_ID_PATTERN),
    ];
    // Rust's debug form of a string is a valid JavaScript string literal.
    let js = strings
        .iter()
        .fold(template.to_string(), |js, (key, value)| {
            js.replace(&format!("\"{{{{{key}}}}}\""), &format!("{value:?}"))
        });
    js.replace("\"{{LANGS}}\"", &langs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_view_has_its_page() {
        assert_eq!(
            View::Card("robert-gilman").page(),
            "widget/card/robert-gilman.html"
        );
        assert_eq!(
            View::Counter("david-barnes").page(),
            "widget/counter/david-barnes.html"
        );
        assert_eq!(View::Cards.page(), "widget/cards.html");
        assert_eq!(View::Timeline.page(), "widget/timeline.html");
        assert_eq!(View::Petition.page(), "widget/petition.html");
    }

    #[test]
    fn a_snippet_is_the_loader_and_an_element_with_a_readable_link() {
        let snippet = View::Card("robert-gilman").snippet(
            "https://left-behind.example/",
            Lang::En,
            "Robert Gilman <Left Behind>",
        );
        assert_eq!(
            snippet,
            "<script async src=\"https://left-behind.example/embed.js\"></script>\n\
             <div data-left-behind=\"card\" data-case=\"robert-gilman\">\
             <a href=\"https://left-behind.example/#/case/robert-gilman\">Robert Gilman &lt;Left Behind&gt;</a></div>"
        );
        assert!(View::Timeline
            .snippet("https://x.example/", Lang::En, "Timeline")
            .contains(
                "<div data-left-behind=\"timeline\"><a href=\"https://x.example/#lb-timeline\">"
            ));
    }

    #[test]
    fn a_snippet_in_russian_or_ukrainian_asks_for_its_language_and_links_to_its_pages() {
        assert_eq!(
            View::Counter("robert-gilman").snippet(
                "https://left-behind.example/",
                Lang::Ru,
                "Роберт Гилман — на сайте Left Behind",
            ),
            "<script async src=\"https://left-behind.example/embed.js\"></script>\n\
             <div data-left-behind=\"counter\" data-case=\"robert-gilman\" data-lang=\"ru\">\
             <a href=\"https://left-behind.example/ru/#/case/robert-gilman\">Роберт Гилман — на сайте Left Behind</a></div>"
        );
        let petition = View::Petition.snippet("https://x.example/", Lang::Uk, "Петиція");
        assert!(
            petition.contains(
                "<div data-left-behind=\"petition\" data-lang=\"uk\"><a href=\"https://x.example/uk/#lb-petition\">"
            ),
            "{petition}"
        );
        assert!(!View::Cards
            .snippet("https://x.example/", Lang::En, "Cases")
            .contains("data-lang"));
    }

    #[test]
    fn every_view_has_its_name_in_the_loaders_list() {
        for view in [
            View::Card("x"),
            View::Cards,
            View::Counter("x"),
            View::Timeline,
            View::Petition,
        ] {
            assert!(View::NAMES.contains(&view.name()), "{view:?}");
        }
    }

    #[test]
    fn partner_ids_are_short_plain_words() {
        assert_eq!(partner_id(" family-blog_2.0 "), Some("family-blog_2.0"));
        assert_eq!(partner_id(""), None);
        assert_eq!(partner_id("a b"), None);
        assert_eq!(partner_id("<script>"), None);
        assert_eq!(partner_id("é"), None);
        assert_eq!(partner_id(&"x".repeat(64)).map(str::len), Some(64));
        assert_eq!(partner_id(&"x".repeat(65)), None);
    }

    /// The loader as the build writes it.
    fn generated_loader() -> String {
        loader(include_str!("../../public/embed.js"))
    }

    #[test]
    fn the_loader_has_every_placeholder_filled_in() {
        let js = generated_loader();
        let left: Vec<&str> = js
            .split("\"{{")
            .skip(1)
            .filter(|rest| rest.starts_with(|c: char| c.is_ascii_uppercase()))
            .collect();
        assert!(left.is_empty(), "placeholders left in embed.js: {left:?}");
        assert!(js.contains(&format!("new RegExp({PARTNER_ID_PATTERN:?})")));
    }

    #[test]
    fn the_loader_offers_each_published_language_with_its_pages_and_words() {
        let js = generated_loader();
        for lang in embed_langs() {
            let t = text::page(lang);
            let entry = format!(
                "{:?}:[{:?},{:?},{:?}]",
                lang.code(),
                lang.prefix(),
                t.widget_failed,
                t.widget_see_all
            );
            assert!(js.contains(&entry), "{lang:?} missing from embed.js");
        }
        assert!(
            js.contains("`${lang[0]}widget/"),
            "the frame's page is under the language's path"
        );
        assert!(js.contains(&format!(
            "console.warn({:?})",
            "Left Behind: data-lang takes en, ru, uk; showing English"
        )));
    }

    #[test]
    fn the_loaders_pattern_keeps_exactly_the_ids_partner_id_keeps() {
        let long = "x".repeat(64);
        let inputs = [
            "family-blog".to_string(),
            " family-blog_2.0 ".into(),
            "A.b_C-9".into(),
            long.clone(),
            format!(" {long}\t"),
            "x".repeat(65),
            String::new(),
            " ".into(),
            "a b".into(),
            "our blog!".into(),
            "<script>".into(),
            "é".into(),
            "日本".into(),
            "a/b".into(),
            "a+b".into(),
            "\nabc\r\n".into(),
            "\u{85}abc\u{a0}".into(),
            "\u{3000}abc\u{2028}\u{2029}".into(),
            "\u{feff}abc".into(),
            "abc\u{200b}".into(),
            "\u{1680}\u{2000}\u{200a}abc\u{202f}\u{205f}".into(),
            "\u{b}\u{c}abc".into(),
        ];
        let literals: Vec<String> = inputs.iter().map(|s| format!("{s:?}")).collect();
        // JavaScript reads the pattern as the loader will: in Node, which
        // the build uses too (scripts/setup.sh installs it).
        let script = format!(
            "const re = new RegExp({PARTNER_ID_PATTERN:?}); \
             process.stdout.write([{}].map((s) => (re.test(s) ? '1' : '0')).join(''));",
            literals.join(",")
        );
        let out = std::process::Command::new("node")
            .args(["-e", &script])
            .output()
            .expect("node runs the loader's pattern (scripts/setup.sh installs it)");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let by_js = String::from_utf8(out.stdout).expect("node prints 0s and 1s");
        let by_rust: String = inputs
            .iter()
            .map(|s| if partner_id(s).is_some() { '1' } else { '0' })
            .collect();
        assert_eq!(by_js, by_rust, "inputs: {inputs:?}");
        assert!(by_rust.contains('1') && by_rust.contains('0'));
    }
}
