//! Coping cards: what a person keeps in their coping box, the starter deck, and how a
//! card is drawn in "I'm struggling" (favourites come up more often).
//!
//! No randomness here: callers pass a number in `0.0..1.0`.

use serde::{Deserialize, Serialize};

use super::crisis::{parse_phone, PhoneError};
use super::record::{Body, Kind};

/// Longest card title, in characters.
pub const MAX_TITLE_CHARS: usize = 200;
/// Longest card text, in characters.
pub const MAX_TEXT_CHARS: usize = 4_000;
/// A favourite is this many times as likely to be drawn as another card.
pub const FAVOURITE_WEIGHT: u32 = 3;

/// What a card is. Stored by name; names never change.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CardKind {
    #[default]
    Skill,
    Affirmation,
    Grounding,
    Breathing,
    Distraction,
    Comfort,
    Photo,
    Reason,
    Person,
}

impl CardKind {
    pub const ALL: [CardKind; 9] = [
        CardKind::Skill,
        CardKind::Affirmation,
        CardKind::Grounding,
        CardKind::Breathing,
        CardKind::Distraction,
        CardKind::Comfort,
        CardKind::Photo,
        CardKind::Reason,
        CardKind::Person,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CardKind::Skill => "skill",
            CardKind::Affirmation => "affirmation",
            CardKind::Grounding => "grounding",
            CardKind::Breathing => "breathing",
            CardKind::Distraction => "distraction",
            CardKind::Comfort => "comfort",
            CardKind::Photo => "photo",
            CardKind::Reason => "reason",
            CardKind::Person => "person",
        }
    }

    pub fn parse(s: &str) -> Option<CardKind> {
        CardKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The kind's name as a person reads it.
    pub fn label(self) -> &'static str {
        match self {
            CardKind::Skill => "Skill from therapy",
            CardKind::Affirmation => "Affirmation",
            CardKind::Grounding => "Grounding",
            CardKind::Breathing => "Breathing or mindfulness",
            CardKind::Distraction => "Distraction",
            CardKind::Comfort => "Comfort or sensory item",
            CardKind::Photo => "Photo",
            CardKind::Reason => "Reason for living",
            CardKind::Person => "Person to reach out to",
        }
    }
}

/// One card in the coping box.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CopingCard {
    pub kind: CardKind,
    /// The card's words (a person's name for `Person`, a caption for `Photo`).
    pub title: String,
    #[serde(default)]
    pub text: String,
    /// For `Person`: the number as typed (dial it through `crisis::tel_href`).
    #[serde(default)]
    pub phone: String,
    /// For `Photo`: the id of the picture in the store's blobs.
    #[serde(default)]
    pub photo: Option<String>,
    #[serde(default)]
    pub favourite: bool,
    /// Place in the box: smaller comes first.
    #[serde(default)]
    pub order: i64,
    /// Came from the starter deck.
    #[serde(default)]
    pub starter: bool,
}

