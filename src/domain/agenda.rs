//! Things to bring up at the next session: topics written on Sessions or Today, added
//! from a coping card or a check-in, and journal entries and thought records marked
//! "Bring to next session", all in one list in the person's order.
//!
//! Order: every topic may carry a `rank` (smaller first). A flagged journal entry or
//! thought record has no rank of its own; once it is moved or starred, an agenda item
//! pointing at it (`source` = the entry, `text` its gist) keeps its rank, star and
//! "talked about" for it. Topics never moved (old data, new additions) have no rank and
//! follow the ranked ones, oldest first, so a new topic joins the end of the list.
//! "Most important" topics come first, in their own order.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::record::{Body, Kind, Millis, RecordId};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub text: String,
    /// Where it came from (a journal entry, a check-in), to link back.
    #[serde(default)]
    pub source: Option<(Kind, RecordId)>,
    #[serde(default)]
    pub done: bool,
    /// The person's order (smaller first); `None` until the list is first reordered.
    #[serde(default)]
    pub rank: Option<i64>,
    /// Marked "Most important": shown first.
    #[serde(default)]
    pub important: bool,
    /// When it was marked "Talked about it".
    #[serde(default)]
    pub done_at: Option<Millis>,
}

impl Body for AgendaItem {
    const KIND: Kind = Kind::AgendaItem;
}

impl AgendaItem {
    /// A new topic written by the person (or offered by a screen).
    pub fn new(text: impl Into<String>, source: Option<(Kind, RecordId)>) -> AgendaItem {
        AgendaItem {
            text: text.into(),
            source,
            ..AgendaItem::default()
        }
    }

    /// Whether this item only stands in for a flagged journal entry or thought record
    /// (keeping its place in the list), rather than being a topic of its own.
    pub fn points_at_entry(&self) -> bool {
        matches!(
            self.source,
            Some((Kind::JournalEntry | Kind::ThoughtRecord, _))
        )
    }
}

/// What is typed in "Something to bring up" and not yet added: kept as a draft.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AgendaDraft {
    #[serde(default)]
    pub text: String,
}

impl Body for AgendaDraft {
    const KIND: Kind = Kind::Draft;
}

/// The draft's fixed id (one field, on Sessions and on Today).
pub const NEW_TOPIC_DRAFT: &str = "agenda-new-topic";

/// Longest topic, in characters.
pub const MAX_TEXT_CHARS: usize = 1_000;

/// A topic as the list orders it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub rank: Option<i64>,
    pub important: bool,
    /// When it was added (for a flagged entry or thought record, when it was written).
    pub added: Millis,
}

/// The order of the list: most important first, then by rank, then unranked topics
/// oldest first. Returns the indices of `places` in that order.
pub fn order(places: &[Place]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..places.len()).collect();
    idx.sort_by_key(|&i| {
        let p = &places[i];
        (
            !p.important,
            p.rank.is_none(),
            p.rank.unwrap_or(0),
            p.added,
            i,
        )
    });
    idx
}

/// Moves the topic at `from` (a position in the shown list) to `to`, and returns the new
/// rank of every topic by its position in the shown list before the move: `ranks[k]` is
/// the rank the topic shown at `k` gets. Ranks are 0, 1, 2, ... in the new order, so the
/// whole list is ranked once anything is moved. `None` if `from` or `to` is out of range
/// or they are the same.
pub fn moved(len: usize, from: usize, to: usize) -> Option<Vec<i64>> {
    if from >= len || to >= len || from == to {
        return None;
    }
    let mut shown: Vec<usize> = (0..len).collect();
    let t = shown.remove(from);
    shown.insert(to, t);
    let mut ranks = vec![0; len];
    for (new_pos, old_pos) in shown.into_iter().enumerate() {
        ranks[old_pos] = new_pos as i64;
    }
    Some(ranks)
}

/// Whether a topic still open was added before the last session (so it was not reached
/// then): "Carried over from your last session".
pub fn carried_over(added: NaiveDateTime, last_session: Option<NaiveDateTime>) -> bool {
    last_session.is_some_and(|s| added < s)
}

