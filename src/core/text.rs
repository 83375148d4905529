//! Every user-facing string of the app, in one place so that translations
//! (Russian, Ukrainian) replace this module and nothing else.

use crate::core::elapsed::Elapsed;
use crate::core::model::{
    petition_names, still_left_behind, Date, DesignationStatus, Person, Standing,
};
use crate::core::petition::signature::Field;
use crate::core::petition::validate::Problem;

pub const SKIP_TO_CASES: &str = "Skip to the petition and the cases";
pub const LEFT_BEHIND_HEADING: &str = "Still left behind";
pub const HOME_HEADING: &str = "Came home";
pub const SEE_RELEASE: &str = "See the release";
pub const CAMPAIGN_CASES_HEADING: &str = "The Americans the campaign speaks for";
pub const TRACKED_CASES_HEADING: &str = "Other Americans held in Russia";
pub const TRACKED_CASES_INTRO: &str =
    "Cases tracked from public reporting. Each full record shows its sources and the date of the newest one.";
pub const TIMELINE_HEADING: &str = "How Americans have come home: exchanges since 1962";
pub const TIMELINE_INTRO: &str = "Americans held in the Soviet Union and Russia have come home through exchanges, and a few through releases with nothing given in return.";
pub const FILTER_LEGEND: &str = "Show";
pub const FILTER_ALL: &str = "All exchanges";
/// The timeline filter's recent option: from `model::RECENT_SINCE` (a test
/// holds them together; a constant keeps formatting out of the page's WASM).
pub const FILTER_RECENT: &str = "Since 2022";
pub const FILTER_OURS: &str = "Involving the people on this page";
pub const TO_WEST: &str = "Released to the West";
pub const TO_EAST: &str = "Released to the Soviet Union or Russia";
pub const NOTHING_IN_RETURN: &str = "Nothing in return was reported.";
pub const RELEASE: &str = "Release";
pub const NOW: &str = "Now";
pub const SINCE_LAST_EXCHANGE: &str = "Time since the last exchange that freed Americans";
pub const SEE_EXCHANGE: &str = "See the exchange";
pub const ARRESTED_AFTER_LAST_EXCHANGE: &str = "Arrested after the last exchange.";
pub const NEWS_HEADING: &str = "Latest news";
pub const FIRST_NAME: &str = "First name";
pub const LAST_NAME: &str = "Last name";
pub const EMAIL: &str = "Email";
pub const ZIP: &str = "ZIP code";
pub const COUNTRY: &str = "Country";
pub const OUTSIDE_US: &str = "I live outside the United States";
pub const KEEP_ME_UPDATED: &str = "Keep me updated about the campaign";
pub const HONEYPOT_LABEL: &str = "Leave this field empty";
pub const SIGN: &str = "Sign the petition";
pub const SENDING: &str = "Sending…";
pub const QUEUED: &str =
    "We couldn’t reach the petition just now. Your signature is saved on this device and will be sent automatically.";
pub const REJECTED: &str =
    "The petition didn’t accept this signature. Check your details and try again.";
pub const ON_ITS_WAY: &str = "Your signature is on its way…";
pub const PETITION_DID_NOT_LOAD: &str =
    "The petition didn’t load. Check your connection and press the button again: what you typed is kept.";
pub const THANKS: &str = "Thank you for signing.";
pub const ALREADY_SIGNED: &str = "You have already signed. Thank you!";
pub const SHARE_HEADING: &str = "Ask others to sign";
pub const SHARE: &str = "Share this page";
pub const LINK_COPIED: &str = "Link copied.";
pub const SHARE_BY_EMAIL: &str = "Email";
pub const SHARE_ON_X: &str = "X (Twitter)";
pub const SHARE_ON_FACEBOOK: &str = "Facebook";
pub const SHARE_TEXT: &str =
    "Americans are still detained in Russia. Sign the petition to bring them home:";
pub const NEXT_HEADING: &str = "What else you can do";
pub const CONTACT_HOUSE: &str =
    "Find your representative and ask them to press the State Department";
pub const CONTACT_SENATE: &str = "Contact your senators";

