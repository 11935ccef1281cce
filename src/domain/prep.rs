//! "Prepare for my session": everything since the last session on one page, and the
//! short texts shared with someone the person trusts.
//!
//! `period` says where "since the last session" starts (the last session, or with none
//! the last 7 days, said so). `build` gathers what is in it, one `Section` per part
//! (things to bring up in the person's order, mood, entries marked for the session,
//! homework, wins, check-ins); the person may leave out any section and any line
//! (`include`). `plain_text` is what is shown in the preview, printed and shared;
//! `markdown` is the same words as a Markdown file, the person's words escaped so
//! they always read as text (`escape`).
//!
//! Days are formatted by the caller (`day`: the screen uses the person's locale), so
//! everything here runs natively in `cargo test`.

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::agenda::{carried_over, order, Place};
use super::checkin::CheckIn;
use super::homework::Homework;
use super::journal::JournalEntry;
use super::patterns::{local_time, moods_by_day, since_sentence, summary_since};
use super::progress::Win;
use super::record::{Body, Kind};

/// With no session noted, prep looks back this many days.
pub const DAYS_WITHOUT_SESSION: u64 = 7;
/// Longest "What I'm working on in therapy", in characters.
pub const MAX_WORKING_ON_CHARS: usize = 1_000;

/// Where the prep period starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDateTime,
    /// True when `from` is the last session; false for the last 7 days.
    pub after_session: bool,
}

/// Since the last session, or with none the last 7 days (from the start of that day).
pub fn period(last_session: Option<NaiveDateTime>, now: NaiveDateTime) -> Period {
    match last_session {
        Some(from) if from <= now => Period {
            from,
            after_session: true,
        },
        _ => Period {
            from: (now.date() - Days::new(DAYS_WITHOUT_SESSION)).and_time(NaiveTime::MIN),
            after_session: false,
        },
    }
}

impl Period {
    pub fn holds(&self, t: NaiveDateTime, now: NaiveDateTime) -> bool {
        self.from <= t && t <= now
    }

    /// "Since my last session on Tuesday 3 March." / "No session noted yet, so this is
    /// the last 7 days, from Friday 20 November."
    pub fn words(&self, day: &impl Fn(NaiveDate) -> String) -> String {
        if self.after_session {
            format!("Since my last session on {}.", day(self.from.date()))
        } else {
            format!(
                "No session noted yet, so this is the last {DAYS_WITHOUT_SESSION} days, from {}.",
                day(self.from.date())
            )
        }
    }
}

/// The parts of the page, in their order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    Topics,
    Mood,
    Entries,
    Homework,
    Wins,
    CheckIns,
}

impl Part {
    pub const ALL: [Part; 6] = [
        Part::Topics,
        Part::Mood,
        Part::Entries,
        Part::Homework,
        Part::Wins,
        Part::CheckIns,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Part::Topics => "Things to bring up",
            Part::Mood => "Mood",
            Part::Entries => "Entries I marked for the session",
            Part::Homework => "Homework",
            Part::Wins => "Wins",
            Part::CheckIns => "Check-ins",
        }
    }

    /// What the screen says when the part has nothing in the period.
    pub fn empty(self) -> &'static str {
        match self {
            Part::Topics => "Nothing on your list to bring up.",
            Part::Mood => "No mood noted in this time.",
            Part::Entries => "No entries marked for the session.",
            Part::Homework => "No homework for this time.",
            Part::Wins => "No wins noted in this time. Small ones count too.",
            Part::CheckIns => "No check-ins in this time.",
        }
    }
}

/// One line of a section: the app's words (`label`, e.g. "Most important"), the
/// person's words (`text`), and more of theirs (`detail`, e.g. a reflection).
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub label: Option<String>,
    pub text: String,
    pub detail: Option<String>,
    pub include: bool,
}

impl Line {
    fn new(label: Option<String>, text: impl Into<String>, detail: Option<String>) -> Line {
        Line {
            label,
            text: one_line(&text.into()),
            detail: detail.map(|d| one_line(&d)).filter(|d| !d.is_empty()),
            include: true,
        }
    }

