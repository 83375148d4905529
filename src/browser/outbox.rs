//! The petition's outbox: every signature is saved on the device before it is
//! sent and removed only once the endpoint acknowledges it, so a bad network,
//! a closed tab or a crash loses nothing; the idempotency key, the same on
//! every attempt, keeps retries from doubling it.

use crate::core::data::petition_endpoint;
use crate::core::lang::Lang;
use crate::core::petition::payload::{encode, Encoding, EndpointConfig};
use crate::core::petition::pending::{is_uuid_v4, Pending};
use crate::core::petition::response::{classify, Outcome, REQUEST_TIMEOUT_MS};
use crate::core::petition::signature::Signature;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::HashSet;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, RequestInit, Response, Storage};

use crate::core::petition::OUTBOX_PREFIX as PREFIX;

/// What the form registers to hear about signatures settled in the background.
type Listener = Box<dyn Fn(&Outcome)>;

thread_local! {
    /// Where signatures go: the build's configuration, or a widget's override.
    static ENDPOINT: RefCell<EndpointConfig> = RefCell::new(petition_endpoint());
    /// The partner a widget's signatures are given through, sent with each.
    static SOURCE: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Keys being sent right now: a flush never sends one twice at once.
    static IN_FLIGHT: RefCell<HashSet<String>> = RefCell::new(HashSet::new());
    /// Told when a queued signature is settled in the background, so the form
    /// that queued it can say so.
    static ON_SETTLED: RefCell<Option<Listener>> = const { RefCell::new(None) };
    /// The next scheduled flush; replacing it cancels the previous one.
    static NEXT_FLUSH: RefCell<Option<Timeout>> = const { RefCell::new(None) };
}

/// Sends what earlier visits left in the outbox, and again whenever the
/// browser comes back online; `endpoint` overrides the build's configuration
/// (a partner's widget may name its own), and `source` is the partner new
/// signatures are given through.
pub fn start(endpoint: Option<EndpointConfig>, source: Option<String>) {
    if let Some(endpoint) = endpoint {
        ENDPOINT.with(|e| *e.borrow_mut() = endpoint);
    }
    SOURCE.with(|s| *s.borrow_mut() = source);
    wasm_bindgen_futures::spawn_local(flush());
    let _ = window_event_listener(leptos::ev::online, |_| {
        wasm_bindgen_futures::spawn_local(flush())
    });
}

/// Calls `listener` whenever a queued signature is delivered or refused later.
pub fn on_settled(listener: impl Fn(&Outcome) + 'static) {
    ON_SETTLED.with(|l| *l.borrow_mut() = Some(Box::new(listener)));
}

/// Saves a new signature to the outbox and sends it once now; on failure it
/// stays queued and is retried with backoff. `fill_ms` and the language it
/// was signed in go with it.
pub async fn sign(signature: Signature, fill_ms: Option<u64>, lang: Lang) -> Outcome {
    let source = SOURCE.with(|s| s.borrow().clone());
    let mut pending = Pending::new(new_key(), &signature, source, fill_ms, lang, now_ms());
    save(&pending);
    let outcome = attempt(&mut pending).await;
    schedule_flush();
    outcome
}

/// Sends one entry and settles it: removed when acknowledged or refused,
/// rescheduled and saved when it should be retried.
async fn attempt(pending: &mut Pending) -> Outcome {
    let fresh = IN_FLIGHT.with(|f| f.borrow_mut().insert(pending.key.clone()));
    if !fresh {
        return Outcome::Retry { after_ms: None };
    }
    let endpoint = ENDPOINT.with(|e| e.borrow().clone());
    let outcome = send(&endpoint, pending).await;
    IN_FLIGHT.with(|f| f.borrow_mut().remove(&pending.key));
    match &outcome {
        // A refusal will not change on retry; the form shows the message.
        Outcome::Delivered | Outcome::AlreadySigned | Outcome::Rejected(_) => remove(&pending.key),
        Outcome::Retry { after_ms } => {
            pending.schedule_retry(now_ms(), js_sys::Math::random(), *after_ms);
            save(pending);
        }
    }
    outcome
}

