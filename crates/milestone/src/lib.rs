//! The milestones of a time held: the one home of the rule, shared by the
//! app's cards and share text (`src/core/milestone.rs`, which re-exports it)
//! and the open data's calendar (`crates/casedata/src/export.rs`). A crate of
//! its own because neither of those can depend on the other: the app must
//! not link the data loader, and the loader runs before the app is built.
//!
//! # The rule
//!
//! - **Day milestones**: 100, 500, 1,000 days and every further 500 (1,500,
//!   2,000, …). Day N is reached at `start + N × 86,400 s`, the moment the
//!   timer's day count (`TimerSpan::total_days`: whole 86,400-second days)
//!   turns N. A person's UTC offset is fixed, so that is the arrest's
//!   wall-clock time N days later, and its date is the arrest's local date
//!   plus N days.
//! - **Anniversaries**: year k is reached at the arrest's wall-clock time on
//!   the same day k years later (28 February for a 29 February arrest in a
//!   common year), the moment the timer's calendar split
//!   (`Elapsed::years`) turns k.
//! - **Dates are the place's**: the calendar date at the arrest's UTC offset,
//!   as the timer's calendar is. A card never says "1,000 days on 9 October
//!   2024" while its counter, read on 9 October at the place, says otherwise.
//!   (A reader far west of the place may see the counter turn on the evening
//!   before, by their own calendar.)
//! - **Passed** means reached at or before `now`. **A release stops the
//!   count**: a milestone after it never comes (so none is next), one reached
//!   at its very instant is passed (the frozen counter shows it).
//! - **Last and next** are the nearest of either kind. A day milestone and an
//!   anniversary on the same day would be one milestone named by its day
//!   count; that never happens in the first 120 years of any arrest (a test
//!   checks every start day of a leap cycle).
//! - **An arrest day not known** (month or year only) has no milestones: its
//!   timer counts "about" N days from the 1st, and a milestone dated a month
//!   off would claim what no source says.

#![forbid(unsafe_code)]

use chrono::{DateTime, Datelike, Months, NaiveDateTime};

/// Seconds in a day of the count.
pub const DAY: i64 = 86_400;

/// What a milestone marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// This many days held.
    Days(u32),
    /// This many years since the arrest, to the day.
    Years(u32),
}

/// A calendar date at the place of arrest; `month` and `day` from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ymd {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// One milestone of one person's count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Milestone {
    pub kind: Kind,
    /// Unix seconds of the moment the count reaches it.
    pub at: i64,
    /// The day it falls on, in the place's calendar.
    pub date: Ymd,
}

/// What the rule needs of a person's count (the app's `TimerSpan`, the
/// data's `Arrest` and `Status`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// Unix seconds the count starts at.
    pub start: i64,
    /// Seconds east of UTC at the place of arrest.
    pub offset: i32,
    /// Unix seconds the count stops at (the release); `None` while it runs.
    pub end: Option<i64>,
    /// Whether the arrest's day is known: without it there are no milestones.
    pub day_known: bool,
}

/// The last milestone passed and the next one to come, as of a moment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Around {
    pub last: Option<Milestone>,
    pub next: Option<Milestone>,
}

/// The day counts that are milestones, in order: 100, 500, 1,000, 1,500, …
pub fn day_counts() -> impl Iterator<Item = u32> {
    [100, 500]
        .into_iter()
        .chain((2..).map_while(|i: u32| i.checked_mul(500)))
}

impl Span {
    /// Every milestone of the count in order, up to the release; none when
    /// the arrest day is not known.
    pub fn milestones(self) -> impl Iterator<Item = Milestone> {
        let days = day_counts().map_while(move |n| self.day(n));
        let years = (1..).map_while(move |k| self.anniversary(k));
        Merge {
            days: days.peekable(),
            years: years.peekable(),
        }
        .take_while(move |m| self.day_known && self.end.is_none_or(|end| m.at <= end))
    }

    /// The last milestone passed at `now` and the next one to come.
    pub fn around(self, now: i64) -> Around {
        let mut around = Around::default();
        for m in self.milestones() {
            if m.at > now {
                around.next = Some(m);
                break;
            }
            around.last = Some(m);
        }
        around
    }

    /// The last milestone passed, when it was reached at most `within_days`
    /// before `now` and the count still runs: news worth a share text or a
    /// preview. None once the person is released (the news is then the
    /// release, and the milestone before it is old).
    pub fn recent(self, now: i64, within_days: u32) -> Option<Milestone> {
        if self.end.is_some_and(|end| end <= now) {
            return None;
        }
        self.around(now)
            .last
            .filter(|m| now - m.at <= i64::from(within_days) * DAY)
    }

