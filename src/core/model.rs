//! The case data as the app sees it: static values compiled in by `build.rs`.
//!
//! # Words in other languages
//!
//! Every type that carries words ([`Campaign`], [`Person`], [`Exchange`],
//! [`News`], [`Explainer`], [`PetitionText`]) is compiled once in English and
//! once per language of `data/languages.toml` (`crate::core::data::content`).
//! The facts are the English file's in every language; only the words differ.
//!
//! A preview language may lack a field's translation, or have one made from
//! an older English text: the field then holds the English text, and its key
//! is in the value's `english` list. The keys are those of the translation
//! files (`data/TRANSLATING.md`), relative to the value:
//!
//! - `Person`: `name`, `tagline`, `about`, `charge`, `story`, `arrest.place`,
//!   `arrest.note`, `sentence_note`, `status.how`, `status.note`,
//!   `designation.note`, `sentence.<i>.term`, `sentence.<i>.event`,
//!   `sentence.<i>.note` (`<i>` counts steps from 0);
//! - `Exchange`: `place`, `summary`, `note`, `date_note`, `to_east.<i>.name`,
//!   `to_east.<i>.note`, `to_west.<i>.name`, `to_west.<i>.note` (a party linked
//!   to a case is named as the person is, and is listed when that name is);
//! - `Campaign`: `heading`, `why`; `News`: `excerpt`; `Explainer`: `heading`,
//!   `body`; `PetitionText`: `heading`, `ask`, `privacy`.
//!
//! A component showing such a field marks it `lang="en"` with "(in English)"
//! in the reader's language: ask `value.in_english("story")`. The list is
//! empty in English and in a published language, which the build refuses to
//! compile with a field missing or stale.

use crate::core::elapsed::Elapsed;

/// A date as precise as the sources allow: `month`/`day` are 0 when unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// ISO 8601 as far as known ("2024-01-27", "2019-08"), for `<time datetime>`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (0, _) => format!("{:04}", self.year),
            (m, 0) => format!("{:04}-{:02}", self.year, m),
            (m, d) => format!("{:04}-{:02}-{:02}", self.year, m, d),
        }
    }
}

/// The campaign's own words, heading the page.
pub struct Campaign {
    pub as_of: Date,
    /// The day an editor last went through the whole data file.
    pub checked: Date,
    pub heading: &'static str,
    /// Why designation matters. It names no one: who is held is worded from
    /// the statuses, so a change of status leaves no sentence wrong.
    pub why: &'static str,
    /// Where the site is deployed, ending in `/`.
    pub url: &'static str,
    /// Keys of the fields that show the English text (see the module's documentation).
    pub english: &'static [&'static str],
}

pub struct Person {
    pub id: &'static str,
    pub name: &'static str,
    /// For the avatar, worked out at build time (Unicode case tables are heavy).
    pub initials: &'static str,
    /// The campaign speaks for this person: they lead the page and the petition names them.
    pub campaign: bool,
    pub tagline: &'static str,
    pub about: &'static str,
    pub arrest: Arrest,
    pub charge: &'static str,
    pub sentence: &'static [SentenceStep],
    /// The terms as they changed, "4.5 years → 3.5 years → 10 years" (built with the data).
    pub sentence_path: &'static str,
    pub sentence_note: Option<&'static str>,
    pub status: Status,
    pub designation: Designation,
    pub story: &'static [&'static str],
    /// The newest source's date.
    pub as_of: Date,
    /// The day an editor last looked for news of this person.
    pub checked: Date,
    pub sources: &'static [Source],
    /// This person's entry in `TIMER_SPANS`, shared by all languages.
    pub timer: &'static TimerSpan,
    /// Keys of the fields that show the English text (see the module's documentation).
    pub english: &'static [&'static str],
}

pub struct Arrest {
    pub date: Date,
    /// Unix seconds the timer counts from.
    pub start: i64,
    /// Seconds east of UTC at the place of arrest.
    pub offset: i32,
    pub place: &'static str,
    pub note: Option<&'static str>,
}

pub struct SentenceStep {
    pub date: Option<Date>,
    pub term: &'static str,
    pub event: &'static str,
    /// Index into the person's `sources`.
    pub source: usize,
    pub note: Option<&'static str>,
}

