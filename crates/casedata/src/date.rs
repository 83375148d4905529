//! Dates as the sources give them: to the day, the month or only the year.

use chrono::{FixedOffset, NaiveDate, NaiveTime, TimeZone};
use std::fmt;

/// A calendar date whose month and day may be unknown (`0`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct PartialDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl PartialDate {
    /// Parses "YYYY-MM-DD", "YYYY-MM" or "YYYY".
    pub fn parse(text: &str) -> Result<Self, String> {
        let bad = || format!("'{text}' is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)");
        let parts: Vec<&str> = text.split('-').collect();
        let widths_ok = matches!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>()[..],
            [4] | [4, 2] | [4, 2, 2]
        );
        if !widths_ok || !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
            return Err(bad());
        }
        let num = |i: usize| {
            parts
                .get(i)
                .map_or(Ok(0), |p| p.parse::<u32>())
                .map_err(|_| bad())
        };
        let (year, month, day) = (num(0)? as i32, num(1)?, num(2)?);
        let valid = match (month, day) {
            (0, 0) => parts.len() == 1,
            (1..=12, 0) => parts.len() == 2,
            _ => NaiveDate::from_ymd_opt(year, month, day).is_some(),
        };
        if !valid {
            return Err(format!("'{text}' is not a real calendar date"));
        }
        Ok(Self {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    pub fn has_day(&self) -> bool {
        self.day != 0
    }

    /// The earliest day this date can mean.
    pub fn first_day(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(
            self.year,
            u32::from(self.month.max(1)),
            u32::from(self.day.max(1)),
        )
        .expect("validated at parse")
    }

    /// The latest day this date can mean, for "is it in the future" checks.
    pub fn last_day(&self) -> NaiveDate {
        match (self.month, self.day) {
            (0, _) => NaiveDate::from_ymd_opt(self.year, 12, 31),
            (m, 0) => NaiveDate::from_ymd_opt(self.year, u32::from(m), 1)
                .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
                .and_then(|d| d.pred_opt()),
            _ => Some(self.first_day()),
        }
        .expect("validated at parse")
    }

    /// Unix seconds of the first day's midnight at `offset_seconds` east of UTC.
    pub fn midnight_at(&self, offset_seconds: i32, time: Option<NaiveTime>) -> i64 {
        let offset = FixedOffset::east_opt(offset_seconds).expect("validated offset");
        let local = self.first_day().and_time(time.unwrap_or(NaiveTime::MIN));
        offset
            .from_local_datetime(&local)
            .single()
            .expect("fixed offsets are unambiguous")
            .timestamp()
    }
}

// In the open data a date is the same string editors write: "2024-01-27",
// "2019-08" or "2020".
impl serde::Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <String as serde::Deserialize>::deserialize(d)?;
        PartialDate::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if self.month != 0 {
            write!(f, "-{:02}", self.month)?;
        }
        if self.day != 0 {
            write!(f, "-{:02}", self.day)?;
        }
        Ok(())
    }
}

/// Parses a UTC offset "+HH:MM" / "-HH:MM" into seconds east of UTC.
pub fn parse_offset(text: &str) -> Result<i32, String> {
    let bad = || format!("'{text}' is not a UTC offset (write +HH:MM, e.g. +03:00 for Moscow)");
    let (sign, rest) = match text.as_bytes().first() {
        Some(b'+') => (1, &text[1..]),
        Some(b'-') => (-1, &text[1..]),
        _ => return Err(bad()),
    };
    let (h, m) = rest.split_once(':').ok_or_else(bad)?;
    if h.len() != 2 || m.len() != 2 {
        return Err(bad());
    }
    let (h, m): (i32, i32) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    if h > 14 || m > 59 {
        return Err(bad());
    }
    Ok(sign * (h * 3600 + m * 60))
}

/// Parses a local time of day "HH:MM".
pub fn parse_time(text: &str) -> Result<NaiveTime, String> {
    NaiveTime::parse_from_str(text, "%H:%M")
        .map_err(|_| format!("'{text}' is not a time of day (write HH:MM, 24-hour)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_precisions() {
        assert_eq!(
            PartialDate::parse("2024-01-27").unwrap(),
            PartialDate {
                year: 2024,
                month: 1,
                day: 27
            }
        );
        assert_eq!(
            PartialDate::parse("2019-08").unwrap(),
            PartialDate {
                year: 2019,
                month: 8,
                day: 0
            }
        );
        assert_eq!(
            PartialDate::parse("2020").unwrap(),
            PartialDate {
                year: 2020,
                month: 0,
                day: 0
            }
        );
        assert_eq!(
            PartialDate::parse("2019-08").unwrap().to_string(),
            "2019-08"
        );
    }

    #[test]
    fn rejects_impossible_or_malformed_dates() {
        for text in [
            "2023-02-29",
            "2024-13-01",
            "2024-1-5",
            "24-01-01",
            "2024/01/01",
            "",
            "2024-01-01T00:00",
        ] {
            assert!(
                PartialDate::parse(text).is_err(),
                "{text} should be rejected"
            );
        }
        assert!(PartialDate::parse("2024-02-29").is_ok());
    }

    #[test]
    fn last_day_of_a_month_precision_date() {
        assert_eq!(
            PartialDate::parse("2024-02").unwrap().last_day(),
            NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()
        );
        assert_eq!(
            PartialDate::parse("2019").unwrap().last_day(),
            NaiveDate::from_ymd_opt(2019, 12, 31).unwrap()
        );
    }

    #[test]
    fn midnight_in_yekaterinburg_is_the_evening_before_in_utc() {
        let date = PartialDate::parse("2024-01-27").unwrap();
        // 2024-01-26T19:00:00Z
        assert_eq!(date.midnight_at(5 * 3600, None), 1_706_295_600);
    }

    #[test]
    fn offsets() {
        assert_eq!(parse_offset("+03:00"), Ok(10_800));
        assert_eq!(parse_offset("-05:30"), Ok(-19_800));
        for bad in ["03:00", "+3:00", "+15:00", "+03:60", "UTC+3"] {
            assert!(parse_offset(bad).is_err(), "{bad}");
        }
    }
}