/// Sends every entry that is due, then schedules the next flush.
async fn flush() {
    let now = now_ms();
    for mut pending in entries().into_iter().filter(|p| p.next_at_ms <= now) {
        let outcome = attempt(&mut pending).await;
        if !matches!(outcome, Outcome::Retry { .. }) {
            ON_SETTLED.with(|l| {
                if let Some(listener) = l.borrow().as_ref() {
                    listener(&outcome);
                }
            });
        }
    }
    schedule_flush();
}

/// Arms one timer for the earliest entry still waiting.
fn schedule_flush() {
    let next = entries().iter().map(|p| p.next_at_ms).min();
    let timer = next.map(|at| {
        let delay = at.saturating_sub(now_ms()).min(u64::from(u32::MAX)) as u32;
        Timeout::new(delay, || wasm_bindgen_futures::spawn_local(flush()))
    });
    NEXT_FLUSH.with(|n| *n.borrow_mut() = timer);
}

/// One POST to the endpoint, answered within `REQUEST_TIMEOUT_MS` or retried.
async fn send(config: &EndpointConfig, pending: &Pending) -> Outcome {
    let retry = Outcome::Retry { after_ms: None };
    // Until the app knows the page's language, every signature is given in English.
    let (content_type, body) = encode(config, pending);
    let Ok(headers) = Headers::new() else {
        return retry;
    };
    let _ = headers.set("Content-Type", content_type);
    if config.encoding == Encoding::Json {
        // Only JSON requests carry it: a custom header would make a form
        // post preflighted, and the key is in the body anyway.
        let _ = headers.set("Idempotency-Key", &pending.key);
    }
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(&body));
    init.set_headers(&headers);
    init.set_credentials(web_sys::RequestCredentials::Omit);
    init.set_referrer_policy(web_sys::ReferrerPolicy::NoReferrer);
    let controller = AbortController::new().ok();
    if let Some(c) = &controller {
        init.set_signal(Some(&c.signal()));
    }
    let _deadline = controller.map(|c| Timeout::new(REQUEST_TIMEOUT_MS, move || c.abort()));
    let Ok(response) = JsFuture::from(window().fetch_with_str_and_init(&config.url, &init)).await
    else {
        return retry;
    };
    let response: Response = response.unchecked_into();
    let retry_after = response.headers().get("Retry-After").ok().flatten();
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_string()),
        Err(_) => None,
    };
    classify(
        response.status(),
        retry_after.as_deref(),
        &text.unwrap_or_default(),
        now_ms(),
    )
}

fn storage() -> Option<Storage> {
    window().local_storage().ok().flatten()
}

fn save(pending: &Pending) {
    if let Some(s) = storage() {
        let _ = s.set_item(&format!("{PREFIX}{}", pending.key), &pending.encode());
    }
}

fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(&format!("{PREFIX}{key}"));
    }
}

/// Every readable entry; anything unreadable under our prefix is dropped.
fn entries() -> Vec<Pending> {
    let Some(s) = storage() else {
        return Vec::new();
    };
    let keys: Vec<String> = (0..s.length().unwrap_or(0))
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(PREFIX))
        .collect();
    keys.into_iter()
        .filter_map(|k| {
            let entry = s
                .get_item(&k)
                .ok()
                .flatten()
                .and_then(|v| Pending::decode(&v));
            if entry.is_none() {
                let _ = s.remove_item(&k);
            }
            entry
        })
        .collect()
}

/// A random UUID v4 from the browser, or one built from `Math.random` where
/// `crypto.randomUUID` is missing (plain-http pages).
fn new_key() -> String {
    let from_crypto = window()
        .crypto()
        .ok()
        .map(|c| c.random_uuid())
        .filter(|k| is_uuid_v4(k));
    from_crypto.unwrap_or_else(|| {
        let hex = |n: usize| -> String {
            (0..n)
                .map(|_| {
                    char::from_digit((js_sys::Math::random() * 16.0) as u32 % 16, 16).unwrap_or('0')
                })
                .collect()
        };
        let variant =
            char::from_digit(8 + (js_sys::Math::random() * 4.0) as u32 % 4, 16).unwrap_or('8');
        format!(
            "{}-{}-4{}-{variant}{}-{}",
            hex(8),
            hex(4),
            hex(3),
            hex(3),
            hex(12)
        )
    })
}

fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}
