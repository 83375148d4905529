//! Every user-facing word of the app, per language: the tables are
//! `en.rs`, `ru.rs` and `uk.rs`, and everything here builds sentences from
//! them, so that the prerender (native) and the islands (WASM) write the
//! same text.
//!
//! The words are split by who needs them, because a table is kept whole
//! wherever it is reachable: [`Live`] is what the page's WASM writes (timers,
//! counters, dates), [`Form`] what the petition's bundle writes, [`Page`]
//! everything only the prerender writes. The page's WASM then carries the
//! three languages' `Live` and nothing of `Page`.
//!
//! Templates hold `{name}` placeholders; a date placeholder ending in `_gen`
//! takes a month-only date in the genitive (Russian «с апреля 2025 г.»). No
//! template needs a verb or a past tense that agrees with the person.

mod en;
mod ru;
mod uk;

use crate::core::elapsed::Elapsed;
use crate::core::lang::Lang;
use crate::core::milestone::{self, Around, Kind, Milestone};
use crate::core::model::{
    petition_names, still_left_behind, Date, DesignationStatus, Person, Standing,
};
use crate::core::petition::signature::Field;
use crate::core::petition::validate::Problem;

/// A build that carries one language's words only (the petition's bundle,
/// one per language: `LEFT_BEHIND_LANG=ru`); the others are then unreachable
/// and left out.
const PINNED: Option<Lang> = match option_env!("LEFT_BEHIND_LANG") {
    Some(code) => match code.as_bytes() {
        b"en" => Some(Lang::En),
        b"ru" => Some(Lang::Ru),
        b"uk" => Some(Lang::Uk),
        _ => panic!("LEFT_BEHIND_LANG is en, ru or uk"),
    },
    None => None,
};

/// The language a pinned build speaks whatever it is asked.
pub fn pinned(lang: Lang) -> Lang {
    PINNED.unwrap_or(lang)
}

/// The words the islands write.
pub fn live(lang: Lang) -> &'static Live {
    match pinned(lang) {
        Lang::En => &en::LIVE,
        Lang::Ru => &ru::LIVE,
        Lang::Uk => &uk::LIVE,
    }
}

/// The petition form's words.
pub fn form(lang: Lang) -> &'static Form {
    match pinned(lang) {
        Lang::En => &en::FORM,
        Lang::Ru => &ru::FORM,
        Lang::Uk => &uk::FORM,
    }
}

/// The words only prerendered pages hold.
pub fn page(lang: Lang) -> &'static Page {
    match pinned(lang) {
        Lang::En => &en::PAGE,
        Lang::Ru => &ru::PAGE,
        Lang::Uk => &uk::PAGE,
    }
}

/// A CLDR plural category. Whole numbers in Russian and Ukrainian are
/// always one, few or many; English has one and other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    One,
    Few,
    Many,
    Other,
}

/// The plural category of the whole number `n` (CLDR `plurals.xml`, blocks
/// `en` and `ru uk`).
pub fn category(lang: Lang, n: u64) -> Category {
    match lang {
        Lang::En if n == 1 => Category::One,
        Lang::En => Category::Other,
        Lang::Ru | Lang::Uk => match (n % 10, n % 100) {
            (1, h) if h != 11 => Category::One,
            (2..=4, h) if !(12..=14).contains(&h) => Category::Few,
            _ => Category::Many,
        },
    }
}

/// One message in each plural form its language has, each with `{n}`. Whole
/// sentences, not nouns: the word after a number can depend on what governs
/// it (Russian «21 день», but «около 21 дня»).
pub struct Plural {
    pub one: &'static str,
    /// Russian and Ukrainian only; English leaves it empty.
    pub few: &'static str,
    /// Russian and Ukrainian only; English leaves it empty.
    pub many: &'static str,
    /// English only: Russian and Ukrainian whole numbers never reach it.
    pub other: &'static str,
}

/// A Russian or Ukrainian message: the forms for 1 and 21, for 2–4 and
/// 22–24, and for 0, 5–20 and 25–30.
const fn slavic(one: &'static str, few: &'static str, many: &'static str) -> Plural {
    Plural {
        one,
        few,
        many,
        other: "",
    }
}

