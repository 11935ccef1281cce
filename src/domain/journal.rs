//! Journal entries: mood on a worded scale, emotions, symptoms with intensity,
//! triggers, free text, an optional writing prompt, and a flag to bring it to the
//! next session. Rules for what a valid entry is live here.

use serde::{Deserialize, Serialize};

use super::record::{Body, Kind, Millis};

/// Longest entry text accepted, in characters: a long letter, far from a pasted book.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// Longest name of an emotion, symptom or trigger.
pub const MAX_TAG_CHARS: usize = 60;
/// Entries may be dated a little ahead (a clock set wrong), never years ahead.
pub const MAX_FUTURE_MS: Millis = 24 * 60 * 60 * 1000;
/// 1 January 1900: nothing is written about earlier.
pub const EARLIEST: Millis = -2_208_988_800_000;

/// Mood on a five-step worded scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "u8", try_from = "u8")]
pub enum Mood {
    VeryLow = 1,
    Low = 2,
    Okay = 3,
    Good = 4,
    VeryGood = 5,
}

impl Mood {
    pub const ALL: [Mood; 5] = [
        Mood::VeryLow,
        Mood::Low,
        Mood::Okay,
        Mood::Good,
        Mood::VeryGood,
    ];

    pub fn word(self) -> &'static str {
        match self {
            Mood::VeryLow => "Very low",
            Mood::Low => "Low",
            Mood::Okay => "Okay",
            Mood::Good => "Good",
            Mood::VeryGood => "Very good",
        }
    }

    pub fn value(self) -> u8 {
        self as u8
    }

    pub fn from_value(v: u8) -> Option<Mood> {
        Mood::ALL.into_iter().find(|m| m.value() == v)
    }

    /// The word for an average mood (rounded to the nearest step).
    pub fn nearest(average: f64) -> Mood {
        let v = average.round().clamp(1.0, 5.0) as u8;
        Mood::from_value(v).unwrap_or(Mood::Okay)
    }
}

impl From<Mood> for u8 {
    fn from(m: Mood) -> u8 {
        m.value()
    }
}

impl TryFrom<u8> for Mood {
    type Error = String;
    fn try_from(v: u8) -> Result<Mood, String> {
        Mood::from_value(v).ok_or_else(|| format!("mood {v} is not on the scale"))
    }
}

/// Emotions offered to pick from; people add their own too.
pub const EMOTIONS: [&str; 16] = [
    "Calm",
    "Happy",
    "Grateful",
    "Hopeful",
    "Proud",
    "Loved",
    "Tired",
    "Anxious",
    "Sad",
    "Lonely",
    "Angry",
    "Frustrated",
    "Overwhelmed",
    "Ashamed",
    "Numb",
    "Scared",
];

/// How a symptom is measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    /// Intensity from 0 (none) to 10 (worst or most).
    Intensity,
    /// Hours, 0 to 24 (sleep).
    Hours,
}

impl Scale {
    pub fn max(self) -> f64 {
        match self {
            Scale::Intensity => 10.0,
            Scale::Hours => 24.0,
        }
    }
}

/// The name sleep is stored under, as one of the entry's symptoms (measured in hours).
/// The entry form shows it as its own field, "Hours slept"; `JournalEntry::sleep_hours`
/// is the one reader.
pub const SLEEP: &str = "Sleep (hours)";

/// Symptoms offered by default; people add their own (measured 0-10).
pub const SYMPTOMS: [(&str, Scale); 4] = [
    ("Anxiety", Scale::Intensity),
    ("Energy", Scale::Intensity),
    ("Panic", Scale::Intensity),
    (SLEEP, Scale::Hours),
];

/// The draft id of a new entry (an entry being edited has `journal-<its id>`).
pub const NEW_ENTRY_DRAFT: &str = "journal-new";

/// A symptom's value in words: "none" for 0, otherwise "6 of 10".
pub fn intensity_words(value: f64) -> String {
    if value <= 0.0 {
        "none".into()
    } else {
        format!("{} of 10", number(value))
    }
}

