//! Optional check-ins: PHQ-9, GAD-7 and WHO-5, with items, scoring and bands as in
//! shared/content/clinical.md. A score is never a diagnosis: every result says what
//! its band means in plain words and suggests talking it over with the therapist.

use serde::{Deserialize, Serialize};

use super::record::{Body, Kind, Millis};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Questionnaire {
    Phq9,
    Gad7,
    Who5,
}

const PHQ_GAD_OPTIONS: [(&str, u8); 4] = [
    ("Not at all", 0),
    ("Several days", 1),
    ("More than half the days", 2),
    ("Nearly every day", 3),
];

const WHO5_OPTIONS: [(&str, u8); 6] = [
    ("All of the time", 5),
    ("Most of the time", 4),
    ("More than half of the time", 3),
    ("Less than half of the time", 2),
    ("Some of the time", 1),
    ("At no time", 0),
];

const PHQ9_ITEMS: [&str; 9] = [
    "Little interest or pleasure in doing things",
    "Feeling down, depressed, or hopeless",
    "Trouble falling or staying asleep, or sleeping too much",
    "Feeling tired or having little energy",
    "Poor appetite or overeating",
    "Feeling bad about yourself, or that you are a failure or have let yourself or your family down",
    "Trouble concentrating on things, such as reading the newspaper or watching television",
    "Moving or speaking so slowly that other people could have noticed, or the opposite, being so fidgety or restless that you have been moving around a lot more than usual",
    "Thoughts that you would be better off dead, or of hurting yourself in some way",
];

const GAD7_ITEMS: [&str; 7] = [
    "Feeling nervous, anxious, or on edge",
    "Not being able to stop or control worrying",
    "Worrying too much about different things",
    "Trouble relaxing",
    "Being so restless that it is hard to sit still",
    "Becoming easily annoyed or irritable",
    "Feeling afraid, as if something awful might happen",
];

const WHO5_ITEMS: [&str; 5] = [
    "I have felt cheerful and in good spirits",
    "I have felt calm and relaxed",
    "I have felt active and vigorous",
    "I woke up feeling fresh and rested",
    "My daily life has been filled with things that interest me",
];

pub const PHQ_GAD_ATTRIBUTION: &str = "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.";
pub const WHO5_ATTRIBUTION: &str = "WHO-5 Well-Being Index, Psychiatric Centre North Zealand.";

/// A band of scores and what it means, in plain words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Band {
    pub name: &'static str,
    pub meaning: &'static str,
    /// Worth raising with the therapist soon.
    pub raise: bool,
}

