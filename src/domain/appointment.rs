//! Therapy appointments: one-off or repeating (weekly, every two weeks, monthly), kept in
//! the person's local wall-clock time, so a weekly 16:00 stays at 16:00 across a
//! daylight-saving change. The next and the last session, and "in 3 days", come from here.
//!
//! A monthly series started on the 29th, 30th or 31st falls on that day, or on the
//! month's last day when the month is shorter (the 31st, then 30 April, 28 February):
//! what a person means by "monthly on the 31st". `ics.rs` writes the same rule for a
//! calendar.

use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::dates::{date_text, parse_date, parse_time, time_text};
use super::record::{Body, Kind};

/// Longest appointment: a long day workshop, far from a typing slip of hours.
pub const MAX_MINUTES: u32 = 12 * 60;
/// Longest name or place kept with an appointment.
pub const MAX_TEXT_CHARS: usize = 200;
/// A series looks this far ahead at most (the next session, a week view, a calendar).
const HORIZON_DAYS: u64 = 3 * 366;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Repeat {
    /// A single appointment.
    #[default]
    Once,
    Weekly,
    /// Every two weeks.
    Fortnightly,
    Monthly,
}

impl Repeat {
    pub const ALL: [Repeat; 4] = [
        Repeat::Once,
        Repeat::Weekly,
        Repeat::Fortnightly,
        Repeat::Monthly,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Repeat::Once => "Just once",
            Repeat::Weekly => "Every week",
            Repeat::Fortnightly => "Every two weeks",
            Repeat::Monthly => "Every month",
        }
    }
}

/// An appointment, or a series of them, with the therapist.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Appointment {
    /// The first (or only) session, local wall-clock time.
    #[serde(with = "super::dates::datetime")]
    pub start: NaiveDateTime,
    /// How long it lasts, in minutes.
    pub minutes: u32,
    #[serde(default)]
    pub repeat: Repeat,
    /// A series' last day (inclusive), when it has one.
    #[serde(default, with = "super::dates::opt_date")]
    pub until: Option<NaiveDate>,
    /// Sessions of a series that will not happen (a holiday), by their date.
    #[serde(default, with = "super::dates::date_list")]
    pub skipped: Vec<NaiveDate>,
    /// Where: a room, an address, "video call".
    #[serde(default)]
    pub place: String,
    /// Who with: the therapist's name.
    #[serde(default)]
    pub with: String,
    /// How to reach them: a phone number, an email.
    #[serde(default)]
    pub contact: String,
}

impl Body for Appointment {
    const KIND: Kind = Kind::Appointment;
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AppointmentError {
    #[error("That time has already passed. Choose a time that is still to come.")]
    InThePast,
    #[error("The end is before the start. Check how long the session lasts.")]
    EndBeforeStart,
    #[error("A session can last at most 12 hours.")]
    TooLong,
    #[error("With this end date the series has no sessions at all. Choose an end date after the first session.")]
    NeverHappens,
    #[error("Keep the name, place and contact each under 200 characters.")]
    TextTooLong,
    #[error("Choose the day of the session.")]
    NoDate,
    #[error("Choose the time the session starts.")]
    NoTime,
    #[error("Say how long the session lasts, in minutes (for example 50).")]
    BadMinutes,
    #[error("Choose an end date, or leave it empty.")]
    BadUntil,
}

/// The appointment form as typed, kept as a draft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppointmentDraft {
    /// `YYYY-MM-DD`, as a date field gives it.
    pub date: String,
    /// `HH:MM`.
    pub time: String,
    pub minutes: String,
    pub repeat: Repeat,
    /// `YYYY-MM-DD` or empty.
    #[serde(default)]
    pub until: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub with: String,
    #[serde(default)]
    pub contact: String,
}

impl Default for AppointmentDraft {
    /// Most therapy is weekly and about 50 minutes.
    fn default() -> AppointmentDraft {
        AppointmentDraft {
            date: String::new(),
            time: String::new(),
            minutes: "50".into(),
            repeat: Repeat::Weekly,
            until: String::new(),
            place: String::new(),
            with: String::new(),
            contact: String::new(),
        }
    }
}

