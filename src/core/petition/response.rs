//! What the endpoint's answer means for a signature: delivered, already
//! signed, refused with the endpoint's own message, or to be tried again
//! after its Retry-After.
//!
//! A signature is never dropped for a failure that may pass (network, timeout,
//! 5xx, rate limit): it is retried with the same idempotency key, so the
//! endpoint can tell a retry from a second signature.

use super::validate::is_hidden_or_control;

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
    // Found from each quote by prefix, not by a `&str` search or by
    // indexing: either brings the bundle a slicing panic and its formatting.
    json.match_indices('"').find_map(|(i, _)| {
        let rest = json.get(i + 1..)?.strip_prefix(key)?.strip_prefix('"')?;
        let rest = rest.trim_start().strip_prefix(':')?.trim_start();
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

#[cfg(test)]
mod tests {
    use super::*;

    /// 21 Oct 2015 07:28:00 GMT in Unix milliseconds.
    const OCT_21_2015: u64 = 1_445_412_480_000;

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
}
