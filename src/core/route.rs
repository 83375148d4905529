//! Deep links in the URL fragment, so a static host serves every one of them.

/// Where a URL fragment points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route<'a> {
    Home,
    /// `#/case/<id>`: one person's card.
    Case(&'a str),
    /// `#/exchange/<id>`: one event of the timeline.
    Exchange(&'a str),
}

/// The anchor of the timeline section, and of the petition's.
pub const TIMELINE_ANCHOR: &str = "lb-timeline";
pub const PETITION_ANCHOR: &str = "lb-petition";

/// A person's own page, relative to the site's root: `case/<id>/`. Written
/// there by the prerender, linked from the main page with a plain link.
pub fn case_page(id: &str) -> String {
    ["case/", id, "/"].concat()
}

// Joined, not `format!`ted: the page's WASM builds these, and every
// formatted call costs it bytes.

/// The id of a person's card, which `#/case/<id>` scrolls to.
pub fn case_anchor(id: &str) -> String {
    ["case-", id].concat()
}

/// The id of an exchange's timeline entry, which `#/exchange/<id>` scrolls to.
pub fn exchange_anchor(id: &str) -> String {
    ["exchange-", id].concat()
}

impl<'a> Route<'a> {
    /// Reads `location.hash` ("#/case/robert-gilman"); anything unknown is `Home`.
    pub fn parse(hash: &'a str) -> Self {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        match path.split_once('/') {
            Some((kind, id)) if !id.is_empty() && !id.contains('/') => match kind {
                "case" => Route::Case(id),
                "exchange" => Route::Exchange(id),
                _ => Route::Home,
            },
            _ => Route::Home,
        }
    }

    /// The fragment that links here.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Case(id) => ["#/case/", id].concat(),
            Route::Exchange(id) => ["#/exchange/", id].concat(),
        }
    }

    /// The id of the element this route scrolls to and focuses.
    pub fn target_id(&self) -> Option<String> {
        match self {
            Route::Home => None,
            Route::Case(id) => Some(case_anchor(id)),
            Route::Exchange(id) => Some(exchange_anchor(id)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_page_is_a_folder_under_case() {
        assert_eq!(case_page("robert-gilman"), "case/robert-gilman/");
    }

    #[test]
    fn parses_case_links() {
        assert_eq!(
            Route::parse("#/case/robert-gilman"),
            Route::Case("robert-gilman")
        );
        assert_eq!(
            Route::parse("#case/robert-gilman"),
            Route::Case("robert-gilman")
        );
        assert_eq!(
            Route::parse("#/case/robert-gilman").target_id().as_deref(),
            Some("case-robert-gilman")
        );
    }

    #[test]
    fn parses_exchange_links() {
        let r = Route::parse("#/exchange/2024-08-ankara");
        assert_eq!(r, Route::Exchange("2024-08-ankara"));
        assert_eq!(r.target_id().as_deref(), Some("exchange-2024-08-ankara"));
        assert_eq!(Route::parse(&r.href()), r);
    }

    #[test]
    fn anything_else_is_home() {
        for hash in ["", "#", "#/", "#/case/", "#/case/a/b", "#/cases/x", "#top"] {
            assert_eq!(Route::parse(hash), Route::Home, "{hash}");
        }
    }

    #[test]
    fn href_round_trips() {
        let r = Route::Case("david-barnes");
        assert_eq!(Route::parse(&r.href()), r);
    }
}