pub enum Status {
    Detained {
        /// The last day a source said the person was held, when no newer one
        /// has: the page then claims nothing about today.
        last_reported: Option<Date>,
        /// What the sources say, and do not say, about the status.
        note: Option<&'static str>,
    },
    Released {
        date: Date,
        /// Unix seconds the timer stands frozen at.
        end: i64,
        how: &'static str,
        exchange: Option<&'static str>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DesignationStatus {
    Designated,
    Reported,
    NotDesignated,
    Unknown,
}

pub struct Designation {
    pub status: DesignationStatus,
    pub date: Option<Date>,
    pub note: Option<&'static str>,
}

pub struct Source {
    pub title: &'static str,
    pub outlet: &'static str,
    pub url: &'static str,
    pub date: Option<Date>,
}

/// A prisoner exchange (or a release with nothing in return).
pub struct Exchange {
    pub id: &'static str,
    pub date: Date,
    pub end_date: Option<Date>,
    pub date_note: Option<&'static str>,
    pub release_only: bool,
    /// Whether any American came home in it.
    pub freed_americans: bool,
    /// Unix seconds of the exchange day's midnight UTC.
    pub instant: i64,
    pub place: &'static str,
    /// Released by the US and its allies.
    pub to_east: &'static [Party],
    /// Released by the USSR/Russia and its allies.
    pub to_west: &'static [Party],
    pub summary: &'static str,
    pub note: Option<&'static str>,
    pub sources: &'static [Source],
    /// Keys of the fields that show the English text (see the module's documentation).
    pub english: &'static [&'static str],
}

/// Someone released in an exchange; `case` indexes `PEOPLE` for our people.
pub struct Party {
    pub name: &'static str,
    pub note: Option<&'static str>,
    pub case: Option<usize>,
}

/// The petition's words; `ask` has `{names}` where the people are named.
pub struct PetitionText {
    pub heading: &'static str,
    pub ask: &'static str,
    pub privacy: &'static str,
    /// Keys of the fields that show the English text (see the module's documentation).
    pub english: &'static [&'static str],
}

/// The people the petition names: the campaign's own who are still held and
/// not designated.
pub fn petition_names(people: &'static [Person]) -> impl Iterator<Item = &'static Person> {
    still_left_behind(people).filter(|p| p.designation.status != DesignationStatus::Designated)
}

/// An article from the campaign's news list.
pub struct News {
    pub outlet: &'static str,
    pub date: Date,
    pub headline: &'static str,
    pub excerpt: &'static str,
    pub url: &'static str,
    /// Keys of the fields that show the English text (see the module's documentation).
    pub english: &'static [&'static str],
}

/// What wrongful-detention designation means, with its sources.
pub struct Explainer {
    pub heading: &'static str,
    pub body: &'static [&'static str],
    pub sources: &'static [Source],
    /// Keys of the fields that show the English text (see the module's documentation).
    pub english: &'static [&'static str],
}

/// The types whose words are translated, each with `english`: see the
/// module's documentation.
macro_rules! in_english {
    ($($ty:ident),*) => {
        $(impl $ty {
            /// Whether the field at `key` (`"story"`, `"sentence.1.event"`)
            /// shows the English text for want of a current translation, so
            /// that it is marked `lang="en"`.
            pub fn in_english(&self, key: &str) -> bool {
                self.english.contains(&key)
            }
        })*
    };
}
in_english!(Campaign, Person, Exchange, News, Explainer, PetitionText);

impl Exchange {
    /// The anchor id of this exchange's timeline entry.
    pub fn anchor(&self) -> String {
        crate::core::route::exchange_anchor(self.id)
    }

    /// Whether one of the people in the case data came home in it.
    pub fn involves_our_people(&self) -> bool {
        self.to_west.iter().any(|p| p.case.is_some())
    }
}

/// The first year of the timeline's "since" filter.
pub const RECENT_SINCE: i32 = 2022;

/// What the data lets the page say about where a person is today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Held, as far as the newest source tells.
    Held,
    /// Last reported held on this day, and nothing public since.
    LastReported(Date),
    /// Came home on this day.
    Home(Date),
}

