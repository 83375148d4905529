//! What a signature must look like before it is sent.
//!
//! The same rules run as the person types (per field) and on submit (all
//! fields, in form order, so the UI can focus the first problem).

use super::signature::{Field, Residence, Signature};

/// Every problem of a signature from someone living in `residence`, in form
/// order; only the fields they are asked for are checked.
pub fn validate_for(s: &Signature, residence: Residence) -> Vec<(Field, Problem)> {
    let s = s.for_residence(residence);
    Field::ALL
        .into_iter()
        .filter(|&f| residence.asks_for(f))
        .filter_map(|f| validate_field(f, &s).err().map(|p| (f, p)))
        .collect()
}

/// Why a field's value cannot be sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Empty (or only spaces) where a value is needed.
    Missing,
    /// Shorter than the field allows.
    TooShort,
    /// Longer than the field allows.
    TooLong,
    /// Not in the field's format.
    Invalid,
    /// Contains control, bidi or invisible formatting characters.
    ControlCharacters,
    /// A country that is the US itself: the campaign needs a ZIP code instead.
    UseZip,
}

const NAME_MAX: usize = 100;
const EMAIL_MAX: usize = 254;
const COUNTRY_MIN: usize = 2;
const COUNTRY_MAX: usize = 60;

/// Whether a submission should be silently dropped: the hidden honeypot was
/// filled in. Speed is no verdict: a person using autofill signs within a
/// second or two, so the fill time goes to the endpoint as a signal instead.
pub fn looks_automated(honeypot: &str) -> bool {
    // Untrimmed on purpose: a person never reaches the hidden field, so even
    // a space in it was put there by a script.
    !honeypot.is_empty()
}

/// The problem of one field, if any, whatever the residence.
fn validate_field(field: Field, s: &Signature) -> Result<(), Problem> {
    match field {
        Field::FirstName => name(&s.first_name),
        Field::LastName => name(&s.last_name),
        Field::Email => email(s.email.trim()),
        Field::Zip => zip(s.zip.trim()),
        Field::Country => country(s.country.trim()),
    }
}

// Emoji are allowed in names: they are harmless shown as text, refusing them
// would ship emoji tables to every visitor and go stale with each Unicode
// release, and the zero-width joiner inside emoji sequences is also needed by
// Persian and Indic names. The honeypot, not the name rules, keeps bots out.
// Markup such as "<script>" is allowed too: it is only ever shown as text.
fn name(raw: &str) -> Result<(), Problem> {
    let v = raw.trim();
    if v.is_empty() {
        return Err(Problem::Missing);
    }
    if v.chars().any(is_hidden_or_control) {
        return Err(Problem::ControlCharacters);
    }
    if v.chars().count() > NAME_MAX {
        return Err(Problem::TooLong);
    }
    if !v.chars().any(char::is_alphabetic) {
        return Err(Problem::Invalid);
    }
    Ok(())
}

/// Characters that can hide or reorder text, break lines, or smuggle invisible
/// content into the campaign's spreadsheets and emails.
pub(crate) fn is_hidden_or_control(c: char) -> bool {
    matches!(c,
        // C0, DEL and C1 (NUL included), line and paragraph separators.
        '\0'..='\u{1F}' | '\u{7F}'..='\u{9F}' | '\u{2028}' | '\u{2029}'
        // Bidi embeddings, overrides and isolates, marks (LRM, RLM, ALM).
        | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        | '\u{200E}' | '\u{200F}' | '\u{061C}'
        // Zero-width space, word joiner and invisible operators, BOM.
        | '\u{200B}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
        // Fillers that render as nothing and are used for "blank" names.
        | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' | '\u{180E}'
        // Interlinear annotation controls, noncharacters.
        | '\u{FFF9}'..='\u{FFFB}' | '\u{FFFE}' | '\u{FFFF}'
        // Tag characters: invisible ASCII look-alikes ("ASCII smuggling").
        | '\u{E0000}'..='\u{E007F}')
}

