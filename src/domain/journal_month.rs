//! The journal's summary of one month: every entry of that (local) month, deleted ones
//! included, with everything but its text. Patterns, the first page of the journal,
//! the trash and Sessions read these few records instead of every entry.
//!
//! The store keeps one per month (kind `journal_month`, id `YYYY-MM`) and rewrites
//! it in the same transaction as every write of an entry (`store::months`).

use std::collections::BTreeMap;

use chrono::Datelike;
use serde::{Deserialize, Serialize};

use super::journal::JournalEntry;
use super::patterns::local_time;
use super::record::{Body, Kind, Meta, Millis, Record, RecordId};

/// One entry as its month's summary keeps it: its envelope, and its body without
/// the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonthItem {
    pub id: RecordId,
    pub created: Millis,
    pub updated: Millis,
    #[serde(default)]
    pub deleted: Option<Millis>,
    pub rev: u32,
    pub entry: JournalEntry,
}

impl MonthItem {
    /// What the summary keeps of `record`: all but its text.
    pub fn of(record: &Record<JournalEntry>) -> MonthItem {
        let m = &record.meta;
        MonthItem {
            id: m.id.clone(),
            created: m.created,
            updated: m.updated,
            deleted: m.deleted,
            rev: m.rev,
            entry: JournalEntry {
                text: String::new(),
                ..record.body.clone()
            },
        }
    }

    /// The entry as a record whose text is empty (enough for Patterns, tag
    /// suggestions and filters; the full entry is read by id when its text is shown).
    pub fn record(&self) -> Record<JournalEntry> {
        self.clone().into_record()
    }

    /// `record`, without copying.
    pub fn into_record(self) -> Record<JournalEntry> {
        Record {
            meta: Meta {
                id: self.id,
                kind: Kind::JournalEntry,
                created: self.created,
                updated: self.updated,
                deleted: self.deleted,
                rev: self.rev,
            },
            body: self.entry,
        }
    }
}

/// The summary of one month's entries, in no particular order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct JournalMonth {
    #[serde(default)]
    pub items: Vec<MonthItem>,
}

impl Body for JournalMonth {
    const KIND: Kind = Kind::JournalMonth;
}

/// The month an entry belongs to, in its own local time: "2026-03". Months sort as
/// text (years 1900 to 9999).
pub fn month_of(entry: &JournalEntry) -> String {
    let t = local_time(entry.at, entry.offset_min);
    format!("{:04}-{:02}", t.year(), t.month())
}

impl JournalMonth {
    /// Puts `record` in, replacing what was there of it.
    pub fn put(&mut self, record: &Record<JournalEntry>) {
        self.remove(&record.meta.id);
        self.items.push(MonthItem::of(record));
    }

    /// Takes the entry `id` out; whether it was there.
    pub fn remove(&mut self, id: &RecordId) -> bool {
        let before = self.items.len();
        self.items.retain(|i| &i.id != id);
        self.items.len() != before
    }

    /// Every month's summary of `records`, by month.
    pub fn group<'a>(
        records: impl IntoIterator<Item = &'a Record<JournalEntry>>,
    ) -> BTreeMap<String, JournalMonth> {
        let mut out: BTreeMap<String, JournalMonth> = BTreeMap::new();
        for r in records {
            out.entry(month_of(&r.body)).or_default().put(r);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, at: Millis, offset_min: i32, text: &str) -> Record<JournalEntry> {
        let mut meta = Meta::new(RecordId(id.into()), Kind::JournalEntry, at);
        meta.rev = 2;
        Record {
            meta,
            body: JournalEntry {
                at,
                offset_min,
                text: text.into(),
                emotions: vec!["Calm".into()],
                ..Default::default()
            },
        }
    }

    // 2026-03-31 23:30 UTC.
    const END_OF_MARCH: Millis = 1_774_999_800_000;

    #[test]
    fn month_is_the_local_month() {
        assert_eq!(month_of(&entry("a", END_OF_MARCH, 0, "").body), "2026-03");
        // An hour ahead of UTC it is already April there.
        assert_eq!(month_of(&entry("a", END_OF_MARCH, 60, "").body), "2026-04");
        assert_eq!(
            month_of(&entry("a", crate::domain::journal::EARLIEST, 0, "").body),
            "1900-01"
        );
    }

    #[test]
    fn summary_keeps_everything_but_the_text() {
        let mut r = entry("a", END_OF_MARCH, 0, "private words");
        r.meta.deleted = Some(END_OF_MARCH + 5);
        let item = MonthItem::of(&r);
        assert!(item.entry.text.is_empty());
        let back = item.record();
        assert_eq!(back.meta, r.meta);
        assert_eq!(back.body.emotions, r.body.emotions);
        assert_eq!(back.body.at, r.body.at);
        let json = serde_json::to_string(&JournalMonth { items: vec![item] }).unwrap();
        assert!(!json.contains("private words"));
    }

    #[test]
    fn put_replaces_and_remove_takes_out() {
        let mut month = JournalMonth::default();
        let mut r = entry("a", END_OF_MARCH, 0, "");
        month.put(&r);
        r.meta.rev = 3;
        month.put(&r);
        assert_eq!(month.items.len(), 1);
        assert_eq!(month.items[0].rev, 3);
        assert!(month.remove(&RecordId("a".into())));
        assert!(!month.remove(&RecordId("a".into())));
        assert!(month.items.is_empty());
    }

    #[test]
    fn group_splits_by_month() {
        let a = entry("a", END_OF_MARCH, 0, "");
        let b = entry("b", END_OF_MARCH, 60, "");
        let c = entry("c", END_OF_MARCH - 86_400_000, 0, "");
        let months = JournalMonth::group([&a, &b, &c]);
        let keys: Vec<&str> = months.keys().map(String::as_str).collect();
        assert_eq!(keys, ["2026-03", "2026-04"]);
        assert_eq!(months["2026-03"].items.len(), 2);
        assert_eq!(months["2026-04"].items[0].id.0, "b");
    }
}
