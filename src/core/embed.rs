//! The embeddable widget's views, where each one's page lives, the snippet a
//! partner pastes, and the partner id that travels with their signatures.
//!
//! `embed.js` (on the partner's page) turns `<div data-left-behind="card"
//! data-case="…">` into a sandboxed iframe of the view's page under
//! `widget/`, which the build prerenders like the main page.

use crate::core::route::{Route, PETITION_ANCHOR, TIMELINE_ANCHOR};

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
    /// readers get where the script cannot run.
    pub fn snippet(&self, site: &str, fallback: &str) -> String {
        let case = self
            .case()
            .map_or(String::new(), |id| format!(" data-case=\"{id}\""));
        let href = match self {
            View::Card(id) | View::Counter(id) => Route::Case(id).href(),
            View::Timeline => format!("#{TIMELINE_ANCHOR}"),
            View::Petition => format!("#{PETITION_ANCHOR}"),
            View::Cards => String::new(),
        };
        format!(
            "<script async src=\"{site}embed.js\"></script>\n\
             <div data-left-behind=\"{}\"{case}><a href=\"{site}{href}\">{}</a></div>",
            self.name(),
            crate::core::text::escape_html(fallback)
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
            "Robert Gilman <Left Behind>",
        );
        assert_eq!(
            snippet,
            "<script async src=\"https://left-behind.example/embed.js\"></script>\n\
             <div data-left-behind=\"card\" data-case=\"robert-gilman\">\
             <a href=\"https://left-behind.example/#/case/robert-gilman\">Robert Gilman &lt;Left Behind&gt;</a></div>"
        );
        assert!(View::Timeline
            .snippet("https://x.example/", "Timeline")
            .contains(
                "<div data-left-behind=\"timeline\"><a href=\"https://x.example/#lb-timeline\">"
            ));
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
}
