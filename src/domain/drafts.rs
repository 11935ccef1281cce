//! What a form holds while it is typed, for forms whose record has no draft type of
//! its own: kept as a draft (`Kind::Draft`) so a closed tab loses nothing.

use serde::{Deserialize, Serialize};

use super::coping::{CardKind, CopingCard};
use super::record::{Body, Kind};

/// The coping card form, new or edited: the fields as typed. The photo itself is not
/// kept in the draft (it is chosen again).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardDraft {
    pub kind: CardKind,
    pub title: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub phone: String,
}

impl Default for CardDraft {
    fn default() -> CardDraft {
        CardDraft {
            kind: CardKind::Skill,
            title: String::new(),
            text: String::new(),
            phone: String::new(),
        }
    }
}

impl CardDraft {
    pub fn of(card: &CopingCard) -> CardDraft {
        CardDraft {
            kind: card.kind,
            title: card.title.clone(),
            text: card.text.clone(),
            phone: card.phone.clone(),
        }
    }
}

impl Body for CardDraft {
    const KIND: Kind = Kind::Draft;
}

/// A new item for one step of the safety plan, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanItemDraft {
    pub text: String,
    #[serde(default)]
    pub phone: String,
}

impl Body for PlanItemDraft {
    const KIND: Kind = Kind::Draft;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_draft_keeps_the_fields_as_typed() {
        let card = CopingCard::new(
            CardKind::Person,
            "Sam",
            "my sister",
            "+44 7700 900123",
            None,
        )
        .unwrap();
        let d = CardDraft::of(&card);
        assert_eq!(
            (d.kind, d.title.as_str(), d.phone.as_str()),
            (CardKind::Person, "Sam", "+44 7700 900123")
        );
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(serde_json::from_str::<CardDraft>(&json).unwrap(), d);
        // A draft written before a field existed still reads.
        let old: CardDraft = serde_json::from_str(r#"{"kind":"skill","title":"Breathe"}"#).unwrap();
        assert_eq!(old.text, "");
    }
}
