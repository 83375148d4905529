//! The outbox entry: a signature kept on the device (localStorage) until it
//! is delivered, with the idempotency key that stays the same for every retry
//! and every reload.

use super::backoff::next_delay_ms;
use super::payload::{form_decode, form_escape};
use super::signature::Signature;
use crate::core::lang::Lang;

/// A signature waiting in the outbox (localStorage) until it is delivered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pending {
    /// Idempotency key (a UUID v4), the same for every retry.
    pub key: String,
    /// The signature, normalized: what is stored and sent.
    pub signature: Signature,
    /// Where it was signed (the site, an embedding page).
    pub source: Option<String>,
    /// Milliseconds from the page starting to load to the press of the
    /// button, sent with every attempt; `None` where the browser had no clock.
    pub fill_ms: Option<u64>,
    /// The language of the page it was signed on, sent with it: the campaign
    /// can write back in it.
    pub lang: Lang,
    /// How many sends have failed so far.
    pub attempts: u32,
    /// Earliest time of the next send, in Unix milliseconds.
    pub next_at_ms: u64,
}

impl Pending {
    /// A new outbox entry, due at once, for a signature already narrowed to
    /// the signer's residence ([`Signature::for_residence`]). The one place
    /// a signature is normalized: storage and the payload take it from here.
    pub fn new(
        key: String,
        signature: &Signature,
        source: Option<String>,
        fill_ms: Option<u64>,
        lang: Lang,
        now_ms: u64,
    ) -> Self {
        Self {
            key,
            signature: signature.normalized(),
            source,
            fill_ms,
            lang,
            attempts: 0,
            next_at_ms: now_ms,
        }
    }

    /// Records a failed send and schedules the next one; the key is unchanged.
    pub fn schedule_retry(&mut self, now_ms: u64, random: f64, retry_after_ms: Option<u64>) {
        self.attempts = self.attempts.saturating_add(1);
        self.next_at_ms =
            now_ms.saturating_add(next_delay_ms(self.attempts, random, retry_after_ms));
    }

    /// The entry as one form-encoded string for localStorage.
    pub fn encode(&self) -> String {
        let s = &self.signature;
        let (attempts, next_at) = (self.attempts.to_string(), self.next_at_ms.to_string());
        let fill = self.fill_ms.map(|ms| ms.to_string());
        let mut pairs = vec![
            ("key", self.key.as_str()),
            ("first_name", &s.first_name),
            ("last_name", &s.last_name),
            ("email", &s.email),
            ("zip", &s.zip),
            ("country", &s.country),
            ("updates", if s.updates { "1" } else { "0" }),
            ("lang", self.lang.code()),
            ("attempts", &attempts),
            ("next_at", &next_at),
        ];
        if let Some(source) = &self.source {
            pairs.push(("source", source));
        }
        if let Some(fill) = &fill {
            pairs.push(("fill", fill));
        }
        // The version goes last: a truncated entry then has none and is dropped.
        pairs.push(("v", "1"));
        let mut out = String::new();
        for (i, (k, v)) in pairs.iter().enumerate() {
            if i > 0 {
                out.push('&');
            }
            out.push_str(k);
            out.push('=');
            form_escape(&mut out, v);
        }
        out
    }

    /// Reads back what [`Pending::encode`] wrote; `None` for anything damaged,
    /// truncated or from an unknown format version.
    pub fn decode(text: &str) -> Option<Pending> {
        let pairs = form_decode(text)?;
        let get = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        };
        if get("v")? != "1" {
            return None;
        }
        let key = get("key").filter(|k| is_uuid_v4(k))?;
        let updates = match get("updates")?.as_str() {
            "1" => true,
            "0" => false,
            _ => return None,
        };
        Some(Pending {
            key,
            signature: Signature {
                first_name: get("first_name")?,
                last_name: get("last_name")?,
                email: get("email")?,
                zip: get("zip")?,
                country: get("country")?,
                updates,
            },
            source: get("source"),
            // Optional: entries queued before it existed have none.
            fill_ms: match get("fill") {
                Some(ms) => Some(ms.parse().ok()?),
                None => None,
            },
            // Entries queued before it existed were signed in English.
            lang: match get("lang") {
                Some(code) => Lang::from_code(&code)?,
                None => Lang::En,
            },
            attempts: get("attempts")?.parse().ok()?,
            next_at_ms: get("next_at")?.parse().ok()?,
        })
    }
}

