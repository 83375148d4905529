//! When a signature counts as delivered, when to try again, and the outbox
//! entry that survives a reload until then.
//!
//! A signature is never dropped for a failure that may pass (network, timeout,
//! 5xx, rate limit): it stays in the outbox and is retried with the same
//! idempotency key, so the endpoint can tell a retry from a second signature.

use super::payload::{form_decode, form_escape};
use super::validate::{is_hidden_or_control, normalized, Signature};

/// What the endpoint's answer means for the signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Recorded: remove it from the outbox and thank the person.
    Delivered,
    /// The endpoint already has this person's signature: also a success.
    AlreadySigned,
    /// Refused for good; the endpoint's own short message when it gave one.
    Rejected(Option<String>),
    /// Try again later; `after_ms` is the endpoint's Retry-After, if any.
    Retry {
        /// Milliseconds the endpoint asked to wait.
        after_ms: Option<u64>,
    },
}

/// How long one request may take before it is abandoned and retried.
pub const REQUEST_TIMEOUT_MS: u32 = 10_000;

/// Longest Retry-After honoured: a misconfigured header must not park a
/// signature for days while the person believes it was sent.
pub const MAX_RETRY_AFTER_MS: u64 = 3_600_000;

const BACKOFF_BASE_MS: u64 = 2_000;
const BACKOFF_CAP_MS: u64 = 300_000;
const BACKOFF_MIN_MS: u64 = 1_000;
const MESSAGE_MAX: usize = 200;

/// Classifies a response by status, Retry-After header and body. `now_ms` (Unix
/// milliseconds) turns an HTTP-date Retry-After into a delay.
///
/// 2xx delivered; 409 already signed; 408, 425, 429 and 5xx retried; other
/// 4xx rejected. Anything else (1xx, 3xx, status 0 of an opaque response) is
/// retried too: the idempotency key makes a needless retry harmless, while
/// giving up could lose the signature. A network error or timeout is the
/// caller's to map to `Retry { after_ms: None }`.
pub fn classify(status: u16, retry_after: Option<&str>, body: &str, now_ms: u64) -> Outcome {
    match status {
        200..=299 => Outcome::Delivered,
        409 => Outcome::AlreadySigned,
        408 | 425 | 429 | 500..=599 => Outcome::Retry {
            after_ms: retry_after.and_then(|v| retry_after_ms(v, now_ms)),
        },
        400..=499 => Outcome::Rejected(message(body)),
        _ => Outcome::Retry { after_ms: None },
    }
}

/// A Retry-After header as milliseconds from `now_ms`: delta-seconds
/// ("120") or an IMF-fixdate ("Wed, 21 Oct 2015 07:28:00 GMT"). A date in the
/// past is 0; anything else is `None`. Capped at [`MAX_RETRY_AFTER_MS`].
pub fn retry_after_ms(value: &str, now_ms: u64) -> Option<u64> {
    let v = value.trim();
    let ms = if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
        v.bytes()
            .fold(0u64, |n, b| {
                n.saturating_mul(10).saturating_add(u64::from(b - b'0'))
            })
            .saturating_mul(1_000)
    } else {
        http_date_ms(v)?.saturating_sub(now_ms)
    };
    Some(ms.min(MAX_RETRY_AFTER_MS))
}

