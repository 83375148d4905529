//! oEmbed answers, written as static JSON: an editor that pastes a case
//! link (or the timeline's, or the petition's) into an oEmbed-aware tool
//! finds the page's `<link rel="alternate" type="application/json+oembed">`
//! and gets an `<iframe>` of the widget's page, with no script (most
//! consumers strip scripts) and the preview image as its thumbnail.
//!
//! A frame has the size the answer gives it, with nothing to resize it: the
//! widget shows its compact view, and a card longer than the frame scrolls
//! inside it, its name, status and count first.

use left_behind::core::embed::View;
use left_behind::core::lang::Lang;
use left_behind::core::petition::payload::json_string;
use left_behind::core::text::escape_html;

use super::{meta::url, preview};

/// The frame's width: the widget's cards are laid out for a column this wide.
pub const WIDTH: u32 = 480;

/// Where the answer for `view` lives below its language's prefix.
pub fn path(view: View) -> String {
    match view {
        View::Card(id) | View::Counter(id) => format!("oembed/case/{id}.json"),
        View::Cards => "oembed/cards.json".into(),
        View::Timeline => "oembed/timeline.json".into(),
        View::Petition => "oembed/petition.json".into(),
    }
}

/// The frame's height for `view`: the whole petition form, or the head of a
/// card or of the timeline (the rest scrolls within).
fn height(view: View) -> u32 {
    match view {
        View::Petition => 900,
        View::Counter(_) => 48,
        _ => 640,
    }
}

/// The oEmbed 1.0 answer for `view` in `lang`, titled `title`, with the
/// preview image at `thumbnail` (below the language's prefix).
pub fn answer(lang: Lang, view: View, title: &str, thumbnail: &str) -> String {
    let (width, height) = (WIDTH, height(view));
    let src = format!("{}#compact=true", url(lang, &view.page()));
    let html = format!(
        "<iframe src=\"{}\" width=\"{width}\" height=\"{height}\" title=\"{}\" \
         style=\"border:0;max-width:100%\" loading=\"lazy\" \
         sandbox=\"allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox\"></iframe>",
        escape_html(&src),
        escape_html(title)
    );
    let mut out = String::from("{\"version\":\"1.0\",\"type\":\"rich\",\"provider_name\":\"Left Behind\",\"provider_url\":");
    json_string(&mut out, &url(lang, ""));
    out.push_str(",\"title\":");
    json_string(&mut out, title);
    out.push_str(",\"html\":");
    json_string(&mut out, &html);
    out.push_str(&format!(
        ",\"width\":{width},\"height\":{height},\"thumbnail_url\":"
    ));
    json_string(&mut out, &url(lang, thumbnail));
    out.push_str(&format!(
        ",\"thumbnail_width\":{},\"thumbnail_height\":{}}}",
        preview::WIDTH,
        preview::HEIGHT
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use left_behind::core::data::CAMPAIGN;

    /// The string value of `"key":"…"` in flat JSON, unescaped as far as
    /// these answers escape (`\"`, `\\`, `\u00XX`).
    fn string_field(json: &str, key: &str) -> Option<String> {
        let start = json.find(&format!("\"{key}\":\""))? + key.len() + 4;
        let mut out = String::new();
        let mut chars = json[start..].chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => return Some(out),
                '\\' => match chars.next()? {
                    'u' => {
                        let hex: String = chars.by_ref().take(4).collect();
                        out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                    }
                    other => out.push(other),
                },
                _ => out.push(c),
            }
        }
        None
    }

    #[test]
    fn a_case_answer_is_a_rich_oembed_1_0_framing_the_card_without_script() {
        let json = answer(
            Lang::Ru,
            View::Card("david-barnes"),
            "Дэвид \"Барнс\" <тест>",
            "preview/case/david-barnes.png",
        );
        let site = CAMPAIGN.url;
        assert!(json.starts_with('{') && json.ends_with('}'), "{json}");
        assert_eq!(string_field(&json, "version").as_deref(), Some("1.0"));
        assert_eq!(string_field(&json, "type").as_deref(), Some("rich"));
        assert_eq!(
            string_field(&json, "provider_name").as_deref(),
            Some("Left Behind")
        );
        assert_eq!(
            string_field(&json, "provider_url"),
            Some(format!("{site}ru/"))
        );
        assert_eq!(
            string_field(&json, "title").as_deref(),
            Some("Дэвид \"Барнс\" <тест>")
        );
        assert_eq!(
            string_field(&json, "thumbnail_url"),
            Some(format!("{site}ru/preview/case/david-barnes.png"))
        );
        for number in [
            "\"width\":480",
            "\"height\":640",
            "\"thumbnail_width\":1200",
            "\"thumbnail_height\":630",
        ] {
            assert!(json.contains(number), "{number} in {json}");
        }
        let html = string_field(&json, "html").expect("an html field");
        assert!(
            html.starts_with(&format!(
                "<iframe src=\"{site}ru/widget/card/david-barnes.html#compact=true\""
            )),
            "{html}"
        );
        assert!(html.ends_with("></iframe>"));
        assert!(!html.contains("<script"), "consumers strip scripts");
        assert!(html.contains("title=\"Дэвид &quot;Барнс&quot; &lt;тест&gt;\""));
        // Nothing in the JSON could close a script or a tag it is inlined in.
        assert!(!json.contains('<') && !json.contains('>'));
    }

    #[test]
    fn each_view_has_its_own_answer() {
        assert_eq!(path(View::Card("x")), "oembed/case/x.json");
        assert_eq!(path(View::Timeline), "oembed/timeline.json");
        assert_eq!(path(View::Petition), "oembed/petition.json");
    }
}
