//! How long someone has been held, in calendar terms.
//!
//! Always computed from two instants, never by counting ticks, so the value is
//! right after sleep, a background tab or a paused clock.

use chrono::{DateTime, Datelike, Months, NaiveDateTime};

/// Elapsed time split calendar-correctly: whole years and months first (in the
/// local calendar of the place of arrest), then the remaining days and clock time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Elapsed {
    pub years: u32,
    pub months: u32,
    pub days: u32,
    pub hours: u32,
    pub minutes: u32,
    pub seconds: u32,
    /// Whole days (86,400 s) between the two instants.
    pub total_days: u64,
}

impl Elapsed {
    /// From `start` to `end` (Unix seconds), with calendar math done at
    /// `offset` seconds east of UTC. An `end` before `start` is zero.
    ///
    /// A month is counted once its day-of-month comes round; when the month is
    /// shorter, its last day counts (31 January + 1 month = 28/29 February,
    /// 29 February + 1 year = 28 February).
    pub fn between(start: i64, offset: i32, end: i64) -> Self {
        if end <= start {
            return Self::default();
        }
        let (Some(from), Some(to)) = (local(start, offset), local(end, offset)) else {
            return Self::default();
        };
        let month_index = |d: &NaiveDateTime| i64::from(d.year()) * 12 + i64::from(d.month0());
        let mut months = u32::try_from(month_index(&to) - month_index(&from)).unwrap_or(0);
        let add = |m: u32| from.checked_add_months(Months::new(m));
        let mut anchor = add(months);
        while months > 0 && anchor.is_none_or(|a| a > to) {
            months -= 1;
            anchor = add(months);
        }
        let rest = anchor.map_or(0, |a| (to - a).num_seconds()).max(0) as u64;
        Self {
            years: months / 12,
            months: months % 12,
            days: (rest / 86_400) as u32,
            hours: (rest % 86_400 / 3_600) as u32,
            minutes: (rest % 3_600 / 60) as u32,
            seconds: (rest % 60) as u32,
            total_days: (end - start) as u64 / 86_400,
        }
    }
}

