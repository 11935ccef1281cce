//! Guided exercises for "I'm struggling": the breathing pacer's timing, 5-4-3-2-1
//! grounding and progressive muscle relaxation, from shared/content/clinical.md.
//!
//! The pacer is a pure function of the seconds since it started; the screen ticks.

/// A breathing pattern the pacer can lead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pattern {
    /// In 4, hold 4, out 4, hold 4.
    Box,
    /// In 4, hold 7, out 8.
    FourSevenEight,
    /// About 6 breaths a minute: in 4, out 6.
    Paced,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    In,
    /// Holding after breathing in (the circle stays large).
    HoldFull,
    Out,
    /// Holding after breathing out (the circle stays small).
    HoldEmpty,
}

impl Phase {
    /// The cue shown and announced.
    pub fn cue(self) -> &'static str {
        match self {
            Phase::In => "Breathe in",
            Phase::HoldFull | Phase::HoldEmpty => "Hold",
            Phase::Out => "Breathe out",
        }
    }
}

/// Where the pacer is at a moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Beat {
    pub phase: Phase,
    /// How long this phase lasts, in seconds.
    pub length: u32,
    /// Seconds left in this phase, counting down to 1.
    pub left: u32,
    /// Which round, from 1.
    pub round: u32,
}

impl Pattern {
    pub const ALL: [Pattern; 3] = [Pattern::Box, Pattern::FourSevenEight, Pattern::Paced];

    /// The phases of one round, with their length in seconds.
    pub fn phases(self) -> &'static [(Phase, u32)] {
        match self {
            Pattern::Box => &[
                (Phase::In, 4),
                (Phase::HoldFull, 4),
                (Phase::Out, 4),
                (Phase::HoldEmpty, 4),
            ],
            Pattern::FourSevenEight => &[(Phase::In, 4), (Phase::HoldFull, 7), (Phase::Out, 8)],
            Pattern::Paced => &[(Phase::In, 4), (Phase::Out, 6)],
        }
    }

    /// How many rounds a session leads: box and 4-7-8 four (as the sources suggest
    /// to start with), paced breathing six (about a minute).
    pub fn rounds(self) -> u32 {
        match self {
            Pattern::Box | Pattern::FourSevenEight => 4,
            Pattern::Paced => 6,
        }
    }

    pub fn round_seconds(self) -> u32 {
        self.phases().iter().map(|(_, s)| s).sum()
    }

    pub fn name(self) -> &'static str {
        match self {
            Pattern::Box => "Box breathing",
            Pattern::FourSevenEight => "4-7-8 breathing",
            Pattern::Paced => "Slow, even breathing",
        }
    }

    pub fn how(self) -> &'static str {
        match self {
            Pattern::Box => "In for 4, hold for 4, out for 4, hold for 4.",
            Pattern::FourSevenEight => "In through your nose for 4, hold for 7, out through your mouth for 8. If you feel light-headed, it passes.",
            Pattern::Paced => "In for 4, out for 6: about six breaths a minute.",
        }
    }

    /// The beat `elapsed` whole seconds after starting; `None` once every round is done.
    pub fn beat_at(self, elapsed: u32) -> Option<Beat> {
        let round_len = self.round_seconds();
        let round = elapsed / round_len;
        if round >= self.rounds() {
            return None;
        }
        let mut t = elapsed % round_len;
        for &(phase, length) in self.phases() {
            if t < length {
                return Some(Beat {
                    phase,
                    length,
                    left: length - t,
                    round: round + 1,
                });
            }
            t -= length;
        }
        None
    }
}

/// One step of 5-4-3-2-1 grounding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GroundingStep {
    pub count: u32,
    pub sense: &'static str,
    pub prompt: &'static str,
}

/// A few slow breaths come first (shown before these), then the senses in this order.
pub const GROUNDING: [GroundingStep; 5] = [
    GroundingStep {
        count: 5,
        sense: "see",
        prompt: "Look around. Name 5 things you can see.",
    },
    GroundingStep {
        count: 4,
        sense: "touch",
        prompt: "Name 4 things you can touch or feel.",
    },
    GroundingStep {
        count: 3,
        sense: "hear",
        prompt: "Listen. Name 3 things you can hear.",
    },
    GroundingStep {
        count: 2,
        sense: "smell",
        prompt: "Name 2 things you can smell.",
    },
    GroundingStep {
        count: 1,
        sense: "taste",
        prompt: "Name 1 thing you can taste.",
    },
];

