//! Progress: wins (something a person handled in a way they are pleased with), and
//! "How far you have come", a timeline in plain sentences built from what is already
//! kept: the first journal entry, sessions had, homework done, wins, check-in scores
//! and mood since starting. No streaks and no counts of missed days: only what was
//! done, never what was not.
//!
//! Days are formatted by the caller (`day`: the screen uses the person's locale), so
//! everything here runs natively in `cargo test`.

use chrono::{Days, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::appointment::{countdown, Appointment};
use super::checkin::{CheckIn, Questionnaire};
use super::dates;
use super::homework::Homework;
use super::journal::JournalEntry;
use super::patterns::{count_word, local_day, local_time, mood_word};
use super::record::{Body, Kind};

/// Longest win, in characters.
pub const MAX_WIN_CHARS: usize = 1_000;

/// Something I handled in a way I'm pleased with, and the day it happened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Win {
    pub text: String,
    /// Kept as `YYYY-MM-DD` (`domain::dates`: no chrono parsing in the wasm).
    #[serde(with = "dates::date")]
    pub day: NaiveDate,
}

impl Body for Win {
    const KIND: Kind = Kind::Win;
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WinError {
    #[error("Write a few words about what you handled.")]
    Empty,
    #[error("Keep it under 1,000 characters.")]
    TooLong,
    #[error("Choose the day it happened.")]
    BadDay,
    #[error("That day is still to come. Choose today or a day before.")]
    Future,
}

/// The win form as typed, kept as a draft.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WinDraft {
    pub text: String,
    /// `YYYY-MM-DD` as a date field gives it; empty is today.
    #[serde(default)]
    pub day: String,
}

impl Body for WinDraft {
    const KIND: Kind = Kind::Draft;
}

impl WinDraft {
    /// A new win's form: today's date filled in.
    pub fn new_on(today: NaiveDate) -> WinDraft {
        WinDraft {
            text: String::new(),
            day: dates::date_text(today),
        }
    }

    pub fn of(w: &Win) -> WinDraft {
        WinDraft {
            text: w.text.clone(),
            day: dates::date_text(w.day),
        }
    }

    /// The win to save, or why not.
    pub fn win(&self, today: NaiveDate) -> Result<Win, WinError> {
        let text = self.text.trim();
        if text.is_empty() {
            return Err(WinError::Empty);
        }
        if text.chars().count() > MAX_WIN_CHARS {
            return Err(WinError::TooLong);
        }
        let day = match self.day.trim() {
            "" => today,
            d => dates::parse_date(d).ok_or(WinError::BadDay)?,
        };
        if day > today {
            return Err(WinError::Future);
        }
        Ok(Win {
            text: text.to_string(),
            day,
        })
    }
}

/// Wins newest first (by day, then by when they were noted: `created`).
pub fn newest_first<T>(wins: &mut [T], key: impl Fn(&T) -> (NaiveDate, i64)) {
    wins.sort_unstable_by_key(|w| std::cmp::Reverse(key(w)));
}

/// Before a session: the gentle prompt, when the next session starts within two days
/// (and has not started): "Your session is tomorrow. Anything you're pleased with this
/// week?"
pub fn session_prompt(next: Option<(NaiveDateTime, u32)>, now: NaiveDateTime) -> Option<String> {
    let (start, minutes) = next?;
    if start <= now || (start.date() - now.date()).num_days() > 2 {
        return None;
    }
    let when = countdown(now, start, minutes);
    Some(format!(
        "Your session is {when}. Anything you're pleased with this week?"
    ))
}

/// One line of the timeline: when it is about (for the order) and what it says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub on: NaiveDate,
    pub text: String,
}

/// What the timeline is built from. Entries are the journal's summaries (no texts
/// needed), deleted ones already left out.
pub struct Sources<'a> {
    pub entries: &'a [&'a JournalEntry],
    pub appointments: &'a [&'a Appointment],
    pub homework: &'a [&'a Homework],
    /// The days of the person's wins.
    pub wins: &'a [NaiveDate],
    pub checkins: &'a [&'a CheckIn],
}