fn http_date_ms(v: &str) -> Option<u64> {
    const DAYS: [&str; 7] = ["Mon,", "Tue,", "Wed,", "Thu,", "Fri,", "Sat,", "Sun,"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let num = |s: &str, len: usize| -> Option<u32> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let parts: Vec<&str> = v.split(' ').collect();
    let [weekday, day, month, year, time, "GMT"] = parts[..] else {
        return None;
    };
    if !DAYS.contains(&weekday) {
        return None;
    }
    let month = MONTHS.iter().position(|m| *m == month)? as u32 + 1;
    let mut hms = time.split(':');
    let (h, m, s) = (hms.next()?, hms.next()?, hms.next()?);
    let date = chrono::NaiveDate::from_ymd_opt(num(year, 4)? as i32, month, num(day, 2)?)?;
    let at = date.and_hms_opt(num(h, 2)?, num(m, 2)?, num(s, 2)?)?;
    if hms.next().is_some() {
        return None;
    }
    u64::try_from(at.and_utc().timestamp())
        .ok()?
        .checked_mul(1_000)
}

/// The endpoint's reason for a refusal, fit to show as text: from a JSON
/// object's "message" or "error" string, or a short plain-text body. Never
/// HTML (an error page means nothing to the person).
fn message(body: &str) -> Option<String> {
    let t = body.trim();
    let raw = if t.starts_with('{') || t.starts_with('[') {
        json_string_field(t, "message").or_else(|| json_string_field(t, "error"))?
    } else if t.chars().count() <= MESSAGE_MAX {
        t.to_string()
    } else {
        return None;
    };
    if looks_like_html(&raw) {
        return None;
    }
    // Line breaks become spaces, then hidden and control characters go, so a
    // hostile endpoint cannot reorder or hide text in the page.
    let spaced: String = raw
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|c| !is_hidden_or_control(*c))
        .collect();
    let words: Vec<&str> = spaced.split(' ').filter(|w| !w.is_empty()).collect();
    let mut text = words.join(" ");
    if text.chars().count() > MESSAGE_MAX {
        text = text.chars().take(MESSAGE_MAX - 1).collect();
        text.push('…');
    }
    (!text.is_empty()).then_some(text)
}

fn looks_like_html(s: &str) -> bool {
    s.as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
}

/// The string value of the first `"key": "…"` in a JSON text, unescaped.
/// Not a parser: enough for the one-level error bodies endpoints send.
fn json_string_field(json: &str, key: &str) -> Option<String> {
    let quoted = format!("\"{key}\"");
    json.match_indices(&quoted).find_map(|(i, _)| {
        let rest = json[i + quoted.len()..].trim_start();
        let rest = rest.strip_prefix(':')?.trim_start();
        read_json_string(rest.strip_prefix('"')?)
    })
}

fn read_json_string(s: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => out.push(match chars.next()? {
                'n' | 'r' | 't' | 'b' | 'f' => ' ',
                'u' => {
                    let hi = hex4(&mut chars)?;
                    if (0xD800..0xDC00).contains(&hi) {
                        if chars.next()? != '\\' || chars.next()? != 'u' {
                            return None;
                        }
                        let lo = hex4(&mut chars)?;
                        if !(0xDC00..0xE000).contains(&lo) {
                            return None;
                        }
                        char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))?
                    } else {
                        char::from_u32(hi)?
                    }
                }
                e => e,
            }),
            c => out.push(c),
        }
    }
    None
}

fn hex4(chars: &mut std::str::Chars) -> Option<u32> {
    (0..4).try_fold(0, |n, _| Some(n * 16 + chars.next()?.to_digit(16)?))
}

/// Milliseconds to wait before retry number `attempt` (1 after the first
/// failure), given a `random` number in [0, 1).
///
/// Exponential backoff with full jitter: the ceiling is 2 s doubled with each
/// failure (2, 4, 8 … s) up to 5 minutes, and the wait is a random fraction of
/// it, but at least 1 s. The jitter spreads the retries of many visitors whose
/// signatures failed together in one outage, so the endpoint is not hit by all
/// of them at once when it comes back.
pub fn backoff_ms(attempt: u32, random: f64) -> u64 {
    let cap = backoff_cap_ms(attempt);
    let r = if random.is_finite() {
        random.clamp(0.0, 1.0)
    } else {
        0.0
    };
    ((cap as f64 * r) as u64).clamp(BACKOFF_MIN_MS, cap)
}

fn backoff_cap_ms(attempt: u32) -> u64 {
    let doublings = attempt.saturating_sub(1).min(16);
    (BACKOFF_BASE_MS << doublings).min(BACKOFF_CAP_MS)
}