impl Questionnaire {
    pub const ALL: [Questionnaire; 3] = [
        Questionnaire::Phq9,
        Questionnaire::Gad7,
        Questionnaire::Who5,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Questionnaire::Phq9 => "phq9",
            Questionnaire::Gad7 => "gad7",
            Questionnaire::Who5 => "who5",
        }
    }

    pub fn from_code(code: &str) -> Option<Questionnaire> {
        Questionnaire::ALL.into_iter().find(|q| q.code() == code)
    }

    pub fn name(self) -> &'static str {
        match self {
            Questionnaire::Phq9 => "PHQ-9",
            Questionnaire::Gad7 => "GAD-7",
            Questionnaire::Who5 => "WHO-5",
        }
    }

    pub fn about(self) -> &'static str {
        match self {
            Questionnaire::Phq9 => "Nine questions about low mood",
            Questionnaire::Gad7 => "Seven questions about anxiety",
            Questionnaire::Who5 => "Five questions about well-being",
        }
    }

    pub fn question(self) -> &'static str {
        match self {
            Questionnaire::Phq9 | Questionnaire::Gad7 => {
                "Over the last two weeks, how often have you been bothered by the following?"
            }
            Questionnaire::Who5 => "Over the last two weeks, how much of the time…",
        }
    }

    pub fn items(self) -> &'static [&'static str] {
        match self {
            Questionnaire::Phq9 => &PHQ9_ITEMS,
            Questionnaire::Gad7 => &GAD7_ITEMS,
            Questionnaire::Who5 => &WHO5_ITEMS,
        }
    }

    pub fn options(self) -> &'static [(&'static str, u8)] {
        match self {
            Questionnaire::Phq9 | Questionnaire::Gad7 => &PHQ_GAD_OPTIONS,
            Questionnaire::Who5 => &WHO5_OPTIONS,
        }
    }

    pub fn attribution(self) -> &'static str {
        match self {
            Questionnaire::Phq9 | Questionnaire::Gad7 => PHQ_GAD_ATTRIBUTION,
            Questionnaire::Who5 => WHO5_ATTRIBUTION,
        }
    }

    /// The highest score shown (WHO-5 is shown as a percentage).
    pub fn max_score(self) -> u32 {
        match self {
            Questionnaire::Phq9 => 27,
            Questionnaire::Gad7 => 21,
            Questionnaire::Who5 => 100,
        }
    }

    /// Whether a higher score means better (WHO-5) or more difficulty (the others).
    pub fn higher_is_better(self) -> bool {
        self == Questionnaire::Who5
    }

    pub fn band(self, score: u32) -> Band {
        match self {
            Questionnaire::Phq9 => match score {
                0..=4 => Band { name: "Minimal", meaning: "Few signs of low mood in the last two weeks.", raise: false },
                5..=9 => Band { name: "Mild", meaning: "Some signs of low mood in the last two weeks.", raise: false },
                10..=14 => Band { name: "Moderate", meaning: "A fair amount of low mood in the last two weeks. Worth talking over with your therapist.", raise: true },
                15..=19 => Band { name: "Moderately severe", meaning: "A lot of low mood in the last two weeks. Please talk this over with your therapist soon.", raise: true },
                _ => Band { name: "Severe", meaning: "A great deal of low mood in the last two weeks. Please talk this over with your therapist soon, and reach out for help sooner if you need it.", raise: true },
            },
            Questionnaire::Gad7 => match score {
                0..=4 => Band { name: "Minimal", meaning: "Few signs of anxiety in the last two weeks.", raise: false },
                5..=9 => Band { name: "Mild", meaning: "Some signs of anxiety in the last two weeks.", raise: false },
                10..=14 => Band { name: "Moderate", meaning: "A fair amount of anxiety in the last two weeks. Worth talking over with your therapist.", raise: true },
                _ => Band { name: "Severe", meaning: "A great deal of anxiety in the last two weeks. Please talk this over with your therapist soon.", raise: true },
            },
            Questionnaire::Who5 => match score {
                // Raw below 13 is 48 % or less: the threshold in clinical.md.
                0..=48 => Band { name: "Lower well-being", meaning: "Your answers suggest your well-being has been low in the last two weeks. Worth raising with your therapist.", raise: true },
                _ => Band { name: "No sign of low well-being", meaning: "Your answers do not suggest low well-being in the last two weeks.", raise: false },
            },
        }
    }
}

/// One completed questionnaire.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckIn {
    pub questionnaire: Questionnaire,
    pub answers: Vec<u8>,
    pub at: Millis,
    #[serde(default)]
    pub offset_min: i32,
}

impl Body for CheckIn {
    const KIND: Kind = Kind::CheckIn;
}

/// Answers given so far, kept as a draft while a questionnaire is filled in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckInDraft {
    pub answers: Vec<Option<u8>>,
}

impl Body for CheckInDraft {
    const KIND: Kind = Kind::Draft;
}

/// Whether answers given so far (saved or not, complete or not) call for the
/// safety response: PHQ-9 item 9 answered above 0.
pub fn item9_answered(q: Questionnaire, answers: &[Option<u8>]) -> bool {
    q == Questionnaire::Phq9 && answers.get(8).copied().flatten().is_some_and(|a| a > 0)
}

/// The questions of `q` not answered yet, by index, in order.
pub fn unanswered(q: Questionnaire, answers: &[Option<u8>]) -> Vec<usize> {
    (0..q.items().len())
        .filter(|&i| answers.get(i).copied().flatten().is_none())
        .collect()
}