/// The HTML standard's "valid e-mail address" (what `<input type=email>`
/// accepts), so the form and the browser never disagree.
fn email(v: &str) -> Result<(), Problem> {
    if v.is_empty() {
        return Err(Problem::Missing);
    }
    if v.chars().count() > EMAIL_MAX {
        return Err(Problem::TooLong);
    }
    let (local, domain) = v.split_once('@').ok_or(Problem::Invalid)?;
    let local_ok = !local.is_empty()
        && local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(&b));
    let label_ok = |l: &str| {
        let b = l.as_bytes();
        (1..=63).contains(&b.len())
            && b[0].is_ascii_alphanumeric()
            && b[b.len() - 1].is_ascii_alphanumeric()
            && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
    };
    // split('.') yields an empty label for a leading, trailing or doubled dot,
    // and a second '@' lands in a label; both fail label_ok.
    if local_ok && domain.split('.').all(label_ok) {
        Ok(())
    } else {
        Err(Problem::Invalid)
    }
}

fn zip(v: &str) -> Result<(), Problem> {
    // By bytes, not by slicing the text: a slice brings the bundle its
    // char-boundary panic, formatting included.
    let ok = match v.len() {
        0 => return Err(Problem::Missing),
        5 | 10 => v.bytes().enumerate().all(|(i, b)| match i {
            5 => b == b'-',
            _ => b.is_ascii_digit(),
        }),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(Problem::Invalid)
    }
}

fn country(v: &str) -> Result<(), Problem> {
    // Letters in any script; combining marks of the scripts that need them
    // (U+0300–U+1FFF: diacritics, Hebrew, Arabic, Indic, Thai vowel signs)
    // are not all "alphabetic", so that range is let through minus digits.
    let allowed = |c: char| {
        c.is_alphabetic()
            || matches!(c, ' ' | '-' | '\'' | '’' | '.' | '(' | ')')
            || (('\u{300}'..='\u{1FFF}').contains(&c) && !c.is_numeric())
    };
    let len = v.chars().count();
    if len == 0 {
        Err(Problem::Missing)
    } else if len < COUNTRY_MIN {
        Err(Problem::TooShort)
    } else if len > COUNTRY_MAX {
        Err(Problem::TooLong)
    } else if v.chars().any(is_hidden_or_control) {
        Err(Problem::ControlCharacters)
    } else if !v.chars().all(allowed) || !v.chars().any(char::is_alphabetic) {
        Err(Problem::Invalid)
    } else if is_us(v) {
        Err(Problem::UseZip)
    } else {
        Ok(())
    }
}