/// The wait before retry number `attempt`: the backoff, or the endpoint's
/// Retry-After when that is longer.
pub fn next_delay_ms(attempt: u32, random: f64, retry_after_ms: Option<u64>) -> u64 {
    backoff_ms(attempt, random).max(retry_after_ms.unwrap_or(0))
}

/// A signature waiting in the outbox (localStorage) until it is delivered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pending {
    /// Idempotency key (a UUID v4), the same for every retry.
    pub key: String,
    /// The signature, already normalized.
    pub signature: Signature,
    /// Where it was signed (the site, an embedding page).
    pub source: Option<String>,
    /// Milliseconds from the page starting to load to the press of the
    /// button, sent with every attempt; `None` where the browser had no clock.
    pub fill_ms: Option<u64>,
    /// How many sends have failed so far.
    pub attempts: u32,
    /// Earliest time of the next send, in Unix milliseconds.
    pub next_at_ms: u64,
}

impl Pending {
    /// A new outbox entry, due at once.
    pub fn new(
        key: String,
        signature: &Signature,
        source: Option<String>,
        fill_ms: Option<u64>,
        now_ms: u64,
    ) -> Self {
        Self {
            key,
            signature: normalized(signature),
            source,
            fill_ms,
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
    /// 21 Oct 2015 07:28:00 GMT in Unix milliseconds.
    const OCT_21_2015: u64 = 1_445_412_480_000;

    #[test]
    fn backoff_ceilings_double_from_two_seconds_to_five_minutes() {
        let caps: Vec<u64> = (1..=10).map(backoff_cap_ms).collect();
        assert_eq!(
            caps,
            [2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000]
        );
        assert_eq!(backoff_cap_ms(0), 2_000);
        assert_eq!(backoff_cap_ms(u32::MAX), 300_000);
        // Just under 1, the wait is the ceiling (less rounding).
        for attempt in 1..40 {
            let top = backoff_ms(attempt, 0.999_999);
            assert!(top >= backoff_ms(attempt.saturating_sub(1).max(1), 0.999_999));
            assert!(top <= 300_000);
        }
        assert_eq!(backoff_ms(30, 0.999_999), 299_999);
    }

    #[test]
    fn backoff_jitter_stays_between_one_second_and_the_ceiling() {
        for attempt in 1..12 {
            for i in 0..100 {
                let r = f64::from(i) / 100.0;
                let wait = backoff_ms(attempt, r);
                assert!((1_000..=backoff_cap_ms(attempt)).contains(&wait));
            }
        }
        assert_eq!(backoff_ms(1, 0.0), 1_000);
        assert_eq!(backoff_ms(1, 0.75), 1_500);
        assert_eq!(backoff_ms(4, 0.5), 8_000);
        assert_eq!(backoff_ms(3, f64::NAN), 1_000);
        assert_eq!(backoff_ms(3, 7.0), 8_000);
        assert_eq!(backoff_ms(3, -1.0), 1_000);
    }

    #[test]
    fn retry_after_wins_when_it_is_longer() {
        assert_eq!(next_delay_ms(1, 0.5, None), 1_000);
        assert_eq!(next_delay_ms(1, 0.5, Some(30_000)), 30_000);
        assert_eq!(next_delay_ms(5, 0.5, Some(2_000)), 16_000);
    }

    #[test]
    fn retry_after_in_both_forms() {
        let cases: &[(&str, Option<u64>)] = &[
            ("120", Some(120_000)),
            (" 0 ", Some(0)),
            ("99999999999999999999999", Some(MAX_RETRY_AFTER_MS)),
            ("Wed, 21 Oct 2015 07:28:00 GMT", Some(0)),
            ("Wed, 21 Oct 2015 07:28:30 GMT", Some(30_000)),
            ("Wed, 21 Oct 2015 07:27:00 GMT", Some(0)),
            ("Thu, 22 Oct 2015 07:28:00 GMT", Some(MAX_RETRY_AFTER_MS)),
            ("", None),
            ("-5", None),
            ("1.5", None),
            ("soon", None),
            ("Wed, 21 Oct 2015 07:28:00 UTC", None),
            ("Wed, 32 Oct 2015 07:28:00 GMT", None),
            ("Wed, 21 Oct 2015 25:28:00 GMT", None),
            ("Wed, 21 Foo 2015 07:28:00 GMT", None),
            ("Wednesday, 21-Oct-15 07:28:00 GMT", None),
            ("Wed Oct 21 07:28:00 2015", None),
            ("Wed, 21 Oct 2015 07:28:00:00 GMT", None),
            ("Wed, 21 Oct 2015 07:28 GMT", None),
            ("Wed, 21 Oct 2015 07:28:00 GMT ", Some(0)),
        ];
        for (value, expected) in cases {
            assert_eq!(retry_after_ms(value, OCT_21_2015), *expected, "{value:?}");
        }
    }

    #[test]
    fn responses_are_classified() {
        let retry = |after_ms| Outcome::Retry { after_ms };
        let rejected = |m: &str| Outcome::Rejected(Some(m.to_string()));
        let now = OCT_21_2015;
        let cases: &[(u16, Option<&str>, &str, Outcome)] = &[
            (200, None, r#"{"ok":true}"#, Outcome::Delivered),
            (201, None, "", Outcome::Delivered),
            (204, None, "", Outcome::Delivered),
            (409, None, "duplicate", Outcome::AlreadySigned),
            (
                400,
                None,
                r#"{"ok":false,"message":"Email is not valid."}"#,
                rejected("Email is not valid."),
            ),
            (
                400,
                None,
                r#"{ "error" : "Bad \"zip\"\n code \u00e9 \ud83d\ude00" }"#,
                rejected("Bad \"zip\" code é 😀"),
            ),
            (
                400,
                None,
                r#"{"error":{"message":"Nested reason"}}"#,
                rejected("Nested reason"),
            ),
            (
                400,
                None,
                r#"{"type":"message","message":"Second"}"#,
                rejected("Second"),
            ),
            (
                400,
                None,
                r#"{"error":{"code":3}}"#,
                Outcome::Rejected(None),
            ),
            (
                400,
                None,
                r#"{"message":"unterminated"#,
                Outcome::Rejected(None),
            ),
            (
                400,
                None,
                r#"{"message":"\ud800 lone"}"#,
                Outcome::Rejected(None),
            ),
            (
                422,
                None,
                "ZIP code does not exist\n",
                rejected("ZIP code does not exist"),
            ),
            (
                422,
                None,
                "Value must be < 100",
                rejected("Value must be < 100"),
            ),
            (
                400,
                None,
                "<!DOCTYPE html><html><body>Bad Request</body></html>",
                Outcome::Rejected(None),
            ),
            (
                400,
                None,
                r#"{"message":"<b>oops</b>"}"#,
                Outcome::Rejected(None),
            ),
            (403, None, "", Outcome::Rejected(None)),
            (400, None, &"x".repeat(201), Outcome::Rejected(None)),
            (400, None, "a\u{202E}b\u{0}c", rejected("abc")),
            (500, None, "<html>oops</html>", retry(None)),
            (502, Some("garbage"), "", retry(None)),
            (503, Some("2"), "", retry(Some(2_000))),
            (
                503,
                Some("Wed, 21 Oct 2015 07:29:00 GMT"),
                "",
                retry(Some(60_000)),
            ),
            (429, Some("10"), "", retry(Some(10_000))),
            (408, None, "", retry(None)),
            (425, None, "", retry(None)),
            (0, None, "", retry(None)),
            (302, None, "", retry(None)),
        ];
        for (status, retry_after, body, expected) in cases {
            assert_eq!(
                &classify(*status, *retry_after, body, now),
                expected,
                "{status} {body:?}"
            );
        }
    }

    #[test]
    fn long_json_messages_are_cut_to_200_characters() {
        let body = format!(r#"{{"message":"{}"}}"#, "é".repeat(500));
        let Outcome::Rejected(Some(m)) = classify(400, None, &body, 0) else {
            panic!("no message");
        };
        assert_eq!(m.chars().count(), 200);
        assert!(m.ends_with('…'));
    }

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