/// A person's time held: when their timer starts and stops, and for a
/// detained person the last exchange that brought Americans home without
/// them. Kept apart from `Person` so that the browser's islands link these
/// few numbers and none of the text (the first view already carries it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimerSpan {
    pub id: &'static str,
    /// Unix seconds of the arrest.
    pub start: i64,
    /// Seconds east of UTC at the place of arrest: calendar math happens there.
    pub offset: i32,
    /// Unix seconds of the release; `None` while held.
    pub end: Option<i64>,
    /// Whether the arrest day is known, so the timer can be exact to the second.
    pub day_known: bool,
    pub standing: Standing,
    pub left_behind: Option<LastExchange>,
}

/// An exchange that freed Americans, as the live "left behind" counters need it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LastExchange {
    pub id: &'static str,
    pub date: Date,
    /// Unix seconds of the exchange day's midnight UTC.
    pub instant: i64,
}

impl TimerSpan {
    /// The time held at `now` (Unix seconds), frozen at the release: the one
    /// place a person's elapsed time is computed.
    pub fn elapsed(&self, now: i64) -> Elapsed {
        Elapsed::between(self.start, self.offset, self.end.unwrap_or(now))
    }

    /// `elapsed(now).total_days` without the calendar split: the day counts
    /// read it on every tick to see whether the day has turned.
    pub fn total_days(&self, now: i64) -> u64 {
        (self.end.unwrap_or(now).saturating_sub(self.start).max(0) / 86_400) as u64
    }
}

impl LastExchange {
    /// The time since the exchange day's midnight UTC.
    pub fn elapsed(&self, now: i64) -> Elapsed {
        Elapsed::between(self.instant, 0, now)
    }

    /// Whole days from the exchange day to `now` (Unix seconds); 0 before it.
    /// `elapsed(now).total_days` without the calendar split: the "left
    /// behind" lines read it on every tick.
    pub fn days_since(&self, now: i64) -> u64 {
        (now.saturating_sub(self.instant).max(0) / 86_400) as u64
    }
}

impl Person {
    pub fn is_detained(&self) -> bool {
        matches!(self.status, Status::Detained { .. })
    }

    /// Where the person is today, as far as the data can say.
    pub fn standing(&self) -> Standing {
        match self.status {
            Status::Detained {
                last_reported: None,
                ..
            } => Standing::Held,
            Status::Detained {
                last_reported: Some(d),
                ..
            } => Standing::LastReported(d),
            Status::Released { date, .. } => Standing::Home(date),
        }
    }

    /// The sentence as it stands: the last term a source reported, or, where
    /// none did, what the record says instead.
    pub fn current_sentence(&self) -> Option<&'static str> {
        self.sentence.last().map(|s| s.term).or(self.sentence_note)
    }

    /// The anchor id of this person's card; `#/case/<id>` links resolve to it.
    pub fn anchor(&self) -> String {
        crate::core::route::case_anchor(self.id)
    }
}

