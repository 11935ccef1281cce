//! Therapy homework: what to do between sessions, how often, and how it went; and the
//! homework link, which lets a therapist send homework in a URL's fragment (after `#`,
//! so the host never receives it). Opening one shows what would be added; nothing is
//! added until the person says yes.
//!
//! The link is `…/homework#v1.<base64url of JSON>`, at most `MAX_LINK_CHARS` long. The
//! JSON is `{"items":[{"title","kind","instructions","times_a_week"}]}`; unknown fields
//! are ignored, so a later version can add some. A link whose version is newer than this
//! app's says so rather than guessing.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::record::{Body, Kind, Millis};

/// Longest title of a homework task.
pub const MAX_TITLE_CHARS: usize = 120;
/// Longest instructions.
pub const MAX_INSTRUCTIONS_CHARS: usize = 2_000;
/// Longest reflection line after doing it.
pub const MAX_NOTE_CHARS: usize = 500;
/// The most tasks one link carries.
pub const MAX_LINK_ITEMS: usize = 10;
/// The longest fragment accepted (what follows `#`): well within what a messaging app
/// keeps whole, and small enough that decoding is never slow.
pub const MAX_LINK_CHARS: usize = 6_000;
/// The link format this app writes and reads.
pub const LINK_VERSION: u32 = 1;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HomeworkKind {
    /// Write in the journal (opens a new entry).
    Journal,
    /// A worksheet; a thought record opens the thought record.
    ThoughtRecord,
    Worksheet,
    /// A conversation with someone.
    Conversation,
    /// Something for myself (rest, a pleasant activity).
    ForMyself,
    /// Practise a skill (breathing, grounding).
    PractiseSkill,
    /// Also what an unknown kind (from a newer version's link) reads as.
    #[default]
    #[serde(other)]
    Other,
}

impl HomeworkKind {
    pub const ALL: [HomeworkKind; 7] = [
        HomeworkKind::Journal,
        HomeworkKind::ThoughtRecord,
        HomeworkKind::Worksheet,
        HomeworkKind::Conversation,
        HomeworkKind::ForMyself,
        HomeworkKind::PractiseSkill,
        HomeworkKind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            HomeworkKind::Journal => "Write in my journal",
            HomeworkKind::ThoughtRecord => "A thought record",
            HomeworkKind::Worksheet => "A worksheet",
            HomeworkKind::Conversation => "A conversation",
            HomeworkKind::ForMyself => "Something for myself",
            HomeworkKind::PractiseSkill => "Practise a skill",
            HomeworkKind::Other => "Something else",
        }
    }
}

/// One time the person did it, with an optional reflection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Done {
    pub at: Millis,
    #[serde(default)]
    pub offset_min: i32,
    /// How it went, 0 to 10.
    #[serde(default)]
    pub went: Option<u8>,
    #[serde(default)]
    pub note: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Homework {
    pub title: String,
    #[serde(default)]
    pub kind: HomeworkKind,
    #[serde(default)]
    pub instructions: String,
    /// Due by this day (the next session by default).
    #[serde(default, with = "super::dates::opt_date")]
    pub due: Option<NaiveDate>,
    /// Repeated this many times a week (7 is daily); `None` is once.
    #[serde(default)]
    pub times_a_week: Option<u8>,
    #[serde(default)]
    pub done: Vec<Done>,
    /// Put away by the person (finished or no longer wanted); kept for Progress.
    #[serde(default)]
    pub closed: bool,
}

impl Body for Homework {
    const KIND: Kind = Kind::Homework;
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum HomeworkError {
    #[error("Give the homework a short name.")]
    NoTitle,
    #[error("Keep the name under 120 characters.")]
    TitleTooLong,
    #[error("Keep the instructions under 2,000 characters.")]
    InstructionsTooLong,
    #[error("Choose from 1 to 7 times a week.")]
    BadRepeat,
    #[error("Choose how it went from 0 to 10.")]
    BadRating,
    #[error("Keep the note under 500 characters.")]
    NoteTooLong,
    #[error("Choose the day it is due by, or leave it empty.")]
    BadDue,
}

impl Homework {
    /// Checks homework before it is saved: names trimmed, limits kept.
    pub fn checked(mut self) -> Result<Homework, HomeworkError> {
        self.title = self.title.trim().to_string();
        if self.title.is_empty() {
            return Err(HomeworkError::NoTitle);
        }
        if self.title.chars().count() > MAX_TITLE_CHARS {
            return Err(HomeworkError::TitleTooLong);
        }
        if self.instructions.chars().count() > MAX_INSTRUCTIONS_CHARS {
            return Err(HomeworkError::InstructionsTooLong);
        }
        if self.times_a_week.is_some_and(|n| !(1..=7).contains(&n)) {
            return Err(HomeworkError::BadRepeat);
        }
        for d in &mut self.done {
            if d.went.is_some_and(|v| v > 10) {
                return Err(HomeworkError::BadRating);
            }
            d.note = d.note.trim().to_string();
            if d.note.chars().count() > MAX_NOTE_CHARS {
                return Err(HomeworkError::NoteTooLong);
            }
        }
        Ok(self)
    }