/// The one message shown for `problem` on `field`.
pub fn problem_message(field: Field, problem: Problem) -> &'static str {
    use Field::*;
    use Problem::*;
    match (field, problem) {
        (FirstName, Missing) => "Enter your first name.",
        (FirstName, TooLong) => "Your first name must be 100 characters or fewer.",
        (FirstName, Invalid) => "Your first name must contain at least one letter.",
        (FirstName, ControlCharacters) => {
            "Your first name can’t contain control or invisible characters."
        }
        (LastName, Missing) => "Enter your last name.",
        (LastName, TooLong) => "Your last name must be 100 characters or fewer.",
        (LastName, Invalid) => "Your last name must contain at least one letter.",
        (LastName, ControlCharacters) => {
            "Your last name can’t contain control or invisible characters."
        }
        (Email, Missing) => "Enter your email address.",
        (Email, TooLong) => "Your email address must be 254 characters or fewer.",
        (Email, _) => "Enter an email address like name@example.com.",
        (Zip, Missing) => "Enter your ZIP code, or choose a country if you live outside the US.",
        (Zip, _) => "Enter a 5-digit ZIP code, like 12345 or 12345-6789.",
        (Country, Missing) => "Enter your country.",
        (Country, TooShort) => "The country name must be at least 2 characters.",
        (Country, TooLong) => "The country name must be 60 characters or fewer.",
        (Country, UseZip) => "In the United States, enter your ZIP code instead of a country.",
        (Country, _) => {
            "The country name can contain only letters, spaces, hyphens, apostrophes, periods and parentheses."
        }
        (_, _) => "Check this field.",
    }
}

/// "1,234 of 10,000 signatures".
pub fn signature_count(count: u64, goal: u64) -> String {
    let mut out = thousands(count);
    out.push_str(" of ");
    push_thousands(&mut out, goal);
    out.push_str(" signatures");
    out
}

/// "Robert Gilman, Andre Khachatoorian and David Barnes".
pub fn names_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Escapes text for HTML element content or a quoted attribute value.
pub fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub const EMBED: &str = "Embed";
pub const EMBED_CARD: &str = "Show this card on your site: paste this where it should appear.";
pub const EMBED_COUNTER: &str = "Or a one-line counter:";
pub const EMBED_TIMELINE: &str =
    "Show this timeline on your site: paste this where it should appear.";
pub const EMBED_TIMELINE_NAME: &str = "the timeline";
pub const EMBED_PETITION: &str =
    "Collect signatures on your site: paste this where the form should appear.";
pub const EMBED_PETITION_NAME: &str = "the petition";
pub const EMBED_OPTIONS: &str = "Options on the div: data-theme=\"light\" or \"dark\" (the reader's setting by default), data-compact=\"true\" for a shorter view, data-partner=\"your-site\" to have signatures given through your site counted as yours.";
pub const COPY: &str = "Copy";
pub const COPIED: &str = "Copied.";
pub const COPY_BY_HAND: &str = "Selected: press Ctrl+C (⌘C on a Mac) to copy.";
pub const WIDGET_CREDIT: &str = "Left Behind: Americans detained in Russia";
pub const WIDGET_FAILED: &str = "This Left Behind widget could not load.";
/// embed.js fills in the id a partner wrote, when that card's page fails.
pub const WIDGET_UNKNOWN_CASE: &str =
    "Left Behind could not show the case “{id}”: check the id, or try again later.";
/// embed.js fills in the view a partner wrote, and lists the views after it.
pub const WIDGET_UNKNOWN_VIEW: &str = "Left Behind has no widget “{view}”. Views: ";
pub const WIDGET_SEE_ALL: &str = "See every case on Left Behind";
/// embed.js warns the partner's editor in the console (`core::embed::partner_id`).
pub const WIDGET_BAD_PARTNER: &str =
    "Left Behind: data-partner takes letters, digits, . _ - (64 at most)";
pub const WIDGET_NOT_FOUND: &str = "Not found:";
pub const WIDGET_CARDS: &str = "Americans detained in Russia, on Left Behind";
pub const WIDGET_TIMELINE: &str = "Exchanges since 1962, on Left Behind";
pub const WIDGET_PETITION: &str = "Sign the petition on Left Behind";

