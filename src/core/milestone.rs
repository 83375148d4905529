//! A person's milestones (100, 500, 1,000 days and every further 500; arrest
//! anniversaries) as the cards, the share text and the previews name them.
//!
//! The rule itself, and its documentation, is the `milestone` crate's
//! (`crates/milestone`), shared with the open data's calendar: in short, a
//! milestone falls on the day the person's own timer reaches it, in the
//! place's calendar; none comes after a release; an arrest known only to the
//! month has none. Here, the app's types.

use crate::core::model::{Date, Person, TimerSpan};
pub use milestone::{day_counts, Around, Kind, Milestone, Span, Ymd, DAY};

/// How recent a milestone is still news, for the share text and the
/// previews: reached at most this many days before the build.
pub const RECENT_DAYS: u32 = 30;

/// The rule's view of a timer.
pub fn span(timer: &TimerSpan) -> Span {
    Span {
        start: timer.start,
        offset: timer.offset,
        end: timer.end,
        day_known: timer.day_known,
    }
}

/// The last milestone passed at `now` (Unix seconds) and the next to come.
pub fn around(timer: &TimerSpan, now: i64) -> Around {
    span(timer).around(now)
}

/// The person's last milestone when it was reached at most `within_days`
/// before `now` and they are still counted (none once released): for the
/// share text and the preview images, with [`RECENT_DAYS`].
pub fn recent(person: &Person, now: i64, within_days: u32) -> Option<Milestone> {
    span(person.timer).recent(now, within_days)
}

/// The day a milestone falls on, as the app's dates are.
pub fn date(m: &Milestone) -> Date {
    Date {
        year: m.date.year,
        month: m.date.month,
        day: m.date.day,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::data::{PEOPLE, TIMER_SPANS};

    fn person(id: &str) -> &'static Person {
        PEOPLE.iter().find(|p| p.id == id).expect(id)
    }

    /// 1 December 2026, 12:00 UTC: the record's fact check.
    const RECORD: i64 = 1_796_126_400;

    fn day(year: i32, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn every_milestone_falls_when_the_persons_own_timer_reaches_it() {
        // The card must never name a day its counter disagrees with: at the
        // milestone's instant the timer shows it, a second before it does not.
        for frozen in TIMER_SPANS.iter().filter(|t| t.day_known) {
            // A released person's timer stands at the release; before it,
            // it counted as this one does.
            let timer = &TimerSpan {
                end: None,
                ..*frozen
            };
            for m in span(frozen).milestones().take(40) {
                let (before, at) = (timer.elapsed(m.at - 1), timer.elapsed(m.at));
                match m.kind {
                    Kind::Days(n) => {
                        assert_eq!(timer.total_days(m.at), u64::from(n), "{}", timer.id);
                        assert_eq!(before.total_days, u64::from(n) - 1, "{}", timer.id);
                    }
                    Kind::Years(k) => {
                        assert_eq!((at.years, at.months, at.days), (k, 0, 0), "{}", timer.id);
                        assert!(before.years < k, "{}", timer.id);
                    }
                }
                // The date is the place's: that instant's wall clock there.
                let local = chrono::DateTime::from_timestamp(m.at + i64::from(timer.offset), 0)
                    .unwrap()
                    .date_naive();
                assert_eq!(local.to_string(), date(&m).iso(), "{}", timer.id);
            }
        }
    }

    #[test]
    fn david_barnes_from_the_data() {
        // data/cases.toml: arrested 13 January 2022, Moscow time. The issue's
        // example dates hold (1,000 days on 9 October 2024, 2,000 on 6 July
        // 2027), but as of the record the nearest milestones are 1,500 days
        // and the fifth anniversary.
        let barnes = person("david-barnes");
        let all: Vec<(Kind, Date)> = span(barnes.timer)
            .milestones()
            .filter(|m| matches!(m.kind, Kind::Days(_)))
            .take(5)
            .map(|m| (m.kind, date(&m)))
            .collect();
        assert_eq!(
            all,
            [
                (Kind::Days(100), day(2022, 4, 23)),
                (Kind::Days(500), day(2023, 5, 28)),
                (Kind::Days(1000), day(2024, 10, 9)),
                (Kind::Days(1500), day(2026, 2, 21)),
                (Kind::Days(2000), day(2027, 7, 6)),
            ]
        );
        let around = around(barnes.timer, RECORD);
        let named = |m: Option<Milestone>| m.map(|m| (m.kind, date(&m)));
        assert_eq!(
            named(around.last),
            Some((Kind::Days(1500), day(2026, 2, 21)))
        );
        assert_eq!(named(around.next), Some((Kind::Years(5), day(2027, 1, 13))));
        // 1,500 days was long before the record: not news.
        assert_eq!(recent(barnes, RECORD, RECENT_DAYS), None);
        let after = around.last.unwrap().at + 3 * DAY;
        assert_eq!(
            recent(barnes, after, RECENT_DAYS).map(|m| m.kind),
            Some(Kind::Days(1500))
        );
    }

    #[test]
    fn people_who_came_home_have_no_next_milestone() {
        // Karelina: 27 January 2024 to 10 April 2025, 439 days; Gilman:
        // 17 January 2022 to 11 August 2026 (1,667 days).
        let karelina = around(person("ksenia-karelina").timer, RECORD);
        assert_eq!(karelina.next, None);
        let last = karelina.last.unwrap();
        assert_eq!((last.kind, date(&last)), (Kind::Years(1), day(2025, 1, 27)));
        let gilman = person("robert-gilman");
        let last = around(gilman.timer, RECORD).last.unwrap();
        assert_eq!(
            (last.kind, date(&last)),
            (Kind::Days(1500), day(2026, 2, 25))
        );
        assert_eq!(around(gilman.timer, RECORD).next, None);
        // Home: never news, whenever the build.
        let end = gilman.timer.end.unwrap();
        assert_eq!(recent(gilman, end, 365), None);
    }

    #[test]
    fn an_arrest_known_to_the_month_has_no_milestones() {
        let month_only: Vec<&TimerSpan> = TIMER_SPANS.iter().filter(|t| !t.day_known).collect();
        assert!(!month_only.is_empty(), "the data has a month-only arrest");
        for timer in month_only {
            assert_eq!(around(timer, RECORD), Around::default(), "{}", timer.id);
        }
    }
}
