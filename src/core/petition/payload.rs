//! The request body sent to the campaign's petition endpoint.

use super::pending::Pending;

/// How the body is encoded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Encoding {
    /// `application/x-www-form-urlencoded`: a CORS "simple request", so the
    /// browser sends it without a preflight. The default for that reason.
    #[default]
    Form,
    /// A flat JSON object; the browser sends a preflight (OPTIONS) first.
    Json,
}

/// The names the endpoint expects for each value. An empty name leaves that
/// value out of the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldNames {
    /// Name of the first-name field.
    pub first_name: String,
    /// Name of the last-name field.
    pub last_name: String,
    /// Name of the email field.
    pub email: String,
    /// Name of the ZIP-code field.
    pub zip: String,
    /// Name of the country field.
    pub country: String,
    /// Name of the "keep me updated" field.
    pub updates: String,
    /// Name of the idempotency-key field.
    pub key: String,
    /// Name of the field saying where the signature came from (site, widget).
    pub source: String,
    /// Name of the fill-time field: milliseconds from the page starting to
    /// load to the press of the button, for the endpoint to weigh as a
    /// signal (the form itself drops nothing for speed).
    pub fill_ms: String,
    /// Name of the field saying which language the petition was signed in
    /// ("en", "ru", "uk"), so the campaign can write back in it.
    pub lang: String,
}

impl Default for FieldNames {
    fn default() -> Self {
        let s = |v: &str| v.to_string();
        Self {
            first_name: s("first_name"),
            last_name: s("last_name"),
            email: s("email"),
            zip: s("zip"),
            country: s("country"),
            updates: s("updates"),
            key: s("idempotency_key"),
            source: s("source"),
            fill_ms: s("fill_ms"),
            lang: s("lang"),
        }
    }
}

/// Where and how signatures are posted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EndpointConfig {
    /// The endpoint's URL; empty when the campaign has not configured one.
    pub url: String,
    /// Body encoding.
    pub encoding: Encoding,
    /// Names of the fields in the body.
    pub field_names: FieldNames,
    /// Fixed fields sent with every signature (such as a campaign id), after
    /// the signature's own; names must not repeat the signature's.
    pub extra: Vec<(String, String)>,
}

/// Content type of a form-encoded body.
pub const FORM_CONTENT_TYPE: &str = "application/x-www-form-urlencoded";
/// Content type of a JSON body.
pub const JSON_CONTENT_TYPE: &str = "application/json";

enum Value<'a> {
    Text(&'a str),
    Flag(bool),
    /// A whole number: a JSON number, or digits in a form body.
    Number(Option<u64>),
}

/// The content type and body for one outbox entry, with the signature as
/// [`Pending::new`] normalized it. Empty values are left out (the ZIP code
/// abroad, the country in the US, an absent source or fill time); `updates`
/// is always sent, since "no" is consent information too, and so is the
/// language it was signed in ("en", "ru", "uk").
pub fn encode(config: &EndpointConfig, pending: &Pending) -> (&'static str, String) {
    let s = &pending.signature;
    let n = &config.field_names;
    let mut fields: Vec<(&str, Value)> = vec![
        (&n.first_name, Value::Text(&s.first_name)),
        (&n.last_name, Value::Text(&s.last_name)),
        (&n.email, Value::Text(&s.email)),
        (&n.zip, Value::Text(&s.zip)),
        (&n.country, Value::Text(&s.country)),
        (&n.updates, Value::Flag(s.updates)),
        (&n.key, Value::Text(&pending.key)),
        (
            &n.source,
            Value::Text(pending.source.as_deref().unwrap_or("")),
        ),
        (&n.fill_ms, Value::Number(pending.fill_ms)),
        (&n.lang, Value::Text(pending.lang.code())),
    ];
    fields.retain(|(name, v)| {
        !name.is_empty() && !matches!(v, Value::Text("") | Value::Number(None))
    });
    fields.extend(
        config
            .extra
            .iter()
            .map(|(k, v)| (k.as_str(), Value::Text(v))),
    );

    let mut body = String::new();
    match config.encoding {
        Encoding::Form => {
            for (i, (name, value)) in fields.iter().enumerate() {
                if i > 0 {
                    body.push('&');
                }
                form_escape(&mut body, name);
                body.push('=');
                match value {
                    Value::Text(t) => form_escape(&mut body, t),
                    other => push_plain(&mut body, other),
                }
            }
            (FORM_CONTENT_TYPE, body)
        }
        Encoding::Json => {
            body.push('{');
            for (i, (name, value)) in fields.iter().enumerate() {
                if i > 0 {
                    body.push(',');
                }
                json_string(&mut body, name);
                body.push(':');
                match value {
                    Value::Text(t) => json_string(&mut body, t),
                    other => push_plain(&mut body, other),
                }
            }
            body.push('}');
            (JSON_CONTENT_TYPE, body)
        }
    }
}