impl Body for CopingCard {
    const KIND: Kind = Kind::CopingCard;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CardError {
    #[error("card has no words")]
    Empty,
    #[error("card text too long")]
    TooLong,
    #[error("person has no phone number")]
    NoPhone,
    #[error("phone number: {0}")]
    Phone(PhoneError),
    #[error("photo card without a photo")]
    NoPhoto,
}

impl CopingCard {
    /// Checks a card before it is saved. A photo card may go without a caption; a
    /// person needs a name and a number that can be dialled.
    pub fn new(
        kind: CardKind,
        title: &str,
        text: &str,
        phone: &str,
        photo: Option<String>,
    ) -> Result<CopingCard, CardError> {
        let title = title.trim();
        if title.is_empty() && kind != CardKind::Photo {
            return Err(CardError::Empty);
        }
        if title.chars().count() > MAX_TITLE_CHARS || text.chars().count() > MAX_TEXT_CHARS {
            return Err(CardError::TooLong);
        }
        let phone = if kind == CardKind::Person {
            if phone.trim().is_empty() {
                return Err(CardError::NoPhone);
            }
            parse_phone(phone).map_err(CardError::Phone)?;
            phone.trim().to_string()
        } else {
            String::new()
        };
        if kind == CardKind::Photo && photo.is_none() {
            return Err(CardError::NoPhoto);
        }
        Ok(CopingCard {
            kind,
            title: title.to_string(),
            text: text.trim().to_string(),
            phone,
            photo: if kind == CardKind::Photo { photo } else { None },
            ..CopingCard::default()
        })
    }
}

/// Which card to draw: each card's weight is 1, a favourite's [`FAVOURITE_WEIGHT`];
/// `avoid` (the card shown just before) is skipped when there is another one.
/// `r` is a random number in `0.0..1.0`. Returns an index into `favourites`.
pub fn draw(favourites: &[bool], avoid: Option<usize>, r: f64) -> Option<usize> {
    let weight = |i: usize, fav: bool| -> u32 {
        if Some(i) == avoid && favourites.len() > 1 {
            0
        } else if fav {
            FAVOURITE_WEIGHT
        } else {
            1
        }
    };
    let total: u32 = favourites
        .iter()
        .enumerate()
        .map(|(i, &f)| weight(i, f))
        .sum();
    if total == 0 {
        return None;
    }
    let target = (r.clamp(0.0, 1.0) * total as f64) as u32;
    let target = target.min(total - 1);
    let mut acc = 0;
    for (i, &fav) in favourites.iter().enumerate() {
        acc += weight(i, fav);
        if target < acc {
            return Some(i);
        }
    }
    None
}

/// The size to scale a photo to: the longest side at most `max`, keeping the shape.
pub fn scaled_size(width: u32, height: u32, max: u32) -> (u32, u32) {
    let longest = width.max(height);
    if longest <= max || longest == 0 {
        return (width, height);
    }
    let scale = |side: u32| {
        ((side as u64 * max as u64 + longest as u64 / 2) / longest as u64).max(1) as u32
    };
    (scale(width), scale(height))
}

/// Largest photo file accepted before decoding, in bytes.
pub const MAX_PHOTO_BYTES: f64 = 30.0 * 1024.0 * 1024.0;
/// Longest side of a kept photo, in pixels.
pub const PHOTO_MAX_SIDE: u32 = 1600;

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PhotoError {
    #[error("not an image")]
    NotAnImage,
    #[error("file too large")]
    TooLarge,
    #[error("image could not be decoded")]
    Undecodable,
}

/// Checks a chosen file by its type and size, before anything is decoded.
pub fn check_photo(mime: &str, bytes: f64) -> Result<(), PhotoError> {
    if !mime.starts_with("image/") {
        return Err(PhotoError::NotAnImage);
    }
    if bytes > MAX_PHOTO_BYTES {
        return Err(PhotoError::TooLarge);
    }
    Ok(())
}

/// The starter deck: facts from shared/content/clinical.md, in our own words.
pub fn starter_deck() -> Vec<CopingCard> {
    use CardKind::*;
    let cards: [(CardKind, &str, &str); 26] = [
        (Grounding, "5-4-3-2-1", "Take a few slow breaths. Then name 5 things you can see, 4 you can touch, 3 you can hear, 2 you can smell and 1 you can taste."),
        (Grounding, "Feet on the floor", "Press your feet into the floor and notice how it holds you up. Say where you are and what day it is."),
        (Grounding, "Hold something cold", "Hold an ice cube or a cold glass, or splash cool water on your face. Notice the feeling until it fades."),
        (Breathing, "Box breathing", "Breathe in for 4, hold for 4, breathe out for 4, hold for 4. Go round the box at least 4 times."),
        (Breathing, "4-7-8 breathing", "In through your nose for 4, hold for 7, out through your mouth for 8. Start with 4 rounds. If you feel light-headed, it passes."),
        (Breathing, "Slow, even breathing", "Breathe in for 4 and out for 6, about 6 breaths a minute. Let the out-breath be the longer one."),
        (Breathing, "Relax one muscle at a time", "Tense a group of muscles gently for about 5 to 10 seconds, never to pain, then let go and notice the difference for 15 to 30 seconds. Move from your feet up to your face. If you have an injury, high blood pressure or heart trouble, check with a doctor first."),
        (Breathing, "One minute of noticing", "Sit still for a minute and just notice your breath going in and out. When your mind wanders, gently come back."),
        (Distraction, "Go for a short walk", "Even ten minutes around the block. Notice what you pass."),
        (Distraction, "Put on a song you love", "Sing along, or just listen all the way through."),
        (Distraction, "Tidy one small thing", "A drawer, a shelf, the sink. Something you can finish."),
        (Distraction, "Count backwards from 100 by 7", "It keeps the mind busy for a little while."),
        (Distraction, "Watch something gentle", "A comfort show or a funny video you know well."),
        (Distraction, "Do a puzzle or a game", "A crossword, a sudoku, a card game, anything that needs a bit of focus."),
        (Comfort, "Wrap up warm", "A blanket, a soft jumper, a warm drink held in both hands."),
        (Comfort, "A smell I like", "Hand cream, a candle, fresh coffee, an orange. Breathe it in slowly."),
        (Comfort, "A warm shower or bath", "Let the water do some of the work."),
        (Affirmation, "This feeling will pass", "Feelings rise and fall like waves. I have got through hard moments before."),
        (Affirmation, "I am doing the best I can", "Right now, that is enough."),
        (Affirmation, "I deserve kindness, also from me", "I can talk to myself the way I would talk to a friend."),
        (Affirmation, "One step at a time", "I don't have to fix everything today. Just the next small thing."),
        (Affirmation, "Asking for help is strong", "Reaching out is a skill, not a weakness."),
        (Skill, "Name it to tame it", "Say what you feel in a few words: \"I'm feeling scared and tired.\" Naming a feeling can make it a little smaller."),
        (Skill, "Check the thought", "What is the evidence for this thought, and against it? What would I tell a friend who thought it?"),
        (Skill, "Write it down", "Put the thoughts on paper for five minutes, then close the notebook."),
        (Reason, "Add a reason for living", "Edit this card: someone or something that matters to you, or something you are looking forward to."),
    ];
    cards
        .into_iter()
        .enumerate()
        .map(|(i, (kind, title, text))| CopingCard {
            kind,
            title: title.into(),
            text: text.into(),
            order: i as i64,
            starter: true,
            ..CopingCard::default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_round_trip() {
        for k in CardKind::ALL {
            assert_eq!(CardKind::parse(k.as_str()), Some(k));
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.as_str())
            );
        }
    }

    #[test]
    fn a_card_needs_words_and_a_person_a_number() {
        assert_eq!(
            CopingCard::new(CardKind::Skill, "  ", "", "", None),
            Err(CardError::Empty)
        );
        assert_eq!(
            CopingCard::new(CardKind::Person, "Sam", "", "", None),
            Err(CardError::NoPhone)
        );
        assert_eq!(
            CopingCard::new(CardKind::Person, "Sam", "", "07700 CALL", None),
            Err(CardError::Phone(PhoneError::NotANumber))
        );
        let sam = CopingCard::new(CardKind::Person, " Sam ", "", "+44 7700 900-123", None).unwrap();
        assert_eq!(sam.title, "Sam");
        assert_eq!(sam.phone, "+44 7700 900-123");
        assert_eq!(
            CopingCard::new(CardKind::Photo, "", "", "", None),
            Err(CardError::NoPhoto)
        );
        let photo = CopingCard::new(CardKind::Photo, "", "", "", Some("b1".into())).unwrap();
        assert_eq!(photo.photo.as_deref(), Some("b1"));
        // A phone on a card that is not a person is dropped.
        assert_eq!(
            CopingCard::new(CardKind::Skill, "x", "", "123", None)
                .unwrap()
                .phone,
            ""
        );
        assert_eq!(
            CopingCard::new(
                CardKind::Skill,
                &"a".repeat(MAX_TITLE_CHARS + 1),
                "",
                "",
                None
            ),
            Err(CardError::TooLong)
        );
    }

    #[test]
    fn draw_weights_favourites_three_to_one() {
        let favs = [false, true, false];
        // Total weight 5: [0,1) -> 0, [1,4) -> 1, [4,5) -> 2.
        let pick = |r: f64| draw(&favs, None, r);
        assert_eq!(pick(0.0), Some(0));
        assert_eq!(pick(0.19), Some(0));
        assert_eq!(pick(0.2), Some(1));
        assert_eq!(pick(0.79), Some(1));
        assert_eq!(pick(0.8), Some(2));
        assert_eq!(pick(0.9999), Some(2));
        assert_eq!(pick(1.0), Some(2));
        // Over an even spread of r, the favourite comes up three times as often.
        let mut counts = [0; 3];
        for i in 0..1000 {
            counts[pick(i as f64 / 1000.0).unwrap()] += 1;
        }
        assert_eq!(counts, [200, 600, 200]);
    }

    #[test]
    fn draw_skips_the_card_just_shown_when_there_is_another() {
        let favs = [true, false];
        for i in 0..100 {
            assert_eq!(draw(&favs, Some(0), i as f64 / 100.0), Some(1));
        }
        assert_eq!(
            draw(&[false], Some(0), 0.5),
            Some(0),
            "a single card can come again"
        );
        assert_eq!(draw(&[], None, 0.5), None);
    }

    #[test]
    fn photos_scale_to_the_longest_side() {
        assert_eq!(scaled_size(4000, 3000, 1600), (1600, 1200));
        assert_eq!(scaled_size(3000, 4000, 1600), (1200, 1600));
        assert_eq!(scaled_size(800, 600, 1600), (800, 600));
        assert_eq!(scaled_size(10000, 1, 1600), (1600, 1));
    }

    #[test]
    fn photo_files_are_checked_before_decoding() {
        assert_eq!(check_photo("image/jpeg", 2e6), Ok(()));
        assert_eq!(check_photo("text/plain", 10.0), Err(PhotoError::NotAnImage));
        assert_eq!(check_photo("", 10.0), Err(PhotoError::NotAnImage));
        assert_eq!(
            check_photo("image/png", 50.0 * 1024.0 * 1024.0),
            Err(PhotoError::TooLarge)
        );
    }

    #[test]
    fn starter_deck_has_two_dozen_valid_cards_across_kinds() {
        let deck = starter_deck();
        assert!(deck.len() >= 24);
        for kind in [
            CardKind::Grounding,
            CardKind::Breathing,
            CardKind::Distraction,
            CardKind::Affirmation,
            CardKind::Skill,
            CardKind::Comfort,
            CardKind::Reason,
        ] {
            assert!(deck.iter().any(|c| c.kind == kind), "{kind:?}");
        }
        for c in &deck {
            assert!(c.starter);
            assert!(
                CopingCard::new(c.kind, &c.title, &c.text, "", None).is_ok(),
                "{}",
                c.title
            );
        }
        let mut orders: Vec<i64> = deck.iter().map(|c| c.order).collect();
        orders.dedup();
        assert_eq!(orders.len(), deck.len());
    }

    #[test]
    fn old_cards_without_new_fields_still_decode() {
        let c: CopingCard = serde_json::from_str(r#"{"kind":"affirmation","title":"Hi"}"#).unwrap();
        assert_eq!(c.kind, CardKind::Affirmation);
        assert!(!c.favourite);
    }
}