    /// The line as plain text, without a bullet.
    pub fn plain(&self) -> String {
        let mut s = String::new();
        if let Some(l) = &self.label {
            s.push_str(l);
            s.push_str(": ");
        }
        s.push_str(&self.text);
        if let Some(d) = &self.detail {
            s.push_str(" (");
            s.push_str(d);
            s.push(')');
        }
        s
    }

    fn markdown(&self) -> String {
        let mut s = String::new();
        if let Some(l) = &self.label {
            s.push_str(&format!("**{}:** ", escape(l)));
        }
        s.push_str(&escape(&self.text));
        if let Some(d) = &self.detail {
            s.push_str(&format!(" ({})", escape(d)));
        }
        s
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub part: Part,
    pub lines: Vec<Line>,
    pub include: bool,
}

impl Section {
    /// Shown in the output: chosen, and with a chosen line.
    fn shown(&self) -> Option<Vec<&Line>> {
        let lines: Vec<&Line> = self.lines.iter().filter(|l| l.include).collect();
        (self.include && !lines.is_empty()).then_some(lines)
    }
}

/// The whole page: where it starts, and its sections in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Prep {
    pub since: String,
    pub sections: Vec<Section>,
}

/// A topic on the list to bring up, as stored (agenda items and flagged entries alike).
#[derive(Clone, Debug, PartialEq)]
pub struct Topic {
    pub text: String,
    pub place: Place,
    /// When it was added, local time (for "carried over").
    pub added: NaiveDateTime,
}

/// An entry or thought record marked "Bring to next session", not yet talked about.
#[derive(Clone, Debug, PartialEq)]
pub struct Marked {
    pub at: NaiveDateTime,
    pub text: String,
}

/// What the page is built from. Deleted records, topics already talked about and
/// closed homework with nothing done in the period are left out by the caller or here.
pub struct Sources<'a> {
    pub topics: Vec<Topic>,
    /// Journal entries (summaries are enough: only moods are read).
    pub entries: &'a [&'a JournalEntry],
    pub marked: Vec<Marked>,
    pub homework: &'a [&'a Homework],
    pub wins: &'a [&'a Win],
    pub checkins: &'a [&'a CheckIn],
}

/// The mood of each day in the period that has one: (day, average 1-5, entries).
pub fn mood_days(
    entries: &[&JournalEntry],
    p: &Period,
    now: NaiveDateTime,
) -> Vec<(NaiveDate, f64, usize)> {
    let within: Vec<&JournalEntry> = entries
        .iter()
        .copied()
        .filter(|e| p.holds(local_time(e.at, e.offset_min), now))
        .collect();
    moods_by_day(&within)
        .into_iter()
        .map(|(d, (sum, n))| (d, sum / n as f64, n))
        .collect()
}

/// The mood summary in a plain sentence, with the lowest and the best day when they differ.
pub fn mood_sentence(
    entries: &[&JournalEntry],
    p: &Period,
    now: NaiveDateTime,
    day: &impl Fn(NaiveDate) -> String,
) -> Option<String> {
    let within: Vec<&JournalEntry> = entries
        .iter()
        .copied()
        .filter(|e| p.holds(local_time(e.at, e.offset_min), now))
        .collect();
    if within.is_empty() {
        return None;
    }
    let from = p.from.date();
    let s = summary_since(&within, from, now.date());
    let days = (now.date() - from).num_days().max(0) as u64 + 1;
    // `within` holds nothing before the period, so there is no "before" to compare.
    let mut text = since_sentence(&s, days);
    if let (Some((low, l)), Some((best, b))) = (s.lowest_day, s.best_day) {
        if low != best {
            text.push_str(&format!(
                " The lowest day was {} ({}), the best {} ({}).",
                day(low),
                super::patterns::mood_word(l),
                day(best),
                super::patterns::mood_word(b)
            ));
        }
    }
    Some(text)
}

