//! Housekeeping, once per app start: records that have been in the trash for
//! [`TRASH_DAYS`](crate::domain::record::TRASH_DAYS) go for good (every kind), with
//! their photos, and photos no record refers to are removed.
//!
//! In two steps: `scan` reads what there is; `apply` deletes, re-checking inside its
//! own transaction that each record is still deleted and unchanged, so a record
//! restored in another tab in between is never destroyed. Records this version
//! cannot read are never touched.

use std::collections::HashSet;

use idb::{ObjectStore, TransactionMode};
use wasm_bindgen::JsValue;

use crate::domain::record::{is_expired, Kind, Millis};

use super::codec;
use super::db::with_db;
use super::records::{commit_on, now};
use super::schema::{BLOBS, META, RECORDS};
use super::{months, sync, unreadable, StoreError};

/// A photo no record refers to is kept this long after it was stored: a card's photo
/// is stored just before the card itself, perhaps by another tab.
pub const ORPHAN_GRACE_MS: Millis = 24 * 60 * 60 * 1000;

/// What a scan found to do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// Expired records: stored key and the revision seen.
    pub expired: Vec<(String, u32)>,
    /// Photos (blob ids) no record refers to.
    pub orphans: Vec<String>,
}

/// What housekeeping did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Done {
    /// Records removed from the trash for good.
    pub purged: usize,
    /// Photos removed (of purged records, and ones nothing referred to).
    pub photos: usize,
}

/// Scans, then applies: the one housekeeping call, at start-up.
pub async fn housekeeping() -> Result<Done, StoreError> {
    let plan = scan(now()).await?;
    apply(&plan, now()).await
}

/// Finds expired records and orphaned photos, changing nothing.
pub async fn scan(now: Millis) -> Result<Plan, StoreError> {
    let (values, blob_ids) = with_db(|db| async move {
        let tx = db
            .transaction(&[RECORDS, BLOBS], TransactionMode::ReadOnly)
            .map_err(StoreError::from_idb)?;
        let records = tx.object_store(RECORDS).map_err(StoreError::from_idb)?;
        let values = records
            .get_all(None, None)
            .map_err(StoreError::from_idb)?
            .await
            .map_err(StoreError::from_idb)?;
        let blobs = tx.object_store(BLOBS).map_err(StoreError::from_idb)?;
        let ids = blob_ids(&blobs).await?;
        Ok((values, ids))
    })
    .await?;
    let mut plan = Plan::default();
    for value in &values {
        if let Some((key, rev)) = purgeable(value, now) {
            plan.expired.push((key, rev));
        }
    }
    if !blob_ids.is_empty() {
        if let Some(referenced) = references(&values, &blob_ids) {
            plan.orphans = blob_ids
                .into_iter()
                .filter(|id| !referenced.contains(id) && old_enough(id, now))
                .collect();
        }
    }
    Ok(plan)
}