impl Plural {
    /// The form for `n`.
    pub fn of(&self, lang: Lang, n: u64) -> &'static str {
        match category(lang, n) {
            Category::One => self.one,
            Category::Few => self.few,
            Category::Many => self.many,
            Category::Other => self.other,
        }
    }
}

/// How a month-only date reads: alone or after «на» (nominative), or after
/// «с» / «з» (genitive). Full dates always take the genitive month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    Nom,
    Gen,
}

/// Pushes `template` onto `out`, each `{key}` written by `arg(out, key,
/// case)`: `{date_gen}` calls it with "date" and [`Case::Gen`].
///
/// Split, not sliced by index: slicing a `str` can panic (off a
/// character's boundary), and that panic's message brings into the page's
/// WASM `char`'s `Debug` and its Unicode tables, 3.5 KB brotli.
fn fill(out: &mut String, template: &str, arg: &dyn Fn(&mut String, &str, Case)) {
    let mut rest = template;
    while let Some((text, tail)) = rest.split_once('{') {
        let Some((key, after)) = tail.split_once('}') else {
            break;
        };
        out.push_str(text);
        match key.strip_suffix("_gen") {
            Some(base) => arg(out, base, Case::Gen),
            None => arg(out, key, Case::Nom),
        }
        rest = after;
    }
    out.push_str(rest);
}

/// `template` with `{key}`s filled.
fn filled(template: &str, arg: &dyn Fn(&mut String, &str, Case)) -> String {
    let mut out = String::new();
    fill(&mut out, template, arg);
    out
}