/// A topic as written: trimmed, not empty, not too long.
pub fn topic_text(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty() && t.chars().count() <= MAX_TEXT_CHARS).then(|| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn place(rank: Option<i64>, important: bool, added: Millis) -> Place {
        Place {
            rank,
            important,
            added,
        }
    }

    #[test]
    fn old_items_without_rank_still_read() {
        let old = r#"{"text":"Sleep","source":null,"done":false}"#;
        let item: AgendaItem = serde_json::from_str(old).unwrap();
        assert_eq!(item.text, "Sleep");
        assert_eq!(item.rank, None);
        assert!(!item.important);
        assert_eq!(item.done_at, None);
        let older = r#"{"text":"Work"}"#;
        let item: AgendaItem = serde_json::from_str(older).unwrap();
        assert!(!item.done);
    }

    #[test]
    fn unranked_topics_follow_in_the_order_added() {
        let places = [
            place(None, false, 30),
            place(None, false, 10),
            place(None, false, 20),
        ];
        assert_eq!(order(&places), vec![1, 2, 0]);
    }

    #[test]
    fn ranked_topics_come_before_new_ones() {
        let places = [
            place(None, false, 5),
            place(Some(1), false, 30),
            place(Some(0), false, 40),
        ];
        assert_eq!(order(&places), vec![2, 1, 0]);
    }

    #[test]
    fn most_important_comes_first_in_its_own_order() {
        let places = [
            place(Some(0), false, 1),
            place(Some(2), true, 2),
            place(Some(1), true, 3),
            place(None, true, 4),
        ];
        assert_eq!(order(&places), vec![2, 1, 3, 0]);
    }

    #[test]
    fn moving_up_and_down_ranks_the_whole_list() {
        // Move the third up one: [a, b, c] becomes [a, c, b].
        assert_eq!(moved(3, 2, 1), Some(vec![0, 2, 1]));
        // Move the first down one: [a, b, c] becomes [b, a, c].
        assert_eq!(moved(3, 0, 1), Some(vec![1, 0, 2]));
        // A drag from the top to the bottom: [a, b, c, d] becomes [b, c, d, a].
        assert_eq!(moved(4, 0, 3), Some(vec![3, 0, 1, 2]));
        // A drag from the bottom to the top: [a, b, c] becomes [c, a, b].
        assert_eq!(moved(3, 2, 0), Some(vec![1, 2, 0]));
    }

    #[test]
    fn moves_past_the_ends_do_nothing() {
        assert_eq!(moved(3, 0, 3), None);
        assert_eq!(moved(3, 3, 0), None);
        assert_eq!(moved(3, 1, 1), None);
        assert_eq!(moved(0, 0, 0), None);
    }

    #[test]
    fn a_moved_list_keeps_its_order() {
        // Ranks from a move, applied, give the moved order back.
        let added = [10, 20, 30, 40];
        let ranks = moved(4, 3, 1).unwrap();
        let places: Vec<Place> = added
            .iter()
            .zip(&ranks)
            .map(|(&a, &r)| place(Some(r), false, a))
            .collect();
        assert_eq!(order(&places), vec![0, 3, 1, 2]);
    }

    #[test]
    fn topics_added_before_the_last_session_carry_over() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let session = day.and_hms_opt(16, 0, 0).unwrap();
        let before = day.and_hms_opt(9, 30, 0).unwrap();
        let after = day.and_hms_opt(18, 0, 0).unwrap();
        assert!(carried_over(before, Some(session)));
        assert!(!carried_over(after, Some(session)));
        assert!(!carried_over(before, None));
    }

    #[test]
    fn topic_text_is_trimmed_and_limited() {
        assert_eq!(topic_text("  Sleep  "), Some("Sleep".into()));
        assert_eq!(topic_text("   "), None);
        assert_eq!(topic_text(&"a".repeat(MAX_TEXT_CHARS + 1)), None);
        assert!(topic_text(&"a".repeat(MAX_TEXT_CHARS)).is_some());
    }
}
