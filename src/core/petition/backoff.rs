//! How long to wait before sending a signature again.

const BACKOFF_BASE_MS: u64 = 2_000;
const BACKOFF_CAP_MS: u64 = 300_000;
const BACKOFF_MIN_MS: u64 = 1_000;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