/// "How far you have come": newest first. Only what happened; an empty journey gives
/// no lines.
pub fn timeline(s: &Sources, now: NaiveDateTime, day: impl Fn(NaiveDate) -> String) -> Vec<Line> {
    let today = now.date();
    let mut lines = Vec::new();

    // Mood since starting: the first month's average against the last month's, once
    // the two do not overlap.
    if let Some(line) = mood_since_starting(s.entries, today) {
        lines.push(line);
    }

    for q in Questionnaire::ALL {
        let mut mine: Vec<&CheckIn> = s
            .checkins
            .iter()
            .copied()
            .filter(|c| c.questionnaire == q)
            .collect();
        mine.sort_unstable_by_key(|c| c.at);
        let (Some(first), Some(last)) = (mine.first(), mine.last()) else {
            continue;
        };
        let last_day = local_time(last.at, last.offset_min).date();
        let first_day = local_time(first.at, first.offset_min).date();
        let scored = |c: &CheckIn| format!("{} ({})", c.score(), c.band().name.to_lowercase());
        let text = if mine.len() == 1 {
            format!(
                "You did your first {} check-in on {}: {}.",
                q.name(),
                day(first_day),
                scored(first)
            )
        } else {
            format!(
                "Your {} went from {} on {} to {} on {}.",
                q.name(),
                scored(first),
                day(first_day),
                scored(last),
                day(last_day)
            )
        };
        lines.push(Line { on: last_day, text });
    }

    if let Some(&newest) = s.wins.iter().max() {
        let n = s.wins.len();
        let text = if n == 1 {
            format!("You noted a win on {}.", day(newest))
        } else {
            format!(
                "You have noted {} wins, the latest on {}.",
                count_word(n),
                day(newest)
            )
        };
        lines.push(Line { on: newest, text });
    }

    let done: Vec<NaiveDate> = s
        .homework
        .iter()
        .flat_map(|h| h.done.iter())
        .map(|d| local_time(d.at, d.offset_min).date())
        .collect();
    if let Some(&latest) = done.iter().max() {
        let n = done.len();
        let text = if n == 1 {
            format!("You did a piece of homework on {}.", day(latest))
        } else if n == 2 {
            format!(
                "You have done homework twice, most recently on {}.",
                day(latest)
            )
        } else {
            format!(
                "You have done homework {} times, most recently on {}.",
                count_word(n),
                day(latest)
            )
        };
        lines.push(Line { on: latest, text });
    }

    let had: Vec<NaiveDateTime> = s
        .appointments
        .iter()
        .flat_map(|a| a.occurrences().take_while(|t| *t < now))
        .collect();
    if let (Some(first), Some(last)) = (had.iter().min(), had.iter().max()) {
        let n = had.len();
        let text = if n == 1 {
            format!("You had a therapy session on {}.", day(first.date()))
        } else {
            format!(
                "You have had {} therapy sessions since {}.",
                count_word(n),
                day(first.date())
            )
        };
        lines.push(Line {
            on: last.date(),
            text,
        });
    }

    if let Some(first) = s.entries.iter().map(|e| local_day(e)).min() {
        lines.push(Line {
            on: first,
            text: format!("You started writing on {}.", day(first)),
        });
    }

    // Newest first; on the same day, the order above (a summary before its start).
    lines.sort_by_key(|l| std::cmp::Reverse(l.on));
    lines
}

/// How many days make "the first month" and "the last month" of mood.
const MONTH_DAYS: u64 = 30;

