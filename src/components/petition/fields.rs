//! The form's inputs: a labelled text field with its error, the residence
//! fields (ZIP code, or a country outside the US), and the honeypot.

use crate::components::use_form;
use crate::core::petition::signature::{Field, Signature};
use crate::core::petition::validate::Problem;
use leptos::prelude::*;

/// The id of a field's input, which the prerendered form and the live one
/// share (the live form takes over what was typed by it).
pub fn field_id(field: Field) -> &'static str {
    match field {
        Field::FirstName => "lb-petition-first-name",
        Field::LastName => "lb-petition-last-name",
        Field::Email => "lb-petition-email",
        Field::Zip => "lb-petition-zip",
        Field::Country => "lb-petition-country",
    }
}

/// One labelled text input with its error message tied to it.
#[component]
pub fn TextField(
    /// Which signature field this edits.
    field: Field,
    /// Visible label.
    label: &'static str,
    /// The input's type ("text", "email").
    kind: &'static str,
    /// The autocomplete token that lets browsers fill it in.
    autocomplete: &'static str,
    /// The signature being typed.
    signature: RwSignal<Signature>,
    /// Current problems, by field.
    errors: RwSignal<Vec<(Field, Problem)>>,
    /// Re-checks this field (on blur).
    check: impl Fn(Field) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let id = field_id(field);
    let error_id = format!("{id}-error");
    let words = use_form();
    let message = move || {
        errors.with(|e| {
            e.iter()
                .find(|(f, _)| *f == field)
                .map(|(_, p)| words.problem(field, *p))
        })
    };
    view! {
        <div class="lb-field">
            <label for=id>{label}</label>
            <input
                id=id
                type=kind
                autocomplete=autocomplete
                prop:value=move || signature.with(|s| s.text(field).to_string())
                on:input:target=move |ev| {
                    signature.update(|s| *s.text_mut(field) = ev.target().value());
                    // A shown error goes as soon as the value is right, so it
                    // does not vanish on blur and shift the button under the
                    // pointer mid-click.
                    if message().is_some() {
                        check(field);
                    }
                }
                on:blur=move |_| check(field)
                aria-invalid=move || message().is_some().to_string()
                aria-describedby=error_id.clone()
            />
            <p class="lb-field__error" id=error_id>{message}</p>
        </div>
    }
}

/// "I live outside the United States", and the ZIP code or the country it
/// calls for: only the one that applies is shown and sent.
#[component]
pub fn ResidenceFields(
    /// Whether the person lives outside the US.
    outside_us: RwSignal<bool>,
    /// The signature being typed.
    signature: RwSignal<Signature>,
    /// Current problems, by field.
    errors: RwSignal<Vec<(Field, Problem)>>,
    /// Re-checks a field (on blur).
    check: impl Fn(Field) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let f = use_form();
    view! {
        <label class="lb-check">
            <input
                type="checkbox"
                prop:checked=move || outside_us.get()
                on:change:target=move |ev| outside_us.set(ev.target().checked())
            />
            {f.outside_us}
        </label>
        <div hidden=move || outside_us.get()>
            <TextField field=Field::Zip label=f.zip kind="text" autocomplete="postal-code" signature errors check/>
        </div>
        <div hidden=move || !outside_us.get()>
            <TextField field=Field::Country label=f.country kind="text" autocomplete="country-name" signature errors check/>
        </div>
    }
}

/// A field people never see, hear or reach and browsers never fill, so that
/// only a script fills it in.
#[component]
pub fn Honeypot(
    /// What was typed into it.
    honeypot: RwSignal<String>,
) -> impl IntoView {
    let f = use_form();
    // Browsers' autofill decides what a field is from its name, id, label,
    // placeholder and autocomplete token; this one has no name, id or
    // placeholder, and its label (f.honeypot_label) names no kind of
    // personal data, so autofill sees nothing it knows and fills nothing,
    // and `autocomplete="off"` says the same outright. Off-screen (CSS) and
    // out of the tab order, people never reach it; `aria-hidden` keeps screen
    // readers from announcing it.
    view! {
        <div class="lb-petition__hp" aria-hidden="true">
            <label>
                {f.honeypot_label}
                <input
                    type="text"
                    tabindex="-1"
                    autocomplete="off"
                    prop:value=move || honeypot.get()
                    on:input:target=move |ev| honeypot.set(ev.target().value())
                />
            </label>
        </div>
    }
}