/// Hours slept in words: "1 hour", "7.5 hours", "no sleep" for 0.
pub fn hours_words(hours: f64) -> String {
    if hours <= 0.0 {
        "no sleep".into()
    } else if hours == 1.0 {
        "1 hour".into()
    } else {
        format!("{} hours", number(hours))
    }
}

/// A value with no ".0" and at most one decimal.
fn number(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// The scale of a symptom by name: the default ones have theirs, others are 0-10.
pub fn scale_of(name: &str) -> Scale {
    SYMPTOMS
        .iter()
        .find(|(n, _)| *n == name)
        .map_or(Scale::Intensity, |(_, s)| *s)
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Symptom {
    pub name: String,
    pub value: f64,
}

/// Writing prompts, offered one at a time, in our own words.
pub const PROMPTS: [&str; 12] = [
    "What took most of your energy today?",
    "What was one small thing that went better than you expected?",
    "When did you feel most like yourself today?",
    "What is on your mind that you haven't said out loud?",
    "What would you like your therapist to know about this week?",
    "What did you need today, and did you get it?",
    "Was there a moment your mood shifted? What was happening just before?",
    "What helped, even a little?",
    "What are you worried about right now, and how likely is it, honestly?",
    "What would you say to a friend who had the day you had?",
    "What are you looking forward to, however small?",
    "What did you do today that took courage?",
];

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct JournalEntry {
    /// When the entry is about (defaults to when it was written), ms since the epoch.
    pub at: Millis,
    /// The local time's offset from UTC at `at`, in minutes (UTC+1 is 60), so the
    /// entry stays on the day it was written wherever it is read later.
    #[serde(default)]
    pub offset_min: i32,
    #[serde(default)]
    pub mood: Option<Mood>,
    #[serde(default)]
    pub emotions: Vec<String>,
    #[serde(default)]
    pub symptoms: Vec<Symptom>,
    #[serde(default)]
    pub triggers: Vec<String>,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub prompt: Option<String>,
    /// The person wants to bring this entry to the next session.
    #[serde(default)]
    pub for_session: bool,
}

impl Body for JournalEntry {
    const KIND: Kind = Kind::JournalEntry;
}

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum EntryError {
    #[error("entry is empty")]
    Empty,
    #[error("entry text is too long")]
    TooLong,
    #[error("date is in the future")]
    InFuture,
    #[error("date is too long ago")]
    TooOld,
    #[error("{name} is out of range")]
    OutOfRange { name: String, max: f64 },
    #[error("a name is too long")]
    NameTooLong,
}

impl JournalEntry {
    /// Hours slept, when the entry says: the one place that knows where sleep is kept.
    pub fn sleep_hours(&self) -> Option<f64> {
        self.symptoms
            .iter()
            .find(|s| scale_of(&s.name) == Scale::Hours)
            .map(|s| s.value)
    }

    /// Whether the entry has anything of "Add more detail": emotions, symptoms
    /// (sleep included) or triggers.
    pub fn has_details(&self) -> bool {
        !self.emotions.is_empty() || !self.symptoms.is_empty() || !self.triggers.is_empty()
    }

    /// What a one-line mention of the entry says: its text, or its mood when it has no
    /// text ("Mood: Okay").
    pub fn gist(&self) -> String {
        match (&self.mood, self.text.is_empty()) {
            (_, false) => self.text.clone(),
            (Some(m), true) => format!("Mood: {}", m.word()),
            (None, true) => String::new(),
        }
    }

    /// A text-only entry written `now`, checked.
    pub fn new(now: Millis, text: &str) -> Result<JournalEntry, EntryError> {
        JournalEntry {
            at: now,
            text: text.to_string(),
            ..Default::default()
        }
        .checked(now)
    }

    /// Checks an entry before it is saved, as of `now`. Tags are tidied (trimmed,
    /// blanks and repeats dropped); the text is kept exactly as typed.
    pub fn checked(mut self, now: Millis) -> Result<JournalEntry, EntryError> {
        self.emotions = tidy(self.emotions)?;
        self.triggers = tidy(self.triggers)?;
        let mut seen = Vec::new();
        self.symptoms.retain(|s| !s.name.trim().is_empty());
        for s in &mut self.symptoms {
            s.name = s.name.trim().to_string();
            if s.name.chars().count() > MAX_TAG_CHARS {
                return Err(EntryError::NameTooLong);
            }
            let max = scale_of(&s.name).max();
            if !(0.0..=max).contains(&s.value) || !s.value.is_finite() {
                return Err(EntryError::OutOfRange {
                    name: s.name.clone(),
                    max,
                });
            }
        }
        self.symptoms.retain(|s| {
            let fresh = !seen.contains(&s.name);
            seen.push(s.name.clone());
            fresh
        });
        if self.text.chars().count() > MAX_TEXT_CHARS {
            return Err(EntryError::TooLong);
        }
        if self.at > now + MAX_FUTURE_MS {
            return Err(EntryError::InFuture);
        }
        if self.at < EARLIEST {
            return Err(EntryError::TooOld);
        }
        let nothing = self.text.trim().is_empty()
            && self.mood.is_none()
            && self.emotions.is_empty()
            && self.symptoms.is_empty()
            && self.triggers.is_empty();
        if nothing {
            return Err(EntryError::Empty);
        }
        Ok(self)
    }

    /// Whether `query` (already lower-cased) appears in the text, prompt or any tag.
    pub fn matches_text(&self, query_lower: &str) -> bool {
        if query_lower.is_empty() {
            return true;
        }
        contains_lower(&self.text, query_lower)
            || self
                .prompt
                .as_deref()
                .is_some_and(|p| contains_lower(p, query_lower))
            || self
                .emotions
                .iter()
                .chain(&self.triggers)
                .any(|t| contains_lower(t, query_lower))
            || self
                .symptoms
                .iter()
                .any(|s| contains_lower(&s.name, query_lower))
    }
}

fn contains_lower(hay: &str, needle_lower: &str) -> bool {
    if hay.is_ascii() && needle_lower.is_ascii() {
        // The common case, without allocating.
        hay.as_bytes()
            .windows(needle_lower.len())
            .any(|w| w.eq_ignore_ascii_case(needle_lower.as_bytes()))
    } else {
        hay.to_lowercase().contains(needle_lower)
    }
}

fn tidy(tags: Vec<String>) -> Result<Vec<String>, EntryError> {
    let mut out: Vec<String> = Vec::with_capacity(tags.len());
    for t in tags {
        let t = t.trim();
        if t.is_empty() {
            continue;
        }
        if t.chars().count() > MAX_TAG_CHARS {
            return Err(EntryError::NameTooLong);
        }
        if !out.iter().any(|o| o.eq_ignore_ascii_case(t)) {
            out.push(t.to_string());
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests;

/// What the entry form holds while someone writes: kept as a draft so that a closed
/// tab, a reload or an update loses nothing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EntryDraft {
    pub entry: JournalEntry,
    /// The `<input type=datetime-local>` value as typed.
    #[serde(default)]
    pub when: String,
    /// Symptom fields as typed, by name (validated on save).
    #[serde(default)]
    pub symptoms: Vec<(String, String)>,
}

impl EntryDraft {
    /// Whether the form holds anything of "Add more detail" (a symptom counts once it
    /// has a value).
    pub fn has_details(&self) -> bool {
        !self.entry.emotions.is_empty()
            || !self.entry.triggers.is_empty()
            || self.symptoms.iter().any(|(_, v)| !v.trim().is_empty())
    }

    /// Whether nothing was written or chosen yet: such a draft is not offered as an
    /// unfinished entry.
    pub fn is_blank(&self) -> bool {
        self.entry.text.trim().is_empty() && self.entry.mood.is_none() && !self.has_details()
    }
}

impl Body for EntryDraft {
    const KIND: Kind = Kind::Draft;
}