/// Everything in the period, every section and line included to start with.
pub fn build(
    s: &Sources,
    p: &Period,
    now: NaiveDateTime,
    day: impl Fn(NaiveDate) -> String,
) -> Prep {
    let last = p.after_session.then_some(p.from);

    // Things to bring up, in the list's own order (most important first).
    let places: Vec<Place> = s.topics.iter().map(|t| t.place.clone()).collect();
    let topics = order(&places)
        .into_iter()
        .map(|i| {
            let t = &s.topics[i];
            let carried = carried_over(t.added, last);
            let label = match (t.place.important, carried) {
                (true, true) => Some("Most important, carried over".to_string()),
                (true, false) => Some("Most important".to_string()),
                (false, true) => Some("Carried over".to_string()),
                (false, false) => None,
            };
            Line::new(label, t.text.clone(), None)
        })
        .collect();

    let mood = mood_sentence(s.entries, p, now, &day)
        .map(|m| vec![Line::new(None, m, None)])
        .unwrap_or_default();

    let mut marked = s.marked.clone();
    marked.sort_by_key(|m| m.at);
    let entries = marked
        .into_iter()
        .map(|m| Line::new(Some(day(m.at.date())), m.text, None))
        .collect();

    let homework = homework_lines(s.homework, p, now);

    let mut wins: Vec<&Win> = s
        .wins
        .iter()
        .copied()
        .filter(|w| p.from.date() <= w.day && w.day <= now.date())
        .collect();
    wins.sort_by_key(|w| w.day);
    let wins = wins
        .into_iter()
        .map(|w| Line::new(Some(day(w.day)), w.text.clone(), None))
        .collect();

    let mut checkins: Vec<&CheckIn> = s
        .checkins
        .iter()
        .copied()
        .filter(|c| p.holds(local_time(c.at, c.offset_min), now))
        .collect();
    checkins.sort_by_key(|c| c.at);
    let checkins = checkins
        .into_iter()
        .map(|c| {
            let on = local_time(c.at, c.offset_min).date();
            Line::new(
                Some(format!("{}, {}", c.questionnaire.name(), day(on))),
                format!(
                    "{} of {}: {}",
                    c.score(),
                    c.questionnaire.max_score(),
                    c.band().name
                ),
                None,
            )
        })
        .collect();

    let sections = [topics, mood, entries, homework, wins, checkins]
        .into_iter()
        .zip(Part::ALL)
        .map(|(lines, part)| Section {
            part,
            lines,
            include: true,
        })
        .collect();
    Prep {
        since: p.words(&day),
        sections,
    }
}

/// Homework done in the period (with its reflections), then what is still to do, in
/// gentle words.
fn homework_lines(all: &[&Homework], p: &Period, now: NaiveDateTime) -> Vec<Line> {
    let mut done = Vec::new();
    let mut to_do = Vec::new();
    for h in all {
        let times: Vec<_> = h
            .done
            .iter()
            .filter(|d| p.holds(local_time(d.at, d.offset_min), now))
            .collect();
        if times.is_empty() {
            if h.is_open() {
                to_do.push(Line::new(
                    Some("Not done yet".into()),
                    h.title.clone(),
                    None,
                ));
            }
            continue;
        }
        let label = if times.len() == 1 {
            "Done".to_string()
        } else {
            format!("Done {} times", times.len())
        };
        let reflections: Vec<String> = times
            .iter()
            .filter_map(|d| {
                let note = one_line(&d.note);
                match (d.went, note.is_empty()) {
                    (Some(w), false) => Some(format!("went {w} out of 10: {note}")),
                    (Some(w), true) => Some(format!("went {w} out of 10")),
                    (None, false) => Some(note),
                    (None, true) => None,
                }
            })
            .collect();
        let detail = (!reflections.is_empty()).then(|| reflections.join("; "));
        done.push(Line::new(Some(label), h.title.clone(), detail));
    }
    done.extend(to_do);
    done
}

