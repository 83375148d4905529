//! Reads the signature counter `{"count": n, "goal": m}` without a JSON parser.

/// `(count, goal)` from the count endpoint's body; `None` unless both are
/// whole numbers and the goal is positive.
pub fn parse_count(body: &str) -> Option<(u64, u64)> {
    let goal = number_after(body, "\"goal\"")?;
    Some((number_after(body, "\"count\"")?, goal)).filter(|_| goal > 0)
}

fn number_after(body: &str, key: &str) -> Option<u64> {
    let rest = &body[body.find(key)? + key.len()..];
    let rest = rest.trim_start().strip_prefix(':')?.trim_start();
    let digits: &str = &rest[..rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len())];
    digits.parse().ok()
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
    }

    #[test]
    fn refuses_anything_else() {
        for body in [
            "",
            "{}",
            r#"{"count": -1, "goal": 5}"#,
            r#"{"count": "7", "goal": 5}"#,
            r#"{"count": 1, "goal": 0}"#,
            "<html>",
        ] {
            assert_eq!(parse_count(body), None, "{body}");
        }
    }
}