/// The islands' words: units, months, the timers' and counters' sentences.
pub struct Live {
    pub lang: Lang,
    /// Between groups of thousands: "," in English, U+00A0 in Russian and Ukrainian.
    pub group: char,
    /// Month names after a day ("27 января").
    pub months: [&'static str; 12],
    /// Month names standing alone ("январь 2024 г.").
    pub months_alone: [&'static str; 12],
    /// After a year in a full or month date: "" or U+00A0 "г.".
    pub year_suffix: &'static str,
    /// Before the last item of a list: " and ".
    pub and: &'static str,
    /// Before a count when the arrest day is not known: "about ".
    pub about: &'static str,
    pub years: Plural,
    pub months_n: Plural,
    pub days: Plural,
    pub detained_for: &'static str,
    pub since_arrest: &'static str,
    pub held_for: &'static str,
    /// The screen reader's sentence per standing, with `{span}` and `{days}`.
    pub summary_held: &'static str,
    pub summary_last: &'static str,
    pub summary_home: &'static str,
    /// A widget's counter per standing, with `{days}`, `{last}` and `{date}`.
    pub counter_held: &'static str,
    pub counter_last: &'static str,
    pub counter_home: &'static str,
    /// With `{date}`: the last day a source said a person was held.
    pub last_reported: &'static str,
    /// With `{n}` days and the exchange's `{date}`.
    pub left_behind: Plural,
    pub arrested_after_last_exchange: &'static str,
    pub since_last_exchange: &'static str,
    pub pause_timers: &'static str,
    pub resume_timers: &'static str,
    pub timers_paused: &'static str,
    /// With `{count}` and `{goal}`.
    pub signature_count: &'static str,
    pub copied: &'static str,
    pub copy_by_hand: &'static str,
    pub on_its_way: &'static str,
    pub petition_did_not_load: &'static str,
    /// After a text shown in English because its translation is missing.
    pub in_english: &'static str,
}

// The islands' strings are built by pushing, not `format!`: each formatted
// call costs the page's WASM its argument tables and formatting code paths.

impl Live {
    /// "27 January 2024", "August 2019" or "2020", as precise as the date is.
    pub fn date(&self, d: Date) -> String {
        let mut out = String::new();
        self.push_date(&mut out, d, Case::Nom);
        out
    }

    fn push_date(&self, out: &mut String, d: Date, case: Case) {
        let month = usize::from(d.month).wrapping_sub(1);
        if let (Some(m), Some(alone)) = (self.months.get(month), self.months_alone.get(month)) {
            if d.day > 0 {
                push_digits(out, d.day.into(), 1);
                out.push(' ');
            }
            out.push_str(if d.day > 0 || case == Case::Gen {
                m
            } else {
                alone
            });
            out.push(' ');
        }
        if d.year < 0 {
            out.push('-');
        }
        push_digits(out, d.year.unsigned_abs().into(), 1);
        if d.month > 0 {
            out.push_str(self.year_suffix);
        }
    }

    /// "1,771": digits grouped by thousands.
    pub fn thousands(&self, n: u64) -> String {
        let mut out = String::new();
        self.push_thousands(&mut out, n);
        out
    }

    fn push_thousands(&self, out: &mut String, n: u64) {
        if n < 1000 {
            push_digits(out, n, 1);
        } else {
            self.push_thousands(out, n / 1000);
            out.push(self.group);
            push_digits(out, n % 1000, 3);
        }
    }

    /// `n` in `forms`, its digits grouped.
    fn push_count(&self, out: &mut String, forms: &Plural, n: u64) {
        fill(out, forms.of(self.lang, n), &|out, _, _| {
            self.push_thousands(out, n)
        });
    }

    fn about(&self, day_known: bool) -> &'static str {
        if day_known {
            ""
        } else {
            self.about
        }
    }

    /// "1,771 days", or "about 990 days" when the arrest day is not known.
    fn push_days(&self, out: &mut String, days: u64, day_known: bool) {
        out.push_str(self.about(day_known));
        self.push_count(out, &self.days, days);
    }

    /// The calendar parts, largest first: years once there are any, months
    /// once there are any (always when days are unknown), days when the day
    /// is known. After "about" when the day is not known; between the parts
    /// a space, or in a sentence ("2 years, 10 months and 6 days") commas
    /// and "and". Pushed one by one: a `String` per part and a `Vec` of them
    /// cost the page's WASM more than this does.
    fn push_ymd(&self, out: &mut String, e: &Elapsed, day_known: bool, sentence: bool) {
        out.push_str(self.about(day_known));
        let parts = [
            (e.years > 0).then_some((&self.years, e.years)),
            (e.years > 0 || e.months > 0 || !day_known).then_some((&self.months_n, e.months)),
            day_known.then_some((&self.days, e.days)),
        ];
        let count = parts.iter().flatten().count();
        for (i, (forms, n)) in parts.into_iter().flatten().enumerate() {
            out.push_str(match i {
                0 => "",
                _ if !sentence => " ",
                _ if i + 1 == count => self.and,
                _ => ", ",
            });
            self.push_count(out, forms, n.into());
        }
    }

    /// "2 years 10 months 6 days" for the ticking display; "about 2 years 8
    /// months" when the arrest day is not known.
    pub fn ymd(&self, e: &Elapsed, day_known: bool) -> String {
        let mut out = String::new();
        self.push_ymd(&mut out, e, day_known, false);
        out
    }

    /// "1,771 days", or "about 990 days" when the arrest day is not known.
    pub fn total_days(&self, e: &Elapsed, day_known: bool) -> String {
        let mut out = String::new();
        self.push_days(&mut out, e.total_days, day_known);
        out
    }

    /// The timer's label: a count claims "detained" only while a source says so.
    pub fn timer_label(&self, standing: Standing) -> &'static str {
        match standing {
            Standing::Held => self.detained_for,
            Standing::LastReported(_) => self.since_arrest,
            Standing::Home(_) => self.held_for,
        }
    }

    /// The sentence screen readers get instead of the ticking digits:
    /// "Detained for 2 years, 10 months and 6 days (1,771 days)."
    pub fn elapsed_summary(&self, e: &Elapsed, day_known: bool, standing: Standing) -> String {
        let template = match standing {
            Standing::Held => self.summary_held,
            Standing::LastReported(_) => self.summary_last,
            Standing::Home(_) => self.summary_home,
        };
        filled(template, &|out, key, _| {
            if key == "days" {
                self.push_days(out, e.total_days, day_known);
            } else {
                self.push_ymd(out, e, day_known, true);
            }
        })
    }