/// The page as plain text: what the preview shows, and what is printed and shared.
pub fn plain_text(prep: &Prep) -> String {
    let mut out = format!("Prepare for my session\n{}\n", prep.since);
    for sec in &prep.sections {
        let Some(lines) = sec.shown() else { continue };
        out.push('\n');
        out.push_str(sec.part.title());
        out.push('\n');
        for l in lines {
            if sec.part == Part::Mood {
                out.push_str(&l.plain());
            } else {
                out.push_str("- ");
                out.push_str(&l.plain());
            }
            out.push('\n');
        }
    }
    out
}

/// The page as a Markdown file: the same words, the person's escaped.
pub fn markdown(prep: &Prep) -> String {
    let mut out = format!("# Prepare for my session\n\n{}\n", escape(&prep.since));
    for sec in &prep.sections {
        let Some(lines) = sec.shown() else { continue };
        out.push_str(&format!("\n## {}\n\n", sec.part.title()));
        for l in lines {
            if sec.part == Part::Mood {
                out.push_str(&l.markdown());
                out.push('\n');
            } else {
                out.push_str("- ");
                out.push_str(&l.markdown());
                out.push('\n');
            }
        }
    }
    out
}

/// Text on one line: runs of white space (new lines included) become one space, so a
/// person's line never starts a new list item or heading.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Escapes text for Markdown so it reads as the text it is, everywhere: the characters
/// that make emphasis, code, links, images, HTML, tables and strike-through are
/// backslash-escaped, `&` too (so `&lt;` stays as typed), and at the start a heading
/// `#`, a quote `>`, a list's `-`, `+` or `*`, or `1.` / `1)`. New lines become spaces
/// (`one_line`), so no line of it can start a block of its own.
pub fn escape(text: &str) -> String {
    let text = one_line(text);
    let mut out = String::with_capacity(text.len() + 8);
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    for (i, c) in text.chars().enumerate() {
        let at_start = i == 0;
        let needs = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!' => true,
            '-' | '+' | '=' if at_start => true,
            '.' | ')' if digits > 0 && i == digits => true,
            _ => false,
        };
        if needs {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// "What I'm working on in therapy": the person's own words, one record.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WorkingOn {
    pub text: String,
}

impl Body for WorkingOn {
    const KIND: Kind = Kind::WorkingOn;
}

/// The note as typed, kept as a draft.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WorkingOnDraft {
    #[serde(default)]
    pub text: String,
}

impl Body for WorkingOnDraft {
    const KIND: Kind = Kind::Draft;
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WorkingOnError {
    #[error("Write a few words about what you're working on.")]
    Empty,
    #[error("Keep it under 1,000 characters.")]
    TooLong,
}

impl WorkingOnDraft {
    pub fn note(&self) -> Result<WorkingOn, WorkingOnError> {
        let text = self.text.trim();
        if text.is_empty() {
            return Err(WorkingOnError::Empty);
        }
        if text.chars().count() > MAX_WORKING_ON_CHARS {
            return Err(WorkingOnError::TooLong);
        }
        Ok(WorkingOn {
            text: text.to_string(),
        })
    }
}

/// What is shared with someone the person trusts: a short text, the person's words as
/// they wrote them, with a line saying what it is.
pub enum Shared<'a> {
    Win { text: &'a str },
    Skill { title: &'a str },
    Card { title: &'a str, body: &'a str },
    WorkingOn { text: &'a str },
}

pub fn share_text(s: &Shared) -> String {
    match s {
        Shared::Win { text } => format!(
            "Something I handled in a way I'm pleased with:\n{}",
            text.trim()
        ),
        Shared::Skill { title } => format!("A skill I've learned in therapy: {}", title.trim()),
        Shared::Card { title, body } if body.trim().is_empty() => {
            format!("Something that helps me: {}", title.trim())
        }
        Shared::Card { title, body } => {
            format!("Something that helps me: {}\n{}", title.trim(), body.trim())
        }
        Shared::WorkingOn { text } => format!("What I'm working on in therapy:\n{}", text.trim()),
    }
}

/// The last day a Markdown file's name uses: `session-prep-2026-11-27.md`.
pub fn file_name(today: NaiveDate) -> String {
    format!("session-prep-{}.md", super::dates::date_text(today))
}

#[cfg(test)]
mod tests;