/// The people the campaign speaks for whose status is detained (including
/// those only last reported held).
pub fn still_left_behind(people: &'static [Person]) -> impl Iterator<Item = &'static Person> {
    people.iter().filter(|p| p.campaign && p.is_detained())
}

/// The people the campaign speaks for who came home, with the day and the
/// exchange (or release) that brought them.
pub fn came_home(
    people: &'static [Person],
) -> impl Iterator<Item = (&'static Person, Date, Option<&'static str>)> {
    people
        .iter()
        .filter(|p| p.campaign)
        .filter_map(|p| match p.status {
            Status::Released { date, exchange, .. } => Some((p, date, exchange)),
            Status::Detained { .. } => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::data::PEOPLE;

    fn person(id: &str) -> &'static Person {
        PEOPLE.iter().find(|p| p.id == id).expect(id)
    }

    #[test]
    fn campaign_people_lead_and_are_the_four_named_by_the_campaign() {
        let lead: Vec<&str> = PEOPLE
            .iter()
            .take_while(|p| p.campaign)
            .map(|p| p.id)
            .collect();
        assert_eq!(
            lead,
            [
                "ksenia-karelina",
                "robert-gilman",
                "andre-khachatoorian",
                "david-barnes"
            ]
        );
        assert!(PEOPLE.iter().skip(4).all(|p| !p.campaign));
    }

    #[test]
    fn karelina_and_gilman_came_home_and_are_not_left_behind() {
        assert!(!person("ksenia-karelina").is_detained());
        // Pardoned on 11 August 2026 (the fact check of 1 December 2026).
        assert!(!person("robert-gilman").is_detained());
        let home: Vec<&str> = came_home(PEOPLE).map(|(p, ..)| p.id).collect();
        assert_eq!(home, ["ksenia-karelina", "robert-gilman"]);
        // No source since 1 August 2024 says he is held: the page must not claim it.
        assert!(matches!(
            person("andre-khachatoorian").standing(),
            Standing::LastReported(_)
        ));
        let left: Vec<&str> = still_left_behind(PEOPLE).map(|p| p.id).collect();
        assert_eq!(left, ["andre-khachatoorian", "david-barnes"]);
    }

    #[test]
    fn corrected_facts_win_over_the_2024_seeds() {
        // Seeds: "Arrested January 2, 2024"; the fact sheet: detained 27 January 2024.
        assert_eq!(
            person("ksenia-karelina").arrest.date,
            Date {
                year: 2024,
                month: 1,
                day: 27
            }
        );
        // Seeds: 27 December 2021; the fact sheet: 26 December.
        assert_eq!(
            person("andre-khachatoorian").arrest.date,
            Date {
                year: 2021,
                month: 12,
                day: 26
            }
        );
        // Seeds: "8 years", unverified: no sentence may be shown as fact.
        assert!(person("andre-khachatoorian").sentence.is_empty());
        assert!(person("andre-khachatoorian").sentence_note.is_some());
        assert_eq!(
            person("robert-gilman").sentence.last().unwrap().term,
            "10 years strict regime"
        );
    }

    #[test]
    fn initials_take_first_and_last_word() {
        assert_eq!(person("ksenia-karelina").initials, "KK");
        assert_eq!(person("stephen-james-hubbard").initials, "SH");
    }

    #[test]
    fn the_current_sentence_is_the_last_term_or_what_the_record_says() {
        assert_eq!(
            person("robert-gilman").current_sentence(),
            Some("10 years strict regime")
        );
        let khachatoorian = person("andre-khachatoorian");
        assert_eq!(
            khachatoorian.current_sentence(),
            khachatoorian.sentence_note
        );
        assert!(khachatoorian.current_sentence().is_some());
    }

    #[test]
    fn sentence_path_joins_terms_in_order() {
        let path = person("robert-gilman").sentence_path;
        assert!(path.starts_with("4.5 years → 3.5 years"), "{path}");
        assert!(path.ends_with("→ 10 years strict regime"), "{path}");
        assert_eq!(person("andre-khachatoorian").sentence_path, "");
    }

    #[test]
    fn detained_people_count_from_the_last_exchange_that_freed_americans() {
        use crate::core::data::{span_of, LAST_EXCHANGE};
        // Karelina's, 10 April 2025: Byers' later-dated release gave nothing in
        // return and is not an exchange, so it does not count.
        let last = LAST_EXCHANGE.expect("the data has exchanges that freed Americans");
        assert_eq!(last.id, "2025-04-abu-dhabi");
        assert_eq!(span_of("david-barnes").unwrap().left_behind, Some(last));
        assert_eq!(
            span_of("ksenia-karelina").unwrap().left_behind,
            None,
            "she came home"
        );
        // 2026-11-24 12:00 UTC is 593 whole days after 2025-04-10 00:00 UTC.
        assert_eq!(last.days_since(1_795_521_600), 593);
        assert_eq!(last.days_since(last.instant - 1), 0);
        let later = 1_795_521_600;
        assert_eq!(last.days_since(later), last.elapsed(later).total_days);
    }

    #[test]
    fn a_persons_day_count_is_the_calendar_splits_total() {
        use crate::core::data::TIMER_SPANS;
        // Every second around a day's turn, and across years, for everyone:
        // held (counting on) and home (frozen at the release).
        let now = 1_796_083_200;
        for span in TIMER_SPANS {
            for t in [
                now - 1,
                now,
                now + 1,
                now + 86_399,
                now + 400 * 86_400,
                span.start - 1,
            ] {
                assert_eq!(
                    span.total_days(t),
                    span.elapsed(t).total_days,
                    "{} at {t}",
                    span.id
                );
            }
        }
    }

    #[test]
    fn partial_dates_print_as_far_as_known() {
        assert_eq!(
            Date {
                year: 2019,
                month: 8,
                day: 0
            }
            .iso(),
            "2019-08"
        );
        assert_eq!(
            Date {
                year: 2024,
                month: 1,
                day: 27
            }
            .iso(),
            "2024-01-27"
        );
    }
}