/// Muscle groups for progressive muscle relaxation, from the feet to the face.
pub const MUSCLE_GROUPS: [(&str, &str); 7] = [
    ("Feet", "Curl your toes and press your feet down."),
    ("Legs", "Tighten your calves and thighs."),
    ("Stomach", "Pull your stomach in."),
    ("Hands", "Make fists."),
    ("Arms", "Bend your arms and tighten them."),
    ("Shoulders", "Lift your shoulders towards your ears."),
    ("Face", "Scrunch your eyes and face."),
];

/// Tense for about this long (clinical.md: 5-10 s).
pub const TENSE_SECONDS: u32 = 5;
/// Then notice the difference for about this long (clinical.md: 15-30 s).
pub const RELEASE_SECONDS: u32 = 15;

#[cfg(test)]
mod tests {
    use super::*;

    fn sequence(p: Pattern) -> Vec<(Phase, u32, u32)> {
        (0..)
            .map_while(|t| p.beat_at(t))
            .map(|b| (b.phase, b.left, b.round))
            .collect()
    }

    #[test]
    fn box_breathing_is_four_four_four_four_for_four_rounds() {
        let s = sequence(Pattern::Box);
        assert_eq!(s.len(), 64);
        let first: Vec<_> = s[..16].iter().map(|&(p, l, _)| (p, l)).collect();
        use Phase::*;
        assert_eq!(
            first,
            vec![
                (In, 4),
                (In, 3),
                (In, 2),
                (In, 1),
                (HoldFull, 4),
                (HoldFull, 3),
                (HoldFull, 2),
                (HoldFull, 1),
                (Out, 4),
                (Out, 3),
                (Out, 2),
                (Out, 1),
                (HoldEmpty, 4),
                (HoldEmpty, 3),
                (HoldEmpty, 2),
                (HoldEmpty, 1),
            ]
        );
        assert_eq!(s[16], (In, 4, 2));
        assert_eq!(s[63], (HoldEmpty, 1, 4));
        assert_eq!(Pattern::Box.beat_at(64), None);
    }

    #[test]
    fn four_seven_eight_phases_change_at_4_11_and_19() {
        let p = Pattern::FourSevenEight;
        assert_eq!(p.round_seconds(), 19);
        assert_eq!(p.beat_at(0).unwrap().phase, Phase::In);
        assert_eq!(p.beat_at(3).unwrap().phase, Phase::In);
        let hold = p.beat_at(4).unwrap();
        assert_eq!(
            (hold.phase, hold.length, hold.left),
            (Phase::HoldFull, 7, 7)
        );
        assert_eq!(p.beat_at(10).unwrap().phase, Phase::HoldFull);
        let out = p.beat_at(11).unwrap();
        assert_eq!((out.phase, out.length, out.left), (Phase::Out, 8, 8));
        assert_eq!(p.beat_at(18).unwrap().left, 1);
        assert_eq!(
            p.beat_at(19).unwrap(),
            Beat {
                phase: Phase::In,
                length: 4,
                left: 4,
                round: 2
            }
        );
        assert_eq!(p.beat_at(4 * 19 - 1).unwrap().round, 4);
        assert_eq!(p.beat_at(4 * 19), None);
    }

    #[test]
    fn paced_breathing_is_about_six_a_minute() {
        let p = Pattern::Paced;
        assert_eq!(p.round_seconds(), 10);
        assert_eq!(60 / p.round_seconds(), 6);
        let phases: Vec<_> = sequence(p).iter().map(|s| s.0).collect();
        assert_eq!(phases.iter().filter(|&&ph| ph == Phase::In).count(), 4 * 6);
        assert_eq!(phases.iter().filter(|&&ph| ph == Phase::Out).count(), 6 * 6);
        assert!(!phases.contains(&Phase::HoldFull));
    }

    #[test]
    fn cues_are_plain_words() {
        assert_eq!(Phase::In.cue(), "Breathe in");
        assert_eq!(Phase::HoldFull.cue(), "Hold");
        assert_eq!(Phase::HoldEmpty.cue(), "Hold");
        assert_eq!(Phase::Out.cue(), "Breathe out");
    }

    #[test]
    fn grounding_counts_down_five_to_one() {
        let counts: Vec<u32> = GROUNDING.iter().map(|s| s.count).collect();
        assert_eq!(counts, vec![5, 4, 3, 2, 1]);
    }
}