fn local(unix: i64, offset: i32) -> Option<NaiveDateTime> {
    Some(DateTime::from_timestamp(unix.checked_add(i64::from(offset))?, 0)?.naive_utc())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{FixedOffset, NaiveDate, TimeZone};

    const MOSCOW: i32 = 3 * 3600;

    /// Unix seconds of a local wall-clock time at `offset`.
    fn at(offset: i32, y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> i64 {
        let local = NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, s)
            .unwrap();
        FixedOffset::east_opt(offset)
            .unwrap()
            .from_local_datetime(&local)
            .unwrap()
            .timestamp()
    }

    fn ymd(e: Elapsed) -> (u32, u32, u32) {
        (e.years, e.months, e.days)
    }

    #[test]
    fn exactly_one_year() {
        let e = Elapsed::between(
            at(MOSCOW, 2022, 1, 17, 0, 0, 0),
            MOSCOW,
            at(MOSCOW, 2023, 1, 17, 0, 0, 0),
        );
        assert_eq!(
            e,
            Elapsed {
                years: 1,
                total_days: 365,
                ..Elapsed::default()
            }
        );
        let leap = Elapsed::between(
            at(MOSCOW, 2024, 1, 1, 0, 0, 0),
            MOSCOW,
            at(MOSCOW, 2025, 1, 1, 0, 0, 0),
        );
        assert_eq!((ymd(leap), leap.total_days), ((1, 0, 0), 366));
    }

    #[test]
    fn one_second_short_of_a_year() {
        let e = Elapsed::between(
            at(MOSCOW, 2022, 1, 17, 0, 0, 0),
            MOSCOW,
            at(MOSCOW, 2023, 1, 16, 23, 59, 59),
        );
        assert_eq!(
            (ymd(e), e.hours, e.minutes, e.seconds),
            ((0, 11, 30), 23, 59, 59)
        );
    }

    #[test]
    fn february_29_arrest() {
        let start = at(MOSCOW, 2024, 2, 29, 0, 0, 0);
        // The year is complete on 28 February, the last day of a short February.
        assert_eq!(
            ymd(Elapsed::between(
                start,
                MOSCOW,
                at(MOSCOW, 2025, 2, 28, 0, 0, 0)
            )),
            (1, 0, 0)
        );
        assert_eq!(
            ymd(Elapsed::between(
                start,
                MOSCOW,
                at(MOSCOW, 2025, 2, 27, 12, 0, 0)
            )),
            (0, 11, 29)
        );
        assert_eq!(
            ymd(Elapsed::between(
                start,
                MOSCOW,
                at(MOSCOW, 2025, 3, 1, 0, 0, 0)
            )),
            (1, 0, 1)
        );
        assert_eq!(
            ymd(Elapsed::between(
                start,
                MOSCOW,
                at(MOSCOW, 2028, 2, 29, 0, 0, 0)
            )),
            (4, 0, 0)
        );
    }

    #[test]
    fn month_ends() {
        let jan31 = at(MOSCOW, 2023, 1, 31, 0, 0, 0);
        // 31 January + 1 month is 28 February in a common year.
        assert_eq!(
            ymd(Elapsed::between(
                jan31,
                MOSCOW,
                at(MOSCOW, 2023, 2, 28, 0, 0, 0)
            )),
            (0, 1, 0)
        );
        assert_eq!(
            ymd(Elapsed::between(
                jan31,
                MOSCOW,
                at(MOSCOW, 2023, 2, 27, 0, 0, 0)
            )),
            (0, 0, 27)
        );
        assert_eq!(
            ymd(Elapsed::between(
                jan31,
                MOSCOW,
                at(MOSCOW, 2023, 3, 1, 0, 0, 0)
            )),
            (0, 1, 1)
        );
        assert_eq!(
            ymd(Elapsed::between(
                jan31,
                MOSCOW,
                at(MOSCOW, 2023, 3, 31, 0, 0, 0)
            )),
            (0, 2, 0)
        );
        // 29 February in a leap year.
        let jan31_leap = at(MOSCOW, 2024, 1, 31, 0, 0, 0);
        assert_eq!(
            ymd(Elapsed::between(
                jan31_leap,
                MOSCOW,
                at(MOSCOW, 2024, 2, 29, 0, 0, 0)
            )),
            (0, 1, 0)
        );
    }

    #[test]
    fn calendar_math_happens_in_the_local_time_of_the_arrest() {
        // Midnight 27 January in Yekaterinburg (+05:00) is 19:00 UTC on the 26th.
        let ekb = 5 * 3600;
        let start = at(ekb, 2024, 1, 27, 0, 0, 0);
        assert_eq!(start, at(0, 2024, 1, 26, 19, 0, 0));
        // 20:00 UTC on 26 February is 01:00 on 27 February there: one month and one hour.
        let e = Elapsed::between(start, ekb, at(0, 2024, 2, 26, 20, 0, 0));
        assert_eq!((ymd(e), e.hours), ((0, 1, 0), 1));
        // Vladivostok, +10:00, crossing midnight UTC the other way.
        let vvo = 10 * 3600;
        let e = Elapsed::between(
            at(vvo, 2024, 5, 2, 0, 0, 0),
            vvo,
            at(0, 2024, 6, 1, 14, 0, 1),
        );
        assert_eq!((ymd(e), e.hours, e.seconds), ((0, 1, 0), 0, 1));
    }

    #[test]
    fn release_freezes_the_value() {
        // Karelina: 27 January 2024 to 10 April 2025, held 439 days.
        let ekb = 5 * 3600;
        let e = Elapsed::between(
            at(ekb, 2024, 1, 27, 0, 0, 0),
            ekb,
            at(ekb, 2025, 4, 10, 0, 0, 0),
        );
        assert_eq!((ymd(e), e.total_days), ((1, 2, 14), 439));
    }

    #[test]
    fn an_arrest_in_the_future_is_zero_and_never_panics() {
        let now = at(0, 2026, 11, 24, 12, 0, 0);
        assert_eq!(
            Elapsed::between(now + 86_400, MOSCOW, now),
            Elapsed::default()
        );
        assert_eq!(
            Elapsed::between(i64::MAX, MOSCOW, i64::MIN),
            Elapsed::default()
        );
        assert_eq!(
            Elapsed::between(i64::MIN, i32::MAX, i64::MAX),
            Elapsed::default()
        );
    }

    #[test]
    fn total_days_count_whole_days_of_elapsed_time() {
        let start = at(MOSCOW, 2022, 1, 17, 0, 0, 0);
        let e = Elapsed::between(start, MOSCOW, start + 1_771 * 86_400 + 86_399);
        assert_eq!(e.total_days, 1_771);
    }
}