/// Flags and numbers read the same in both encodings and need no escaping.
fn push_plain(out: &mut String, value: &Value) {
    match value {
        Value::Flag(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(Some(n)) => out.push_str(&n.to_string()),
        Value::Text(_) | Value::Number(None) => {}
    }
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// Appends `s` percent-encoded as the URL standard's
/// application/x-www-form-urlencoded serializer does.
pub fn form_escape(out: &mut String, s: &str) {
    for b in s.bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                out.push(char::from(b))
            }
            b' ' => out.push('+'),
            _ => {
                out.push('%');
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 15)]));
            }
        }
    }
}

/// The name–value pairs of a form-encoded string, or `None` when it is not
/// strictly well formed (a bad `%` escape, invalid UTF-8, a pair without `=`).
///
/// Stricter than the URL standard's parser on purpose: it reads back what
/// [`form_escape`] wrote, and anything else is taken as damaged.
pub fn form_decode(s: &str) -> Option<Vec<(String, String)>> {
    if s.is_empty() {
        return Some(Vec::new());
    }
    s.split('&')
        .map(|pair| {
            let (k, v) = pair.split_once('=')?;
            Some((unescape(k)?, unescape(v)?))
        })
        .collect()
}

fn unescape(s: &str) -> Option<String> {
    let hex = |b: u8| char::from(b).to_digit(16);
    let mut bytes = Vec::with_capacity(s.len());
    let mut it = s.bytes();
    while let Some(b) = it.next() {
        bytes.push(match b {
            b'+' => b' ',
            b'%' => {
                let hi = hex(it.next()?)?;
                let lo = hex(it.next()?)?;
                (hi * 16 + lo) as u8
            }
            _ => b,
        });
    }
    String::from_utf8(bytes).ok()
}

