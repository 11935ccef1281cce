//! Rest and self-care: a self-care plan (what nourishes me in body and mind, the
//! boundaries I'm practising), a rest log (what I did, how restored I feel 0-10, and a
//! gentle, optional "did it feel like rest, or more like numbing out?"), and rest next
//! to mood from the journal, week by week, in words first.
//!
//! `today` and the formatting of days come from the caller, so everything here runs
//! natively in `cargo test`.

use std::collections::BTreeMap;

use chrono::{NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::dates;
use super::journal::JournalEntry;
use super::look_forward::{rating, week_start};
use super::patterns::{local_day, mood_word, Change};
use super::record::{Body, Kind, Record};

/// Longest text of a self-care plan's part or of a rest, in characters.
pub const MAX_CHARS: usize = 2_000;

/// The self-care plan: each part as the person writes it, one thing a line.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelfCare {
    /// Things that nourish my body.
    #[serde(default)]
    pub body: String,
    /// Things that nourish my mind.
    #[serde(default)]
    pub mind: String,
    /// Boundaries I'm practising.
    #[serde(default)]
    pub boundaries: String,
}

impl Body for SelfCare {
    const KIND: Kind = Kind::SelfCare;
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RestError {
    #[error("Write a few words about what you did.")]
    Empty,
    #[error("Keep each part under 2,000 characters.")]
    TooLong,
    #[error("Choose the day, or leave it as it is.")]
    BadDay,
    #[error("That day is still to come. Choose today or a day before.")]
    Future,
    #[error("Choose how restored you feel: a whole number from 0 to 10.")]
    Restored,
}

impl SelfCare {
    /// The plan to save (each part trimmed), or why not.
    pub fn checked(&self) -> Result<SelfCare, RestError> {
        let parts = [&self.body, &self.mind, &self.boundaries];
        if parts.iter().any(|p| p.chars().count() > MAX_CHARS) {
            return Err(RestError::TooLong);
        }
        Ok(SelfCare {
            body: self.body.trim().to_string(),
            mind: self.mind.trim().to_string(),
            boundaries: self.boundaries.trim().to_string(),
        })
    }
}

/// How a rest felt, if the person chose to say. Both are fine answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Felt {
    Rest,
    Numbing,
    NotSure,
}

impl Felt {
    pub const ALL: [Felt; 3] = [Felt::Rest, Felt::Numbing, Felt::NotSure];

    pub fn as_str(self) -> &'static str {
        match self {
            Felt::Rest => "rest",
            Felt::Numbing => "numbing",
            Felt::NotSure => "not_sure",
        }
    }

    pub fn parse(s: &str) -> Option<Felt> {
        Felt::ALL.into_iter().find(|f| f.as_str() == s)
    }

    pub fn words(self) -> &'static str {
        match self {
            Felt::Rest => "Like real rest",
            Felt::Numbing => "More like numbing out",
            Felt::NotSure => "Not sure",
        }
    }
}

/// One rest: what I did, on which day, how restored I feel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RestLog {
    pub what: String,
    #[serde(with = "dates::date")]
    pub day: NaiveDate,
    /// How restored I feel, 0-10.
    pub restored: u8,
    #[serde(default)]
    pub felt: Option<Felt>,
}

impl Body for RestLog {
    const KIND: Kind = Kind::RestLog;
}

/// The rest form as typed, kept as a draft.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RestDraft {
    pub what: String,
    #[serde(default)]
    pub day: String,
    #[serde(default)]
    pub restored: String,
    /// `Felt::as_str`, or empty.
    #[serde(default)]
    pub felt: String,
}

impl Body for RestDraft {
    const KIND: Kind = Kind::Draft;
}

impl RestDraft {
    pub fn new_on(today: NaiveDate) -> RestDraft {
        RestDraft {
            day: dates::date_text(today),
            ..RestDraft::default()
        }
    }

    pub fn of(r: &RestLog) -> RestDraft {
        RestDraft {
            what: r.what.clone(),
            day: dates::date_text(r.day),
            restored: r.restored.to_string(),
            felt: r.felt.map(|f| f.as_str().to_string()).unwrap_or_default(),
        }
    }

    pub fn rest(&self, today: NaiveDate) -> Result<RestLog, RestError> {
        let what = self.what.trim();
        if what.is_empty() {
            return Err(RestError::Empty);
        }
        if what.chars().count() > MAX_CHARS {
            return Err(RestError::TooLong);
        }
        let day = match self.day.trim() {
            "" => today,
            d => dates::parse_date(d).ok_or(RestError::BadDay)?,
        };
        if day > today {
            return Err(RestError::Future);
        }
        let restored = match rating(&self.restored) {
            Ok(Some(n)) => n,
            _ => return Err(RestError::Restored),
        };
        Ok(RestLog {
            what: what.to_string(),
            day,
            restored,
            felt: Felt::parse(&self.felt),
        })
    }
}