/// Whether `s` is a UUID version 4 as `crypto.randomUUID()` makes
/// (either letter case).
pub fn is_uuid_v4(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, &c)| match i {
            8 | 13 | 18 | 23 => c == b'-',
            14 => c == b'4',
            19 => matches!(c, b'8' | b'9' | b'a' | b'b' | b'A' | b'B'),
            _ => c.is_ascii_hexdigit(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "0f8fad5b-d9cb-469f-a165-70867728950e";

    fn pending() -> Pending {
        let signature = Signature {
            first_name: " Дарья ".into(),
            last_name: "O'Brien & Sons=+%".into(),
            email: "daria@example.com".into(),
            zip: String::new(),
            country: "Côte d’Ivoire".into(),
            updates: true,
        };
        Pending::new(
            KEY.into(),
            &signature,
            Some("widget:https://news.example/a?b=c&d".into()),
            Some(1_875),
            Lang::Uk,
            1_000,
        )
    }

    #[test]
    fn pending_round_trips_through_local_storage_text() {
        let p = pending();
        assert_eq!(p.signature.first_name, "Дарья");
        assert_eq!(Pending::decode(&p.encode()), Some(p.clone()));
        let bare = Pending {
            source: None,
            fill_ms: None,
            ..p
        };
        assert_eq!(Pending::decode(&bare.encode()), Some(bare));
    }

    #[test]
    fn the_key_survives_retries_and_reloads() {
        let mut p = pending();
        for attempt in 1..=12 {
            p.schedule_retry(10_000, 0.5, None);
            p = Pending::decode(&p.encode()).unwrap();
            assert_eq!(p.key, KEY);
            assert_eq!(p.attempts, attempt);
        }
        assert_eq!(p.next_at_ms, 10_000 + 150_000);
        p.schedule_retry(10_000, 0.0, Some(600_000));
        assert_eq!(p.next_at_ms, 610_000);
    }

    #[test]
    fn damaged_outbox_entries_are_dropped_without_panicking() {
        let good = pending().encode();
        for cut in 0..good.len() {
            assert_eq!(Pending::decode(&good[..cut]), None, "{cut}");
        }
        for garbage in [
            "",
            "null",
            "undefined",
            "[object Object]",
            "{\"key\":\"x\"}",
            "v=2&key=0f8fad5b-d9cb-469f-a165-70867728950e",
            &good.replace("v=1", "v=2"),
            &good.replace("updates=1", "updates=yes"),
            &good.replace("attempts=0", "attempts=-1"),
            &good.replace("next_at=1000", "next_at=1e3"),
            &good.replace("fill=1875", "fill=-1"),
            &good.replace(KEY, "not-a-uuid"),
            &good.replace("%D0", "%G0"),
            "%%%%&&&===",
        ] {
            assert_eq!(Pending::decode(garbage), None, "{garbage:?}");
        }
    }

    #[test]
    fn uuid_v4_keys() {
        for ok in [
            KEY,
            "0F8FAD5B-D9CB-469F-A165-70867728950E",
            "00000000-0000-4000-8000-000000000000",
        ] {
            assert!(is_uuid_v4(ok), "{ok}");
        }
        for bad in [
            "",
            "0f8fad5b-d9cb-169f-a165-70867728950e",
            "0f8fad5b-d9cb-469f-c165-70867728950e",
            "0f8fad5bd9cb469fa16570867728950e",
            "0f8fad5b-d9cb-469f-a165-70867728950",
            "0f8fad5b-d9cb-469f-a165-70867728950e0",
            "0f8fad5g-d9cb-469f-a165-70867728950e",
            "{0f8fad5b-d9cb-469f-a165-70867728950e}",
            "0f8fad5b-d9cb-469f-a165-70867728950é",
        ] {
            assert!(!is_uuid_v4(bad), "{bad}");
        }
    }
}