    /// The day milestones still to come after `now` and at most
    /// `within_days` after it, at most `count` of them (none after a release).
    pub fn upcoming_days(
        self,
        now: i64,
        within_days: u32,
        count: usize,
    ) -> impl Iterator<Item = Milestone> {
        let until = now.saturating_add(i64::from(within_days) * DAY);
        self.milestones()
            .skip_while(move |m| m.at <= now)
            .take_while(move |m| m.at <= until)
            .filter(|m| matches!(m.kind, Kind::Days(_)))
            .take(count)
    }

    /// Day `n` of the count.
    fn day(self, n: u32) -> Option<Milestone> {
        let at = self.start.checked_add(i64::from(n) * DAY)?;
        Some(Milestone {
            kind: Kind::Days(n),
            at,
            date: ymd(local(at, self.offset)?),
        })
    }

    /// The `k`-th anniversary of the arrest.
    fn anniversary(self, k: u32) -> Option<Milestone> {
        let local =
            local(self.start, self.offset)?.checked_add_months(Months::new(k.checked_mul(12)?))?;
        Some(Milestone {
            kind: Kind::Years(k),
            at: local
                .and_utc()
                .timestamp()
                .checked_sub(i64::from(self.offset))?,
            date: ymd(local),
        })
    }
}

/// The wall-clock time at `offset` of a Unix instant.
fn local(unix: i64, offset: i32) -> Option<NaiveDateTime> {
    Some(DateTime::from_timestamp(unix.checked_add(i64::from(offset))?, 0)?.naive_utc())
}

fn ymd(t: NaiveDateTime) -> Ymd {
    Ymd {
        year: t.year(),
        month: t.month() as u8,
        day: t.day() as u8,
    }
}

/// Two ordered runs of milestones as one; on the same instant, the day count.
struct Merge<D: Iterator<Item = Milestone>, Y: Iterator<Item = Milestone>> {
    days: std::iter::Peekable<D>,
    years: std::iter::Peekable<Y>,
}

impl<D: Iterator<Item = Milestone>, Y: Iterator<Item = Milestone>> Iterator for Merge<D, Y> {
    type Item = Milestone;

