//! A CBT thought record: the seven steps (clinical.md) in our own words.

use serde::{Deserialize, Serialize};

use super::journal::{EARLIEST, MAX_FUTURE_MS, MAX_TAG_CHARS, MAX_TEXT_CHARS};
use super::record::{Body, Kind, Millis};

/// A mood named in the situation, rated 0-100 before and (step 7) after.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MoodRating {
    pub name: String,
    pub before: u8,
    #[serde(default)]
    pub after: Option<u8>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Thought {
    pub text: String,
    /// The "hot" thought: the one that carries the most feeling.
    #[serde(default)]
    pub hot: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ThoughtRecord {
    pub at: Millis,
    #[serde(default)]
    pub offset_min: i32,
    #[serde(default)]
    pub situation: String,
    #[serde(default)]
    pub moods: Vec<MoodRating>,
    #[serde(default)]
    pub thoughts: Vec<Thought>,
    #[serde(default)]
    pub evidence_for: String,
    #[serde(default)]
    pub evidence_against: String,
    #[serde(default)]
    pub balanced: String,
    #[serde(default)]
    pub for_session: bool,
}

impl Body for ThoughtRecord {
    const KIND: Kind = Kind::ThoughtRecord;
}

/// A thought record being written, with its date field as typed: kept as a draft.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ThoughtDraft {
    pub record: ThoughtRecord,
    #[serde(default)]
    pub when: String,
}

impl Body for ThoughtDraft {
    const KIND: Kind = Kind::Draft;
}

impl std::ops::Deref for ThoughtDraft {
    type Target = ThoughtRecord;
    fn deref(&self) -> &ThoughtRecord {
        &self.record
    }
}

impl std::ops::DerefMut for ThoughtDraft {
    fn deref_mut(&mut self) -> &mut ThoughtRecord {
        &mut self.record
    }
}

/// The steps, in order, with what each asks. Shown as the form's headings.
pub const STEPS: [(&str, &str); 7] = [
    (
        "Situation",
        "Where were you, who was there, what was happening?",
    ),
    ("Moods", "What did you feel? Rate each from 0 to 100."),
    (
        "Automatic thoughts",
        "What went through your mind? Mark the one that hit hardest.",
    ),
    ("Evidence for", "What facts support that thought?"),
    (
        "Evidence against",
        "What facts don't fit it? What would you tell a friend?",
    ),
    (
        "A balanced thought",
        "Taking all of it into account, what is a fairer way to see it?",
    ),
    ("Moods now", "Rate the same moods again."),
];

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ThoughtError {
    #[error("nothing written")]
    Empty,
    #[error("too long")]
    TooLong,
    #[error("rating out of range")]
    Rating,
    #[error("date out of range")]
    Date,
}

impl ThoughtRecord {
    /// Checks a record before saving; blank moods and thoughts are dropped and at most
    /// one thought stays hot (the first marked).
    pub fn checked(mut self, now: Millis) -> Result<ThoughtRecord, ThoughtError> {
        self.moods.retain(|m| !m.name.trim().is_empty());
        self.thoughts.retain(|t| !t.text.trim().is_empty());
        if self
            .moods
            .iter()
            .any(|m| m.before > 100 || m.after.is_some_and(|a| a > 100))
        {
            return Err(ThoughtError::Rating);
        }
        if self
            .moods
            .iter()
            .any(|m| m.name.chars().count() > MAX_TAG_CHARS)
        {
            return Err(ThoughtError::TooLong);
        }
        let texts = [
            &self.situation,
            &self.evidence_for,
            &self.evidence_against,
            &self.balanced,
        ];
        let total: usize = texts.iter().map(|t| t.chars().count()).sum::<usize>()
            + self
                .thoughts
                .iter()
                .map(|t| t.text.chars().count())
                .sum::<usize>();
        if total > MAX_TEXT_CHARS {
            return Err(ThoughtError::TooLong);
        }
        if self.at > now + MAX_FUTURE_MS || self.at < EARLIEST {
            return Err(ThoughtError::Date);
        }
        let mut seen_hot = false;
        for t in &mut self.thoughts {
            t.hot = t.hot && !seen_hot;
            seen_hot |= t.hot;
        }
        if texts.iter().all(|t| t.trim().is_empty())
            && self.thoughts.is_empty()
            && self.moods.is_empty()
        {
            return Err(ThoughtError::Empty);
        }
        Ok(self)
    }

    pub fn hot_thought(&self) -> Option<&Thought> {
        self.thoughts.iter().find(|t| t.hot)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_needs_something_written() {
        assert_eq!(
            ThoughtRecord::default().checked(0),
            Err(ThoughtError::Empty)
        );
        let r = ThoughtRecord {
            situation: "Meeting".into(),
            ..Default::default()
        };
        assert!(r.checked(0).is_ok());
    }

    #[test]
    fn ratings_stay_within_0_to_100_and_one_thought_is_hot() {
        let mut r = ThoughtRecord {
            situation: "Meeting".into(),
            moods: vec![MoodRating {
                name: "Anxious".into(),
                before: 101,
                after: None,
            }],
            ..Default::default()
        };
        assert_eq!(r.clone().checked(0), Err(ThoughtError::Rating));
        r.moods[0].before = 80;
        r.moods[0].after = Some(40);
        r.thoughts = vec![
            Thought {
                text: "They think I'm useless".into(),
                hot: true,
            },
            Thought {
                text: " ".into(),
                hot: false,
            },
            Thought {
                text: "I'll be fired".into(),
                hot: true,
            },
        ];
        let r = r.checked(0).unwrap();
        assert_eq!(r.thoughts.len(), 2);
        assert_eq!(r.hot_thought().unwrap().text, "They think I'm useless");
        assert!(!r.thoughts[1].hot);
    }

    #[test]
    fn seven_steps_in_order() {
        let names: Vec<&str> = STEPS.iter().map(|s| s.0).collect();
        assert_eq!(names[0], "Situation");
        assert_eq!(names[6], "Moods now");
        assert_eq!(names.len(), 7);
    }
}