/// The readable link inside a partner's element: "Robert Gilman, on Left Behind".
pub fn widget_case_link(name: &str) -> String {
    format!("{name}, on Left Behind")
}

/// A one-line counter after the name: "detained 1,771 days", "held 439
/// days, free since 10 April 2025", or for a person not reported on lately
/// "1,801 days since the arrest, last reported held 1 August 2024".
pub fn counter(days: u64, day_known: bool, standing: Standing) -> String {
    let mut out = String::from(match standing {
        Standing::Held => "detained ",
        Standing::LastReported(_) => "",
        Standing::Home(_) => "held ",
    });
    out.push_str(about(day_known));
    push_thousands(&mut out, days);
    out.push_str(if days == 1 { " day" } else { " days" });
    match standing {
        Standing::Held => {}
        Standing::LastReported(d) => {
            out.push_str(" since the arrest, ");
            out.push_str(&last_reported(d));
        }
        Standing::Home(d) => {
            out.push_str(", free since ");
            push_date(&mut out, d);
        }
    }
    out
}

/// "last reported held 1 August 2024", after a name or a count.
pub fn last_reported(d: Date) -> String {
    format!("last reported held {}", date(d))
}

/// The campaign's opening sentence, from the statuses: "Andre Khachatoorian
/// and David Barnes are still held in Russia."
pub fn still_held(names: &[&str]) -> String {
    match names {
        [] => {
            "None of the people the campaign speaks for is known to be held in Russia today.".into()
        }
        [one] => format!("{one} is still held in Russia."),
        _ => format!("{} are still held in Russia.", names_list(names)),
    }
}

/// The hero's ask in one or two sentences, from the statuses: who still
/// lacks the designation and why it matters; when no one held lacks it, who
/// is still held.
pub fn hero_ask(people: &'static [Person]) -> String {
    let undesignated: Vec<&str> = petition_names(people).map(|p| p.name).collect();
    match not_designated(&undesignated) {
        Some(sentence) => format!("{sentence} {DESIGNATION_WHY}"),
        None => {
            let held: Vec<&str> = still_left_behind(people)
                .filter(|p| p.standing() == Standing::Held)
                .map(|p| p.name)
                .collect();
            still_held(&held)
        }
    }
}

/// The petition's ask with `{names}` replaced by the people it asks for.
pub fn petition_ask(template: &str, people: &'static [Person]) -> String {
    let names: Vec<&str> = petition_names(people).map(|p| p.name).collect();
    template.replace("{names}", &names_list(&names))
}

/// "Andre Khachatoorian and David Barnes have not been designated …", or
/// nothing when everyone is designated.
pub fn not_designated(names: &[&str]) -> Option<String> {
    let verb = if names.len() == 1 { "has" } else { "have" };
    (!names.is_empty()).then(|| {
        format!(
            "{} {verb} not been designated “wrongfully detained” by the State Department.",
            names_list(names)
        )
    })
}

/// " — home since 11 August 2026", after a name.
pub fn home_since(d: Date) -> String {
    format!(" — home since {}", date(d))
}

pub const ALL_CASES: &str = "All cases, the timeline and the petition";

/// A case page's title and link-preview title: "David Barnes: detained for
/// 1,773 days (as of 24 November 2026)" or "Robert Gilman: held 1,667 days,
/// now home".
pub fn preview_title(
    name: &str,
    days: u64,
    standing: Standing,
    day_known: bool,
    today: Date,
) -> String {
    let days = format!("{}{} days", about(day_known), thousands(days));
    match standing {
        Standing::Held => format!("{name}: detained for {days} (as of {})", date(today)),
        Standing::LastReported(d) => {
            format!("{name}: {days} since the arrest, {}", last_reported(d))
        }
        Standing::Home(_) => format!("{name}: held {days}, now home"),
    }
}

pub const OPEN_DATA_HEADING: &str = "Open data";
pub const OPEN_DATA_INTRO: &str =
    "Everything on this page, checked when the site is built, for journalists and partner sites to reuse.";