    /// "A, B and C".
    fn push_list<S: AsRef<str>>(&self, out: &mut String, items: &[S]) {
        for (i, item) in items.iter().enumerate() {
            out.push_str(match i {
                0 => "",
                _ if i + 1 == items.len() => self.and,
                _ => ", ",
            });
            out.push_str(item.as_ref());
        }
    }

    /// "Robert Gilman, Andre Khachatoorian and David Barnes".
    pub fn names_list(&self, names: &[&str]) -> String {
        let mut out = String::new();
        self.push_list(&mut out, names);
        out
    }

    /// A one-line counter after the name: "detained 1,771 days", "held 439
    /// days, free since 10 April 2025", or for a person not reported on
    /// lately "1,801 days since the arrest, last reported held 1 August 2024".
    pub fn counter(&self, days: u64, day_known: bool, standing: Standing) -> String {
        let (template, date) = match standing {
            Standing::Held => (self.counter_held, None),
            Standing::LastReported(d) => (self.counter_last, Some(d)),
            Standing::Home(d) => (self.counter_home, Some(d)),
        };
        filled(template, &|out, key, case| match (key, date) {
            ("days", _) => self.push_days(out, days, day_known),
            ("last", Some(d)) => out.push_str(&self.last_reported(d)),
            (_, Some(d)) => self.push_date(out, d, case),
            _ => {}
        })
    }

    /// "last reported held 1 August 2024", after a name or a count.
    pub fn last_reported(&self, d: Date) -> String {
        filled(self.last_reported, &|out, _, case| {
            self.push_date(out, d, case)
        })
    }

    /// "Left behind: 593 days since the last exchange (10 April 2025)."
    pub fn left_behind(&self, days: u64, exchange_date: Date) -> String {
        filled(self.left_behind.of(self.lang, days), &|out, key, case| {
            if key == "n" {
                self.push_thousands(out, days);
            } else {
                self.push_date(out, exchange_date, case);
            }
        })
    }

    /// "1,234 of 10,000 signatures".
    pub fn signature_count(&self, count: u64, goal: u64) -> String {
        filled(self.signature_count, &|out, key, _| {
            self.push_thousands(out, if key == "count" { count } else { goal })
        })
    }

    /// "Freed 10 April 2025."-style templates and every other one with a
    /// single date.
    fn with_date(&self, template: &str, d: Date) -> String {
        filled(template, &|out, _, case| self.push_date(out, d, case))
    }
}

/// "04:05:06".
pub fn hms(e: &Elapsed) -> String {
    let mut out = String::new();
    push_digits(&mut out, e.hours.into(), 2);
    out.push(':');
    push_digits(&mut out, e.minutes.into(), 2);
    out.push(':');
    push_digits(&mut out, e.seconds.into(), 2);
    out
}

