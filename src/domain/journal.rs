//! Journal entries. The foundation keeps the written text and when it was written;
//! mood, emotions, symptoms and triggers come with the journal feature.

use serde::{Deserialize, Serialize};

use super::record::{Body, Kind, Millis};

/// Longest entry text accepted, in characters: a long letter, far from a pasted book.
pub const MAX_TEXT_CHARS: usize = 20_000;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct JournalEntry {
    /// When the entry is about (defaults to when it was written).
    pub at: Millis,
    #[serde(default)]
    pub text: String,
}

impl Body for JournalEntry {
    const KIND: Kind = Kind::JournalEntry;
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EntryError {
    #[error("entry is empty")]
    Empty,
    #[error("entry is longer than {MAX_TEXT_CHARS} characters")]
    TooLong,
}

impl JournalEntry {
    /// Checks an entry before it is saved. Text is kept as typed, only trimmed for the check.
    pub fn new(at: Millis, text: &str) -> Result<JournalEntry, EntryError> {
        if text.trim().is_empty() {
            return Err(EntryError::Empty);
        }
        if text.chars().count() > MAX_TEXT_CHARS {
            return Err(EntryError::TooLong);
        }
        Ok(JournalEntry { at, text: text.to_string() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_blank_and_overlong_text() {
        assert_eq!(JournalEntry::new(0, "  \n "), Err(EntryError::Empty));
        let long = "a".repeat(MAX_TEXT_CHARS + 1);
        assert_eq!(JournalEntry::new(0, &long), Err(EntryError::TooLong));
        let ok = JournalEntry::new(5, " hello ").unwrap();
        assert_eq!(ok.text, " hello ");
        assert_eq!(ok.at, 5);
    }

    #[test]
    fn old_records_without_text_still_decode() {
        let e: JournalEntry = serde_json::from_str(r#"{"at":1}"#).unwrap();
        assert_eq!(e.text, "");
    }
}
