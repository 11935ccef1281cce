//! Local dates and times as text, read and written by hand: `YYYY-MM-DD` and
//! `YYYY-MM-DDTHH:MM[:SS]`, as date and time fields give them and as records keep them.
//!
//! chrono's own parsing (`FromStr`, `parse_from_str`, its serde) brings its whole format
//! machinery into the wasm, several KB for what a few lines do here. The text is the
//! same as chrono's serde writes, so records written either way read the same.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

/// English month names, for dates in words (the crisis card's checked dates, My week's
/// range).
pub const MONTHS: [&str; 12] = [
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

/// "2026-12-03".
pub fn date_text(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// "16:00".
pub fn time_text(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// "2026-12-03T16:00:00".
pub fn datetime_text(t: NaiveDateTime) -> String {
    format!(
        "{}T{}:{:02}",
        date_text(t.date()),
        time_text(t.time()),
        t.second()
    )
}

pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let mut parts = s.trim().splitn(3, '-');
    let y: i32 = number(parts.next()?, 4)?;
    let m: u32 = number(parts.next()?, 2)?;
    let d: u32 = number(parts.next()?, 2)?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// "16:00" or "16:00:00".
pub fn parse_time(s: &str) -> Option<NaiveTime> {
    let mut parts = s.trim().splitn(3, ':');
    let h: u32 = number(parts.next()?, 2)?;
    let m: u32 = number(parts.next()?, 2)?;
    let sec: u32 = match parts.next() {
        Some(p) => number(p.split('.').next()?, 2)?,
        None => 0,
    };
    NaiveTime::from_hms_opt(h, m, sec)
}

pub fn parse_datetime(s: &str) -> Option<NaiveDateTime> {
    let (d, t) = s.trim().split_once(['T', ' '])?;
    Some(parse_date(d)?.and_time(parse_time(t)?))
}

/// A number of exactly `digits` ASCII digits (a year of 4).
fn number<T: std::str::FromStr>(s: &str, digits: usize) -> Option<T> {
    (s.len() == digits && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// `#[serde(with = "dates::datetime")]`.
pub mod datetime {
    use chrono::NaiveDateTime;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::datetime_text(*t))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
        let text = String::deserialize(d)?;
        super::parse_datetime(&text).ok_or_else(|| D::Error::custom("not a local date and time"))
    }
}

/// `#[serde(with = "dates::date")]`.
pub mod date {
    use chrono::NaiveDate;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::date_text(*d))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(d)?;
        super::parse_date(&text).ok_or_else(|| D::Error::custom("not a date"))
    }
}

/// `#[serde(with = "dates::opt_date")]`.
pub mod opt_date {
    use chrono::NaiveDate;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_some(&super::date_text(*d)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        match Option::<String>::deserialize(d)? {
            Some(text) => super::parse_date(&text)
                .map(Some)
                .ok_or_else(|| D::Error::custom("not a date")),
            None => Ok(None),
        }
    }
}

/// `#[serde(with = "dates::date_list")]`.
pub mod date_list {
    use chrono::NaiveDate;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(days: &[NaiveDate], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(days.iter().map(|d| super::date_text(*d)))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NaiveDate>, D::Error> {
        Vec::<String>::deserialize(d)?
            .iter()
            .map(|t| super::parse_date(t).ok_or_else(|| D::Error::custom("not a date")))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_read_back_as_written_and_as_chrono_writes_them() {
        let t = NaiveDate::from_ymd_opt(2026, 12, 3)
            .unwrap()
            .and_hms_opt(16, 5, 0)
            .unwrap();
        assert_eq!(datetime_text(t), "2026-12-03T16:05:00");
        assert_eq!(parse_datetime("2026-12-03T16:05:00"), Some(t));
        assert_eq!(parse_datetime("2026-12-03T16:05"), Some(t));
        // chrono's serde text reads the same.
        let chrono_text = serde_json::to_string(&t).unwrap();
        assert_eq!(
            parse_datetime(chrono_text.trim_matches('"')),
            Some(t),
            "{chrono_text}"
        );
        assert_eq!(date_text(t.date()), "2026-12-03");
        assert_eq!(parse_date("2026-12-03"), Some(t.date()));
        assert_eq!(parse_time("09:30").map(time_text).as_deref(), Some("09:30"));
    }

    #[test]
    fn anything_else_is_not_a_date() {
        for bad in [
            "",
            "2026-13-01",
            "2026-02-30",
            "26-12-03",
            "2026-1-3",
            "2026-12-03x",
            "+2026-12-03",
            "２０２６-12-03",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        for bad in ["", "24:00", "9:30", "09:60", "09:30:61", "0930"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
        assert_eq!(parse_datetime("2026-12-03"), None);
    }
}
