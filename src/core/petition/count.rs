//! Reads the signature counter `{"count": n, "goal": m}` without a JSON parser.

/// Above this, a count or goal is taken for a broken endpoint's, not a
/// petition's: no campaign of this kind gathers a billion signatures.
pub const MAX_COUNT: u64 = 1_000_000_000;

/// Sent on the window when a signature is delivered, so the page's counter
/// asks again and the person who just signed sees themselves counted.
pub const SIGNED_EVENT: &str = "left-behind:signed";

/// `(count, goal)` from the count endpoint's body; `None` unless both are
/// whole numbers of at most [`MAX_COUNT`] and the goal is positive, so a
/// broken endpoint hides the counter rather than show nonsense.
pub fn parse_count(body: &str) -> Option<(u64, u64)> {
    let t = body.trim();
    if !(t.starts_with('{') && t.ends_with('}')) {
        return None;
    }
    let goal = number_after(t, "\"goal\"")?;
    let count = number_after(t, "\"count\"")?;
    (goal > 0 && goal <= MAX_COUNT && count <= MAX_COUNT).then_some((count, goal))
}

/// The whole number after `key:`, ending where the JSON value ends: `12.5`,
/// `12e3` and `12abc` are not whole numbers.
fn number_after(body: &str, key: &str) -> Option<u64> {
    // Sliced by `get`, never by index: an index's panic path formats its
    // message with `char`'s Debug and the Unicode tables behind it; and found
    // bytewise, lighter than `str`'s substring search. Kilobytes of the
    // page's WASM either way.
    let at = body
        .as_bytes()
        .windows(key.len())
        .position(|w| w == key.as_bytes())?;
    let rest = body.get(at + key.len()..)?;
    let rest = rest.trim_start().strip_prefix(':')?.trim_start();
    let end = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after = rest.get(end..)?.trim_start();
    if end == 0 || !after.starts_with([',', '}']) {
        return None;
    }
    rest.bytes().take(end).try_fold(0u64, |n, digit| {
        n.checked_mul(10)?.checked_add(u64::from(digit - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_count_and_goal_in_any_order_and_spacing() {
        assert_eq!(
            parse_count(r#"{"count": 1234, "goal": 10000}"#),
            Some((1234, 10000))
        );
        assert_eq!(parse_count(r#"{"goal":5,"count":0}"#), Some((0, 5)));
        assert_eq!(
            parse_count(" {\n  \"count\" : 7 ,\n  \"goal\" : 1000000000\n}\n"),
            Some((7, 1_000_000_000))
        );
        // Past the goal is still a real count.
        assert_eq!(parse_count(r#"{"count":12,"goal":10}"#), Some((12, 10)));
    }

    #[test]
    fn refuses_anything_else() {
        for body in [
            "",
            "{}",
            "null",
            "not json",
            "<html><body>Service Unavailable</body></html>",
            r#"["count", 1, "goal", 5]"#,
            r#"{"count": -1, "goal": 5}"#,
            r#"{"count": 1, "goal": -5}"#,
            r#"{"count": "7", "goal": 5}"#,
            r#"{"count": 1, "goal": 0}"#,
            r#"{"count": 1.5, "goal": 5}"#,
            r#"{"count": 1e3, "goal": 5000}"#,
            r#"{"count": 12abc, "goal": 50}"#,
            r#"{"count": null, "goal": 5}"#,
            r#"{"count": 1000000001, "goal": 2000000000}"#,
            r#"{"count": 1000000001, "goal": 5}"#,
            r#"{"count": 5, "goal": 1000000001}"#,
            r#"{"count": 99999999999999999999999, "goal": 5}"#,
            r#"{"count": 5}"#,
            r#"{"goal": 5}"#,
            r#"{"count": 1, "goal": 5"#,
        ] {
            assert_eq!(parse_count(body), None, "{body}");
        }
    }
}
