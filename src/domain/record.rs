//! The envelope every stored record shares: id, kind, times, revision, deleted marker.
//!
//! Features own the body (`T: Body`); the store owns how the envelope is persisted.

use serde::{de::DeserializeOwned, Deserialize, Serialize};

/// Milliseconds since the Unix epoch, UTC.
pub type Millis = i64;

/// Opaque record id, unique per kind. Made by the store (it has the randomness).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct RecordId(pub String);

impl RecordId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Every kind of record Between keeps. The store indexes records by this name, so a
/// name, once shipped, never changes; new kinds are added at the end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    JournalEntry,
    ThoughtRecord,
    CheckIn,
    Homework,
    AgendaItem,
    Session,
    Win,
    CopingCard,
    SafetyPlan,
    SupportPerson,
    LookForward,
    RestLog,
    Draft,
    /// A month's summary of the journal (`journal_month`), kept by the store.
    JournalMonth,
    /// A therapy appointment or series (`appointment`).
    Appointment,
    /// "What I'm working on in therapy" (issue 10, item 8).
    WorkingOn,
    /// The person's self-care plan (`rest`).
    SelfCare,
}

impl Kind {
    pub const ALL: [Kind; 17] = [
        Kind::JournalEntry,
        Kind::ThoughtRecord,
        Kind::CheckIn,
        Kind::Homework,
        Kind::AgendaItem,
        Kind::Session,
        Kind::Win,
        Kind::CopingCard,
        Kind::SafetyPlan,
        Kind::SupportPerson,
        Kind::LookForward,
        Kind::RestLog,
        Kind::Draft,
        Kind::JournalMonth,
        Kind::Appointment,
        Kind::WorkingOn,
        Kind::SelfCare,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::JournalEntry => "journal_entry",
            Kind::ThoughtRecord => "thought_record",
            Kind::CheckIn => "check_in",
            Kind::Homework => "homework",
            Kind::AgendaItem => "agenda_item",
            Kind::Session => "session",
            Kind::Win => "win",
            Kind::CopingCard => "coping_card",
            Kind::SafetyPlan => "safety_plan",
            Kind::SupportPerson => "support_person",
            Kind::LookForward => "look_forward",
            Kind::RestLog => "rest_log",
            Kind::Draft => "draft",
            Kind::JournalMonth => "journal_month",
            Kind::Appointment => "appointment",
            Kind::WorkingOn => "working_on",
            Kind::SelfCare => "self_care",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A feature's record body. `KIND` ties a Rust type to its stored kind.
pub trait Body: Serialize + DeserializeOwned + Clone + 'static {
    const KIND: Kind;
}

/// What the store knows about a record besides its body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub id: RecordId,
    pub kind: Kind,
    pub created: Millis,
    pub updated: Millis,
    /// Set when the person deletes it; kept for undo and the trash until purged.
    pub deleted: Option<Millis>,
    /// Bumped by every write; a write based on an older revision is a conflict.
    pub rev: u32,
}

impl Meta {
    pub fn new(id: RecordId, kind: Kind, now: Millis) -> Meta {
        Meta {
            id,
            kind,
            created: now,
            updated: now,
            deleted: None,
            rev: 0,
        }
    }

    pub fn is_deleted(&self) -> bool {
        self.deleted.is_some()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Record<T> {
    pub meta: Meta,
    pub body: T,
}

/// Records deleted longer ago than this are purged from the trash.
pub const TRASH_DAYS: i64 = 30;

/// Whether a deleted record has outlived the trash.
pub fn is_expired(meta: &Meta, now: Millis) -> bool {
    match meta.deleted {
        Some(at) => now - at > TRASH_DAYS * 24 * 60 * 60 * 1000,
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_round_trip_and_are_unique() {
        let mut names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(k));
            // The serde name is the stored name too.
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.as_str())
            );
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Kind::ALL.len());
        assert_eq!(Kind::parse("nope"), None);
    }

    #[test]
    fn trash_expiry_after_thirty_days() {
        let day = 24 * 60 * 60 * 1000;
        let mut m = Meta::new(RecordId("a".into()), Kind::JournalEntry, 0);
        assert!(!is_expired(&m, 100 * day));
        m.deleted = Some(day);
        assert!(!is_expired(&m, 31 * day));
        assert!(is_expired(&m, 31 * day + 1));
    }
}