/// Deletes what `plan` found, re-checking everything inside one transaction: a record
/// only if it is still deleted, expired and at the revision seen; a photo only if no
/// record (left) refers to it.
pub async fn apply(plan: &Plan, now: Millis) -> Result<Done, StoreError> {
    if plan.expired.is_empty() && plan.orphans.is_empty() {
        return Ok(Done::default());
    }
    let (done, kinds) = with_db(|db| async move {
        let tx = db
            .transaction(&[RECORDS, BLOBS, META], TransactionMode::ReadWrite)
            .map_err(StoreError::from_idb)?;
        let records = tx.object_store(RECORDS).map_err(StoreError::from_idb)?;
        let blobs = tx.object_store(BLOBS).map_err(StoreError::from_idb)?;
        let mut done = Done::default();
        let mut kinds: Vec<Kind> = Vec::new();
        let mut photos_of_purged: Vec<String> = Vec::new();
        for (key, rev) in &plan.expired {
            let stored = records
                .get(JsValue::from(key.as_str()))
                .map_err(StoreError::from_idb)?
                .await
                .map_err(StoreError::from_idb)?;
            let Some(value) = stored else { continue };
            if purgeable(&value, now).as_ref().map(|(_, r)| r) != Some(rev) {
                // Restored, changed or unreadable since the scan: kept.
                continue;
            }
            records
                .delete(JsValue::from(key.as_str()))
                .map_err(StoreError::from_idb)?;
            done.purged += 1;
            if let Ok(meta) = codec::decode_meta(&value) {
                if meta.kind == Kind::JournalEntry {
                    // Its month's summary lets go of it in the same transaction.
                    months::note_write(&tx, Some(&value), None).await?;
                }
                if !kinds.contains(&meta.kind) {
                    kinds.push(meta.kind);
                }
            }
            if let Some(payload) = codec::inspectable_payload(&value) {
                photos_of_purged.extend(quoted_strings(&payload).map(str::to_string));
            }
        }
        let ids = blob_ids(&blobs).await?;
        let candidates: Vec<&String> = ids
            .iter()
            .filter(|id| photos_of_purged.contains(id) || plan.orphans.contains(id))
            .collect();
        if !candidates.is_empty() {
            // What the records left (this transaction's deletions seen) refer to.
            let left = records
                .get_all(None, None)
                .map_err(StoreError::from_idb)?
                .await
                .map_err(StoreError::from_idb)?;
            let referenced = references(&left, &ids);
            for id in candidates {
                let keep = match &referenced {
                    Some(refs) => refs.contains(id),
                    // A record this version cannot look inside may refer to any
                    // photo: only the purged records' own photos go.
                    None => !photos_of_purged.contains(id),
                };
                if !keep {
                    blobs
                        .delete(JsValue::from(id.as_str()))
                        .map_err(StoreError::from_idb)?;
                    done.photos += 1;
                }
            }
        }
        commit_on(tx, RECORDS).await?;
        Ok((done, kinds))
    })
    .await?;
    for kind in kinds {
        sync::changed(kind);
    }
    Ok(done)
}

/// Key and revision of a record the trash should let go of: readable, deleted
/// longer ago than the trash keeps things.
fn purgeable(value: &JsValue, now: Millis) -> Option<(String, u32)> {
    // The envelope first: most records are not in the trash, and their payloads are
    // not parsed at all.
    let meta = codec::decode_meta(value).ok()?;
    if !is_expired(&meta, now) {
        return None;
    }
    codec::check(value).ok()?;
    let key = codec::stored_key(value)?;
    if unreadable::is_noted(&key, Some(meta.rev)) {
        return None;
    }
    Some((key, meta.rev))
}

async fn blob_ids(blobs: &ObjectStore) -> Result<Vec<String>, StoreError> {
    let keys = blobs
        .get_all_keys(None, None)
        .map_err(StoreError::from_idb)?
        .await
        .map_err(StoreError::from_idb)?;
    Ok(keys.into_iter().filter_map(|k| k.as_string()).collect())
}

/// The blob ids among `ids` that a record in `values` refers to, or `None` when a
/// record's payload cannot be looked inside (a later version's encoding), so any
/// photo may be in use.
fn references(values: &[JsValue], ids: &[String]) -> Option<HashSet<String>> {
    let ids: HashSet<&str> = ids.iter().map(String::as_str).collect();
    let mut found = HashSet::new();
    for value in values {
        let payload = codec::inspectable_payload(value)?;
        for s in quoted_strings(&payload) {
            if ids.contains(s) {
                found.insert(s.to_string());
            }
        }
    }
    Some(found)
}

/// The strings in a JSON text (field names included), without unescaping: enough to
/// find blob ids, which need no escapes. Works on damaged JSON too, so a record whose
/// body cannot be read still keeps its photo.
fn quoted_strings(json: &str) -> impl Iterator<Item = &str> {
    let bytes = json.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && bytes[i] != b'"' {
            i += 1;
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i + 1;
        i = start;
        while i < bytes.len() && bytes[i] != b'"' {
            i += if bytes[i] == b'\\' { 2 } else { 1 };
        }
        let end = i.min(bytes.len());
        i += 1;
        Some(json.get(start..end).unwrap_or(""))
    })
}

/// Whether a photo was stored long enough ago to be called an orphan. Blob ids start
/// with the time they were made, in hex (`records::new_id`); an id of another shape
/// is never removed as an orphan.
fn old_enough(id: &str, now: Millis) -> bool {
    let made = id
        .split_once('-')
        .and_then(|(t, _)| i64::from_str_radix(t, 16).ok());
    made.is_some_and(|t| now - t > ORPHAN_GRACE_MS)
}
