//! Today's prompt, which changes with the day: early in the week, plan something to
//! look forward to; mid-week, rest; towards the weekend, notice what went well. When
//! the day's own suggestion is already done this week, the next one that is not;
//! nothing when all three are.

use chrono::Weekday;

use super::route::Route;

/// One of the day's gentle suggestions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nudge {
    PlanSomething,
    Rest,
    NoteWin,
}

impl Nudge {
    /// The question, in a few warm words.
    pub fn words(self) -> &'static str {
        match self {
            Nudge::PlanSomething => "Is there something small to look forward to this week?",
            Nudge::Rest => "Therapy is hard work. Has there been time to really rest this week?",
            Nudge::NoteWin => "What went well this week, however small?",
        }
    }

    /// The link's words.
    pub fn action(self) -> &'static str {
        match self {
            Nudge::PlanSomething => "Plan something nice",
            Nudge::Rest => "Make time to rest",
            Nudge::NoteWin => "Note a win",
        }
    }

    /// Where the link goes.
    pub fn route(self) -> Route {
        match self {
            Nudge::PlanSomething => Route::LookForward,
            Nudge::Rest => Route::Rest,
            Nudge::NoteWin => Route::Progress,
        }
    }
}

/// What this week already holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WeekSoFar {
    /// Something planned to look forward to.
    pub planned: bool,
    /// Rest logged.
    pub rested: bool,
    /// A win noted (or the before-session prompt already asks for one).
    pub win: bool,
}

/// The day's prompt: the weekday's own suggestion first, then the others, leaving
/// out what the week already has.
pub fn day_prompt(day: Weekday, week: WeekSoFar) -> Option<Nudge> {
    use Nudge::*;
    let order = match day {
        Weekday::Mon | Weekday::Tue => [PlanSomething, Rest, NoteWin],
        Weekday::Wed | Weekday::Thu => [Rest, PlanSomething, NoteWin],
        Weekday::Fri | Weekday::Sat | Weekday::Sun => [NoteWin, Rest, PlanSomething],
    };
    order.into_iter().find(|n| match n {
        PlanSomething => !week.planned,
        Rest => !week.rested,
        NoteWin => !week.win,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prompt_changes_with_the_day() {
        let empty = WeekSoFar::default();
        assert_eq!(day_prompt(Weekday::Mon, empty), Some(Nudge::PlanSomething));
        assert_eq!(day_prompt(Weekday::Tue, empty), Some(Nudge::PlanSomething));
        assert_eq!(day_prompt(Weekday::Wed, empty), Some(Nudge::Rest));
        assert_eq!(day_prompt(Weekday::Thu, empty), Some(Nudge::Rest));
        assert_eq!(day_prompt(Weekday::Fri, empty), Some(Nudge::NoteWin));
        assert_eq!(day_prompt(Weekday::Sun, empty), Some(Nudge::NoteWin));
    }

    #[test]
    fn what_the_week_has_is_not_asked_for_again() {
        let planned = WeekSoFar {
            planned: true,
            ..Default::default()
        };
        assert_eq!(day_prompt(Weekday::Mon, planned), Some(Nudge::Rest));
        let won = WeekSoFar {
            win: true,
            ..Default::default()
        };
        assert_eq!(day_prompt(Weekday::Sat, won), Some(Nudge::Rest));
        let rested_and_won = WeekSoFar {
            rested: true,
            win: true,
            planned: false,
        };
        assert_eq!(
            day_prompt(Weekday::Fri, rested_and_won),
            Some(Nudge::PlanSomething)
        );
        let all = WeekSoFar {
            planned: true,
            rested: true,
            win: true,
        };
        for day in [Weekday::Mon, Weekday::Wed, Weekday::Fri, Weekday::Sun] {
            assert_eq!(day_prompt(day, all), None, "{day:?}: nothing to add");
        }
    }

    #[test]
    fn each_prompt_leads_somewhere() {
        assert_eq!(Nudge::PlanSomething.route(), Route::LookForward);
        assert_eq!(Nudge::Rest.route(), Route::Rest);
        assert_eq!(Nudge::NoteWin.route(), Route::Progress);
        for n in [Nudge::PlanSomething, Nudge::Rest, Nudge::NoteWin] {
            assert!(n.words().ends_with('?'));
            assert!(!n.action().is_empty());
        }
    }
}