fn mood_since_starting(entries: &[&JournalEntry], today: NaiveDate) -> Option<Line> {
    let moods: Vec<(NaiveDate, f64)> = entries
        .iter()
        .filter_map(|e| e.mood.map(|m| (local_day(e), f64::from(m.value()))))
        .collect();
    let start = moods.iter().map(|(d, _)| *d).min()?;
    let first_end = start.checked_add_days(Days::new(MONTH_DAYS - 1))?;
    let last_start = today.checked_sub_days(Days::new(MONTH_DAYS - 1))?;
    if last_start <= first_end {
        return None;
    }
    let average = |from: NaiveDate, to: NaiveDate| {
        let values: Vec<f64> = moods
            .iter()
            .filter(|(d, _)| (from..=to).contains(d))
            .map(|(_, v)| *v)
            .collect();
        (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
    };
    let first = average(start, first_end)?;
    let last = average(last_start, today)?;
    let (was, is) = (mood_word(first), mood_word(last));
    let text = if was == is {
        format!("Your mood in your first month of writing was mostly {was}, and in the last month it was {is} too.")
    } else {
        format!("Your mood in your first month of writing was mostly {was}; in the last month it was mostly {is}.")
    };
    Some(Line { on: today, text })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::appointment::Repeat;
    use crate::domain::homework::Done;
    use crate::domain::journal::Mood;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn at(date: NaiveDate, hour: u32) -> NaiveDateTime {
        date.and_hms_opt(hour, 0, 0).unwrap()
    }

    /// Milliseconds of a UTC time (offset 0 keeps local = UTC in these tests).
    fn ms(date: NaiveDate, hour: u32) -> i64 {
        at(date, hour).and_utc().timestamp_millis()
    }

    fn words(day: NaiveDate) -> String {
        day.format("%-d %B").to_string()
    }

    fn entry(date: NaiveDate, mood: Option<Mood>) -> JournalEntry {
        JournalEntry {
            at: ms(date, 20),
            mood,
            ..Default::default()
        }
    }

    fn checkin(q: Questionnaire, answers: Vec<u8>, date: NaiveDate) -> CheckIn {
        CheckIn {
            questionnaire: q,
            answers,
            at: ms(date, 9),
            offset_min: 0,
        }
    }

    fn weekly(start: NaiveDateTime) -> Appointment {
        Appointment {
            start,
            minutes: 50,
            repeat: Repeat::Weekly,
            until: None,
            skipped: vec![],
            place: String::new(),
            with: String::new(),
            contact: String::new(),
        }
    }

    fn empty<'a>() -> Sources<'a> {
        Sources {
            entries: &[],
            appointments: &[],
            homework: &[],
            wins: &[],
            checkins: &[],
        }
    }

    #[test]
    fn nothing_yet_is_no_lines() {
        assert!(timeline(&empty(), at(d(2026, 3, 3), 12), words).is_empty());
    }

    #[test]
    fn a_whole_journey_reads_newest_first() {
        let now = at(d(2026, 6, 10), 12);
        let e1 = entry(d(2026, 3, 3), Some(Mood::Low));
        let e2 = entry(d(2026, 3, 10), Some(Mood::VeryLow));
        let e3 = entry(d(2026, 6, 1), Some(Mood::Good));
        let e4 = entry(d(2026, 6, 8), Some(Mood::Okay));
        let entries = [&e1, &e2, &e3, &e4];
        // Weekly from Tuesday 2 June 16:00: 2 and 9 June are past, 16 June is not.
        let a = weekly(at(d(2026, 6, 2), 16));
        let appointments = [&a];
        let h = Homework {
            title: "Walk".into(),
            times_a_week: Some(3),
            done: vec![
                Done {
                    at: ms(d(2026, 6, 3), 8),
                    offset_min: 0,
                    went: Some(6),
                    note: String::new(),
                },
                Done {
                    at: ms(d(2026, 6, 5), 8),
                    offset_min: 0,
                    went: None,
                    note: String::new(),
                },
                Done {
                    at: ms(d(2026, 6, 7), 8),
                    offset_min: 0,
                    went: None,
                    note: String::new(),
                },
            ],
            ..Default::default()
        };
        let homework = [&h];
        let wins = [d(2026, 6, 4), d(2026, 6, 6)];
        // PHQ-9 14 (moderate) then 8 (mild).
        let c1 = checkin(
            Questionnaire::Phq9,
            vec![2, 2, 2, 2, 2, 2, 2, 0, 0],
            d(2026, 3, 4),
        );
        let c2 = checkin(
            Questionnaire::Phq9,
            vec![1, 1, 1, 1, 1, 1, 1, 1, 0],
            d(2026, 6, 9),
        );
        let checkins = [&c2, &c1];
        let s = Sources {
            entries: &entries,
            appointments: &appointments,
            homework: &homework,
            wins: &wins,
            checkins: &checkins,
        };
        let lines: Vec<String> = timeline(&s, now, words)
            .into_iter()
            .map(|l| l.text)
            .collect();
        assert_eq!(
            lines,
            vec![
                // First month (3 March to 1 April): low and very low, average 1.5 -> low
                // (rounded); last month (12 May to 10 June): good and okay, 3.5 -> good.
                "Your mood in your first month of writing was mostly low; in the last month it was mostly good.".to_string(),
                "Your PHQ-9 went from 14 (moderate) on 4 March to 8 (mild) on 9 June.".into(),
                "You have had two therapy sessions since 2 June.".into(),
                "You have done homework three times, most recently on 7 June.".into(),
                "You have noted two wins, the latest on 6 June.".into(),
                "You started writing on 3 March.".into(),
            ]
        );
    }

    #[test]
    fn single_events_read_in_the_singular() {
        let now = at(d(2026, 3, 20), 12);
        let e = entry(d(2026, 3, 3), None);
        let a = Appointment {
            repeat: Repeat::Once,
            ..weekly(at(d(2026, 3, 19), 10))
        };
        let h = Homework {
            title: "Write".into(),
            done: vec![Done {
                at: ms(d(2026, 3, 18), 8),
                offset_min: 0,
                went: None,
                note: String::new(),
            }],
            ..Default::default()
        };
        let c = checkin(
            Questionnaire::Gad7,
            vec![1, 1, 1, 1, 1, 1, 0],
            d(2026, 3, 5),
        );
        let s = Sources {
            entries: &[&e],
            appointments: &[&a],
            homework: &[&h],
            wins: &[d(2026, 3, 17)],
            checkins: &[&c],
        };
        let lines: Vec<String> = timeline(&s, now, words)
            .into_iter()
            .map(|l| l.text)
            .collect();
        assert_eq!(
            lines,
            vec![
                "You had a therapy session on 19 March.".to_string(),
                "You did a piece of homework on 18 March.".into(),
                "You noted a win on 17 March.".into(),
                "You did your first GAD-7 check-in on 5 March: 6 (mild).".into(),
                "You started writing on 3 March.".into(),
            ]
        );
    }

    #[test]
    fn mood_since_starting_waits_until_the_months_do_not_overlap() {
        let e1 = entry(d(2026, 3, 1), Some(Mood::Okay));
        let e2 = entry(d(2026, 4, 20), Some(Mood::Okay));
        let entries = [&e1, &e2];
        // 50 days in: the first month and the last one overlap.
        assert_eq!(mood_since_starting(&entries, d(2026, 4, 20)), None);
        // 60 days in: they do not; the same word both times.
        assert_eq!(
            mood_since_starting(&entries, d(2026, 4, 30)).map(|l| l.text),
            Some("Your mood in your first month of writing was mostly okay, and in the last month it was okay too.".into())
        );
        // No mood in the last month: nothing is said.
        assert_eq!(mood_since_starting(&entries, d(2026, 6, 30)), None);
    }

    #[test]
    fn sessions_count_only_those_started_before_now_and_not_skipped() {
        let mut a = weekly(at(d(2026, 3, 2), 16));
        a.skipped.push(d(2026, 3, 9));
        let s = Sources {
            appointments: &[&a],
            ..empty()
        };
        // 2 and 16 March had (9 skipped); 23 March 16:00 is later today.
        let lines = timeline(&s, at(d(2026, 3, 23), 12), words);
        assert_eq!(
            lines[0].text,
            "You have had two therapy sessions since 2 March."
        );
        assert_eq!(lines[0].on, d(2026, 3, 16));
    }

    #[test]
    fn who5_reads_its_band_words() {
        let c1 = checkin(Questionnaire::Who5, vec![2, 2, 2, 2, 2], d(2026, 3, 1));
        let c2 = checkin(Questionnaire::Who5, vec![3, 3, 3, 4, 4], d(2026, 4, 1));
        let s = Sources {
            checkins: &[&c1, &c2],
            ..empty()
        };
        let lines = timeline(&s, at(d(2026, 4, 2), 12), words);
        assert_eq!(
            lines[0].text,
            "Your WHO-5 went from 40 (lower well-being) on 1 March to 68 (no sign of low well-being) on 1 April."
        );
    }

    #[test]
    fn no_streak_or_missed_words_in_any_line() {
        let e = entry(d(2026, 1, 1), Some(Mood::Low));
        let e2 = entry(d(2026, 3, 1), Some(Mood::Good));
        let a = weekly(at(d(2026, 1, 5), 10));
        let s = Sources {
            entries: &[&e, &e2],
            appointments: &[&a],
            wins: &[d(2026, 2, 1)],
            ..empty()
        };
        for l in timeline(&s, at(d(2026, 3, 2), 12), words) {
            let lower = l.text.to_lowercase();
            for word in ["streak", "missed", "in a row", "skipped", "failed", "broke"] {
                assert!(!lower.contains(word), "{word} in {}", l.text);
            }
        }
    }

    #[test]
    fn win_form_checks() {
        let today = d(2026, 3, 3);
        let mut f = WinDraft::new_on(today);
        assert_eq!(f.day, "2026-03-03");
        assert_eq!(f.win(today), Err(WinError::Empty));
        f.text = "  I said no to extra work  ".into();
        assert_eq!(
            f.win(today),
            Ok(Win {
                text: "I said no to extra work".into(),
                day: today
            })
        );
        f.day = String::new();
        assert_eq!(f.win(today).map(|w| w.day), Ok(today));
        f.day = "2026-03-04".into();
        assert_eq!(f.win(today), Err(WinError::Future));
        f.day = "03/03/2026".into();
        assert_eq!(f.win(today), Err(WinError::BadDay));
        f.day = "2026-03-01".into();
        f.text = "x".repeat(MAX_WIN_CHARS + 1);
        assert_eq!(f.win(today), Err(WinError::TooLong));
        f.text = "<b>kept as text</b>".into();
        let w = f.win(today).unwrap();
        assert_eq!(
            WinDraft::of(&w),
            WinDraft {
                text: "<b>kept as text</b>".into(),
                day: "2026-03-01".into()
            }
        );
    }

    #[test]
    fn a_win_is_kept_with_its_day_as_text() {
        let w = Win {
            text: "Went out".into(),
            day: d(2026, 3, 1),
        };
        let json = serde_json::to_string(&w).unwrap();
        assert_eq!(json, r#"{"text":"Went out","day":"2026-03-01"}"#);
        assert_eq!(serde_json::from_str::<Win>(&json).unwrap(), w);
    }

    #[test]
    fn wins_sort_newest_first() {
        let mut wins = vec![(d(2026, 3, 1), 5), (d(2026, 3, 2), 1), (d(2026, 3, 1), 9)];
        newest_first(&mut wins, |w| *w);
        assert_eq!(
            wins,
            vec![(d(2026, 3, 2), 1), (d(2026, 3, 1), 9), (d(2026, 3, 1), 5)]
        );
    }

    #[test]
    fn the_prompt_comes_within_two_days_of_a_session() {
        let now = at(d(2026, 3, 3), 12);
        let prompt = |start| session_prompt(Some((start, 50)), now);
        assert_eq!(
            prompt(at(d(2026, 3, 4), 16)).as_deref(),
            Some("Your session is tomorrow. Anything you're pleased with this week?")
        );
        assert_eq!(
            prompt(at(d(2026, 3, 5), 16)).as_deref(),
            Some("Your session is in 2 days. Anything you're pleased with this week?")
        );
        assert_eq!(
            prompt(at(d(2026, 3, 3), 15)).as_deref(),
            Some("Your session is in 3 hours. Anything you're pleased with this week?")
        );
        assert_eq!(prompt(at(d(2026, 3, 6), 9)), None, "three days off");
        assert_eq!(prompt(at(d(2026, 3, 3), 11)), None, "already started");
        assert_eq!(session_prompt(None, now), None);
    }
}
