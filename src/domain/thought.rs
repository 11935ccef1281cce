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

/// A thought record being written, with its date field as typed and the step the
/// person is on: kept as a draft.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ThoughtDraft {
    pub record: ThoughtRecord,
    #[serde(default)]
    pub when: String,
    /// The step on screen (0 to 6), so a reload opens where the person was.
    #[serde(default)]
    pub step: u8,
}

/// Two drafts are the same when what is written is the same: moving between steps
/// alone writes no draft (and brings back none), but a kept draft keeps its step.
impl PartialEq for ThoughtDraft {
    fn eq(&self, other: &Self) -> bool {
        self.record == other.record && self.when == other.when
    }
}

impl ThoughtDraft {
    /// The step on screen, whatever a stored draft says.
    pub fn step(&self) -> usize {
        usize::from(self.step).min(STEPS.len() - 1)
    }
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

/// The steps, in order: each one's question (the heading) and a line under it that
/// names the CBT term and says what it means, in our own words (clinical.md).
pub const STEPS: [(&str, &str); 7] = [
    (
        "What happened?",
        "The situation: where you were, who was there, what was going on. A sentence or two of plain facts is enough.",
    ),
    (
        "How did you feel?",
        "Your moods in that moment, each in a word (sad, angry, anxious, ashamed…), and how strong each one was.",
    ),
    (
        "What went through your mind?",
        "Automatic thoughts: the words or pictures that came on their own. Then mark the thought that hurts most, the one therapists call the \"hot thought\".",
    ),
    (
        "What makes it feel true?",
        "Evidence for the thought that hurts most: facts that seem to back it up. Facts, not guesses about what others think.",
    ),
    (
        "What doesn't fit it?",
        "Evidence against: facts that don't fit the thought, and what you would tell a friend who thought it.",
    ),
    (
        "A kinder, fairer way to see it",
        "A balanced thought: one that takes in both sides. It doesn't have to be cheerful, only fair.",
    ),
    (
        "How do you feel now?",
        "Your moods again: rate the same ones now. Any change, even a small one, is worth noticing.",
    ),
];

/// A 0 to 100 rating in words, as the slider says it: "70 of 100, strong".
pub fn rating_words(value: u8) -> String {
    let word = match value {
        0 => "not at all",
        1..=19 => "a little",
        20..=39 => "mild",
        40..=59 => "moderate",
        60..=79 => "strong",
        80..=99 => "very strong",
        _ => "as strong as it gets",
    };
    format!("{} of 100, {word}", value.min(100))
}

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
    /// one thought stays hot (the first marked; a thought on its own is hot).
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
        // One thought written is the one that hurts most, marked or not.
        if let [only] = self.thoughts.as_mut_slice() {
            only.hot = true;
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
    fn seven_steps_in_order_each_in_plain_words() {
        let names: Vec<&str> = STEPS.iter().map(|s| s.0).collect();
        assert_eq!(names.len(), 7);
        assert_eq!(names[0], "What happened?");
        assert_eq!(names[2], "What went through your mind?");
        assert_eq!(names[5], "A kinder, fairer way to see it");
        assert_eq!(names[6], "How do you feel now?");
        // Each CBT term is explained where it appears.
        for (i, term) in [
            "The situation",
            "Your moods",
            "Automatic thoughts",
            "Evidence for",
            "Evidence against",
            "A balanced thought",
            "Your moods again",
        ]
        .iter()
        .enumerate()
        {
            assert!(
                STEPS[i].1.starts_with(term),
                "step {}: {}",
                i + 1,
                STEPS[i].1
            );
        }
        assert!(STEPS[2].1.contains("hurts most") && STEPS[2].1.contains("hot thought"));
    }

    #[test]
    fn ratings_in_words_and_number() {
        assert_eq!(rating_words(0), "0 of 100, not at all");
        assert_eq!(rating_words(5), "5 of 100, a little");
        assert_eq!(rating_words(20), "20 of 100, mild");
        assert_eq!(rating_words(50), "50 of 100, moderate");
        assert_eq!(rating_words(70), "70 of 100, strong");
        assert_eq!(rating_words(79), "79 of 100, strong");
        assert_eq!(rating_words(80), "80 of 100, very strong");
        assert_eq!(rating_words(100), "100 of 100, as strong as it gets");
    }

    #[test]
    fn a_thought_on_its_own_is_the_one_that_hurts_most() {
        let r = ThoughtRecord {
            thoughts: vec![
                Thought {
                    text: "I ruin everything".into(),
                    hot: false,
                },
                Thought {
                    text: "  ".into(),
                    hot: false,
                },
            ],
            ..Default::default()
        };
        let r = r.checked(0).unwrap();
        assert_eq!(r.hot_thought().unwrap().text, "I ruin everything");
    }

    #[test]
    fn a_draft_keeps_its_step_but_moving_between_steps_is_no_change() {
        let mut a = ThoughtDraft::default();
        let b = ThoughtDraft {
            step: 3,
            ..Default::default()
        };
        assert_eq!(a, b, "a step alone is not something written");
        a.record.situation = "Meeting".into();
        assert_ne!(a, b);
        let stored = serde_json::to_string(&b).unwrap();
        let back: ThoughtDraft = serde_json::from_str(&stored).unwrap();
        assert_eq!(back.step(), 3);
        // A draft kept before steps existed opens on the first one; a step out of
        // range opens on the last.
        let old: ThoughtDraft = serde_json::from_str(r#"{"record":{"at":0},"when":""}"#).unwrap();
        assert_eq!(old.step(), 0);
        let far = ThoughtDraft {
            step: 40,
            ..Default::default()
        };
        assert_eq!(far.step(), 6);
    }
}