    /// Times done in the week (Monday to Sunday) that holds `day`, local days.
    pub fn done_in_week(&self, day: NaiveDate, local: impl Fn(&Done) -> NaiveDate) -> usize {
        let monday = day - chrono::Days::new(u64::from(day.weekday().num_days_from_monday()));
        let sunday = monday + chrono::Days::new(6);
        self.done
            .iter()
            .map(local)
            .filter(|d| (monday..=sunday).contains(d))
            .count()
    }

    /// Progress in words: "Done", "Not done yet", or for a repeated task "3 of 5 this week".
    pub fn progress(&self, this_week: usize) -> String {
        match self.times_a_week {
            None if self.done.is_empty() => "Not done yet".into(),
            None => "Done".into(),
            Some(7) => format!("{this_week} of 7 days this week"),
            Some(n) => format!("{this_week} of {n} this week"),
        }
    }

    /// Whether it still asks for something: not closed, and a one-off not yet done.
    pub fn is_open(&self) -> bool {
        !self.closed && (self.times_a_week.is_some() || self.done.is_empty())
    }

    /// Still open after its day. The screen says so gently ("from before your last
    /// session"), never as "overdue" and never in alarm red.
    pub fn past_due(&self, today: NaiveDate) -> bool {
        self.is_open() && self.due.is_some_and(|d| d < today)
    }
}

/// Words for how often: "Once", "Every day", "3 times a week".
pub fn repeat_words(times_a_week: Option<u8>) -> String {
    match times_a_week {
        None => "Once".into(),
        Some(7) => "Every day".into(),
        Some(1) => "Once a week".into(),
        Some(n) => format!("{n} times a week"),
    }
}

/// How often, as the form asks it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Often {
    #[default]
    Once,
    Daily,
    Weekly,
}

impl Often {
    pub const ALL: [Often; 3] = [Often::Once, Often::Daily, Often::Weekly];

    pub fn label(self) -> &'static str {
        match self {
            Often::Once => "Once",
            Often::Daily => "Every day",
            Often::Weekly => "Some times a week",
        }
    }
}

/// The homework form as it is typed (kept as a draft).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HomeworkDraft {
    pub title: String,
    pub kind: HomeworkKind,
    pub instructions: String,
    /// `YYYY-MM-DD`, or empty for no set day.
    pub due: String,
    pub often: Often,
    /// Times a week, for `Often::Weekly`.
    pub times: String,
}

impl Default for HomeworkDraft {
    fn default() -> Self {
        HomeworkDraft {
            title: String::new(),
            kind: HomeworkKind::Other,
            instructions: String::new(),
            due: String::new(),
            often: Often::Once,
            times: "3".into(),
        }
    }
}

impl Body for HomeworkDraft {
    const KIND: Kind = Kind::Draft;
}

impl HomeworkDraft {
    pub fn of(h: &Homework) -> HomeworkDraft {
        let (often, times) = match h.times_a_week {
            None => (Often::Once, "3".to_string()),
            Some(7) => (Often::Daily, "3".to_string()),
            Some(n) => (Often::Weekly, n.to_string()),
        };
        HomeworkDraft {
            title: h.title.clone(),
            kind: h.kind,
            instructions: h.instructions.clone(),
            due: h
                .due
                .map(|d| format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()))
                .unwrap_or_default(),
            often,
            times,
        }
    }

    /// The homework the form describes; what was done (and whether it was put away)
    /// stays from `before`, the stored version.
    pub fn homework(&self, before: Option<&Homework>) -> Result<Homework, HomeworkError> {
        let due = match self.due.trim() {
            "" => None,
            d => Some(date_of(d).ok_or(HomeworkError::BadDue)?),
        };
        let times_a_week = match self.often {
            Often::Once => None,
            Often::Daily => Some(7),
            Often::Weekly => Some(
                self.times
                    .trim()
                    .parse::<u8>()
                    .map_err(|_| HomeworkError::BadRepeat)?,
            ),
        };
        Homework {
            title: self.title.clone(),
            kind: self.kind,
            instructions: self.instructions.trim().to_string(),
            due,
            times_a_week,
            done: before.map(|b| b.done.clone()).unwrap_or_default(),
            closed: before.is_some_and(|b| b.closed),
        }
        .checked()
    }
}