impl Body for AppointmentDraft {
    const KIND: Kind = Kind::Draft;
}

impl AppointmentDraft {
    pub fn of(a: &Appointment) -> AppointmentDraft {
        AppointmentDraft {
            date: date_text(a.start.date()),
            time: time_text(a.start.time()),
            minutes: a.minutes.to_string(),
            repeat: a.repeat,
            until: a.until.map(date_text).unwrap_or_default(),
            place: a.place.clone(),
            with: a.with.clone(),
            contact: a.contact.clone(),
        }
    }

    /// The appointment the form describes, checked as of `now`. Sessions skipped in
    /// `before` (the stored version) stay skipped.
    pub fn appointment(
        &self,
        before: Option<&Appointment>,
        now: NaiveDateTime,
    ) -> Result<Appointment, AppointmentError> {
        let date = parse_date(&self.date).ok_or(AppointmentError::NoDate)?;
        let time = parse_time(&self.time).ok_or(AppointmentError::NoTime)?;
        let minutes: u32 = self
            .minutes
            .trim()
            .parse()
            .map_err(|_| AppointmentError::BadMinutes)?;
        let until = match self.until.trim() {
            "" => None,
            u => Some(parse_date(u).ok_or(AppointmentError::BadUntil)?),
        };
        Appointment {
            start: date.and_time(time),
            minutes,
            repeat: self.repeat,
            until,
            skipped: before.map(|b| b.skipped.clone()).unwrap_or_default(),
            place: self.place.clone(),
            with: self.with.clone(),
            contact: self.contact.clone(),
        }
        .checked(now)
    }
}

impl Appointment {
    /// Checks an appointment before it is saved, as of `now` (local time). A one-off
    /// appointment must be still to come; a series must have a session still to come.
    pub fn checked(mut self, now: NaiveDateTime) -> Result<Appointment, AppointmentError> {
        if self.minutes == 0 {
            return Err(AppointmentError::EndBeforeStart);
        }
        if self.minutes > MAX_MINUTES {
            return Err(AppointmentError::TooLong);
        }
        for text in [&mut self.place, &mut self.with, &mut self.contact] {
            *text = text.trim().to_string();
            if text.chars().count() > MAX_TEXT_CHARS {
                return Err(AppointmentError::TextTooLong);
            }
        }
        if self.repeat == Repeat::Once {
            self.until = None;
            self.skipped.clear();
        }
        self.skipped.sort_unstable();
        self.skipped.dedup();
        if self.occurrences().next().is_none() {
            return Err(AppointmentError::NeverHappens);
        }
        if self.next_after(now).is_none() {
            return Err(if self.repeat == Repeat::Once {
                AppointmentError::InThePast
            } else {
                AppointmentError::NeverHappens
            });
        }
        Ok(self)
    }

    /// When a session ends.
    pub fn end_of(&self, start: NaiveDateTime) -> NaiveDateTime {
        start + chrono::Duration::minutes(i64::from(self.minutes))
    }

    /// Every session's start, in order, skipped ones left out, up to the end date (or a
    /// few years ahead for a series without one).
    pub fn occurrences(&self) -> impl Iterator<Item = NaiveDateTime> + '_ {
        let horizon = self
            .start
            .date()
            .checked_add_days(Days::new(HORIZON_DAYS))
            .unwrap_or(NaiveDate::MAX);
        let last = self.until.map_or(horizon, |u| u.min(horizon));
        let time = self.start.time();
        (0u32..)
            .map_while(move |n| self.nth_date(n))
            .take_while(move |d| *d <= last)
            .filter(move |d| !self.skipped.contains(d))
            .map(move |d| d.and_time(time))
    }

    /// The date of the `n`th session of the series (0 is the first), before skips.
    fn nth_date(&self, n: u32) -> Option<NaiveDate> {
        let first = self.start.date();
        match self.repeat {
            Repeat::Once => (n == 0).then_some(first),
            Repeat::Weekly => first.checked_add_days(Days::new(7 * u64::from(n))),
            Repeat::Fortnightly => first.checked_add_days(Days::new(14 * u64::from(n))),
            Repeat::Monthly => {
                let month = first.with_day(1)?.checked_add_months(Months::new(n))?;
                let day = first.day().min(days_in_month(month));
                month.with_day(day)
            }
        }
    }

    /// The next session that has not ended by `now` (one under way counts: it is "now").
    pub fn next_after(&self, now: NaiveDateTime) -> Option<NaiveDateTime> {
        self.occurrences().find(|s| self.end_of(*s) > now)
    }

    /// The last session that started before `now`.
    pub fn last_before(&self, now: NaiveDateTime) -> Option<NaiveDateTime> {
        self.occurrences().take_while(|s| *s < now).last()
    }

    /// Day of the month, 29 to 31, a monthly series keeps to (or the month's last day).
    pub fn monthly_day(&self) -> Option<u32> {
        (self.repeat == Repeat::Monthly && self.start.day() > 28).then(|| self.start.day())
    }
}