/// `n` in decimal, zero-padded to `width` digits.
fn push_digits(out: &mut String, n: u64, width: u32) {
    if n >= 10 || width > 1 {
        push_digits(out, n / 10, width.saturating_sub(1));
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// Escapes text for HTML element content or a quoted attribute value.
pub fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The petition form's words.
pub struct Form {
    pub live: &'static Live,
    pub first_name: &'static str,
    pub last_name: &'static str,
    pub email: &'static str,
    pub zip: &'static str,
    pub country: &'static str,
    pub outside_us: &'static str,
    pub keep_me_updated: &'static str,
    /// Names no kind of data, so autofill leaves the honeypot empty.
    pub honeypot_label: &'static str,
    pub sign: &'static str,
    pub sending: &'static str,
    pub queued: &'static str,
    pub rejected: &'static str,
    pub thanks: &'static str,
    pub already_signed: &'static str,
    pub share_heading: &'static str,
    pub share: &'static str,
    pub link_copied: &'static str,
    pub share_by_email: &'static str,
    pub share_on_x: &'static str,
    pub share_on_facebook: &'static str,
    pub share_text: &'static str,
    pub next_heading: &'static str,
    pub contact_house: &'static str,
    pub contact_senate: &'static str,
    pub problems: Problems,
}

/// The messages for a name field's problems.
pub struct NameProblems {
    pub missing: &'static str,
    pub too_long: &'static str,
    pub invalid: &'static str,
    pub control: &'static str,
}

/// One message per reachable problem of each field.
pub struct Problems {
    pub first_name: NameProblems,
    pub last_name: NameProblems,
    pub email_missing: &'static str,
    pub email_too_long: &'static str,
    pub email_invalid: &'static str,
    pub zip_missing: &'static str,
    pub zip_invalid: &'static str,
    pub country_missing: &'static str,
    pub country_too_short: &'static str,
    pub country_too_long: &'static str,
    pub country_use_zip: &'static str,
    pub country_invalid: &'static str,
    pub other: &'static str,
}

impl Form {
    /// The one message shown for `problem` on `field`.
    pub fn problem(&self, field: Field, problem: Problem) -> &'static str {
        use Field::*;
        use Problem::*;
        let p = &self.problems;
        let name = |n: &NameProblems| match problem {
            Missing => n.missing,
            TooLong => n.too_long,
            Invalid => n.invalid,
            ControlCharacters => n.control,
            _ => p.other,
        };
        match (field, problem) {
            (FirstName, _) => name(&self.problems.first_name),
            (LastName, _) => name(&self.problems.last_name),
            (Email, Missing) => p.email_missing,
            (Email, TooLong) => p.email_too_long,
            (Email, _) => p.email_invalid,
            (Zip, Missing) => p.zip_missing,
            (Zip, _) => p.zip_invalid,
            (Country, Missing) => p.country_missing,
            (Country, TooShort) => p.country_too_short,
            (Country, TooLong) => p.country_too_long,
            (Country, UseZip) => p.country_use_zip,
            (Country, _) => p.country_invalid,
        }
    }
}

/// The words only the prerender writes.
pub struct Page {
    pub live: &'static Live,
    /// The site's title and description, for the head and link previews.
    pub site_title: &'static str,
    pub site_description: &'static str,
    /// The switcher's accessible name.
    pub language: &'static str,
    pub skip_to_cases: &'static str,
    pub left_behind_heading: &'static str,
    pub home_heading: &'static str,
    pub see_release: &'static str,
    pub see_exchange: &'static str,
    pub campaign_cases_heading: &'static str,
    pub tracked_cases_heading: &'static str,
    pub tracked_cases_intro: &'static str,
    pub timeline_heading: &'static str,
    pub timeline_intro: &'static str,
    pub filter_legend: &'static str,
    pub filter_all: &'static str,
    /// Names `model::RECENT_SINCE`'s year (a test holds them together).
    pub filter_recent: &'static str,
    pub filter_ours: &'static str,
    pub to_west: &'static str,
    pub to_east: &'static str,
    pub nothing_in_return: &'static str,
    pub release: &'static str,
    pub now: &'static str,
    pub news_heading: &'static str,
    pub embed: &'static str,
    pub embed_card: &'static str,
    pub embed_counter: &'static str,
    pub embed_timeline: &'static str,
    pub embed_timeline_name: &'static str,
    pub embed_petition: &'static str,
    pub embed_petition_name: &'static str,
    pub embed_options: &'static str,
    pub copy: &'static str,
    pub widget_credit: &'static str,
    pub widget_failed: &'static str,
    /// embed.js fills in the id a partner wrote, when that card's page fails.
    pub widget_unknown_case: &'static str,
    /// embed.js fills in the view a partner wrote, and lists the views after it.
    pub widget_unknown_view: &'static str,
    pub widget_see_all: &'static str,
    /// embed.js warns the partner's editor in the console.
    pub widget_bad_partner: &'static str,
    pub widget_not_found: &'static str,
    pub widget_cards: &'static str,
    pub widget_timeline: &'static str,
    pub widget_petition: &'static str,
    /// With `{name}`: the readable link inside a partner's element.
    pub widget_case_link: &'static str,
    pub still_held_none: &'static str,
    /// With `{names}`.
    pub still_held_one: &'static str,
    pub still_held_many: &'static str,
    /// With `{names}`: who lacks the designation.
    pub not_designated_one: &'static str,
    pub not_designated_many: &'static str,
    /// After the names of those not designated: why designation is the ask.
    pub designation_why: &'static str,
    /// With `{date}`, after a name.
    pub home_since: &'static str,
    pub all_cases: &'static str,
    /// A case page's title per standing, with `{name}`, `{days}`, `{today}`, `{last}`.
    pub preview_held: &'static str,
    pub preview_last: &'static str,
    pub preview_home: &'static str,
    pub open_data_heading: &'static str,
    pub open_data_intro: &'static str,
    pub open_data_cases: &'static str,
    pub open_data_exchanges: &'static str,
    pub open_data_calendar: &'static str,
    pub arrested: &'static str,
    pub charge: &'static str,
    pub sentence: &'static str,
    pub sentence_history: &'static str,
    pub designation: &'static str,
    pub read_more: &'static str,
    pub sources: &'static str,
    pub link_to_case: &'static str,
    pub full_record: &'static str,
    pub exchange_details: &'static str,
    pub detained: &'static str,
    pub last_reported_detained: &'static str,
    pub released: &'static str,
    pub date_not_reported: &'static str,
    pub designated: &'static str,
    pub reported_designated: &'static str,
    pub not_designated: &'static str,
    pub designation_unknown: &'static str,
    /// With `{as_of}` and `{checked}`.
    pub record_dates: &'static str,
    pub information_as_of: &'static str,
    /// With `{n}`: how many in the data are detained.
    pub still_detained: Plural,
    /// With `{days}`, after a freed person's name.
    pub held: &'static str,
    /// With `{date}`, on a compact card.
    pub freed_on: &'static str,
    /// A day milestone, with `{n}` and `{date}`: "1,000 days on 9 October 2024".
    pub milestone_days: Plural,
    /// An arrest anniversary, with `{n}` and `{date}`: "5 years on 13 January 2027".
    pub milestone_years: Plural,
    /// The card's line, with `{last}` and `{next}` milestones.
    pub milestones: &'static str,
    /// Before the share text, for a milestone reached lately, with `{name}`,
    /// `{n}` and `{date}`; for people a source says are held.
    pub share_days: Plural,
    pub share_years: Plural,
    /// With `{date}`: the day a preview image's count is as of, under it.
    pub image_as_of: &'static str,
}

impl Page {
    fn lang(&self) -> Lang {
        self.live.lang
    }

    /// "27 January 2024", "August 2019" or "2020".
    pub fn date(&self, d: Date) -> String {
        self.live.date(d)
    }

    /// The status badge's word.
    pub fn badge(&self, standing: Standing) -> &'static str {
        match standing {
            Standing::Held => self.detained,
            Standing::LastReported(_) => self.last_reported_detained,
            Standing::Home(_) => self.released,
        }
    }

    pub fn designation_label(&self, status: DesignationStatus) -> &'static str {
        match status {
            DesignationStatus::Designated => self.designated,
            DesignationStatus::Reported => self.reported_designated,
            DesignationStatus::NotDesignated => self.not_designated,
            DesignationStatus::Unknown => self.designation_unknown,
        }
    }

    /// "Robert Gilman, on Left Behind".
    pub fn widget_case_link(&self, name: &str) -> String {
        self.widget_case_link.replace("{name}", name)
    }

    /// The campaign's sentence from the statuses: "Andre Khachatoorian and
    /// David Barnes are still held in Russia."
    pub fn still_held(&self, names: &[&str]) -> String {
        self.about_names(
            names,
            [
                self.still_held_none,
                self.still_held_one,
                self.still_held_many,
            ],
        )
        .unwrap_or_default()
    }

    /// "Andre Khachatoorian and David Barnes have not been designated …", or
    /// nothing when everyone is designated.
    pub fn not_designated(&self, names: &[&str]) -> Option<String> {
        self.about_names(
            names,
            ["", self.not_designated_one, self.not_designated_many],
        )
    }

    /// `[none, one, many]` with `{names}` filled; none when that one is empty.
    fn about_names(&self, names: &[&str], [none, one, many]: [&str; 3]) -> Option<String> {
        let template = match names.len() {
            0 => none,
            1 => one,
            _ => many,
        };
        (!template.is_empty()).then(|| template.replace("{names}", &self.live.names_list(names)))
    }

    /// The hero's ask in one or two sentences, from the statuses: who still
    /// lacks the designation and why it matters; when no one held lacks it,
    /// who is still held.
    pub fn hero_ask(&self, people: &'static [Person]) -> String {
        let undesignated: Vec<&str> = petition_names(people).map(|p| p.name).collect();
        match self.not_designated(&undesignated) {
            Some(sentence) => format!("{sentence} {}", self.designation_why),
            None => {
                let held: Vec<&str> = still_left_behind(people)
                    .filter(|p| p.standing() == Standing::Held)
                    .map(|p| p.name)
                    .collect();
                self.still_held(&held)
            }
        }
    }

    /// The petition's ask with `{names}` replaced by the people it asks for.
    pub fn petition_ask(&self, template: &str, people: &'static [Person]) -> String {
        let names: Vec<&str> = petition_names(people).map(|p| p.name).collect();
        template.replace("{names}", &self.live.names_list(&names))
    }

    /// " — home since 11 August 2026", after a name.
    pub fn home_since(&self, d: Date) -> String {
        self.live.with_date(self.home_since, d)
    }

    /// A case page's title and link-preview title: "David Barnes: detained
    /// for 1,773 days (as of 24 November 2026)" or "Robert Gilman: held
    /// 1,667 days, now home".
    pub fn preview_title(
        &self,
        name: &str,
        days: u64,
        standing: Standing,
        day_known: bool,
        today: Date,
    ) -> String {
        let template = match standing {
            Standing::Held => self.preview_held,
            Standing::LastReported(_) => self.preview_last,
            Standing::Home(_) => self.preview_home,
        };
        filled(template, &|out, key, case| match (key, standing) {
            ("name", _) => out.push_str(name),
            ("days", _) => self.live.push_days(out, days, day_known),
            ("last", Standing::LastReported(d)) => out.push_str(&self.live.last_reported(d)),
            _ => self.live.push_date(out, today, case),
        })
    }

    /// "Sources (6)", on a folded list of sources.
    pub fn sources_count(&self, n: usize) -> String {
        format!("{} ({n})", self.sources)
    }

    /// "Full record: David Barnes", the accessible name of a card's link.
    pub fn full_record_of(&self, name: &str) -> String {
        format!("{}: {name}", self.full_record)
    }

    /// "Details: 1 August 2024", the accessible name of an exchange's disclosure.
    pub fn details_of(&self, when: &str) -> String {
        format!("{}: {when}", self.exchange_details)
    }

    /// "Sources to 13 January 2026 · checked 1 December 2026": the newest
    /// source's date and the day an editor last looked, which are not the same.
    pub fn record_dates(&self, as_of: Date, checked: Date) -> String {
        self.two_dates(self.record_dates, as_of, checked)
    }

    /// "Information as of 12 August 2026 · checked 1 December 2026."
    pub fn information_as_of(&self, as_of: Date, checked: Date) -> String {
        self.two_dates(self.information_as_of, as_of, checked)
    }

    fn two_dates(&self, template: &str, as_of: Date, checked: Date) -> String {
        filled(template, &|out, key, case| {
            let d = if key == "as_of" { as_of } else { checked };
            self.live.push_date(out, d, case)
        })
    }

    /// "12 Americans in this data are still detained, as far as each case's
    /// newest source tells."
    pub fn still_detained(&self, count: usize) -> String {
        let n = count as u64;
        filled(self.still_detained.of(self.lang(), n), &|out, _, _| {
            self.live.push_thousands(out, n)
        })
    }

    /// " — held 439 days" after a freed person's name; "held about …" when
    /// the arrest day is not known.
    pub fn held(&self, days: u64, day_known: bool) -> String {
        filled(self.held, &|out, _, _| {
            self.live.push_days(out, days, day_known)
        })
    }

    /// "11 February 2025", or "11 February 2025 – 12 February 2025" for a deal
    /// over days.
    pub fn date_span(&self, start: Date, end: Option<Date>) -> String {
        match end {
            Some(end) => format!("{} – {}", self.date(start), self.date(end)),
            None => self.date(start),
        }
    }

    /// " (February 2025)", after a label.
    pub fn in_parentheses(&self, d: Date) -> String {
        format!(" ({})", self.date(d))
    }

    /// "Freed 10 April 2025. Exchanged at Abu Dhabi airport for …"
    pub fn freed(&self, d: Date, how: &str) -> String {
        format!("{} {how}", self.freed_on(d))
    }

    /// "as of 1 December 2026", under a preview image's count.
    pub fn image_as_of(&self, d: Date) -> String {
        self.live.with_date(self.image_as_of, d)
    }

    /// "Freed 11 August 2026.", on a compact card.
    pub fn freed_on(&self, d: Date) -> String {
        self.live.with_date(self.freed_on, d)
    }

    /// "1,000 days on 9 October 2024", "5 years on 13 January 2027".
    pub fn milestone(&self, m: &Milestone) -> String {
        self.milestone_in(m, &self.milestone_days, &self.milestone_years, "")
    }

    /// A milestone's message with `{n}`, `{date}` and `{name}` filled.
    fn milestone_in(&self, m: &Milestone, days: &Plural, years: &Plural, name: &str) -> String {
        let (forms, n) = match m.kind {
            Kind::Days(n) => (days, n),
            Kind::Years(n) => (years, n),
        };
        let n = u64::from(n);
        filled(forms.of(self.lang(), n), &|out, key, case| match key {
            "n" => self.live.push_thousands(out, n),
            "name" => out.push_str(name),
            _ => self.live.push_date(out, milestone::date(m), case),
        })
    }

    /// A card's line: the last milestone passed and the next, "1,500 days
    /// on 21 February 2026 · 5 years on 13 January 2027", or the one there
    /// is (none yet passed, or none to come after a release).
    pub fn milestones(&self, around: Around) -> Option<String> {
        match (around.last, around.next) {
            (Some(last), Some(next)) => Some(filled(self.milestones, &|out, key, _| {
                out.push_str(&self.milestone(if key == "last" { &last } else { &next }))
            })),
            (Some(one), None) | (None, Some(one)) => Some(self.milestone(&one)),
            (None, None) => None,
        }
    }

    /// The petition's share text, led by each milestone the campaign's
    /// people still held reached within [`milestone::RECENT_DAYS`] of `now`
    /// ("David Barnes: 1,500 days held in Russia, as of 21 February 2026.
    /// Americans are still …"); none when no milestone is that recent, and
    /// the share text stays the petition bundle's own.
    pub fn share_text(&self, people: &'static [Person], now: i64) -> Option<String> {
        let mut out = String::new();
        // Only those a source says are held: the lead says "held".
        for p in still_left_behind(people).filter(|p| p.standing() == Standing::Held) {
            if let Some(m) = milestone::recent(p, now, milestone::RECENT_DAYS) {
                out.push_str(&self.milestone_in(&m, &self.share_days, &self.share_years, p.name));
                out.push(' ');
            }
        }
        (!out.is_empty()).then(|| out + form(self.lang()).share_text)
    }

    /// Accessible name of a source link: "Kommersant, 3 December 2025".
    pub fn source_line(&self, outlet: &str, d: Option<Date>) -> String {
        match d {
            Some(d) => format!("{outlet}, {}", self.date(d)),
            None => outlet.to_string(),
        }
    }
}

#[cfg(test)]
mod tests;