pub const OPEN_DATA_CASES: &str = ": every case, with sources (JSON, versioned).";
pub const OPEN_DATA_EXCHANGES: &str =
    ": every exchange since 1962, the news list and the designation explainer (JSON).";
pub const OPEN_DATA_CALENDAR: &str =
    ": arrest anniversaries of the people still detained (iCalendar).";
pub const PAUSE_TIMERS: &str = "Pause timers";
pub const RESUME_TIMERS: &str = "Resume timers";
pub const TIMERS_PAUSED_NOTE: &str = "Timers are paused.";
pub const ARRESTED: &str = "Arrested";
pub const CHARGE: &str = "Charge";
pub const SENTENCE: &str = "Sentence";
pub const SENTENCE_HISTORY: &str = "How the sentence changed";
pub const DESIGNATION: &str = "Wrongful-detention designation";
pub const READ_MORE: &str = "Read more";
pub const SOURCES: &str = "Sources";

/// "Sources (6)", on a folded list of sources.
pub fn sources_count(n: usize) -> String {
    format!("{SOURCES} ({n})")
}
pub const LINK_TO_CASE: &str = "Link to this case";
pub const FULL_RECORD: &str = "Full record";
pub const EXCHANGE_DETAILS: &str = "Details";

/// "Full record: David Barnes", the accessible name of a card's link.
pub fn full_record_of(name: &str) -> String {
    format!("{FULL_RECORD}: {name}")
}

/// "Details: 1 August 2024", the accessible name of an exchange's disclosure.
pub fn details_of(when: &str) -> String {
    format!("{EXCHANGE_DETAILS}: {when}")
}
/// After the names of those not designated: why designation is the ask.
pub const DESIGNATION_WHY: &str =
    "Designation puts the government's hostage envoy to work on bringing a person home.";
pub const DETAINED: &str = "Detained";
pub const LAST_REPORTED_DETAINED: &str = "Last reported detained";
pub const RELEASED: &str = "Released";
pub const DETAINED_FOR: &str = "Detained for";
pub const SINCE_ARREST: &str = "Time since the arrest";
pub const HELD_FOR: &str = "Held for";

/// The status badge's word.
pub fn badge(standing: Standing) -> &'static str {
    match standing {
        Standing::Held => DETAINED,
        Standing::LastReported(_) => LAST_REPORTED_DETAINED,
        Standing::Home(_) => RELEASED,
    }
}

/// The timer's label: a count claims "detained" only while a source says so.
pub fn timer_label(standing: Standing) -> &'static str {
    match standing {
        Standing::Held => DETAINED_FOR,
        Standing::LastReported(_) => SINCE_ARREST,
        Standing::Home(_) => HELD_FOR,
    }
}
pub const DATE_NOT_REPORTED: &str = "date not reported";

