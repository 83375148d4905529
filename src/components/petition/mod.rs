//! The petition: its ask, the signature counter, and the form with its
//! fields and thanks, each a module.

mod fields;
mod form;
mod thanks;

pub use fields::field_id;
pub use form::PetitionForm;

use crate::browser::clock::Clock;
use crate::components::{
    island::Island, use_content, use_live, use_page, widget::EmbedSection, words::Words,
};
use crate::core::data::PETITION_COUNT_URL;
use crate::core::embed::View;
use crate::core::island::IslandKind;
use crate::core::petition::signature::Signature;
use crate::core::route::PETITION_ANCHOR;
use leptos::prelude::*;

/// The path of the petition's own bundle from the site's root
/// (`/petition-<lang>-<hash>`, without `.js`), which the build provides so
/// the page can import it; content-hashed, so caches stay right.
#[derive(Clone, Copy)]
pub struct PetitionBundle(pub &'static str);

/// The share text the thanks offers, when the page's build wrote one (a
/// milestone reached lately leads it): the island's `data-share`. The bundle
/// is built once per language, not per build day, so the day's words come
/// with the page.
#[derive(Clone)]
pub struct ShareText(pub String);

/// The petition: its ask, naming the people from the data, and the form.
#[component]
pub fn Petition() -> impl IntoView {
    let t = use_page();
    let bundle = use_context::<PetitionBundle>().map(|b| b.0);
    let c = use_content();
    let ask = t.petition_ask(c.petition.ask, c.people);
    let share = use_context::<Clock>().and_then(|clock| t.share_text(c.people, clock.now()));
    view! {
        <section class="lb-petition" id=PETITION_ANCHOR aria-labelledby="lb-petition-heading">
            <h2 class="lb-cases__heading" id="lb-petition-heading"><Words text=c.petition.heading english=c.petition.in_english("heading")/></h2>
            <p class="lb-petition__ask" lang=c.petition.in_english("ask").then_some("en")>{ask}</p>
            {PETITION_COUNT_URL.map(|_| view! { <Island kind=IslandKind::PetitionCount><div class="lb-count" data-testid="petition-count"></div></Island> })}
            <Island kind={IslandKind::Petition} {..} data-bundle=bundle data-share=share>
                <PetitionForm live=false typed=Signature::default()/>
            </Island>
            <EmbedSection
                what=View::Petition
                name=t.embed_petition_name
                intro=t.embed_petition
                fallback=t.widget_petition
            />
        </section>
    }
}

/// "N of M signatures" and a progress bar, from the configured count URL.
#[component]
pub fn PetitionCount(
    /// Signatures so far.
    count: u64,
    /// The goal.
    goal: u64,
) -> impl IntoView {
    let line = use_live().signature_count(count, goal);
    view! {
        <div class="lb-count" data-testid="petition-count">
            <progress max=goal.to_string() value=count.to_string() aria-label=line.clone()></progress>
            <p class="lb-count__text">{line}</p>
        </div>
    }
}
