use crate::components::{island::Island, widget::EmbedSection};
use crate::data::{PEOPLE, PETITION, PETITION_COUNT_URL};
use crate::petition::phase::Phase;
use crate::petition::signature::{Field, Residence, Signature};
use crate::petition::validate::{looks_automated, validate_for, Problem};
use crate::text;
use crate::widget::View;
use leptos::either::Either;
use leptos::prelude::*;

/// The name of the petition's own bundle (`petition-<hash>`), which the build
/// provides so the page can import it; content-hashed, so caches stay right.
#[derive(Clone, Copy)]
pub struct PetitionBundle(pub &'static str);

/// The petition: its ask, naming the people from the data, and the form.
#[component]
pub fn Petition() -> impl IntoView {
    let bundle = use_context::<PetitionBundle>().map(|b| b.0);
    let ask = text::petition_ask(PETITION.ask, PEOPLE);
    view! {
        <section class="lb-petition" id="lb-petition" aria-labelledby="lb-petition-heading">
            <h2 class="lb-cases__heading" id="lb-petition-heading">{PETITION.heading}</h2>
            <p class="lb-petition__ask">{ask}</p>
            {PETITION_COUNT_URL.map(|_| view! { <Island kind="petition-count"><div class="lb-count"></div></Island> })}
            <Island kind="petition" {..} data-bundle=bundle>
                <PetitionForm source=None live=false typed=Signature::default()/>
            </Island>
            <EmbedSection
                what=View::Petition
                name=text::EMBED_PETITION_NAME
                intro=text::EMBED_PETITION
                fallback=text::WIDGET_PETITION
            />
        </section>
    }
}

fn field_id(field: Field) -> &'static str {
    match field {
        Field::FirstName => "lb-petition-first-name",
        Field::LastName => "lb-petition-last-name",
        Field::Email => "lb-petition-email",
        Field::Zip => "lb-petition-zip",
        Field::Country => "lb-petition-country",
    }
}