/// Appends `s` as a JSON string literal that is also safe to inline in HTML
/// and JavaScript (`<`, `>`, `&`, U+2028 and U+2029 escaped).
pub fn json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\0'..='\u{1F}' | '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                let u = u32::from(c);
                out.push_str("\\u");
                for shift in [12, 8, 4, 0] {
                    out.push(char::from_digit((u >> shift) & 15, 16).unwrap_or('0'));
                }
            }
            _ => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;
    use crate::core::petition::signature::{Residence, Signature};

    fn paul() -> Signature {
        Signature {
            first_name: " Paul ".into(),
            last_name: "Whelan".into(),
            email: "paul@example.com".into(),
            zip: "48104".into(),
            country: String::new(),
            updates: true,
        }
    }

    const KEY: &str = "0f8fad5b-d9cb-469f-a165-70867728950e";

    fn entry(s: &Signature, source: Option<&str>, fill_ms: Option<u64>) -> Pending {
        in_lang(s, source, fill_ms, Lang::En)
    }

    fn in_lang(s: &Signature, source: Option<&str>, fill_ms: Option<u64>, lang: Lang) -> Pending {
        Pending::new(KEY.into(), s, source.map(str::to_string), fill_ms, lang, 0)
    }

    fn mapped() -> EndpointConfig {
        EndpointConfig {
            url: "https://example.org/sign".into(),
            encoding: Encoding::Form,
            field_names: FieldNames {
                first_name: "fname".into(),
                last_name: "lname".into(),
                email: "EMAIL".into(),
                zip: "postal code".into(),
                country: "country".into(),
                updates: "opt_in".into(),
                key: "id".into(),
                source: String::new(),
                fill_ms: "t".into(),
                lang: "language".into(),
            },
            extra: vec![("campaign".into(), "left-behind 2025".into())],
        }
    }

    /// Decodes a JSON string literal starting at `s`, returning it and the rest.
    fn json_unstring(s: &str) -> (String, &str) {
        let mut out = String::new();
        let mut chars = s.strip_prefix('"').unwrap().char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => return (out, &s[i + 2..]),
                '\\' => match chars.next().unwrap().1 {
                    'u' => {
                        let hex: String = (0..4).map(|_| chars.next().unwrap().1).collect();
                        out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
                    }
                    e => out.push(e),
                },
                c => {
                    assert!(u32::from(c) >= 0x20, "raw control character");
                    out.push(c)
                }
            }
        }
        panic!("unterminated string")
    }

    /// A decoder for the flat objects `encode` writes; booleans come back as text.
    fn json_decode(body: &str) -> Vec<(String, String)> {
        let mut rest = body.strip_prefix('{').unwrap();
        let mut out = Vec::new();
        while !rest.starts_with('}') {
            rest = rest.strip_prefix(',').unwrap_or(rest);
            let (k, r) = json_unstring(rest);
            let r = r.strip_prefix(':').unwrap();
            let (v, r) = if r.starts_with('"') {
                json_unstring(r)
            } else {
                let end = r.find([',', '}']).unwrap();
                (r[..end].to_string(), &r[end..])
            };
            out.push((k, v));
            rest = r;
        }
        assert_eq!(rest, "}");
        out
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn form_body_uses_default_names_and_skips_empty_fields() {
        let (ct, body) = encode(
            &EndpointConfig::default(),
            &entry(&paul(), Some("widget"), None),
        );
        assert_eq!(ct, "application/x-www-form-urlencoded");
        assert_eq!(
            body,
            "first_name=Paul&last_name=Whelan&email=paul%40example.com&zip=48104\
             &updates=true&idempotency_key=0f8fad5b-d9cb-469f-a165-70867728950e&source=widget&lang=en"
        );
    }

    #[test]
    fn form_body_with_mapped_names_and_extras() {
        let abroad = Signature {
            zip: "48104".into(),
            country: "Côte d'Ivoire".into(),
            updates: false,
            ..paul()
        };
        let (_, body) = encode(
            &mapped(),
            &in_lang(
                &abroad.for_residence(Residence::Abroad),
                Some("site"),
                Some(1_875),
                Lang::Ru,
            ),
        );
        assert_eq!(
            body,
            "fname=Paul&lname=Whelan&EMAIL=paul%40example.com&country=C%C3%B4te+d%27Ivoire\
             &opt_in=false&id=0f8fad5b-d9cb-469f-a165-70867728950e&t=1875&language=ru&campaign=left-behind+2025"
        );
    }

    #[test]
    fn json_body_with_mapped_names_and_extras() {
        let config = EndpointConfig {
            encoding: Encoding::Json,
            ..mapped()
        };
        let (ct, body) = encode(&config, &in_lang(&paul(), None, Some(0), Lang::Uk));
        assert_eq!(ct, "application/json");
        assert_eq!(
            body,
            r#"{"fname":"Paul","lname":"Whelan","EMAIL":"paul@example.com","postal code":"48104","opt_in":true,"id":"0f8fad5b-d9cb-469f-a165-70867728950e","t":0,"language":"uk","campaign":"left-behind 2025"}"#
        );
    }

    #[test]
    fn the_fill_time_is_a_number_in_both_encodings_and_left_out_unnamed_or_unknown() {
        let json = EndpointConfig {
            encoding: Encoding::Json,
            ..EndpointConfig::default()
        };
        let (_, form) = encode(
            &EndpointConfig::default(),
            &entry(&paul(), None, Some(1_234)),
        );
        assert!(
            form.ends_with(&format!("&idempotency_key={KEY}&fill_ms=1234&lang=en")),
            "{form}"
        );
        let (_, body) = encode(&json, &entry(&paul(), None, Some(u64::MAX)));
        assert!(
            body.ends_with(r#","fill_ms":18446744073709551615,"lang":"en"}"#),
            "{body}"
        );
        assert!(!encode(&json, &entry(&paul(), None, None))
            .1
            .contains("fill_ms"));
        let unnamed = EndpointConfig {
            field_names: FieldNames {
                fill_ms: String::new(),
                ..FieldNames::default()
            },
            ..EndpointConfig::default()
        };
        let (_, form) = encode(&unnamed, &entry(&paul(), None, Some(1_234)));
        assert!(!form.contains("1234"), "{form}");
    }

    #[test]
    fn the_language_is_sent_unless_unnamed() {
        let (_, form) = encode(
            &EndpointConfig::default(),
            &in_lang(&paul(), None, None, Lang::Uk),
        );
        assert!(form.ends_with("&lang=uk"), "{form}");
        let unnamed = EndpointConfig {
            field_names: FieldNames {
                lang: String::new(),
                ..FieldNames::default()
            },
            ..EndpointConfig::default()
        };
        let (_, form) = encode(&unnamed, &in_lang(&paul(), None, None, Lang::Uk));
        assert!(!form.contains("uk"), "{form}");
    }

    #[test]
    fn form_escaping_follows_the_url_standard() {
        let mut out = String::new();
        form_escape(&mut out, "a b*-._~!'()+&=%/é😀\n");
        assert_eq!(
            out,
            "a+b*-._%7E%21%27%28%29%2B%26%3D%25%2F%C3%A9%F0%9F%98%80%0A"
        );
    }

    #[test]
    fn unicode_names_round_trip_through_both_encodings() {
        for name in [
            "Дарья",
            "李",
            "Zoë",
            "O'Brien",
            "a+b&c=d%e",
            "محمد 🌻",
            "\"\\</x>",
        ] {
            let s = Signature {
                first_name: name.into(),
                last_name: name.into(),
                ..paul()
            };
            let (_, form) = encode(
                &EndpointConfig::default(),
                &in_lang(&s, None, None, Lang::Ru),
            );
            let decoded = form_decode(&form).unwrap();
            assert_eq!(decoded[0], ("first_name".into(), name.into()), "{form}");
            assert_eq!(decoded[1], ("last_name".into(), name.into()));

            let json_config = EndpointConfig {
                encoding: Encoding::Json,
                ..EndpointConfig::default()
            };
            let (_, json) = encode(&json_config, &in_lang(&s, None, None, Lang::Ru));
            assert_eq!(
                json_decode(&json),
                pairs(&[
                    ("first_name", name),
                    ("last_name", name),
                    ("email", "paul@example.com"),
                    ("zip", "48104"),
                    ("updates", "true"),
                    ("idempotency_key", KEY),
                    ("lang", "ru"),
                ])
            );
        }
    }

    #[test]
    fn json_escapes_hostile_strings() {
        let cases = [
            ("\"", r#""\"""#),
            ("\\", r#""\\""#),
            (
                "</script><script>alert(1)</script>",
                r#""\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e""#,
            ),
            ("a&b", r#""a\u0026b""#),
            ("\u{0}\u{1F}\n\t", r#""\u0000\u001f\u000a\u0009""#),
            ("\u{2028}\u{2029}", r#""\u2028\u2029""#),
            ("\u{202E}é😀", "\"\u{202E}é😀\""),
        ];
        for (raw, escaped) in cases {
            let mut out = String::new();
            json_string(&mut out, raw);
            assert_eq!(out, escaped);
            assert_eq!(json_unstring(&out), (raw.to_string(), ""));
        }
    }

    #[test]
    fn form_decode_rejects_damaged_input() {
        assert_eq!(form_decode(""), Some(vec![]));
        assert_eq!(form_decode("a=&b=c"), Some(pairs(&[("a", ""), ("b", "c")])));
        for bad in [
            "a", "a=1&b", "a=%", "a=%4", "a=%zz", "a=%FF", "a=%C3", "&", "a=1&&b=2",
        ] {
            assert_eq!(form_decode(bad), None, "{bad:?}");
        }
    }
}