/// "One question is still unanswered: question 4." or "2 questions are still
/// unanswered: questions 3 and 7." (numbers from 1, as the questions show them).
pub fn unanswered_words(missing: &[usize]) -> String {
    let numbers: Vec<String> = missing.iter().map(|i| (i + 1).to_string()).collect();
    match numbers.as_slice() {
        [] => String::new(),
        [one] => format!("One question is still unanswered: question {one}."),
        [rest @ .., last] => format!(
            "{} questions are still unanswered: questions {} and {last}.",
            numbers.len(),
            rest.join(", ")
        ),
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CheckInError {
    #[error("{unanswered} questions unanswered")]
    Unanswered { unanswered: usize },
    #[error("answer out of range")]
    OutOfRange,
}

impl CheckIn {
    /// A completed check-in from answers in item order (`None`: not answered).
    pub fn new(
        q: Questionnaire,
        answers: &[Option<u8>],
        at: Millis,
        offset_min: i32,
    ) -> Result<CheckIn, CheckInError> {
        let unanswered = q
            .items()
            .len()
            .saturating_sub(answers.iter().flatten().count());
        if answers.len() != q.items().len() || unanswered > 0 {
            return Err(CheckInError::Unanswered {
                unanswered: unanswered.max(1),
            });
        }
        let answers: Vec<u8> = answers.iter().flatten().copied().collect();
        if answers
            .iter()
            .any(|a| !q.options().iter().any(|(_, v)| v == a))
        {
            return Err(CheckInError::OutOfRange);
        }
        Ok(CheckIn {
            questionnaire: q,
            answers,
            at,
            offset_min,
        })
    }

    /// The raw sum of the answers.
    pub fn raw(&self) -> u32 {
        self.answers.iter().map(|&a| a as u32).sum()
    }

    /// The score as shown: the sum, or for WHO-5 the sum times four (0-100).
    pub fn score(&self) -> u32 {
        match self.questionnaire {
            Questionnaire::Who5 => self.raw() * 4,
            _ => self.raw(),
        }
    }

    pub fn band(&self) -> Band {
        self.questionnaire.band(self.score())
    }

    /// PHQ-9 item 9 (thoughts of being better off dead or of self-harm) above zero:
    /// show help straight away.
    pub fn needs_safety_response(&self) -> bool {
        self.questionnaire == Questionnaire::Phq9 && self.answers.get(8).is_some_and(|&a| a > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(q: Questionnaire, v: u8) -> Vec<Option<u8>> {
        vec![Some(v); q.items().len()]
    }

    #[test]
    fn item_counts_and_ranges_match_the_instruments() {
        assert_eq!(Questionnaire::Phq9.items().len(), 9);
        assert_eq!(Questionnaire::Gad7.items().len(), 7);
        assert_eq!(Questionnaire::Who5.items().len(), 5);
        let max = |q: Questionnaire| {
            CheckIn::new(
                q,
                &all(q, q.options().iter().map(|o| o.1).max().unwrap()),
                0,
                0,
            )
            .unwrap()
            .score()
        };
        assert_eq!(max(Questionnaire::Phq9), 27);
        assert_eq!(max(Questionnaire::Gad7), 21);
        assert_eq!(max(Questionnaire::Who5), 100);
        for q in Questionnaire::ALL {
            assert_eq!(Questionnaire::from_code(q.code()), Some(q));
            assert_eq!(q.max_score(), max(q));
        }
    }

    #[test]
    fn phq9_bands_at_every_boundary() {
        let b = |s| Questionnaire::Phq9.band(s).name;
        assert_eq!(
            [
                b(0),
                b(4),
                b(5),
                b(9),
                b(10),
                b(14),
                b(15),
                b(19),
                b(20),
                b(27)
            ],
            [
                "Minimal",
                "Minimal",
                "Mild",
                "Mild",
                "Moderate",
                "Moderate",
                "Moderately severe",
                "Moderately severe",
                "Severe",
                "Severe"
            ]
        );
    }

    #[test]
    fn gad7_bands_at_every_boundary() {
        let b = |s| Questionnaire::Gad7.band(s).name;
        assert_eq!(
            [b(0), b(4), b(5), b(9), b(10), b(14), b(15), b(21)],
            ["Minimal", "Minimal", "Mild", "Mild", "Moderate", "Moderate", "Severe", "Severe"]
        );
    }

    #[test]
    fn who5_raw_below_13_is_lower_well_being() {
        let with_raw = |raw: u8| {
            // Spread the raw score over five answers of at most 5.
            let mut answers = vec![Some(0u8); 5];
            let mut left = raw;
            for a in answers.iter_mut() {
                let take = left.min(5);
                *a = Some(take);
                left -= take;
            }
            CheckIn::new(Questionnaire::Who5, &answers, 0, 0).unwrap()
        };
        assert_eq!(with_raw(12).score(), 48);
        assert!(with_raw(12).band().raise);
        assert_eq!(with_raw(13).score(), 52);
        assert!(!with_raw(13).band().raise);
        assert_eq!(with_raw(0).score(), 0);
    }

    #[test]
    fn unanswered_or_impossible_answers_are_refused() {
        let mut answers = all(Questionnaire::Gad7, 1);
        answers[3] = None;
        assert_eq!(
            CheckIn::new(Questionnaire::Gad7, &answers, 0, 0),
            Err(CheckInError::Unanswered { unanswered: 1 })
        );
        assert!(CheckIn::new(Questionnaire::Gad7, &all(Questionnaire::Gad7, 4), 0, 0).is_err());
        assert!(
            CheckIn::new(Questionnaire::Gad7, &all(Questionnaire::Gad7, 1)[..6], 0, 0).is_err()
        );
    }

    #[test]
    fn unanswered_questions_are_named() {
        let mut answers = vec![Some(1); 9];
        answers[2] = None;
        answers[6] = None;
        let missing = unanswered(Questionnaire::Phq9, &answers);
        assert_eq!(missing, vec![2, 6]);
        assert_eq!(
            unanswered_words(&missing),
            "2 questions are still unanswered: questions 3 and 7."
        );
        assert_eq!(
            unanswered_words(&[0, 4, 8]),
            "3 questions are still unanswered: questions 1, 5 and 9."
        );
        assert_eq!(
            unanswered_words(&[3]),
            "One question is still unanswered: question 4."
        );
        // A draft from a shorter version of the questionnaire: the rest are unanswered.
        assert_eq!(unanswered(Questionnaire::Gad7, &[Some(0); 5]), vec![5, 6]);
        assert!(unanswered(Questionnaire::Gad7, &[Some(0); 7]).is_empty());
    }

    #[test]
    fn item_nine_above_zero_calls_for_help() {
        let mut answers = all(Questionnaire::Phq9, 0);
        let c = CheckIn::new(Questionnaire::Phq9, &answers, 0, 0).unwrap();
        assert!(!c.needs_safety_response());
        answers[8] = Some(1);
        let c = CheckIn::new(Questionnaire::Phq9, &answers, 0, 0).unwrap();
        assert!(c.needs_safety_response());
        assert_eq!(c.score(), 1, "the score is never hidden or changed");
        assert_eq!(c.band().name, "Minimal");
        // Only PHQ-9 has an item 9 of that kind.
        assert!(
            !CheckIn::new(Questionnaire::Gad7, &all(Questionnaire::Gad7, 3), 0, 0)
                .unwrap()
                .needs_safety_response()
        );
    }

    #[test]
    fn item_nine_counts_from_live_answers_before_the_rest() {
        let mut answers = vec![None; 9];
        assert!(!item9_answered(Questionnaire::Phq9, &answers));
        answers[8] = Some(0);
        assert!(!item9_answered(Questionnaire::Phq9, &answers));
        answers[8] = Some(2);
        assert!(
            item9_answered(Questionnaire::Phq9, &answers),
            "other items unanswered"
        );
        assert!(!item9_answered(Questionnaire::Gad7, &answers));
        assert!(!item9_answered(Questionnaire::Phq9, &answers[..5]));
    }
}