/// The signature form: validated on blur and on submit, delivered through the
/// outbox so that a bad network loses nothing and a double click sends once.
#[component]
pub fn PetitionForm(
    /// Where the signature comes from (a partner's widget), sent with it.
    source: Option<&'static str>,
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
    let outside_us = RwSignal::new(!typed.country.trim().is_empty());
    let signature = RwSignal::new(typed);
    let errors = RwSignal::new(Vec::<(Field, Problem)>::new());
    let honeypot = RwSignal::new(bait);
    let phase = RwSignal::new(Phase::Editing);
    let notice = RwSignal::new(None::<String>);
    let pressed_at = StoredValue::new(pressed_at);
    follow_the_outbox(phase, notice);

    let check = move |field: Field| {
        let residence = Residence::outside_us(outside_us.get_untracked());
        let problems = validate_for(&signature.get_untracked(), residence);
        errors.update(|e| {
            e.retain(|(f, _)| *f != field);
            e.extend(problems.into_iter().filter(|(f, _)| *f == field));
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Once sent or queued, the signature is on its way: another click
        // must not send a second one.
        if matches!(phase.get_untracked(), Phase::Sending | Phase::Queued) {
            return;
        }
        let residence = Residence::outside_us(outside_us.get_untracked());
        let problems = validate_for(&signature.get_untracked(), residence);
        if let Some((first, _)) = problems.first() {
            let target = field_id(*first);
            errors.set(problems);
            focus(target);
            return;
        }
        errors.set(Vec::new());
        notice.set(None);
        if looks_automated(&honeypot.get_untracked()) {
            // A bot sees the usual thank-you and nothing is sent: the only
            // thank-you without a delivered or queued signature.
            phase.set(Phase::Signed { already: false });
            return;
        }
        let fill_ms = pressed_at
            .try_update_value(Option::take)
            .flatten()
            .or_else(page_ms);
        phase.set(Phase::Sending);
        deliver(
            signature.get_untracked().for_residence(residence),
            source,
            fill_ms,
            phase,
            notice,
        );
    };
    let field =
        move |f: Field, label: &'static str, kind: &'static str, autocomplete: &'static str| {
            view! { <TextField field=f label kind autocomplete signature errors check/> }
        };

    move || match phase.get() {
        Phase::Signed { already } => Either::Left(view! { <ThankYou already/> }),
        _ => Either::Right(view! {
            // `data-live`: the page's own code leaves a live form's submit to it.
            <form class="lb-petition__form" novalidate data-live=live.then_some("") on:submit=submit>
                <div class="lb-petition__row">
                    {field(Field::FirstName, text::FIRST_NAME, "text", "given-name")}
                    {field(Field::LastName, text::LAST_NAME, "text", "family-name")}
                </div>
                {field(Field::Email, text::EMAIL, "email", "email")}
                <label class="lb-check">
                    <input
                        type="checkbox"
                        prop:checked=move || outside_us.get()
                        on:change:target=move |ev| outside_us.set(ev.target().checked())
                    />
                    {text::OUTSIDE_US}
                </label>
                <div hidden=move || outside_us.get()>{field(Field::Zip, text::ZIP, "text", "postal-code")}</div>
                <div hidden=move || !outside_us.get()>{field(Field::Country, text::COUNTRY, "text", "country-name")}</div>
                <label class="lb-check">
                    <input
                        type="checkbox"
                        id="lb-petition-updates"
                        prop:checked=move || signature.with(|s| s.updates)
                        on:change:target=move |ev| signature.update(|s| s.updates = ev.target().checked())
                    />
                    {text::KEEP_ME_UPDATED}
                </label>
                <Honeypot honeypot/>
                <p class="lb-petition__status" role="status">
                    {move || match phase.get() {
                        Phase::Sending => Some(text::SENDING.to_string()),
                        Phase::Queued => Some(text::QUEUED.to_string()),
                        _ => notice.get(),
                    }}
                </p>
                <button
                    type="submit"
                    class="lb-button"
                    disabled=!live
                    // Not beside `disabled`, which says it already (HTML forbids both).
                    aria-disabled=move || live.then(|| (phase.get() == Phase::Sending).to_string())
                >
                    {move || if phase.get() == Phase::Sending { text::SENDING } else { text::SIGN }}
                </button>
                <p class="lb-petition__privacy">{PETITION.privacy}</p>
            </form>
        }),
    }
}

/// A field people never see, hear or reach and browsers never fill, so that
/// only a script fills it in.
#[component]
fn Honeypot(
    /// What was typed into it.
    honeypot: RwSignal<String>,
) -> impl IntoView {
    // Browsers' autofill decides what a field is from its name, id, label,
    // placeholder and autocomplete token; this one has no name, id or
    // placeholder, and its label (text::HONEYPOT_LABEL) names no kind of
    // personal data, so autofill sees nothing it knows and fills nothing,
    // and `autocomplete="off"` says the same outright. Off-screen (CSS) and
    // out of the tab order, people never reach it; `aria-hidden` keeps screen
    // readers from announcing it.
    view! {
        <div class="lb-petition__hp" aria-hidden="true">
            <label>
                {text::HONEYPOT_LABEL}
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

/// One labelled text input with its error message tied to it.
#[component]
fn TextField(
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
    let message = move || {
        errors.with(|e| {
            e.iter()
                .find(|(f, _)| *f == field)
                .map(|(_, p)| p.message(field))
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

/// After signing: thanks, a share step and what else to do.
#[component]
fn ThankYou(
    /// The endpoint said this person had signed before.
    already: bool,
) -> impl IntoView {
    let url = page_url();
    let encoded = |s: &str| {
        let mut out = String::new();
        crate::petition::payload::form_escape(&mut out, s);
        out
    };
    let mail = format!(
        "mailto:?subject={}&body={}",
        encoded(PETITION.heading),
        encoded(&format!("{} {url}", text::SHARE_TEXT))
    );
    let x = format!(
        "https://twitter.com/intent/tweet?text={}&url={}",
        encoded(text::SHARE_TEXT),
        encoded(&url)
    );
    let facebook = format!(
        "https://www.facebook.com/sharer/sharer.php?u={}",
        encoded(&url)
    );
    let copied = RwSignal::new(false);
    let share_url = url.clone();
    let node = NodeRef::<leptos::html::Div>::new();
    // Move focus to the confirmation so keyboard and screen-reader users hear it.
    node.on_load(|el| {
        let _ = el.focus();
    });
    view! {
        <div class="lb-petition__thanks" tabindex="-1" node_ref=node>
            <p class="lb-petition__thanks-title">{if already { text::ALREADY_SIGNED } else { text::THANKS }}</p>
            <h3 class="lb-petition__subheading">{text::SHARE_HEADING}</h3>
            <p>
                <button type="button" class="lb-button" on:click=move |_| share(&share_url, copied)>
                    {text::SHARE}
                </button>
                " "
                <span role="status">{move || copied.get().then_some(text::LINK_COPIED)}</span>
            </p>
            <ul class="lb-petition__share">
                <li><a href=mail>{text::SHARE_BY_EMAIL}</a></li>
                <li><a href=x rel="noopener noreferrer">{text::SHARE_ON_X}</a></li>
                <li><a href=facebook rel="noopener noreferrer">{text::SHARE_ON_FACEBOOK}</a></li>
            </ul>
            <h3 class="lb-petition__subheading">{text::NEXT_HEADING}</h3>
            <ul>
                <li><a href="https://www.house.gov/representatives/find-your-representative" rel="noopener noreferrer">{text::CONTACT_HOUSE}</a></li>
                <li><a href="https://www.senate.gov/senators/senators-contact.htm" rel="noopener noreferrer">{text::CONTACT_SENATE}</a></li>
            </ul>
        </div>
    }
}

/// Moves a queued form on when the outbox later delivers (or the endpoint
/// refuses) its signature in the background.
#[cfg(target_arch = "wasm32")]
fn follow_the_outbox(phase: RwSignal<Phase>, notice: RwSignal<Option<String>>) {
    crate::outbox::on_settled(move |outcome| {
        if phase.try_get_untracked() == Some(Phase::Queued) {
            settle(outcome, phase, notice);
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn follow_the_outbox(_: RwSignal<Phase>, _: RwSignal<Option<String>>) {}

/// Moves the form on to what the outbox's answer means: a refusal shows the
/// endpoint's reason, and a delivered signature tells the page's counter to
/// count again so that it includes the person.
#[cfg(target_arch = "wasm32")]
fn settle(
    outcome: &crate::petition::response::Outcome,
    phase: RwSignal<Phase>,
    notice: RwSignal<Option<String>>,
) {
    use crate::petition::response::Outcome;
    if let Outcome::Rejected(message) = outcome {
        notice.set(Some(
            message
                .clone()
                .unwrap_or_else(|| text::REJECTED.to_string()),
        ));
    }
    let next = Phase::after(outcome);
    phase.set(next);
    if matches!(next, Phase::Signed { .. }) {
        if let Ok(event) = web_sys::Event::new(crate::petition::count::SIGNED_EVENT) {
            let _ = window().dispatch_event(&event);
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn deliver(
    signature: Signature,
    source: Option<&'static str>,
    fill_ms: Option<u64>,
    phase: RwSignal<Phase>,
    notice: RwSignal<Option<String>>,
) {
    leptos::task::spawn_local(async move {
        let outcome = crate::outbox::sign(signature, source.map(str::to_string), fill_ms).await;
        settle(&outcome, phase, notice);
    });
}

/// Prerendering never submits.
#[cfg(not(target_arch = "wasm32"))]
fn deliver(
    _: Signature,
    _: Option<&'static str>,
    _: Option<u64>,
    _: RwSignal<Phase>,
    _: RwSignal<Option<String>>,
) {
}

/// Milliseconds since the page started loading: the fill time counts from
/// there, never from when this bundle arrived.
#[cfg(target_arch = "wasm32")]
pub fn page_ms() -> Option<u64> {
    window().performance().map(|p| p.now() as u64)
}

#[cfg(not(target_arch = "wasm32"))]
pub fn page_ms() -> Option<u64> {
    None
}

#[cfg(target_arch = "wasm32")]
fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = document().get_element_by_id(id) {
        let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn focus(_: &str) {}

/// The page's address without its fragment, to share. The base URL, so that
/// a widget (whose base is the site) shares the campaign's page, not itself.
#[cfg(target_arch = "wasm32")]
fn page_url() -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    base.split(['#', '?'])
        .next()
        .unwrap_or_default()
        .to_string()
}

#[cfg(not(target_arch = "wasm32"))]
fn page_url() -> String {
    String::new()
}

/// The Web Share API where there is one, otherwise a copy of the link.
#[cfg(target_arch = "wasm32")]
fn share(url: &str, copied: RwSignal<bool>) {
    let navigator = window().navigator();
    let data = web_sys::ShareData::new();
    data.set_title(PETITION.heading);
    data.set_text(text::SHARE_TEXT);
    data.set_url(url);
    if js_sys::Reflect::has(&navigator, &"share".into()).unwrap_or(false) {
        let _ = navigator.share_with_data(&data);
    } else {
        let _ = navigator.clipboard().write_text(url);
        copied.set(true);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn share(_: &str, _: RwSignal<bool>) {}

/// "N of M signatures" and a progress bar, from the configured count URL.
#[component]
pub fn PetitionCount(
    /// Signatures so far.
    count: u64,
    /// The goal.
    goal: u64,
) -> impl IntoView {
    view! {
        <div class="lb-count">
            <progress max=goal.to_string() value=count.to_string() aria-label=text::signature_count(count, goal)></progress>
            <p class="lb-count__text">{text::signature_count(count, goal)}</p>
        </div>
    }
}
