use crate::components::{use_page, words::Words};
use crate::core::model::Person;
use leptos::prelude::*;

/// The sentence as it stands, how it changed, and who reported each change.
#[component]
pub fn Sentence(
    /// Whose sentence to show.
    person: &'static Person,
) -> impl IntoView {
    let t = use_page();
    let steps = person.sentence.iter().enumerate().map(|(i, step)| {
        let source = &person.sources[step.source];
        let english = |field: &str| person.in_english(&format!("sentence.{i}.{field}"));
        let mut when = step
            .date
            .map_or_else(|| t.date_not_reported.to_string(), |d| t.date(d));
        // Russian and Ukrainian dates end in «г.» / «р.» already.
        if !when.ends_with('.') {
            when.push('.');
        }
        view! {
            <li>
                <strong><Words text=step.term english=english("term")/></strong>
                " · "
                {when}
                " "
                <Words text=step.event english=english("event")/>
                " "
                {step.note.map(|text| view! { <Words text english=english("note")/> })}
                " "
                <a href=source.url rel="noopener noreferrer">{source.outlet}</a>
            </li>
        }
    });
    // Empty parts stay in the markup and are hidden by CSS (`:empty`, `hidden`):
    // one fixed shape renders cheaper than a branch per optional part.
    view! {
        <div class="lb-sentence">
            <p class="lb-sentence__path">{person.sentence_path}</p>
            <p class="lb-sentence__note">{person.sentence_note.map(|text| view! { <Words text english=person.in_english("sentence_note")/> })}</p>
            <details class="lb-sentence__history" hidden=person.sentence.is_empty()>
                <summary>{t.sentence_history}</summary>
                <ol>{steps.collect_view()}</ol>
            </details>
        </div>
    }
}
