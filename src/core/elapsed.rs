//! How long someone has been held, in calendar terms.
//!
//! Always computed from two instants, never by counting ticks, so the value is
//! right after sleep, a background tab or a paused clock.

// Civil-calendar arithmetic by hand rather than chrono's: the page's WASM
// computes this on every tick, and chrono's dates bring kilobytes of tables
// and code to it. The tests hold it to chrono's answers.

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
        let (Some(from), Some(to)) = (Local::at(start, offset), Local::at(end, offset)) else {
            return Self::default();
        };
        let mut months = u32::try_from(to.month_index() - from.month_index()).unwrap_or(0);
        let mut anchor = from.plus_months(months);
        while months > 0 && anchor.is_none_or(|a| a > to.seconds) {
            months -= 1;
            anchor = from.plus_months(months);
        }
        let rest = anchor.map_or(0, |a| to.seconds - a).max(0) as u64;
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

/// The years a date may have, as in chrono, so that extreme inputs come out
/// as they always have (zero).
const YEARS: std::ops::RangeInclusive<i64> = -262_143..=262_142;

/// A wall-clock time at an offset, in the proleptic Gregorian calendar.
struct Local {
    /// Seconds since 1970-01-01 00:00 of that wall clock.
    seconds: i64,
    year: i64,
    /// 1 to 12.
    month: u32,
    day: u32,
}

impl Local {
    fn at(unix: i64, offset: i32) -> Option<Self> {
        let seconds = unix.checked_add(i64::from(offset))?;
        let (year, month, day) = civil_from_days(seconds.div_euclid(86_400));
        YEARS.contains(&year).then_some(Self {
            seconds,
            year,
            month,
            day,
        })
    }

    fn month_index(&self) -> i64 {
        self.year * 12 + i64::from(self.month) - 1
    }

    /// The same wall-clock time `months` later, on the month's last day when
    /// it is shorter; `None` out of range.
    fn plus_months(&self, months: u32) -> Option<i64> {
        let index = self.month_index() + i64::from(i32::try_from(months).ok()?);
        let (year, month) = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
        if !YEARS.contains(&year) {
            return None;
        }
        let day = self.day.min(days_in_month(year, month));
        Some(days_from_civil(year, month, day) * 86_400 + self.seconds.rem_euclid(86_400))
    }
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's algorithms (chrono-compatible date algorithms,
// howardhinnant.github.io/date_algorithms.html): eras of 400 years, years
// starting in March so that the leap day comes last.

/// Days since 1970-01-01 of a date.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = i64::from((month + 9) % 12);
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date (year, month 1 to 12, day) of a count of days since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_from_march + 2) / 5 + 1) as u32;
    let month = ((month_from_march + 2) % 12 + 1) as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Datelike, FixedOffset, Months, NaiveDate, NaiveDateTime, TimeZone};

    /// The computation as chrono does it, which the hand-written calendar
    /// must match on every input.
    fn with_chrono(start: i64, offset: i32, end: i64) -> Elapsed {
        if end <= start {
            return Elapsed::default();
        }
        let local = |unix: i64| -> Option<NaiveDateTime> {
            Some(DateTime::from_timestamp(unix.checked_add(i64::from(offset))?, 0)?.naive_utc())
        };
        let (Some(from), Some(to)) = (local(start), local(end)) else {
            return Elapsed::default();
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
        Elapsed {
            years: months / 12,
            months: months % 12,
            days: (rest / 86_400) as u32,
            hours: (rest % 86_400 / 3_600) as u32,
            minutes: (rest % 3_600 / 60) as u32,
            seconds: (rest % 60) as u32,
            total_days: (end - start) as u64 / 86_400,
        }
    }

    #[test]
    fn the_calendar_agrees_with_chrono() {
        // A fixed pseudo-random walk (64-bit LCG) over spans of seconds to
        // centuries, offsets of either sign, month ends and leap days.
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            state >> 11
        };
        let day = 86_400_i64;
        for _ in 0..200_000 {
            let start = (next() % (800 * 365 * day as u64)) as i64 - 400 * 365 * day;
            let span = match next() % 4 {
                0 => (next() % (3 * day as u64)) as i64,
                1 => (next() % (400 * day as u64)) as i64,
                2 => (next() % (40 * 365 * day as u64)) as i64,
                _ => (next() % (400 * 365 * day as u64)) as i64,
            };
            let offset = (next() % (28 * 3_600)) as i32 - 14 * 3_600;
            assert_eq!(
                Elapsed::between(start, offset, start + span),
                with_chrono(start, offset, start + span),
                "{start} {offset} {span}"
            );
        }
        // Month ends and 29 February, from midnight and from a second before.
        for year in [1900, 1970, 2000, 2023, 2024, 2100] {
            for month in 1..=12 {
                for d in [28, 29, 30, 31] {
                    let Some(date) = NaiveDate::from_ymd_opt(year, month, d) else {
                        continue;
                    };
                    let midnight = date.and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp();
                    for start in [midnight - 1, midnight] {
                        for span in [
                            1,
                            day - 1,
                            day,
                            27 * day,
                            28 * day,
                            29 * day,
                            30 * day,
                            31 * day,
                            365 * day,
                            366 * day,
                            1_461 * day,
                        ] {
                            for offset in [0, MOSCOW, -5 * 3_600] {
                                assert_eq!(
                                    Elapsed::between(start, offset, start + span),
                                    with_chrono(start, offset, start + span),
                                    "{start} {offset} {span}"
                                );
                            }
                        }
                    }
                }
            }
        }
        // The edges of the representable calendar and of i64.
        let first = NaiveDate::from_ymd_opt(-262_143, 1, 1).unwrap();
        let last = NaiveDate::from_ymd_opt(262_142, 12, 31).unwrap();
        let edge = |d: NaiveDate| d.and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp();
        for (start, end) in [
            (edge(first) - 1, edge(first) + day),
            (edge(first), edge(first) + 400 * day),
            (edge(last) - 400 * day, edge(last) + day - 1),
            (edge(last), edge(last) + day),
            (edge(first), edge(last)),
            (0, i64::MAX),
            (i64::MIN, 0),
        ] {
            for offset in [i32::MIN, -1, 0, 1, i32::MAX] {
                assert_eq!(
                    Elapsed::between(start, offset, end),
                    with_chrono(start, offset, end),
                    "{start} {offset} {end}"
                );
            }
        }
    }

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