    fn next(&mut self) -> Option<Milestone> {
        match (self.days.peek(), self.years.peek()) {
            (Some(d), Some(y)) if y.at < d.at => self.years.next(),
            (Some(d), Some(y)) if y.at == d.at => {
                self.years.next();
                self.days.next()
            }
            (Some(_), _) => self.days.next(),
            (None, _) => self.years.next(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{FixedOffset, NaiveDate, TimeZone};

    const MOSCOW: i32 = 3 * 3600;
    const YEKATERINBURG: i32 = 5 * 3600;

    /// Unix seconds of midnight of a date at `offset`, as the data's
    /// arrest days are.
    fn midnight(offset: i32, y: i32, m: u32, d: u32) -> i64 {
        FixedOffset::east_opt(offset)
            .unwrap()
            .from_local_datetime(
                &NaiveDate::from_ymd_opt(y, m, d)
                    .unwrap()
                    .and_hms_opt(0, 0, 0)
                    .unwrap(),
            )
            .unwrap()
            .timestamp()
    }

    fn date(y: i32, m: u8, d: u8) -> Ymd {
        Ymd {
            year: y,
            month: m,
            day: d,
        }
    }

    fn held(start: i64, offset: i32) -> Span {
        Span {
            start,
            offset,
            end: None,
            day_known: true,
        }
    }

    fn kinds(m: Option<Milestone>) -> Option<(Kind, Ymd)> {
        m.map(|m| (m.kind, m.date))
    }

    #[test]
    fn the_day_counts_are_100_500_and_every_500_after() {
        let first: Vec<u32> = day_counts().take(6).collect();
        assert_eq!(first, [100, 500, 1000, 1500, 2000, 2500]);
    }

    #[test]
    fn david_barnes_arrested_13_january_2022_in_moscow() {
        // data/cases.toml: arrest.date = "2022-01-13", offset +03:00.
        let barnes = held(midnight(MOSCOW, 2022, 1, 13), MOSCOW);
        let all: Vec<(Kind, Ymd)> = barnes
            .milestones()
            .take(9)
            .map(|m| (m.kind, m.date))
            .collect();
        assert_eq!(
            all,
            [
                (Kind::Days(100), date(2022, 4, 23)),
                (Kind::Years(1), date(2023, 1, 13)),
                (Kind::Days(500), date(2023, 5, 28)),
                (Kind::Years(2), date(2024, 1, 13)),
                // The example: 1,000 days on 9 October 2024.
                (Kind::Days(1000), date(2024, 10, 9)),
                (Kind::Years(3), date(2025, 1, 13)),
                (Kind::Years(4), date(2026, 1, 13)),
                (Kind::Days(1500), date(2026, 2, 21)),
                (Kind::Years(5), date(2027, 1, 13)),
            ]
        );
        // …and 2,000 days on 6 July 2027.
        assert_eq!(
            barnes
                .milestones()
                .find(|m| m.kind == Kind::Days(2000))
                .map(|m| m.date),
            Some(date(2027, 7, 6))
        );
        // As of the record of 1 December 2026 the nearest are 1,500 days
        // (past) and the fifth anniversary (to come), not the issue's
        // example pair: 1,500 and the anniversaries are milestones too.
        let now = midnight(0, 2026, 12, 1) + 12 * 3600;
        let around = barnes.around(now);
        assert_eq!(
            kinds(around.last),
            Some((Kind::Days(1500), date(2026, 2, 21)))
        );
        assert_eq!(
            kinds(around.next),
            Some((Kind::Years(5), date(2027, 1, 13)))
        );
    }

    #[test]
    fn a_milestone_is_reached_at_the_arrests_time_of_day_at_the_place() {
        // Midnight 27 January 2024 in Yekaterinburg is 19:00 UTC on the 26th:
        // day 100 falls on 6 May there, while UTC still says 5 May.
        let start = midnight(YEKATERINBURG, 2024, 1, 27);
        let span = held(start, YEKATERINBURG);
        let hundred = span.milestones().next().unwrap();
        assert_eq!(
            (hundred.kind, hundred.date),
            (Kind::Days(100), date(2024, 5, 6))
        );
        assert_eq!(hundred.at, midnight(YEKATERINBURG, 2024, 5, 6));
        assert_eq!(DateTime::from_timestamp(hundred.at, 0).unwrap().day(), 5);
        // Not a second early: passed at its instant, to come one before.
        assert_eq!(kinds(span.around(hundred.at).last), kinds(Some(hundred)));
        assert_eq!(
            kinds(span.around(hundred.at - 1).next),
            kinds(Some(hundred))
        );
        assert_eq!(span.around(hundred.at - 1).last, None);
        // An arrest at 23:30 in Vladivostok (+10:00): every milestone keeps
        // that time of day, so its date is the arrest's date plus N days.
        let vvo = 10 * 3600;
        let late = held(midnight(vvo, 2024, 5, 2) + 23 * 3600 + 1800, vvo);
        let m = late.milestones().next().unwrap();
        assert_eq!((m.kind, m.date), (Kind::Days(100), date(2024, 8, 10)));
        let anniversary = late
            .milestones()
            .find(|m| m.kind == Kind::Years(1))
            .unwrap();
        assert_eq!(anniversary.date, date(2025, 5, 2));
        assert_eq!(anniversary.at, midnight(vvo, 2025, 5, 2) + 23 * 3600 + 1800);
    }

    #[test]
    fn arrested_less_than_100_days_ago_only_the_100th_day_is_ahead() {
        let now = midnight(0, 2026, 12, 1);
        let span = held(now - 37 * DAY, MOSCOW);
        let around = span.around(now);
        assert_eq!(around.last, None);
        let next = around.next.unwrap();
        assert_eq!((next.kind, next.at), (Kind::Days(100), now + 63 * DAY));
        assert_eq!(span.recent(now, 30), None);
        // Arrested today, and not yet: the same.
        assert_eq!(
            span.around(span.start).next.map(|m| m.kind),
            Some(Kind::Days(100))
        );
        assert_eq!(held(now + DAY, MOSCOW).around(now).last, None);
    }

    #[test]
    fn a_release_stops_the_milestones() {
        // Karelina: 27 January 2024 to 10 April 2025 (Yekaterinburg), 439 days.
        let start = midnight(YEKATERINBURG, 2024, 1, 27);
        let karelina = Span {
            end: Some(midnight(YEKATERINBURG, 2025, 4, 10)),
            ..held(start, YEKATERINBURG)
        };
        let all: Vec<Kind> = karelina.milestones().map(|m| m.kind).collect();
        assert_eq!(all, [Kind::Days(100), Kind::Years(1)]);
        let now = midnight(0, 2026, 12, 1);
        let around = karelina.around(now);
        assert_eq!(
            kinds(around.last),
            Some((Kind::Years(1), date(2025, 1, 27)))
        );
        assert_eq!(around.next, None, "500 days would have been 10 June 2025");
        assert!(karelina.upcoming_days(now, 3 * 366, 2).next().is_none());
        // Released 10 days after a milestone: it is not news any more.
        let freed = Span {
            end: Some(start + 510 * DAY),
            ..held(start, YEKATERINBURG)
        };
        assert_eq!(freed.recent(start + 515 * DAY, 30), None);
        assert_eq!(
            freed.recent(start + 505 * DAY, 30).map(|m| m.kind),
            Some(Kind::Days(500))
        );
        // A milestone at the release's very instant is passed: the frozen
        // counter shows it.
        let on_the_day = Span {
            end: Some(start + 500 * DAY),
            ..held(start, YEKATERINBURG)
        };
        assert_eq!(
            on_the_day.around(now).last.map(|m| m.kind),
            Some(Kind::Days(500))
        );
        assert_eq!(on_the_day.around(now).next, None);
    }

    #[test]
    fn a_29_february_arrest_has_its_anniversary_on_28_february() {
        let span = held(midnight(MOSCOW, 2024, 2, 29), MOSCOW);
        let years: Vec<Ymd> = span
            .milestones()
            .filter(|m| matches!(m.kind, Kind::Years(_)))
            .take(4)
            .map(|m| m.date)
            .collect();
        assert_eq!(
            years,
            [
                date(2025, 2, 28),
                date(2026, 2, 28),
                date(2027, 2, 28),
                date(2028, 2, 29)
            ]
        );
    }

    #[test]
    fn an_arrest_day_not_known_has_no_milestones() {
        let span = Span {
            day_known: false,
            ..held(midnight(MOSCOW, 2020, 2, 1), MOSCOW)
        };
        assert_eq!(span.milestones().count(), 0);
        assert_eq!(span.around(midnight(0, 2026, 12, 1)), Around::default());
    }

    #[test]
    fn recent_is_the_last_milestone_within_the_window() {
        let barnes = held(midnight(MOSCOW, 2022, 1, 13), MOSCOW);
        let fifteen = midnight(MOSCOW, 2026, 2, 21);
        assert_eq!(
            barnes.recent(fifteen, 30).map(|m| m.kind),
            Some(Kind::Days(1500))
        );
        assert_eq!(
            barnes.recent(fifteen + 30 * DAY, 30).map(|m| m.kind),
            Some(Kind::Days(1500))
        );
        assert_eq!(barnes.recent(fifteen + 30 * DAY + 1, 30), None);
        // The day before, the fourth anniversary was 39 days old: too old.
        assert_eq!(barnes.recent(fifteen - 1, 30), None);
        let four = midnight(MOSCOW, 2026, 1, 13);
        assert_eq!(
            barnes.recent(four + 10 * DAY, 30).map(|m| m.kind),
            Some(Kind::Years(4))
        );
    }

    #[test]
    fn upcoming_days_are_the_next_day_milestones_within_the_horizon() {
        let barnes = held(midnight(MOSCOW, 2022, 1, 13), MOSCOW);
        let now = midnight(0, 2026, 12, 1);
        let next: Vec<(Kind, Ymd)> = barnes
            .upcoming_days(now, 3 * 366, 2)
            .map(|m| (m.kind, m.date))
            .collect();
        assert_eq!(
            next,
            [
                (Kind::Days(2000), date(2027, 7, 6)),
                (Kind::Days(2500), date(2028, 11, 17)),
            ]
        );
        // A horizon of one year holds 2,000 days only.
        assert_eq!(barnes.upcoming_days(now, 366, 2).count(), 1);
    }

    #[test]
    fn day_counts_and_anniversaries_never_share_a_day_in_120_years() {
        // Every start day of a leap cycle: no anniversary falls on a day
        // count, so the merge's tie rule is never needed for a real arrest.
        let first = midnight(MOSCOW, 2000, 1, 1);
        for d in 0..1461 {
            let span = held(first + d * DAY, MOSCOW);
            for k in 1..=120 {
                let days = (span.anniversary(k).unwrap().at - span.start) / DAY;
                let days = u32::try_from(days).unwrap();
                assert!(
                    day_counts().take_while(|&n| n <= days).all(|n| n != days),
                    "start day {d}, year {k}: {days} days"
                );
            }
        }
        // Were they to, the day count names the day, once.
        let mut merged = Merge {
            days: [Milestone {
                kind: Kind::Days(500),
                at: 5,
                date: date(2000, 1, 1),
            }]
            .into_iter()
            .peekable(),
            years: [Milestone {
                kind: Kind::Years(1),
                at: 5,
                date: date(2000, 1, 1),
            }]
            .into_iter()
            .peekable(),
        };
        assert_eq!(merged.next().map(|m| m.kind), Some(Kind::Days(500)));
        assert_eq!(merged.next(), None);
    }

    #[test]
    fn out_of_range_instants_end_the_run_without_panicking() {
        let span = held(i64::MAX - 10 * DAY, i32::MAX);
        assert_eq!(span.milestones().count(), 0);
        let _ = held(i64::MIN, 0).around(0);
    }
}
