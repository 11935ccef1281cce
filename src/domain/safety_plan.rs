//! The safety plan: the six Stanley-Brown steps in their order, plus what matters most.
//! One record per person; each step is a list the person fills.

use serde::{Deserialize, Serialize};

use super::crisis::{parse_phone, PhoneError};
use super::record::{Body, Kind};

/// Longest item, in characters.
pub const MAX_ITEM_CHARS: usize = 500;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    WarningSigns,
    OwnCoping,
    Distraction,
    AskForHelp,
    Professionals,
    SafeEnvironment,
    MattersMost,
}

impl Step {
    /// In the order of the plan.
    pub const ALL: [Step; 7] = [
        Step::WarningSigns,
        Step::OwnCoping,
        Step::Distraction,
        Step::AskForHelp,
        Step::Professionals,
        Step::SafeEnvironment,
        Step::MattersMost,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Step::WarningSigns => "Warning signs",
            Step::OwnCoping => "Things I can do on my own",
            Step::Distraction => "People and places that take my mind off things",
            Step::AskForHelp => "People I can ask for help",
            Step::Professionals => "Professionals and services I can contact",
            Step::SafeEnvironment => "Making where I am safer",
            Step::MattersMost => "What matters most to me",
        }
    }

    pub fn guidance(self) -> &'static str {
        match self {
            Step::WarningSigns => "The thoughts, pictures, moods or situations that tend to come before things get really hard for you.",
            Step::OwnCoping => "Small things you can do by yourself to ride out a hard moment, like a walk, music or a breathing exercise.",
            Step::Distraction => "People you can be around, and places you can go, that help you think about something else for a while.",
            Step::AskForHelp => "People you trust and could tell that you're struggling. Add their number so you can call or text in one tap.",
            Step::Professionals => "Your therapist, your doctor, a crisis line or urgent care. Add their number.",
            Step::SafeEnvironment => "Ways to keep yourself safer when things are hard, such as putting away or handing over things you could use to hurt yourself.",
            Step::MattersMost => "The people, things or hopes that make life worth living for you.",
        }
    }

    /// Whether an item of this step may carry a phone number.
    pub fn has_phone(self) -> bool {
        matches!(
            self,
            Step::Distraction | Step::AskForHelp | Step::Professionals
        )
    }

    /// What the add field asks for.
    pub fn item_label(self) -> &'static str {
        match self {
            Step::WarningSigns => "A warning sign",
            Step::OwnCoping => "Something I can do",
            Step::Distraction => "A person or place",
            Step::AskForHelp | Step::Professionals => "Name",
            Step::SafeEnvironment => "A way to be safer",
            Step::MattersMost => "Something that matters to me",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PlanItem {
    pub text: String,
    /// As typed; empty when there is none.
    #[serde(default)]
    pub phone: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ItemError {
    #[error("item is empty")]
    Empty,
    #[error("item too long")]
    TooLong,
    #[error("phone number: {0}")]
    Phone(PhoneError),
}

impl PlanItem {
    pub fn new(step: Step, text: &str, phone: &str) -> Result<PlanItem, ItemError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ItemError::Empty);
        }
        if text.chars().count() > MAX_ITEM_CHARS {
            return Err(ItemError::TooLong);
        }
        let phone = phone.trim();
        if step.has_phone() && !phone.is_empty() {
            parse_phone(phone).map_err(ItemError::Phone)?;
        }
        let phone = if step.has_phone() {
            phone.to_string()
        } else {
            String::new()
        };
        Ok(PlanItem {
            text: text.to_string(),
            phone,
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SafetyPlan {
    #[serde(default)]
    pub warning_signs: Vec<PlanItem>,
    #[serde(default)]
    pub own_coping: Vec<PlanItem>,
    #[serde(default)]
    pub distraction: Vec<PlanItem>,
    #[serde(default)]
    pub ask_for_help: Vec<PlanItem>,
    #[serde(default)]
    pub professionals: Vec<PlanItem>,
    #[serde(default)]
    pub safe_environment: Vec<PlanItem>,
    #[serde(default)]
    pub matters_most: Vec<PlanItem>,
}

impl Body for SafetyPlan {
    const KIND: Kind = Kind::SafetyPlan;
}

impl SafetyPlan {
    pub fn items(&self, step: Step) -> &Vec<PlanItem> {
        match step {
            Step::WarningSigns => &self.warning_signs,
            Step::OwnCoping => &self.own_coping,
            Step::Distraction => &self.distraction,
            Step::AskForHelp => &self.ask_for_help,
            Step::Professionals => &self.professionals,
            Step::SafeEnvironment => &self.safe_environment,
            Step::MattersMost => &self.matters_most,
        }
    }

    pub fn items_mut(&mut self, step: Step) -> &mut Vec<PlanItem> {
        match step {
            Step::WarningSigns => &mut self.warning_signs,
            Step::OwnCoping => &mut self.own_coping,
            Step::Distraction => &mut self.distraction,
            Step::AskForHelp => &mut self.ask_for_help,
            Step::Professionals => &mut self.professionals,
            Step::SafeEnvironment => &mut self.safe_environment,
            Step::MattersMost => &mut self.matters_most,
        }
    }

    pub fn is_empty(&self) -> bool {
        Step::ALL.iter().all(|&s| self.items(s).is_empty())
    }

    /// The plan as plain text, to print or share: numbered steps, filled ones only.
    pub fn to_text(&self) -> String {
        let mut out = String::from("My safety plan\n");
        let mut n = 0;
        for step in Step::ALL {
            let items = self.items(step);
            if step != Step::MattersMost {
                n += 1;
            }
            if items.is_empty() {
                continue;
            }
            out.push('\n');
            if step == Step::MattersMost {
                out.push_str(step.title());
            } else {
                out.push_str(&format!("{n}. {}", step.title()));
            }
            out.push('\n');
            for item in items {
                out.push_str("- ");
                out.push_str(&item.text);
                if !item.phone.is_empty() {
                    out.push_str(": ");
                    out.push_str(&item.phone);
                }
                out.push('\n');
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_follow_stanley_brown_order() {
        let titles: Vec<_> = Step::ALL.iter().map(|s| s.title()).collect();
        assert_eq!(titles[0], "Warning signs");
        assert_eq!(titles[3], "People I can ask for help");
        assert_eq!(titles[5], "Making where I am safer");
        assert_eq!(titles[6], "What matters most to me");
    }

    #[test]
    fn items_are_checked() {
        assert_eq!(
            PlanItem::new(Step::WarningSigns, " ", ""),
            Err(ItemError::Empty)
        );
        assert_eq!(
            PlanItem::new(Step::AskForHelp, "Jo", "phone"),
            Err(ItemError::Phone(PhoneError::NotANumber))
        );
        let jo = PlanItem::new(Step::AskForHelp, " Jo ", " 555-0100 ").unwrap();
        assert_eq!(
            jo,
            PlanItem {
                text: "Jo".into(),
                phone: "555-0100".into()
            }
        );
        // Steps without people drop a phone.
        assert_eq!(
            PlanItem::new(Step::WarningSigns, "a", "1").unwrap().phone,
            ""
        );
    }

    #[test]
    fn text_lists_filled_steps_with_their_numbers() {
        let mut plan = SafetyPlan::default();
        assert!(plan.is_empty());
        plan.warning_signs
            .push(PlanItem::new(Step::WarningSigns, "Not sleeping", "").unwrap());
        plan.ask_for_help
            .push(PlanItem::new(Step::AskForHelp, "Jo", "555 0100").unwrap());
        plan.matters_most
            .push(PlanItem::new(Step::MattersMost, "My dog", "").unwrap());
        assert_eq!(
            plan.to_text(),
            "My safety plan\n\n1. Warning signs\n- Not sleeping\n\n4. People I can ask for help\n- Jo: 555 0100\n\nWhat matters most to me\n- My dog\n"
        );
    }
}
