//! The embeddable widget: a page per view under `widget/`, rendered by the
//! app's own components like the main page and run by the same WASM, and
//! `embed.js`, the loader partners include, filled in from the core
//! (`core::embed::loader`).

use left_behind::components::{
    card::Card,
    case_list::CaseList,
    petition::Petition,
    timeline::Timeline,
    use_content, use_page,
    widget::{Counter, Widget},
};
use left_behind::core::data;
use left_behind::core::embed::View;
use left_behind::core::lang::Lang;
use left_behind::core::route;
use left_behind::core::text;
use leptos::prelude::*;
use std::path::Path;

use super::{html, meta::Meta, oembed, preview};

/// The language's preview images of the main page and the timeline, and the
/// clock reading the case images were drawn at.
pub struct Previews<'a> {
    pub site: &'a preview::Preview,
    pub timeline: &'a preview::Preview,
    pub now: i64,
}

/// Writes `lang`'s widget pages into the staging directory `dir`, and with
/// English the loader. Each page shares as what it shows: a card or counter
/// as its case (image and oEmbed answer), the timeline as the timeline, the
/// rest as the site.
pub fn write(dir: &Path, head: &str, tail: &str, lang: Lang, previews: Previews) {
    let t = text::page(lang);
    // Links open on the site in a new tab rather than inside the frame.
    let base = format!("<base href=\"/{}\" target=\"_blank\">", lang.prefix());
    // Not for search engines (the main page is); `widget.js` applies the
    // options before the first paint.
    let widget_head = format!(
        "<meta name=\"robots\" content=\"noindex\"><script src=\"/widget.js\" integrity=\"{}\"></script></head>",
        super::head::integrity_of(&dir.join("widget.js"))
    );
    let page = |view: View, title: &str, body: String| {
        let shows = match view {
            View::Card(id) | View::Counter(id) => route::case_page(id),
            _ => String::new(),
        };
        let (image, alt) = match view {
            View::Card(id) | View::Counter(id) => {
                let person = data::content(lang)
                    .people
                    .iter()
                    .find(|p| p.id == id)
                    .expect("a widget shows a person in the data");
                let alt = preview::CaseText::of(person, previews.now, lang).alt();
                (preview::case_path(id), alt)
            }
            View::Timeline => (preview::TIMELINE_PATH.into(), previews.timeline.alt.clone()),
            View::Cards | View::Petition => (preview::SITE_PATH.into(), previews.site.alt.clone()),
        };
        let page = view.page();
        let mut meta = Meta::widget(lang, &page, title, &shows).image(image, alt);
        if matches!(view, View::Card(_) | View::Timeline | View::Petition) {
            meta = meta.oembed(oembed::path(view), title.into());
        }
        let head = meta.apply(head);
        let head = super::head::with_base(&head, &base).replacen("</head>", &widget_head, 1);
        let path = dir.join(lang.prefix()).join(page);
        std::fs::create_dir_all(path.parent().expect("widget pages are in a directory"))
            .expect("create the widget directory");
        std::fs::write(
            path,
            format!("{head}<body class=\"lb-widget-page\">{body}{tail}"),
        )
        .expect("write a widget page");
    };
    for person in data::content(lang).people {
        let title = t.widget_case_link(person.name);
        let card = View::Card(person.id);
        page(
            card,
            &title,
            html(
                lang,
                || view! { <Widget view=card ticking=true><Card person/></Widget> },
            ),
        );
        let counter = View::Counter(person.id);
        let line = html(
            lang,
            || view! { <Widget view=counter credit=false><Counter person/></Widget> },
        );
        page(counter, &title, line);
    }
    page(View::Cards, t.widget_cards, html(lang, cards));
    let timeline = html(
        lang,
        || view! { <Widget view=View::Timeline ticking=true><Timeline/></Widget> },
    );
    page(View::Timeline, t.widget_timeline, timeline);
    let petition = html(
        lang,
        || view! { <Widget view=View::Petition><Petition/></Widget> },
    );
    page(View::Petition, t.widget_petition, petition);
    if lang != Lang::En {
        return;
    }
    let loader = left_behind::core::embed::loader(include_str!("../../../public/embed.js"));
    std::fs::write(dir.join("embed.js"), loader).expect("write embed.js");
}

/// Every card, the campaign's first; `widget.js` keeps those the partner
/// lists in `data-cases` and names any it does not know.
fn cards() -> impl IntoView {
    let t = use_page();
    let (campaign, tracked): (Vec<_>, Vec<_>) =
        use_content().people.iter().partition(|p| p.campaign);
    view! {
        <Widget view=View::Cards ticking=true>
            <CaseList heading=t.campaign_cases_heading id="lb-campaign" featured=true people=campaign/>
            <CaseList heading=t.tracked_cases_heading id="lb-tracked" people=tracked/>
            <p class="lb-widget__missing" hidden>
                {t.widget_not_found}
                " "
                <span class="lb-widget__missing-ids"></span>
            </p>
        </Widget>
    }
}