pub fn designation_label(status: DesignationStatus) -> &'static str {
    match status {
        DesignationStatus::Designated => "Designated wrongfully detained",
        DesignationStatus::Reported => "Reported designated (unconfirmed)",
        DesignationStatus::NotDesignated => "Not designated",
        DesignationStatus::Unknown => "Unknown",
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "27 January 2024", "August 2019" or "2020", as precise as the date is.
pub fn date(d: Date) -> String {
    let mut out = String::new();
    push_date(&mut out, d);
    out
}

// The islands' strings are built by pushing, not `format!`: each formatted
// call costs the page's WASM its argument tables and formatting code paths.

fn push_date(out: &mut String, d: Date) {
    if let Some(m) = MONTHS.get(usize::from(d.month).wrapping_sub(1)) {
        if d.day > 0 {
            push_digits(out, d.day.into(), 1);
            out.push(' ');
        }
        out.push_str(m);
        out.push(' ');
    }
    if d.year < 0 {
        out.push('-');
    }
    push_digits(out, d.year.unsigned_abs().into(), 1);
}

/// `n` in decimal, zero-padded to `width` digits.
fn push_digits(out: &mut String, n: u64, width: u32) {
    if n >= 10 || width > 1 {
        push_digits(out, n / 10, width.saturating_sub(1));
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

fn push_thousands(out: &mut String, n: u64) {
    if n < 1000 {
        push_digits(out, n, 1);
    } else {
        push_thousands(out, n / 1000);
        out.push(',');
        push_digits(out, n % 1000, 3);
    }
}

/// "Sources to 13 January 2026 · checked 1 December 2026": the newest
/// source's date and the day an editor last looked, which are not the same.
pub fn record_dates(as_of: Date, checked: Date) -> String {
    format!("Sources to {} · checked {}", date(as_of), date(checked))
}

/// "Information as of 12 August 2026 · checked 1 December 2026."
pub fn information_as_of(as_of: Date, checked: Date) -> String {
    format!(
        "Information as of {} · checked {}.",
        date(as_of),
        date(checked)
    )
}

/// "1,771": digits grouped by thousands.
pub fn thousands(n: u64) -> String {
    let mut out = String::new();
    push_thousands(&mut out, n);
    out
}

fn count(n: u32, one: &str, many: &str) -> String {
    let mut out = String::new();
    push_digits(&mut out, n.into(), 1);
    out.push(' ');
    out.push_str(if n == 1 { one } else { many });
    out
}

/// The calendar parts, largest first: years once there are any, months once
/// there are any (always when days are unknown), days when the day is known.
fn ymd_parts(e: &Elapsed, with_days: bool) -> impl Iterator<Item = String> {
    let years = (e.years > 0).then(|| count(e.years, "year", "years"));
    let months =
        (e.years > 0 || e.months > 0 || !with_days).then(|| count(e.months, "month", "months"));
    let days = with_days.then(|| count(e.days, "day", "days"));
    [years, months, days].into_iter().flatten()
}

fn about(day_known: bool) -> &'static str {
    if day_known {
        ""
    } else {
        "about "
    }
}

/// "2 years 10 months 6 days" for the ticking display; "about 2 years 8 months"
/// when the arrest day is not known.
pub fn ymd(e: &Elapsed, day_known: bool) -> String {
    let mut out = about(day_known).to_string();
    for (i, part) in ymd_parts(e, day_known).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&part);
    }
    out
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

/// "1,771 days", or "about 990 days" when the arrest day is not known.
pub fn total_days(e: &Elapsed, day_known: bool) -> String {
    let mut out = String::from(about(day_known));
    push_thousands(&mut out, e.total_days);
    out.push_str(if e.total_days == 1 { " day" } else { " days" });
    out
}

/// The sentence screen readers get instead of the ticking digits:
/// "Detained for 2 years, 10 months and 6 days (1,771 days)."
pub fn elapsed_summary(e: &Elapsed, day_known: bool, standing: Standing) -> String {
    let mut out = String::from(timer_label(standing));
    out.push_str(match standing {
        Standing::LastReported(_) => ": ",
        _ => " ",
    });
    out.push_str(about(day_known));
    let parts: Vec<String> = ymd_parts(e, day_known).collect();
    for (i, part) in parts.iter().enumerate() {
        out.push_str(match i {
            0 => "",
            _ if i + 1 == parts.len() => " and ",
            _ => ", ",
        });
        out.push_str(part);
    }
    out.push_str(" (");
    out.push_str(&total_days(e, day_known));
    out.push_str(").");
    out
}

/// "12 Americans in this data are still detained, as far as their newest sources tell."
pub fn still_detained(count: usize) -> String {
    format!("{count} Americans in this data are still detained, as far as each case's newest source tells.")
}

/// "Left behind: 593 days since the last exchange (10 April 2025)."
pub fn left_behind(days: u64, exchange_date: Date) -> String {
    let mut out = String::from("Left behind: ");
    push_thousands(&mut out, days);
    out.push_str(if days == 1 { " day" } else { " days" });
    out.push_str(" since the last exchange (");
    push_date(&mut out, exchange_date);
    out.push_str(").");
    out
}

/// " — held 439 days" after a freed person's name; "held about …" when the
/// arrest day is not known.
pub fn held(days: u64, day_known: bool) -> String {
    format!(" — held {}{} days", about(day_known), thousands(days))
}

/// "11 February 2025", or "11 February 2025 – 12 February 2025" for a deal over days.
pub fn date_span(start: Date, end: Option<Date>) -> String {
    match end {
        Some(end) => format!("{} – {}", date(start), date(end)),
        None => date(start),
    }
}

/// " (February 2025)", after a label.
pub fn in_parentheses(d: Date) -> String {
    format!(" ({})", date(d))
}

/// "Freed 10 April 2025. Exchanged at Abu Dhabi airport for …"
pub fn freed(d: Date, how: &str) -> String {
    format!("{} {how}", freed_on(d))
}

/// "Freed 11 August 2026.", on a compact card.
pub fn freed_on(d: Date) -> String {
    format!("Freed {}.", date(d))
}

/// Accessible name of a source link: "Kommersant, 3 December 2025: title".
pub fn source_line(outlet: &str, d: Option<Date>) -> String {
    match d {
        Some(d) => format!("{outlet}, {}", date(d)),
        None => outlet.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reachable_problem_has_its_own_message() {
        let mut seen = Vec::new();
        let pairs = [
            (Field::FirstName, Problem::Missing),
            (Field::FirstName, Problem::TooLong),
            (Field::FirstName, Problem::Invalid),
            (Field::FirstName, Problem::ControlCharacters),
            (Field::LastName, Problem::Missing),
            (Field::Email, Problem::Missing),
            (Field::Email, Problem::TooLong),
            (Field::Email, Problem::Invalid),
            (Field::Zip, Problem::Missing),
            (Field::Zip, Problem::Invalid),
            (Field::Country, Problem::TooShort),
            (Field::Country, Problem::TooLong),
            (Field::Country, Problem::Invalid),
            (Field::Country, Problem::UseZip),
        ];
        for (f, p) in pairs {
            let m = problem_message(f, p);
            assert!(m.ends_with('.'), "{m}");
            assert!(!seen.contains(&m), "duplicate message {m}");
            seen.push(m);
        }
        assert!(problem_message(Field::LastName, Problem::Missing).contains("last name"));
    }

    fn e(years: u32, months: u32, days: u32, total_days: u64) -> Elapsed {
        Elapsed {
            years,
            months,
            days,
            total_days,
            ..Elapsed::default()
        }
    }

    #[test]
    fn dates_as_precise_as_known() {
        assert_eq!(
            date(Date {
                year: 2024,
                month: 1,
                day: 27
            }),
            "27 January 2024"
        );
        assert_eq!(
            date(Date {
                year: 2019,
                month: 8,
                day: 0
            }),
            "August 2019"
        );
        assert_eq!(
            date(Date {
                year: 2020,
                month: 0,
                day: 0
            }),
            "2020"
        );
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_771), "1,771");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn ymd_drops_leading_zero_units_and_uses_singulars() {
        assert_eq!(ymd(&e(2, 10, 6, 1_041), true), "2 years 10 months 6 days");
        assert_eq!(ymd(&e(1, 0, 1, 367), true), "1 year 0 months 1 day");
        assert_eq!(ymd(&e(0, 0, 9, 9), true), "9 days");
        assert_eq!(ymd(&e(2, 8, 12, 990), false), "about 2 years 8 months");
    }

    #[test]
    fn summary_reads_as_a_sentence() {
        assert_eq!(
            elapsed_summary(&e(2, 10, 6, 1_771), true, Standing::Held),
            "Detained for 2 years, 10 months and 6 days (1,771 days)."
        );
        assert_eq!(
            elapsed_summary(&e(0, 0, 9, 9), true, Standing::Home(D)),
            "Held for 9 days (9 days)."
        );
        assert_eq!(
            elapsed_summary(&e(2, 8, 0, 990), false, Standing::Home(D)),
            "Held for about 2 years and 8 months (about 990 days)."
        );
        // No claim that a person not reported on lately is held today.
        assert_eq!(
            elapsed_summary(&e(4, 11, 5, 1_801), true, Standing::LastReported(D)),
            "Time since the arrest: 4 years, 11 months and 5 days (1,801 days)."
        );
    }

    const D: Date = Date {
        year: 2024,
        month: 8,
        day: 1,
    };

    #[test]
    fn who_is_held_is_worded_from_the_names_given() {
        assert_eq!(
            still_held(&["David Barnes"]),
            "David Barnes is still held in Russia."
        );
        assert_eq!(still_held(&["A", "B"]), "A and B are still held in Russia.");
        assert_eq!(
            still_held(&[]),
            "None of the people the campaign speaks for is known to be held in Russia today."
        );
        assert_eq!(
            not_designated(&["A"]).as_deref(),
            Some("A has not been designated “wrongfully detained” by the State Department.")
        );
        assert_eq!(
            not_designated(&["A", "B"]).as_deref(),
            Some("A and B have not been designated “wrongfully detained” by the State Department.")
        );
        assert_eq!(not_designated(&[]), None);
        assert_eq!(home_since(D), " — home since 1 August 2024");
    }

    #[test]
    fn a_record_shows_its_newest_source_and_when_it_was_checked() {
        let checked = Date {
            year: 2026,
            month: 12,
            day: 1,
        };
        let sources = Date {
            year: 2026,
            month: 1,
            day: 13,
        };
        assert_eq!(
            record_dates(sources, checked),
            "Sources to 13 January 2026 · checked 1 December 2026"
        );
        assert_eq!(
            information_as_of(sources, checked),
            "Information as of 13 January 2026 · checked 1 December 2026."
        );
    }

    #[test]
    fn labels_claim_detention_only_while_sources_say_so() {
        assert_eq!(badge(Standing::Held), "Detained");
        assert_eq!(badge(Standing::LastReported(D)), "Last reported detained");
        assert_eq!(badge(Standing::Home(D)), "Released");
        assert_eq!(timer_label(Standing::Held), "Detained for");
        assert_eq!(
            timer_label(Standing::LastReported(D)),
            "Time since the arrest"
        );
        assert_eq!(timer_label(Standing::Home(D)), "Held for");
    }

    #[test]
    fn the_recent_filter_names_its_year() {
        let year = crate::core::model::RECENT_SINCE.to_string();
        assert_eq!(FILTER_RECENT, format!("Since {year}"));
    }

    #[test]
    fn names_read_as_a_list() {
        assert_eq!(names_list(&[]), "");
        assert_eq!(names_list(&["A"]), "A");
        assert_eq!(names_list(&["A", "B"]), "A and B");
        assert_eq!(names_list(&["A", "B", "C"]), "A, B and C");
    }

    #[test]
    fn preview_titles_say_how_long_and_as_of_when() {
        let today = Date {
            year: 2026,
            month: 11,
            day: 24,
        };
        assert_eq!(
            preview_title("David Barnes", 1_773, Standing::Held, true, today),
            "David Barnes: detained for 1,773 days (as of 24 November 2026)"
        );
        assert_eq!(
            preview_title("Robert Gilman", 1_667, Standing::Home(D), true, today),
            "Robert Gilman: held 1,667 days, now home"
        );
        assert_eq!(
            preview_title(
                "Andre Khachatoorian",
                1_801,
                Standing::LastReported(D),
                true,
                today
            ),
            "Andre Khachatoorian: 1,801 days since the arrest, last reported held 1 August 2024"
        );
    }

    #[test]
    fn counters_read_as_one_line() {
        assert_eq!(counter(1_771, true, Standing::Held), "detained 1,771 days");
        assert_eq!(counter(1, true, Standing::Held), "detained 1 day");
        assert_eq!(
            counter(990, false, Standing::Held),
            "detained about 990 days"
        );
        let home = Standing::Home(Date {
            year: 2025,
            month: 4,
            day: 10,
        });
        assert_eq!(
            counter(439, true, home),
            "held 439 days, free since 10 April 2025"
        );
        assert_eq!(
            counter(1_801, true, Standing::LastReported(D)),
            "1,801 days since the arrest, last reported held 1 August 2024"
        );
    }

    #[test]
    fn clock_digits_are_zero_padded() {
        let t = Elapsed {
            hours: 4,
            minutes: 5,
            seconds: 6,
            ..Elapsed::default()
        };
        assert_eq!(hms(&t), "04:05:06");
    }
}
