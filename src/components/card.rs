use crate::components::{
    exchange_link::ExchangeLink,
    island::Island,
    left_behind::LeftBehind,
    sentence::Sentence,
    sources::Sources,
    story::Story,
    timer::Timer,
    widget::{in_widget, EmbedAction},
};
use crate::core::island::IslandKind;
use crate::core::model::{Person, Standing, Status};
use crate::core::route::Route;
use crate::core::text;
use leptos::prelude::*;

/// One person's profile card: who, since when, why, and on whose reporting.
#[component]
pub fn Card(
    /// The person this card is about.
    person: &'static Person,
) -> impl IntoView {
    let anchor = person.anchor();
    let spec = person.timer;
    let name_id = format!("{anchor}-name");
    let labelled_by = name_id.clone();
    view! {
        <article
            class=if person.is_detained() { "lb-card" } else { "lb-card lb-card--released" }
            id=anchor.clone()
            data-case=person.id
            tabindex="-1"
            aria-labelledby=labelled_by
        >
            <header class="lb-card__head">
                <span class="lb-card__avatar" aria-hidden="true">{person.initials}</span>
                <div>
                    <h3 class="lb-card__name" id=name_id>{person.name}</h3>
                    <p class="lb-card__tagline">{person.tagline}</p>
                    <p class="lb-card__about">{person.about}</p>
                </div>
            </header>
            <StatusLine person/>
            <Island kind=IslandKind::Timer case=person.id>
                <Timer spec/>
            </Island>
            // "Left behind" claims the person is still held.
            {(person.standing() == Standing::Held)
                .then(|| {
                    view! {
                        <Island kind=IslandKind::LeftBehind case=person.id>
                            <LeftBehind spec/>
                        </Island>
                    }
                })}
            <Facts person/>
            <Story paragraphs=person.story/>
            <Sources sources=person.sources/>
            <footer class="lb-card__actions">
                <a class="lb-card__permalink" href=Route::Case(person.id).href()>
                    {text::LINK_TO_CASE}
                    <span class="lb-sr-only">": " {person.name}</span>
                </a>
                {(!in_widget()).then(|| view! { <EmbedAction person/> }.into_any())}
            </footer>
        </article>
    }
}

/// The status badge, the record's dates, and how the person came home or
/// what is known of their status.
#[component]
fn StatusLine(
    /// Whose status to show.
    person: &'static Person,
) -> impl IntoView {
    let standing = person.standing();
    let (said, exchange) = match person.status {
        Status::Detained { note, .. } => (note.map(str::to_string), None),
        Status::Released {
            date,
            how,
            exchange,
            ..
        } => (Some(text::freed(date, how)), exchange),
    };
    view! {
        <p class="lb-card__status">
            <span class=match standing {
                Standing::Held => "lb-badge",
                Standing::LastReported(_) => "lb-badge lb-badge--unconfirmed",
                Standing::Home(_) => "lb-badge lb-badge--released",
            }>{text::badge(standing)}</span>
            " "
            <span class="lb-card__asof">{text::record_dates(person.as_of, person.checked)}</span>
        </p>
        <p class="lb-card__freed">
            {said} " "
            {exchange.map(|id| view! { <ExchangeLink id/> })}
        </p>
    }
}

/// Arrest, charge, sentence and designation as a definition list.
#[component]
fn Facts(
    /// Whose facts to list.
    person: &'static Person,
) -> impl IntoView {
    let arrest = &person.arrest;
    let designation = &person.designation;
    view! {
        <dl class="lb-card__facts">
            <dt>{text::ARRESTED}</dt>
            <dd>
                <time datetime=arrest.date.iso()>{text::date(arrest.date)}</time>
                ", "
                {arrest.place}
                <span class="lb-card__note">{arrest.note}</span>
            </dd>
            <dt>{text::CHARGE}</dt>
            <dd>{person.charge}</dd>
            <dt>{text::SENTENCE}</dt>
            <dd>
                <Sentence person/>
            </dd>
            <dt>{text::DESIGNATION}</dt>
            <dd>
                {text::designation_label(designation.status)}
                {designation.date.map(text::in_parentheses)}
                <span class="lb-card__note">{designation.note}</span>
            </dd>
        </dl>
    }
}
