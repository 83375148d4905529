use crate::browser::clock::use_clock;
use crate::components::use_page;
use crate::components::{
    badge::Badge,
    exchange_link::ExchangeLink,
    island::Island,
    left_behind::LeftBehind,
    sentence::Sentence,
    sources::Sources,
    story::Story,
    timer::Timer,
    widget::{in_widget, EmbedAction},
    words::Words,
};
use crate::core::island::IslandKind;
use crate::core::milestone;
use crate::core::model::{Person, Standing, Status};
use crate::core::route::{case_page, Route};
use leptos::either::Either;
use leptos::prelude::*;

/// One person's profile card: who, since when, why, and on whose reporting.
/// Compact on the main page (what a visitor needs to care, and a link to the
/// full record); whole on the person's own page and in widgets.
#[component]
pub fn Card(
    /// The person this card is about.
    person: &'static Person,
    /// Only the key facts, with a "Full record" link to the case page.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let anchor = person.anchor();
    let spec = person.timer;
    let name_id = format!("{anchor}-name");
    let labelled_by = name_id.clone();
    view! {
        <article
            class=match (person.is_detained(), compact) {
                (true, false) => "lb-card",
                (true, true) => "lb-card lb-card--compact",
                (false, false) => "lb-card lb-card--released",
                (false, true) => "lb-card lb-card--released lb-card--compact",
            }
            id=anchor.clone()
            data-case=person.id
            tabindex="-1"
            aria-labelledby=labelled_by
        >
            <header class="lb-card__head">
                <span class="lb-card__avatar" aria-hidden="true">{person.initials}</span>
                <div>
                    <h3 class="lb-card__name" id=name_id lang=person.in_english("name").then_some("en")>{person.name}</h3>
                    <p class="lb-card__tagline"><Words text=person.tagline english=person.in_english("tagline")/></p>
                    {(!compact).then(|| view! { <p class="lb-card__about"><Words text=person.about english=person.in_english("about")/></p> })}
                </div>
            </header>
            <StatusLine person compact/>
            <Island kind=IslandKind::Timer case=person.id>
                <Timer spec/>
            </Island>
            <Milestones person/>
            // "Left behind" claims the person is still held.
            {(!compact && person.standing() == Standing::Held)
                .then(|| {
                    view! {
                        <Island kind=IslandKind::LeftBehind case=person.id>
                            <LeftBehind spec/>
                        </Island>
                    }
                })}
            <Facts person compact/>
            {if compact { Either::Left(view! { <FullRecord person/> }) } else { Either::Right(view! { <Record person/> }) }}
        </article>
    }
}

/// The last milestone passed and the next, with their dates, as of the
/// build: "1,500 days on 21 February 2026 · 5 years on 13 January 2027". Not
/// live: its dates stay true as the days pass, and the page's first view
/// carries one short line for it. None for an arrest day not known.
#[component]
fn Milestones(
    /// Whose milestones.
    person: &'static Person,
) -> impl IntoView {
    let now = use_clock().now();
    use_page()
        .milestones(milestone::around(person.timer, now))
        .map(|line| view! { <p class="lb-card__milestones">{line}</p> })
}

/// The rest of the record, on the case page: story, sources, and the links
/// to share and embed the card.
#[component]
fn Record(
    /// Whose record.
    person: &'static Person,
) -> impl IntoView {
    let t = use_page();
    view! {
        <Story paragraphs=person.story english=person.in_english("story")/>
        <Sources sources=person.sources/>
        <footer class="lb-card__actions">
            <a class="lb-card__permalink" href=Route::Case(person.id).href()>
                {t.link_to_case}
                <span class="lb-sr-only">": " {person.name}</span>
            </a>
            {(!in_widget()).then(|| view! { <EmbedAction person/> }.into_any())}
        </footer>
    }
}

/// "Full record": a plain link to the person's own page, which holds
/// everything the compact card leaves out.
#[component]
fn FullRecord(
    /// Whose record.
    person: &'static Person,
) -> impl IntoView {
    let t = use_page();
    view! {
        <footer class="lb-card__actions">
            <a class="lb-card__more" href=case_page(person.id) aria-label=t.full_record_of(person.name)>
                {t.full_record}
            </a>
        </footer>
    }
}

/// The status badge, the record's dates, and when the person came home; on
/// the full card also how, or what is known of their status.
#[component]
fn StatusLine(
    /// Whose status to show.
    person: &'static Person,
    /// Leaves out how a person came home and the note on a detained status.
    compact: bool,
) -> impl IntoView {
    let t = use_page();
    let standing = person.standing();
    // What the sources say: how they came home, or what is known of the
    // status, each in the data's words.
    let (freed, said, exchange) = match person.status {
        Status::Detained { note, .. } => (None, note.map(|n| (n, "status.note")), None),
        Status::Released {
            date,
            how,
            exchange,
            ..
        } => (Some(t.freed_on(date)), Some((how, "status.how")), exchange),
    };
    let said = said
        .filter(|_| !compact)
        .map(|(text, key)| view! { <Words text english=person.in_english(key)/> });
    view! {
        <p class="lb-card__status">
            <Badge standing/>
            " "
            <span class="lb-card__asof">{t.record_dates(person.as_of, person.checked)}</span>
        </p>
        {(freed.is_some() || said.is_some() || exchange.is_some()).then(|| view! {
            <p class="lb-card__freed">
                {freed} " " {said} " "
                {exchange.map(|id| view! { <ExchangeLink id/> })}
            </p>
        })}
    }
}

/// Arrest, charge, sentence and designation as a definition list; compact,
/// the arrest, the sentence as it stands and the designation, without notes.
#[component]
fn Facts(
    /// Whose facts to list.
    person: &'static Person,
    /// Only the key facts.
    compact: bool,
) -> impl IntoView {
    let t = use_page();
    let arrest = &person.arrest;
    let designation = &person.designation;
    let note = move |note: Option<&'static str>, key: &str| {
        let english = person.in_english(key);
        (!compact).then(|| view! { <span class="lb-card__note">{note.map(|text| view! { <Words text english/> })}</span> })
    };
    let sentence = if compact {
        Either::Left(person.current_sentence())
    } else {
        Either::Right(view! { <Sentence person/> })
    };
    view! {
        <dl class="lb-card__facts">
            <dt>{t.arrested}</dt>
            <dd>
                <time datetime=arrest.date.iso()>{t.date(arrest.date)}</time>
                ", "
                <Words text=arrest.place english=person.in_english("arrest.place")/>
                {note(arrest.note, "arrest.note")}
            </dd>
            {(!compact).then(|| view! { <dt>{t.charge}</dt><dd><Words text=person.charge english=person.in_english("charge")/></dd> })}
            <dt>{t.sentence}</dt>
            <dd>{sentence}</dd>
            <dt>{t.designation}</dt>
            <dd>
                {t.designation_label(designation.status)}
                {designation.date.map(|d| t.in_parentheses(d))}
                {note(designation.note, "designation.note")}
            </dd>
        </dl>
    }
}
