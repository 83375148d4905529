//! The head of each page in its language: `<html lang>`, the title and
//! description, one set of link-preview properties, the canonical address and
//! the same page in every other published language, its preview image and
//! its oEmbed answer.

use left_behind::core::data::{self, CAMPAIGN};
use left_behind::core::lang::Lang;
use left_behind::core::text::{self, escape_html};

use super::preview;

/// What a page says about itself to browsers, crawlers and link previews.
pub struct Meta<'a> {
    lang: Lang,
    /// The page's path below its language's prefix: "", "case/<id>/".
    path: &'a str,
    title: &'a str,
    description: &'a str,
    /// `og:type`.
    kind: &'static str,
    /// A widget page's canonical page, which is not itself.
    canonical: Option<String>,
    /// Which languages are published (`data::published`; tests give their own).
    published: fn(Lang) -> bool,
    /// The preview image (`preview.rs`): its path below the language's
    /// prefix and what it says.
    image: Option<(String, String)>,
    /// The oEmbed answers the page advertises: their paths below the
    /// language's prefix and titles, the page's own first.
    oembed: Vec<(String, String)>,
}

impl<'a> Meta<'a> {
    /// The main page of a language.
    pub fn page(lang: Lang, path: &'a str, title: &'a str, description: &'a str) -> Self {
        Meta {
            lang,
            path,
            title,
            description,
            kind: "website",
            canonical: None,
            published: data::published,
            image: None,
            oembed: Vec::new(),
        }
    }

    /// With the preview image at `path` (below the language's prefix), which
    /// says `alt`.
    pub fn image(self, path: String, alt: String) -> Self {
        Meta {
            image: Some((path, alt)),
            ..self
        }
    }

    /// Advertising the oEmbed answer at `path` (below the language's prefix).
    pub fn oembed(mut self, path: String, title: String) -> Self {
        self.oembed.push((path, title));
        self
    }

    /// A person's page.
    pub fn case(lang: Lang, path: &'a str, title: &'a str, description: &'a str) -> Self {
        Meta {
            kind: "article",
            ..Meta::page(lang, path, title, description)
        }
    }

    /// A widget's page: out of search results, pointing at the page it shows.
    pub fn widget(lang: Lang, path: &'a str, title: &'a str, shows: &str) -> Self {
        Meta {
            canonical: Some(url(lang, shows)),
            ..Meta::page(lang, path, title, text::page(lang).site_description)
        }
    }

    /// `head` (the staged page's, up to `<body>`) with this page's metadata.
    pub fn apply(&self, head: &str) -> String {
        let title = escape_html(self.title);
        let description = escape_html(self.description);
        let head = with_lang(head, self.lang);
        let head = replace_between(&head, "<title>", "</title>", &title);
        let head = replace_description(&head, &description);
        head.replacen(
            "</head>",
            &format!("{}</head>", self.tags(&title, &description)),
            1,
        )
    }

    fn tags(&self, title: &str, description: &str) -> String {
        let own = url(self.lang, self.path);
        let canonical = self.canonical.clone().unwrap_or_else(|| own.clone());
        let published = self.published;
        let mut out = format!("<link rel=\"canonical\" href=\"{canonical}\">");
        if self.canonical.is_some() || !published(self.lang) {
            out.push_str("<meta name=\"robots\" content=\"noindex\">");
        } else {
            for lang in Lang::ALL.into_iter().filter(|&l| published(l)) {
                out.push_str(&alternate(lang.code(), &url(lang, self.path)));
            }
            out.push_str(&alternate("x-default", &url(Lang::En, self.path)));
        }
        let property =
            |name: &str, value: &str| format!("<meta property=\"{name}\" content=\"{value}\">");
        out.push_str(&property("og:type", self.kind));
        out.push_str(&property("og:site_name", "Left Behind"));
        out.push_str(&property("og:title", title));
        out.push_str(&property("og:description", description));
        out.push_str(&property("og:url", &own));
        out.push_str(&property("og:locale", self.lang.og_locale()));
        for lang in Lang::ALL
            .into_iter()
            .filter(|&l| l != self.lang && published(l))
        {
            out.push_str(&property("og:locale:alternate", lang.og_locale()));
        }
        let card = match &self.image {
            Some((path, alt)) => {
                out.push_str(&property("og:image", &url(self.lang, path)));
                out.push_str(&property("og:image:type", "image/png"));
                out.push_str(&property("og:image:width", &preview::WIDTH.to_string()));
                out.push_str(&property("og:image:height", &preview::HEIGHT.to_string()));
                out.push_str(&property("og:image:alt", &escape_html(alt)));
                "summary_large_image"
            }
            None => "summary",
        };
        out.push_str(&format!("<meta name=\"twitter:card\" content=\"{card}\">"));
        for (path, title) in &self.oembed {
            out.push_str(&format!(
                "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\">",
                url(self.lang, path),
                escape_html(title)
            ));
        }
        out
    }
}

