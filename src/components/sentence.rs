use crate::model::Person;
use crate::text;
use leptos::prelude::*;

/// The sentence as it stands, how it changed, and who reported each change.
#[component]
pub fn Sentence(
    /// Whose sentence to show.
    person: &'static Person,
) -> impl IntoView {
    let history = (!person.sentence.is_empty()).then(|| {
        let steps = person.sentence.iter().map(|step| {
            let source = &person.sources[step.source];
            let when = step.date.map(|d| view! { <time datetime=d.iso()>{text::date(d)}</time> });
            let unknown = step.date.is_none().then_some(text::DATE_NOT_REPORTED);
            view! {
                <li>
                    <strong>{step.term}</strong> " · " {when} {unknown} ". " {step.event} " "
                    {step.note.map(|n| view! { <em>{n}</em> " " })}
                    <a href=source.url rel="noopener noreferrer">{source.outlet}</a>
                </li>
            }
        });
        view! {
            <details class="lb-sentence__history">
                <summary>{text::SENTENCE_HISTORY}</summary>
                <ol>{steps.collect_view()}</ol>
            </details>
        }
    });
    view! {
        <div class="lb-sentence">
            {person.sentence_path().map(|path| view! { <p class="lb-sentence__path">{path}</p> })}
            {person.sentence_note.map(|note| view! { <p class="lb-sentence__note">{note}</p> })}
            {history}
        </div>
    }
}
