//! The signature form: its state, the submit rule, and the rows it is made of.

use super::fields::{field_id, Honeypot, ResidenceFields, TextField};
use super::thanks::ThankYou;
use crate::browser::{dom, signing::Status};
use crate::components::{use_content, use_form, words::Words};
use crate::core::petition::phase::Phase;
use crate::core::petition::signature::{Field, Residence, Signature};
use crate::core::petition::validate::{looks_automated, validate_for, Problem};
use leptos::either::Either;
use leptos::prelude::*;

/// The form's state, shared by its rows as one small `Copy` value.
#[derive(Clone, Copy)]
struct Form {
    signature: RwSignal<Signature>,
    outside_us: RwSignal<bool>,
    errors: RwSignal<Vec<(Field, Problem)>>,
    honeypot: RwSignal<String>,
    status: Status,
    /// A press of the prerendered button, in ms since the page started loading.
    pressed_at: StoredValue<Option<u64>>,
}

impl Form {
    /// The form as the person left the prerendered one.
    fn new(typed: Signature, pressed_at: Option<u64>, bait: String) -> Self {
        Form {
            outside_us: RwSignal::new(!typed.country.trim().is_empty()),
            signature: RwSignal::new(typed),
            errors: RwSignal::new(Vec::new()),
            honeypot: RwSignal::new(bait),
            status: Status {
                phase: RwSignal::new(Phase::Editing),
                notice: RwSignal::new(None),
                words: use_form(),
            },
            pressed_at: StoredValue::new(pressed_at),
        }
    }

    fn residence(self) -> Residence {
        Residence::outside_us(self.outside_us.get_untracked())
    }

    /// Re-checks one field, leaving the others' messages as they are.
    fn check(self, field: Field) {
        let problems = validate_for(&self.signature.get_untracked(), self.residence());
        self.errors.update(|e| {
            e.retain(|(f, _)| *f != field);
            e.extend(problems.into_iter().filter(|(f, _)| *f == field));
        });
    }

    /// Checks everything and sends, or shows the first problem and focuses it.
    fn submit(self) {
        let phase = self.status.phase;
        // Once sent or queued, the signature is on its way: another click
        // must not send a second one.
        if matches!(phase.get_untracked(), Phase::Sending | Phase::Queued) {
            return;
        }
        let residence = self.residence();
        let problems = validate_for(&self.signature.get_untracked(), residence);
        if let Some((first, _)) = problems.first() {
            let target = field_id(*first);
            self.errors.set(problems);
            dom::focus(target);
            return;
        }
        self.errors.set(Vec::new());
        self.status.notice.set(None);
        if looks_automated(&self.honeypot.get_untracked()) {
            // A bot sees the usual thank-you and nothing is sent: the only
            // thank-you without a delivered or queued signature.
            phase.set(Phase::Signed { already: false });
            return;
        }
        let fill_ms = self
            .pressed_at
            .try_update_value(Option::take)
            .flatten()
            .or_else(dom::page_ms);
        let signature = self.signature.get_untracked().for_residence(residence);
        self.status.deliver(signature, fill_ms);
    }
}

/// The signature form: validated on blur and on submit, delivered through the
/// outbox so that a bad network loses nothing and a double click sends once.
#[component]
pub fn PetitionForm(
    /// False in the prerendered page: the button waits for the petition bundle.
    live: bool,
    /// What the person typed before the form came alive.
    typed: Signature,
    /// When the person pressed "Sign" before the form came alive (ms since
    /// the page started loading): the form then sends at once, with that as
    /// the fill time.
    #[prop(default = None)]
    pressed_at: Option<u64>,
    /// What a script put in the honeypot before the form came alive.
    #[prop(optional)]
    bait: String,
) -> impl IntoView {
    let f = use_form();
    let form = Form::new(typed, pressed_at, bait);
    form.status.follow_the_outbox();
    let Form {
        signature, errors, ..
    } = form;
    let check = move |field: Field| form.check(field);
    let field =
        move |field: Field, label: &'static str, kind: &'static str, autocomplete: &'static str| {
            view! { <TextField field label kind autocomplete signature errors check/> }
        };
    move || match form.status.phase.get() {
        Phase::Signed { already } => Either::Left(view! { <ThankYou already/> }),
        _ => Either::Right(view! {
            // `data-live`: the page's own code leaves a live form's submit to it.
            <form
                class="lb-petition__form"
                novalidate
                data-live=live.then_some("")
                on:submit=move |ev| {
                    ev.prevent_default();
                    form.submit();
                }
            >
                <div class="lb-petition__row">
                    {field(Field::FirstName, f.first_name, "text", "given-name")}
                    {field(Field::LastName, f.last_name, "text", "family-name")}
                </div>
                {field(Field::Email, f.email, "email", "email")}
                <ResidenceFields outside_us=form.outside_us signature errors check/>
                <UpdatesField signature/>
                <Honeypot honeypot=form.honeypot/>
                <SubmitRow status=form.status live/>
                <p class="lb-petition__privacy"><Words text=use_content().petition.privacy english=use_content().petition.in_english("privacy")/></p>
            </form>
        }),
    }
}

/// "Keep me updated about the campaign".
#[component]
fn UpdatesField(
    /// The signature whose `updates` this sets.
    signature: RwSignal<Signature>,
) -> impl IntoView {
    let f = use_form();
    view! {
        <label class="lb-check">
            <input
                type="checkbox"
                id="lb-petition-updates"
                prop:checked=move || signature.with(|s| s.updates)
                on:change:target=move |ev| signature.update(|s| s.updates = ev.target().checked())
            />
            {f.keep_me_updated}
        </label>
    }
}

/// Where the signature stands ("Sending…", queued, the endpoint's message)
/// and the button.
#[component]
fn SubmitRow(
    /// The form's phase and message.
    status: Status,
    /// False in the prerendered page: the button waits for the bundle.
    live: bool,
) -> impl IntoView {
    let f = use_form();
    let Status { phase, notice, .. } = status;
    let sending = move || phase.get() == Phase::Sending;
    view! {
        <p class="lb-petition__status" role="status" data-testid="petition-status">
            {move || match phase.get() {
                Phase::Sending => Some(f.sending.to_string()),
                Phase::Queued => Some(f.queued.to_string()),
                _ => notice.get(),
            }}
        </p>
        <button
            type="submit"
            class="lb-button"
            disabled=!live
            // Not beside `disabled`, which says it already (HTML forbids both).
            aria-disabled=move || live.then(|| sending().to_string())
        >
            {move || if sending() { f.sending } else { f.sign }}
        </button>
    }
}
