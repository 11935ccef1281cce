//! An appointment as an iCalendar file (RFC 5545), made on the device, for the phone's
//! calendar: one VEVENT, with an RRULE for a series. Text is escaped as TEXT values
//! require, and lines are folded at 75 octets.
//!
//! Times are written with the browser's IANA time zone (`TZID`), so a weekly 16:00 stays
//! at 16:00 across a daylight-saving change in the person's calendar. When the zone is
//! unknown (or not a plain IANA name) they are written in UTC from the offset the browser
//! gives for that session. No VTIMEZONE is written: calendar apps know IANA zones by name.

use chrono::{Datelike, NaiveDateTime, Timelike};

use super::appointment::{Appointment, Repeat};

/// Where the times are: an IANA zone name, or a fixed offset east of UTC in minutes
/// (for UTC output).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zone<'a> {
    Tzid(&'a str),
    Offset(i32),
}

/// What goes in the file besides the appointment.
pub struct Event<'a> {
    /// Stable for an appointment, so importing it again updates the same event.
    pub uid: &'a str,
    /// When the file is made, UTC.
    pub stamp: NaiveDateTime,
    pub zone: Zone<'a>,
    pub summary: &'a str,
    pub description: &'a str,
    /// Only this session of a series (a one-off event), rather than the series.
    pub only: Option<NaiveDateTime>,
}

/// The whole `.ics` file, CRLF line ends.
pub fn calendar(appointment: &Appointment, event: &Event) -> String {
    let zone = match event.zone {
        Zone::Tzid(name) if is_zone_name(name) => Zone::Tzid(name),
        Zone::Tzid(_) => Zone::Offset(0),
        z => z,
    };
    let start = event.only.unwrap_or(appointment.start);
    let series = event.only.is_none() && appointment.repeat != Repeat::Once;
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//Between//Between//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        "BEGIN:VEVENT".into(),
        format!("UID:{}", text(event.uid)),
        format!("DTSTAMP:{}Z", stamp(event.stamp)),
        format!("DTSTART{}", time(start, zone)),
        format!("DURATION:PT{}M", appointment.minutes),
    ];
    if series {
        lines.push(format!("RRULE:{}", rule(appointment)));
        for skipped in &appointment.skipped {
            lines.push(format!(
                "EXDATE{}",
                time(skipped.and_time(appointment.start.time()), zone)
            ));
        }
    }
    lines.push(format!("SUMMARY:{}", text(event.summary)));
    if !appointment.place.is_empty() {
        lines.push(format!("LOCATION:{}", text(&appointment.place)));
    }
    if !event.description.is_empty() {
        lines.push(format!("DESCRIPTION:{}", text(event.description)));
    }
    lines.push("END:VEVENT".into());
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for line in lines {
        fold(&line, &mut out);
    }
    out
}

/// The RRULE of a series (without the name).
fn rule(a: &Appointment) -> String {
    let mut r = match a.repeat {
        Repeat::Once | Repeat::Weekly => "FREQ=WEEKLY".to_string(),
        Repeat::Fortnightly => "FREQ=WEEKLY;INTERVAL=2".into(),
        Repeat::Monthly => match a.monthly_day() {
            // "The 31st, or the month's last day": the latest of 28..=31 the month has.
            Some(day) => {
                let days: Vec<String> = (28..=day).map(|d| d.to_string()).collect();
                format!("FREQ=MONTHLY;BYMONTHDAY={};BYSETPOS=-1", days.join(","))
            }
            None => "FREQ=MONTHLY".into(),
        },
    };
    if a.until.is_some() {
        // COUNT rather than UNTIL: UNTIL would have to be in UTC, which needs the zone's
        // rules. Skipped sessions still count, as EXDATE does not change COUNT.
        let mut plain = a.clone();
        plain.skipped.clear();
        r.push_str(&format!(";COUNT={}", plain.occurrences().count()));
    }
    r
}

fn time(local: NaiveDateTime, zone: Zone) -> String {
    match zone {
        Zone::Tzid(name) => format!(";TZID={name}:{}", stamp(local)),
        Zone::Offset(east) => {
            let utc = local - chrono::Duration::minutes(i64::from(east));
            format!(":{}Z", stamp(utc))
        }
    }
}

/// "20261203T160000" (by hand: chrono's formatting costs several KB of wasm).
fn stamp(t: NaiveDateTime) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// A zone name as IANA writes them ("Europe/London", "America/Argentina/Buenos_Aires",
/// "Etc/GMT+5"): safe as a parameter value without quotes.
fn is_zone_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '_' | '-' | '+'))
}

/// A TEXT value: backslash, semicolon, comma and line breaks escaped.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line folded at 75 octets (never inside a character), CRLF ended.
fn fold(line: &str, out: &mut String) {
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        // A continuation line starts with a space, which counts towards its 75.
        if used + len > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

// Read back by the `ical` crate, a native dev-dependency only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