/// The absolute address of `path` in `lang`.
pub fn url(lang: Lang, path: &str) -> String {
    format!("{}{}{path}", CAMPAIGN.url, lang.prefix())
}

fn alternate(hreflang: &str, href: &str) -> String {
    format!("<link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{href}\">")
}

/// The head with `<html lang>` set to `lang`, however the minifier quoted it.
fn with_lang(head: &str, lang: Lang) -> String {
    let code = lang.code();
    ["<html lang=en>", "<html lang=\"en\">"]
        .into_iter()
        .find(|tag| head.contains(tag))
        .map(|tag| head.replacen(tag, &format!("<html lang=\"{code}\">"), 1))
        .expect("the staged index.html opens with <html lang=\"en\">")
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

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "<!doctype html><html lang=en><head><meta charset=utf-8><title>x</title>\
                        <meta name=description content=x></head>";

    fn all_but_ukrainian(lang: Lang) -> bool {
        lang != Lang::Uk
    }

    fn count(head: &str, needle: &str) -> usize {
        head.matches(needle).count()
    }

    #[test]
    fn a_page_names_itself_and_its_published_translations() {
        let head = Meta::case(Lang::Ru, "case/david-barnes/", "Дэвид Барнс", "…").apply(HEAD);
        assert!(
            head.starts_with("<!doctype html><html lang=\"ru\">"),
            "{head}"
        );
        assert!(head.contains("<title>Дэвид Барнс</title>"));
        let site = CAMPAIGN.url;
        for (hreflang, prefix) in [("en", ""), ("ru", "ru/"), ("uk", "uk/"), ("x-default", "")] {
            let link = format!("hreflang=\"{hreflang}\" href=\"{site}{prefix}case/david-barnes/\"");
            assert_eq!(count(&head, &link), 1, "{link} in {head}");
        }
        assert_eq!(count(&head, "property=\"og:title\""), 1);
        assert_eq!(count(&head, "property=\"og:locale\" content=\"ru_RU\""), 1);
        assert_eq!(count(&head, "og:locale:alternate"), 2);
        assert!(!head.contains("noindex"));
    }

    #[test]
    fn a_preview_language_stays_out_of_search_and_of_the_others_links() {
        let preview = Meta {
            published: all_but_ukrainian,
            ..Meta::page(Lang::Uk, "", "Left Behind", "…")
        };
        let head = preview.apply(HEAD);
        assert!(head.contains("<meta name=\"robots\" content=\"noindex\">"));
        assert!(!head.contains("hreflang"), "{head}");
        let published = Meta {
            published: all_but_ukrainian,
            ..Meta::page(Lang::Ru, "", "Left Behind", "…")
        };
        let head = published.apply(HEAD);
        assert!(!head.contains("hreflang=\"uk\""), "{head}");
        assert!(!head.contains("uk_UA"), "{head}");
        assert_eq!(count(&head, "hreflang="), 3, "en, ru and x-default");
    }

    #[test]
    fn a_widget_page_points_at_the_page_it_shows() {
        let head = Meta::widget(Lang::Uk, "widget/card/x.html", "x", "case/x/").apply(HEAD);
        let canonical = format!(
            "<link rel=\"canonical\" href=\"{}uk/case/x/\">",
            CAMPAIGN.url
        );
        assert!(head.contains(&canonical), "{head}");
        assert!(head.contains("noindex") && !head.contains("hreflang"));
    }

    #[test]
    fn a_page_with_an_image_says_so_once_with_its_size_and_words() {
        let head = Meta::case(Lang::Uk, "case/x/", "Х", "…")
            .image("preview/case/x.png".into(), "Х \"у\" <вартою>".into())
            .oembed("oembed/case/x.json".into(), "Х & Y".into())
            .apply(HEAD);
        let site = CAMPAIGN.url;
        for tag in [
            format!("<meta property=\"og:image\" content=\"{site}uk/preview/case/x.png\">"),
            "<meta property=\"og:image:width\" content=\"1200\">".into(),
            "<meta property=\"og:image:height\" content=\"630\">".into(),
            "<meta property=\"og:image:alt\" content=\"Х &quot;у&quot; &lt;вартою&gt;\">".into(),
            "<meta name=\"twitter:card\" content=\"summary_large_image\">".into(),
            format!(
                "<link rel=\"alternate\" type=\"application/json+oembed\" \
                 href=\"{site}uk/oembed/case/x.json\" title=\"Х &amp; Y\">"
            ),
        ] {
            assert_eq!(count(&head, &tag), 1, "{tag} in {head}");
        }
        assert_eq!(count(&head, "twitter:card"), 1);
        assert_eq!(count(&head, "property=\"og:image\""), 1);
    }
}