fn days_in_month(first_of_month: NaiveDate) -> u32 {
    first_of_month
        .checked_add_months(Months::new(1))
        .and_then(|next| next.pred_opt())
        .map_or(28, |last| last.day())
}

/// The next session across all of a person's appointments.
pub fn next_session<'a>(
    all: impl IntoIterator<Item = &'a Appointment>,
    now: NaiveDateTime,
) -> Option<(NaiveDateTime, &'a Appointment)> {
    all.into_iter()
        .filter_map(|a| a.next_after(now).map(|s| (s, a)))
        .min_by_key(|(s, _)| *s)
}

/// The last session across all of a person's appointments: where "since my last
/// session" starts.
pub fn last_session<'a>(
    all: impl IntoIterator<Item = &'a Appointment>,
    now: NaiveDateTime,
) -> Option<NaiveDateTime> {
    all.into_iter().filter_map(|a| a.last_before(now)).max()
}

/// Where "since my last session" starts, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Since {
    /// The day of the last session.
    LastSession(NaiveDate),
    /// A day the person picked after their last session.
    Picked(NaiveDate),
    /// Neither: the past week.
    LastWeek(NaiveDate),
}

impl Since {
    pub fn day(self) -> NaiveDate {
        match self {
            Since::LastSession(d) | Since::Picked(d) | Since::LastWeek(d) => d,
        }
    }
}

/// The start of "since my last session": it follows the last session by itself; a day
/// the person picks (`picked`: the day, and when they picked it, local time) stands
/// until the next session has started.
pub fn since(
    picked: Option<(NaiveDate, NaiveDateTime)>,
    last_session: Option<NaiveDateTime>,
    today: NaiveDate,
) -> Since {
    match (picked, last_session) {
        (Some((day, at)), Some(last)) if at >= last => Since::Picked(day),
        (_, Some(last)) => Since::LastSession(last.date()),
        (Some((day, _)), None) => Since::Picked(day),
        (None, None) => Since::LastWeek(today - Days::new(7)),
    }
}

/// How far off a session is, in words a person would say: "now", "in 40 minutes",
/// "in 3 hours", "tomorrow", "in 3 days", "in 2 weeks".
pub fn countdown(now: NaiveDateTime, start: NaiveDateTime, minutes: u32) -> String {
    let end = start + chrono::Duration::minutes(i64::from(minutes));
    if start <= now {
        return if end > now {
            "now".into()
        } else {
            "already over".into()
        };
    }
    let days = (start.date() - now.date()).num_days();
    let left = start - now;
    match days {
        0 if left.num_minutes() < 60 => plural(left.num_minutes().max(1), "minute"),
        0 => plural(left.num_hours(), "hour"),
        1 => "tomorrow".into(),
        2..=13 => plural(days, "day"),
        _ => {
            let weeks = (days + 3) / 7;
            plural(weeks, "week")
        }
    }
}

fn plural(n: i64, unit: &str) -> String {
    if n == 1 {
        format!("in 1 {unit}")
    } else {
        format!("in {n} {unit}s")
    }
}

/// Midnight at the start of a date: where a "since" date begins.
pub fn start_of(date: NaiveDate) -> NaiveDateTime {
    date.and_time(NaiveTime::MIN)
}

#[cfg(test)]
mod tests;