/// Whether a typed country means the United States, where a ZIP code is asked
/// for instead (the campaign counts US signatures by ZIP code).
fn is_us(v: &str) -> bool {
    let key: String = v
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    v.is_ascii()
        && matches!(
            key.as_str(),
            "us" | "usa" | "unitedstates" | "unitedstatesofamerica" | "america" | "theus"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::petition::signature::sig;

    #[test]
    fn residence_decides_between_zip_and_country() {
        let mut s = Signature {
            first_name: "Zoë".into(),
            last_name: "O'Brien".into(),
            email: "zoe@example.com".into(),
            zip: "12345".into(),
            country: String::new(),
            updates: false,
        };
        assert!(validate_for(&s, Residence::Us).is_empty());
        assert_eq!(
            validate_for(&s, Residence::Abroad),
            [(Field::Country, Problem::Missing)]
        );
        s.country = "Deutschland".into();
        assert!(validate_for(&s, Residence::Abroad).is_empty());
        assert_eq!(s.for_residence(Residence::Abroad).zip, "");
        assert_eq!(s.for_residence(Residence::Us).country, "");
        *s.text_mut(Field::Email) = " x ".into();
        assert_eq!(s.text(Field::Email), " x ");
    }

    fn ok() -> Signature {
        sig("Paul", "Whelan", "paul@example.com", "48104", "")
    }

    fn with_first(name: &str) -> Signature {
        Signature {
            first_name: name.into(),
            ..ok()
        }
    }

    #[test]
    fn a_complete_us_signature_has_no_problems() {
        assert_eq!(validate_for(&ok(), Residence::Us), vec![]);
    }

    #[test]
    fn an_empty_form_lists_every_missing_field_in_form_order() {
        let problems = validate_for(&Signature::default(), Residence::Us);
        assert_eq!(
            problems,
            vec![
                (Field::FirstName, Problem::Missing),
                (Field::LastName, Problem::Missing),
                (Field::Email, Problem::Missing),
                (Field::Zip, Problem::Missing),
            ]
        );
    }

    #[test]
    fn names_in_any_script_are_accepted() {
        for name in [
            "O'Brien",
            "Zoë",
            "Дарья",
            "李",
            "Jean-Luc",
            "Mary Ann",
            "José María",
            "محمد",
            "דניאל",
            "नमस्ते",
            "Nguyễn",
            "O’Connor",
            "  Paul  ",
            "Anna 🌻",
            "<script>alert(1)</script>",
            "Robert'); DROP TABLE signatures;--",
            "زهرا\u{200C}سادات",
        ] {
            assert_eq!(
                validate_field(Field::FirstName, &with_first(name)),
                Ok(()),
                "{name:?}"
            );
        }
    }

    #[test]
    fn hostile_or_empty_names_are_refused() {
        let long = "a".repeat(10_000);
        let cases: &[(&str, Problem)] = &[
            ("", Problem::Missing),
            ("   \t ", Problem::Missing),
            ("\u{3000}", Problem::Missing),
            ("Paul\u{0}", Problem::ControlCharacters),
            ("Pa\u{7}ul", Problem::ControlCharacters),
            ("Pa\u{7F}ul", Problem::ControlCharacters),
            ("Pa\u{85}ul", Problem::ControlCharacters),
            ("Pa\nul", Problem::ControlCharacters),
            ("\u{202E}nalehW", Problem::ControlCharacters),
            ("Paul\u{2066}x\u{2069}", Problem::ControlCharacters),
            ("Pa\u{200B}ul", Problem::ControlCharacters),
            ("Paul\u{E0041}", Problem::ControlCharacters),
            ("\u{3164}", Problem::ControlCharacters),
            (&long, Problem::TooLong),
            ("1234", Problem::Invalid),
            ("🌻🌻", Problem::Invalid),
            ("-.'", Problem::Invalid),
        ];
        for (name, problem) in cases {
            assert_eq!(
                validate_field(Field::FirstName, &with_first(name)),
                Err(*problem),
                "{name:?}"
            );
        }
    }

    #[test]
    fn name_length_counts_characters_not_bytes() {
        let hundred_cjk = "李".repeat(100);
        assert_eq!(
            validate_field(Field::FirstName, &with_first(&hundred_cjk)),
            Ok(())
        );
        let hundred_and_one = "é".repeat(101);
        assert_eq!(
            validate_field(Field::FirstName, &with_first(&hundred_and_one)),
            Err(Problem::TooLong)
        );
        let padded = format!("  {}  ", "a".repeat(100));
        assert_eq!(
            validate_field(Field::FirstName, &with_first(&padded)),
            Ok(())
        );
    }

    #[test]
    fn last_name_follows_the_same_rules() {
        let s = Signature {
            last_name: "\u{202E}x".into(),
            ..ok()
        };
        assert_eq!(
            validate_for(&s, Residence::Us),
            vec![(Field::LastName, Problem::ControlCharacters)]
        );
    }

    fn email_of(e: &str) -> Result<(), Problem> {
        validate_field(
            Field::Email,
            &Signature {
                email: e.into(),
                ..ok()
            },
        )
    }

    #[test]
    fn valid_emails_match_what_the_browser_accepts() {
        for e in [
            "paul@example.com",
            "  paul@example.com ",
            "first.last+tag@mail.example.co.uk",
            "o'brien@example.ie",
            "x@localhost",
            "a!#$%&'*+/=?^_`{|}~-@x-y.example",
            "1@2.3",
            &format!("{}@example.com", "a".repeat(64)),
            &format!("a@{}.com", "b".repeat(63)),
        ] {
            assert_eq!(email_of(e), Ok(()), "{e:?}");
        }
    }

    #[test]
    fn invalid_emails_are_refused() {
        let long_label = format!("a@{}.com", "b".repeat(64));
        let too_long = format!("{}@example.com", "a".repeat(250));
        let cases: &[(&str, Problem)] = &[
            ("", Problem::Missing),
            ("   ", Problem::Missing),
            ("paul.example.com", Problem::Invalid),
            ("paul@@example.com", Problem::Invalid),
            ("paul@ex@ample.com", Problem::Invalid),
            ("@example.com", Problem::Invalid),
            ("paul@", Problem::Invalid),
            ("paul@.example.com", Problem::Invalid),
            ("paul@example.com.", Problem::Invalid),
            ("paul@example..com", Problem::Invalid),
            ("paul@-example.com", Problem::Invalid),
            ("paul@example-.com", Problem::Invalid),
            ("pa ul@example.com", Problem::Invalid),
            ("paul@exa mple.com", Problem::Invalid),
            ("paul@exam_ple.com", Problem::Invalid),
            ("\"paul\"@example.com", Problem::Invalid),
            ("zoë@example.com", Problem::Invalid),
            ("paul@пример.рф", Problem::Invalid),
            ("paul@example.com\u{0}", Problem::Invalid),
            ("paul@example.com<script>", Problem::Invalid),
            ("javascript:alert(1)", Problem::Invalid),
            ("javascript:alert(1)@example.com", Problem::Invalid),
            (&long_label, Problem::Invalid),
            (&too_long, Problem::TooLong),
        ];
        for (e, problem) in cases {
            assert_eq!(email_of(e), Err(*problem), "{e:?}");
        }
    }

    #[test]
    fn zip_codes() {
        let zip_of = |z: &str| {
            validate_field(
                Field::Zip,
                &Signature {
                    zip: z.into(),
                    ..ok()
                },
            )
        };
        for z in ["02134", " 48104 ", "12345-6789"] {
            assert_eq!(zip_of(z), Ok(()), "{z:?}");
        }
        for z in [
            "1234",
            "123456",
            "12345-678",
            "12345 6789",
            "123456789",
            "abcde",
            "١٢٣٤٥",
            "12345-67890",
        ] {
            assert_eq!(zip_of(z), Err(Problem::Invalid), "{z:?}");
        }
        assert_eq!(zip_of(""), Err(Problem::Missing));
    }

    fn abroad(country: &str, zip: &str) -> Signature {
        Signature {
            country: country.into(),
            zip: zip.into(),
            ..ok()
        }
    }

    #[test]
    fn a_country_replaces_the_zip_code() {
        assert_eq!(
            validate_for(&abroad("Germany", ""), Residence::Abroad),
            vec![]
        );
        // A ZIP code typed before switching to a country is ignored, not an error.
        assert_eq!(
            validate_for(&abroad("Germany", "not a zip"), Residence::Abroad),
            vec![]
        );
    }

    #[test]
    fn country_names_in_any_script() {
        for c in [
            "Germany",
            "Côte d'Ivoire",
            "Côte d’Ivoire",
            "Guinea-Bissau",
            "St. Lucia",
            "Congo (Kinshasa)",
            "Россия",
            "日本",
            "भारत",
            "ประเทศไทย",
            "ישראל",
            "UK",
        ] {
            assert_eq!(
                validate_for(&abroad(c, ""), Residence::Abroad),
                vec![],
                "{c:?}"
            );
        }
    }

    #[test]
    fn bad_country_names() {
        let cases: &[(&str, Problem)] = &[
            ("X", Problem::TooShort),
            (&"a".repeat(61), Problem::TooLong),
            ("Germany1", Problem::Invalid),
            ("<b>France</b>", Problem::Invalid),
            ("France 🇫🇷", Problem::Invalid),
            ("-- ..", Problem::Invalid),
            ("Fr\u{202E}ance", Problem::ControlCharacters),
            ("USA", Problem::UseZip),
            ("U.S.", Problem::UseZip),
            ("united states", Problem::UseZip),
            ("United States of America", Problem::UseZip),
        ];
        for (c, problem) in cases {
            assert_eq!(
                validate_for(&abroad(c, ""), Residence::Abroad),
                vec![(Field::Country, *problem)],
                "{c:?}"
            );
        }
    }

    #[test]
    fn bots_are_spotted_by_the_honeypot_alone() {
        assert!(!looks_automated(""));
        assert!(looks_automated("http://spam.example"));
        assert!(looks_automated(" "));
    }
}
