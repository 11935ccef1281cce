//! After a session: a short record of it (the body of `Kind::Session`): the day, what I
//! took away, new homework, skills learned, how I feel after it. These are separate
//! records from appointments, so removing an appointment never removes them.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::dates::{date_text, parse_date};
use super::homework::{self, Homework, HomeworkKind};
use super::journal::Mood;
use super::record::{Body, Kind};

/// Longest "what I took away".
pub const MAX_TOOK_AWAY_CHARS: usize = 5_000;
/// Longest name of a skill (a coping card's title is no longer).
pub const MAX_SKILL_CHARS: usize = 120;
/// The most skills or homework titles one record keeps.
pub const MAX_ITEMS: usize = 20;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionNote {
    /// The day of the session.
    #[serde(with = "super::dates::date")]
    pub date: NaiveDate,
    #[serde(default)]
    pub took_away: String,
    /// The titles of the homework given; each became a `Homework` record when saved.
    #[serde(default)]
    pub homework: Vec<String>,
    #[serde(default)]
    pub skills: Vec<String>,
    /// How I feel after it (optional).
    #[serde(default)]
    pub feeling: Option<Mood>,
}

impl Body for SessionNote {
    const KIND: Kind = Kind::Session;
}

/// The form as typed (kept as a draft): lists one item a line.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SessionNoteDraft {
    pub date: String,
    #[serde(default)]
    pub took_away: String,
    #[serde(default)]
    pub homework: String,
    #[serde(default)]
    pub skills: String,
    #[serde(default)]
    pub feeling: Option<Mood>,
}

impl Body for SessionNoteDraft {
    const KIND: Kind = Kind::Draft;
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NoteError {
    #[error("Choose the day of the session.")]
    NoDate,
    #[error("That day hasn't come yet. Choose the day the session was.")]
    Future,
    #[error("There's nothing to save yet: write what you took away, a skill, some homework or how you feel.")]
    Empty,
    #[error("Keep what you took away under 5,000 characters.")]
    TookAwayTooLong,
    #[error("Keep each skill under 120 characters, one a line.")]
    SkillTooLong,
    #[error("Keep each homework under 120 characters, one a line.")]
    HomeworkTooLong,
    #[error("That's a lot of lines: keep it to 20 skills and 20 pieces of homework.")]
    TooMany,
}

/// One item a line, trimmed, empty lines and repeats dropped.
fn lines(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if !out.iter().any(|o| o == line) {
            out.push(line.to_string());
        }
    }
    out
}

impl SessionNoteDraft {
    /// A new form: the day of the last session, or else today.
    pub fn new(last_session: Option<NaiveDate>, today: NaiveDate) -> SessionNoteDraft {
        SessionNoteDraft {
            date: date_text(last_session.unwrap_or(today)),
            ..SessionNoteDraft::default()
        }
    }

    pub fn of(note: &SessionNote) -> SessionNoteDraft {
        SessionNoteDraft {
            date: date_text(note.date),
            took_away: note.took_away.clone(),
            homework: note.homework.join("\n"),
            skills: note.skills.join("\n"),
            feeling: note.feeling,
        }
    }

    /// The record, checked: a day that has come, something written, limits kept.
    pub fn note(&self, today: NaiveDate) -> Result<SessionNote, NoteError> {
        let date = parse_date(&self.date).ok_or(NoteError::NoDate)?;
        if date > today {
            return Err(NoteError::Future);
        }
        let took_away = self.took_away.trim().to_string();
        let (homework, skills) = (lines(&self.homework), lines(&self.skills));
        if took_away.is_empty()
            && homework.is_empty()
            && skills.is_empty()
            && self.feeling.is_none()
        {
            return Err(NoteError::Empty);
        }
        if took_away.chars().count() > MAX_TOOK_AWAY_CHARS {
            return Err(NoteError::TookAwayTooLong);
        }
        if skills.iter().any(|s| s.chars().count() > MAX_SKILL_CHARS) {
            return Err(NoteError::SkillTooLong);
        }
        if homework
            .iter()
            .any(|h| h.chars().count() > homework::MAX_TITLE_CHARS)
        {
            return Err(NoteError::HomeworkTooLong);
        }
        if skills.len() > MAX_ITEMS || homework.len() > MAX_ITEMS {
            return Err(NoteError::TooMany);
        }
        Ok(SessionNote {
            date,
            took_away,
            homework,
            skills,
            feeling: self.feeling,
        })
    }
}

/// When new homework is due: by the next session if there is one, else in a week.
pub fn homework_due(next_session: Option<NaiveDate>, today: NaiveDate) -> NaiveDate {
    next_session.unwrap_or_else(|| today + Days::new(7))
}

/// The homework records a save makes: one for each title the record did not have
/// before (so changing a record never adds the same homework twice).
pub fn new_homework(
    before: Option<&SessionNote>,
    after: &SessionNote,
    due: NaiveDate,
) -> Vec<Homework> {
    after
        .homework
        .iter()
        .filter(|t| before.is_none_or(|b| !b.homework.contains(t)))
        .map(|title| Homework {
            title: title.clone(),
            kind: HomeworkKind::Other,
            due: Some(due),
            ..Homework::default()
        })
        .collect()
}

/// Whether a session has happened that has no record yet: the last session's day,
/// and the days of the records there are.
pub fn needs_note(last_session: Option<NaiveDate>, noted: &[NaiveDate]) -> bool {
    last_session.is_some_and(|last| !noted.iter().any(|d| *d >= last))
}

