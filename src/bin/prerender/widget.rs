//! The embeddable widget: a page per view under `widget/`, rendered by the
//! app's own components like the main page and run by the same WASM, and
//! `embed.js`, the loader partners include, filled in from the core
//! (`core::embed::loader`).

use left_behind::components::{
    card::Card,
    case_list::CaseList,
    petition::Petition,
    timeline::Timeline,
    widget::{Counter, Widget},
};
use left_behind::core::data::PEOPLE;
use left_behind::core::embed::View;
use left_behind::core::text;
use leptos::prelude::*;
use std::path::Path;

use super::html;

/// Links open on the site in a new tab rather than inside the frame.
const WIDGET_BASE: &str = "<base href=\"/\" target=\"_blank\">";

/// Writes every widget page and the loader into the staging directory `dir`.
pub fn write(dir: &Path, head: &str, tail: &str) {
    // Not for search engines (the main page is); `widget.js` applies the
    // options before the first paint.
    let widget_head = format!(
        "<meta name=\"robots\" content=\"noindex\"><script src=\"/widget.js\" integrity=\"{}\"></script></head>",
        super::head::integrity_of(&dir.join("widget.js"))
    );
    let page = |view: View, title: &str, body: String| {
        let head = super::replace_between(head, "<title>", "</title>", &text::escape_html(title));
        let head = super::head::with_base(&head, WIDGET_BASE).replacen("</head>", &widget_head, 1);
        let path = dir.join(view.page());
        std::fs::create_dir_all(path.parent().expect("widget pages are in a directory"))
            .expect("create the widget directory");
        std::fs::write(
            path,
            format!("{head}<body class=\"lb-widget-page\">{body}{tail}"),
        )
        .expect("write a widget page");
    };
    for person in PEOPLE {
        let title = text::widget_case_link(person.name);
        let card = View::Card(person.id);
        page(
            card,
            &title,
            html(|| view! { <Widget view=card ticking=true><Card person/></Widget> }),
        );
        let counter = View::Counter(person.id);
        let line = html(|| view! { <Widget view=counter credit=false><Counter person/></Widget> });
        page(counter, &title, line);
    }
    page(View::Cards, text::WIDGET_CARDS, html(cards));
    let timeline = html(|| view! { <Widget view=View::Timeline ticking=true><Timeline/></Widget> });
    page(View::Timeline, text::WIDGET_TIMELINE, timeline);
    let petition = html(|| view! { <Widget view=View::Petition><Petition/></Widget> });
    page(View::Petition, text::WIDGET_PETITION, petition);
    let loader = left_behind::core::embed::loader(include_str!("../../../public/embed.js"));
    std::fs::write(dir.join("embed.js"), loader).expect("write embed.js");
}

/// Every card, the campaign's first; `widget.js` keeps those the partner
/// lists in `data-cases` and names any it does not know.
fn cards() -> impl IntoView {
    let (campaign, tracked): (Vec<_>, Vec<_>) = PEOPLE.iter().partition(|p| p.campaign);
    view! {
        <Widget view=View::Cards ticking=true>
            <CaseList heading=text::CAMPAIGN_CASES_HEADING id="lb-campaign" featured=true people=campaign/>
            <CaseList heading=text::TRACKED_CASES_HEADING id="lb-tracked" people=tracked/>
            <p class="lb-widget__missing" hidden>
                {text::WIDGET_NOT_FOUND}
                " "
                <span class="lb-widget__missing-ids"></span>
            </p>
        </Widget>
    }
}