/// The rests from `from` to `to` (both included), not deleted, oldest first. For the
/// week view.
pub fn between(list: &[Record<RestLog>], from: NaiveDate, to: NaiveDate) -> Vec<&Record<RestLog>> {
    let mut found: Vec<&Record<RestLog>> = list
        .iter()
        .filter(|r| !r.meta.is_deleted() && r.body.day >= from && r.body.day <= to)
        .collect();
    found.sort_unstable_by(|a, b| {
        (a.body.day, a.meta.created, &a.meta.id.0).cmp(&(b.body.day, b.meta.created, &b.meta.id.0))
    });
    found
}

/// One week of rest next to mood.
#[derive(Clone, Debug, PartialEq)]
pub struct RestWeek {
    pub start: NaiveDate,
    /// Rests logged that week.
    pub rests: usize,
    /// How restored, on average, if any rest was logged.
    pub restored: Option<f64>,
    /// The journal's mood that week, on average (1-5), if any was noted.
    pub mood: Option<f64>,
    pub moods: usize,
}

/// Rest and mood by week, oldest first: every week with a rest, and the weeks with a
/// mood from the first rest on (earlier journal weeks say nothing about rest).
pub fn by_week(rests: &[&RestLog], entries: &[&JournalEntry], first: Weekday) -> Vec<RestWeek> {
    let Some(earliest) = rests.iter().map(|r| week_start(r.day, first)).min() else {
        return Vec::new();
    };
    let mut weeks: BTreeMap<NaiveDate, RestWeek> = BTreeMap::new();
    let blank = |start| RestWeek {
        start,
        rests: 0,
        restored: None,
        mood: None,
        moods: 0,
    };
    for r in rests {
        let start = week_start(r.day, first);
        let w = weeks.entry(start).or_insert_with(|| blank(start));
        w.restored = Some(w.restored.unwrap_or(0.0) + r.restored as f64);
        w.rests += 1;
    }
    for e in entries {
        let Some(m) = e.mood else { continue };
        let start = week_start(local_day(e), first);
        if start < earliest {
            continue;
        }
        let w = weeks.entry(start).or_insert_with(|| blank(start));
        w.mood = Some(w.mood.unwrap_or(0.0) + m.value() as f64);
        w.moods += 1;
    }
    weeks
        .into_values()
        .map(|mut w| {
            w.restored = w.restored.map(|s| s / w.rests as f64);
            w.mood = w.mood.map(|s| s / w.moods as f64);
            w
        })
        .collect()
}

fn one_decimal(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// Rest next to mood in plain words. It describes, it never claims one causes the
/// other. `day` formats a week's first day.
pub fn rest_sentence(weeks: &[RestWeek], day: impl Fn(NaiveDate) -> String) -> String {
    if weeks.iter().all(|w| w.rests == 0) {
        return "Once you log some rest, you'll see it here next to your mood, week by week."
            .to_string();
    }
    let both: Vec<(f64, f64, NaiveDate)> = weeks
        .iter()
        .filter_map(|w| Some((w.restored?, w.mood?, w.start)))
        .collect();
    match both.as_slice() {
        [] => "When you also note your mood in the journal, you'll see your rest and your mood side by side.".to_string(),
        [(restored, mood, start)] => format!(
            "In the week of {}, you felt {} out of 10 restored on average, and your mood was {}.",
            day(*start),
            one_decimal(*restored),
            mood_word(*mood)
        ),
        _ => {
            let avg = both.iter().map(|b| b.0).sum::<f64>() / both.len() as f64;
            let (more, less): (Vec<_>, Vec<_>) = both.iter().partition(|b| b.0 >= avg);
            if less.is_empty() {
                return format!(
                    "You felt about equally restored each week; your mood was {} on average.",
                    mood_word(both.iter().map(|b| b.1).sum::<f64>() / both.len() as f64)
                );
            }
            let mood_of = |v: &[&(f64, f64, NaiveDate)]| v.iter().map(|b| b.1).sum::<f64>() / v.len() as f64;
            let change = Change::of_moods(mood_of(&more), mood_of(&less));
            format!(
                "In the weeks you felt more restored, your mood was {} in the other weeks.",
                change.words()
            )
        }
    }
}

#[cfg(test)]
mod tests;