/// Newest first: by the session's day, then by when the record was made.
pub fn newest_first<T>(list: &mut [(NaiveDate, i64, T)]) {
    list.sort_unstable_by_key(|x| std::cmp::Reverse((x.0, x.1)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn a_new_form_starts_on_the_last_session_or_today() {
        let today = day("2026-11-27");
        assert_eq!(
            SessionNoteDraft::new(Some(day("2026-11-24")), today).date,
            "2026-11-24"
        );
        assert_eq!(SessionNoteDraft::new(None, today).date, "2026-11-27");
    }

    #[test]
    fn lists_are_one_a_line_trimmed_without_blanks_or_repeats() {
        let d = SessionNoteDraft {
            date: "2026-11-24".into(),
            skills: "  Box breathing \n\nOpposite action\nBox breathing\n".into(),
            homework: "Walk after lunch\n".into(),
            ..SessionNoteDraft::default()
        };
        let n = d.note(day("2026-11-27")).unwrap();
        assert_eq!(n.skills, vec!["Box breathing", "Opposite action"]);
        assert_eq!(n.homework, vec!["Walk after lunch"]);
        // And back to the form as it would be shown.
        assert_eq!(
            SessionNoteDraft::of(&n).skills,
            "Box breathing\nOpposite action"
        );
    }

    #[test]
    fn an_empty_record_a_missing_day_and_a_future_day_are_refused() {
        let today = day("2026-11-27");
        let empty = SessionNoteDraft::new(None, today);
        assert_eq!(empty.note(today), Err(NoteError::Empty));
        let no_day = SessionNoteDraft {
            took_away: "x".into(),
            ..SessionNoteDraft::default()
        };
        assert_eq!(no_day.note(today), Err(NoteError::NoDate));
        let tomorrow = SessionNoteDraft {
            date: "2026-11-28".into(),
            took_away: "x".into(),
            ..SessionNoteDraft::default()
        };
        assert_eq!(tomorrow.note(today), Err(NoteError::Future));
        // Today itself is fine, and a feeling alone is a record.
        let feeling = SessionNoteDraft {
            feeling: Some(Mood::Good),
            ..SessionNoteDraft::new(None, today)
        };
        assert_eq!(feeling.note(today).unwrap().feeling, Some(Mood::Good));
        assert!(NoteError::Future.to_string().contains("hasn't come yet"));
    }

    #[test]
    fn limits_are_kept() {
        let today = day("2026-11-27");
        let base = SessionNoteDraft::new(None, today);
        let long = SessionNoteDraft {
            took_away: "a".repeat(MAX_TOOK_AWAY_CHARS + 1),
            ..base.clone()
        };
        assert_eq!(long.note(today), Err(NoteError::TookAwayTooLong));
        let skill = SessionNoteDraft {
            skills: "s".repeat(MAX_SKILL_CHARS + 1),
            ..base.clone()
        };
        assert_eq!(skill.note(today), Err(NoteError::SkillTooLong));
        let hw = SessionNoteDraft {
            homework: "h".repeat(homework::MAX_TITLE_CHARS + 1),
            ..base.clone()
        };
        assert_eq!(hw.note(today), Err(NoteError::HomeworkTooLong));
        let many = SessionNoteDraft {
            skills: (0..=MAX_ITEMS).map(|i| format!("skill {i}\n")).collect(),
            ..base
        };
        assert_eq!(many.note(today), Err(NoteError::TooMany));
    }

    #[test]
    fn homework_is_due_by_the_next_session_or_in_a_week_and_never_made_twice() {
        let today = day("2026-11-27");
        assert_eq!(
            homework_due(Some(day("2026-12-01")), today),
            day("2026-12-01")
        );
        assert_eq!(homework_due(None, today), day("2026-12-04"));
        let first = SessionNote {
            date: day("2026-11-24"),
            took_away: String::new(),
            homework: vec!["Walk".into()],
            skills: vec![],
            feeling: None,
        };
        let made = new_homework(None, &first, day("2026-12-01"));
        assert_eq!(made.len(), 1);
        assert_eq!(
            (made[0].title.as_str(), made[0].kind, made[0].due),
            ("Walk", HomeworkKind::Other, Some(day("2026-12-01")))
        );
        assert!(made[0].clone().checked().is_ok());
        let changed = SessionNote {
            homework: vec!["Walk".into(), "Call Sam".into()],
            ..first.clone()
        };
        let made = new_homework(Some(&first), &changed, day("2026-12-01"));
        assert_eq!(made.len(), 1);
        assert_eq!(made[0].title, "Call Sam");
    }

    #[test]
    fn a_session_needs_a_note_until_one_is_written_on_or_after_its_day() {
        let last = Some(day("2026-11-24"));
        assert!(!needs_note(None, &[]));
        assert!(needs_note(last, &[]));
        assert!(needs_note(last, &[day("2026-11-17")]));
        assert!(!needs_note(last, &[day("2026-11-24")]));
    }

    #[test]
    fn newest_first_by_day_then_by_when_written() {
        let mut list = vec![
            (day("2026-11-10"), 5, "a"),
            (day("2026-11-24"), 1, "b"),
            (day("2026-11-24"), 9, "c"),
        ];
        newest_first(&mut list);
        let order: Vec<_> = list.iter().map(|x| x.2).collect();
        assert_eq!(order, vec!["c", "b", "a"]);
    }

    #[test]
    fn a_stored_record_reads_back_and_old_ones_without_new_fields_still_read() {
        let n = SessionNote {
            date: day("2026-11-24"),
            took_away: "<b>not bold</b>".into(),
            homework: vec![],
            skills: vec!["Box breathing".into()],
            feeling: Some(Mood::Okay),
        };
        let json = serde_json::to_string(&n).unwrap();
        assert_eq!(serde_json::from_str::<SessionNote>(&json).unwrap(), n);
        let old: SessionNote = serde_json::from_str(r#"{"date":"2026-11-24"}"#).unwrap();
        assert!(old.skills.is_empty() && old.feeling.is_none());
    }
}