/// A `YYYY-MM-DD` day, read by hand (chrono's parser is heavy in the wasm; main's
/// `domain::dates::parse_date` does the same).
fn date_of(s: &str) -> Option<NaiveDate> {
    let mut parts = s.splitn(3, '-');
    let mut number = |len: usize| {
        let p = parts.next()?;
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    let (y, m, d) = (number(4)?, number(2)?, number(2)?);
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// One task as a link carries it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LinkItem {
    pub title: String,
    #[serde(default)]
    pub kind: HomeworkKind,
    #[serde(default)]
    pub instructions: String,
    #[serde(default)]
    pub times_a_week: Option<u8>,
}

impl LinkItem {
    /// The homework it becomes, due on `due` (the next session, when there is one).
    pub fn to_homework(&self, due: Option<NaiveDate>) -> Homework {
        Homework {
            title: self.title.clone(),
            kind: self.kind,
            instructions: self.instructions.clone(),
            due,
            times_a_week: self.times_a_week,
            done: vec![],
            closed: false,
        }
    }
}

#[derive(Serialize, Deserialize)]
struct LinkBody {
    items: Vec<LinkItem>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    #[error("This link carries no homework. Ask whoever sent it to send it again.")]
    Empty,
    #[error("This link is too long to be a homework link, so nothing was read from it.")]
    TooLong,
    #[error("This link was made by a newer version of Between. Update Between (Settings shows the version), then open the link again.")]
    Newer,
    #[error("This link is damaged or incomplete, maybe cut short when it was copied. Ask whoever sent it to send it again.")]
    Damaged,
    #[error(
        "This link carries more than 10 tasks. Ask whoever sent it to split them into two links."
    )]
    TooMany,
    #[error("A task in this link is not one Between can add: {0}")]
    BadItem(String),
}

/// The fragment (without `#`) that carries `items`.
pub fn encode_link(items: &[LinkItem]) -> Result<String, LinkError> {
    if items.is_empty() {
        return Err(LinkError::Empty);
    }
    let body = LinkBody {
        items: items.to_vec(),
    };
    let body = LinkBody {
        items: validate(&body.items)?,
    };
    let json = serde_json::to_string(&body).map_err(|_| LinkError::Damaged)?;
    let fragment = format!("v{LINK_VERSION}.{}", URL_SAFE_NO_PAD.encode(json));
    if fragment.len() > MAX_LINK_CHARS {
        return Err(LinkError::TooLong);
    }
    Ok(fragment)
}

/// The tasks a link's fragment (with or without the `#`) carries, each checked as a
/// homework record would be. Never panics, whatever the input.
pub fn decode_link(fragment: &str) -> Result<Vec<LinkItem>, LinkError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment).trim();
    if fragment.is_empty() {
        return Err(LinkError::Empty);
    }
    if fragment.len() > MAX_LINK_CHARS {
        return Err(LinkError::TooLong);
    }
    let (version, data) = fragment.split_once('.').ok_or(LinkError::Damaged)?;
    let version: u32 = version
        .strip_prefix('v')
        .and_then(|v| v.parse().ok())
        .ok_or(LinkError::Damaged)?;
    if version > LINK_VERSION {
        return Err(LinkError::Newer);
    }
    if version == 0 {
        return Err(LinkError::Damaged);
    }
    let json = URL_SAFE_NO_PAD
        .decode(data.trim_end_matches('='))
        .map_err(|_| LinkError::Damaged)?;
    let body: LinkBody = serde_json::from_slice(&json).map_err(|_| LinkError::Damaged)?;
    validate(&body.items)
}

/// The items, each checked as homework is (names trimmed), or why not.
fn validate(items: &[LinkItem]) -> Result<Vec<LinkItem>, LinkError> {
    if items.is_empty() {
        return Err(LinkError::Empty);
    }
    if items.len() > MAX_LINK_ITEMS {
        return Err(LinkError::TooMany);
    }
    items
        .iter()
        .map(|item| {
            let h = item
                .to_homework(None)
                .checked()
                .map_err(|e| LinkError::BadItem(e.to_string()))?;
            Ok(LinkItem {
                title: h.title,
                kind: h.kind,
                instructions: h.instructions,
                times_a_week: h.times_a_week,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
