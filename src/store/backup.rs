//! Backup, import and "Delete all my data", as the store sees them.
//!
//! Records are read and written through `codec` (whatever it does at rest, a backup
//! holds plain records and an import is encoded the way every write is), photos are
//! read from and written to `blobs`. One import is one IndexedDB transaction over
//! `records`, `blobs` and `meta`: all of it lands, or none of it.

use std::collections::{HashMap, HashSet};

use gloo_storage::{LocalStorage, Storage};
use idb::TransactionMode;
use js_sys::{Array, Uint8Array};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag};

use crate::domain::backup::{self, BackupRecord, Checked, Existing, Photo};
use crate::domain::record::{Body, Kind, Meta, Record};

use super::db::with_db;
use super::records::commit_on;
use super::schema::{BLOBS, META, RECORDS};
use super::{blobs, codec};
use super::{months, sync, StoreError};

/// A body of any kind as plain JSON, one type per kind so the codec sees the kind it
/// expects whatever it binds to it.
macro_rules! raw_bodies {
    ($($name:ident => $kind:ident),* $(,)?) => {
        $(
            #[derive(Clone, Serialize, Deserialize)]
            #[serde(transparent)]
            struct $name(Value);
            impl Body for $name {
                const KIND: Kind = Kind::$kind;
            }
        )*

        fn decode_raw(kind: Kind, value: &JsValue) -> Result<(Meta, Value), StoreError> {
            match kind {
                $(Kind::$kind => codec::decode::<$name>(value).map(|r| (r.meta, r.body.0)),)*
            }
        }

        fn encode_raw(meta: Meta, body: Value) -> Result<JsValue, StoreError> {
            match meta.kind {
                $(Kind::$kind => codec::encode(&Record { meta, body: $name(body) }),)*
            }
        }
    };
}

raw_bodies! {
    RawJournalEntry => JournalEntry,
    RawThoughtRecord => ThoughtRecord,
    RawCheckIn => CheckIn,
    RawHomework => Homework,
    RawAgendaItem => AgendaItem,
    RawSession => Session,
    RawWin => Win,
    RawCopingCard => CopingCard,
    RawSafetyPlan => SafetyPlan,
    RawSupportPerson => SupportPerson,
    RawLookForward => LookForward,
    RawRestLog => RestLog,
    RawDraft => Draft,
    RawJournalMonth => JournalMonth,
    RawAppointment => Appointment,
    RawWorkingOn => WorkingOn,
    RawSelfCare => SelfCare,
}

/// Everything a backup holds, read from this device.
pub struct Snapshot {
    pub records: Vec<BackupRecord>,
    pub photos: Vec<Photo>,
    /// Records that could not be read (damaged, or from a later version): left out.
    pub unreadable: usize,
}

/// Reads every record (but drafts and month summaries) and every photo.
pub async fn snapshot() -> Result<Snapshot, StoreError> {
    let (values, keys, blobs) = with_db(|db| async move {
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
        let keys = blobs
            .get_all_keys(None, None)
            .map_err(StoreError::from_idb)?
            .await
            .map_err(StoreError::from_idb)?;
        let photos = blobs
            .get_all(None, None)
            .map_err(StoreError::from_idb)?
            .await
            .map_err(StoreError::from_idb)?;
        Ok((values, keys, photos))
    })
    .await?;
    let mut records = Vec::with_capacity(values.len());
    let mut unreadable = 0;
    for value in &values {
        let Ok(meta) = codec::decode_meta(value) else {
            unreadable += 1;
            continue;
        };
        if !backup::in_backup(meta.kind) {
            continue;
        }
        match decode_raw(meta.kind, value) {
            Ok((meta, body)) => records.push(BackupRecord::of(&meta, body)),
            Err(_) => unreadable += 1,
        }
    }
    let mut photos = Vec::with_capacity(blobs.len());
    for (key, value) in keys.iter().zip(blobs) {
        let Some(id) = key.as_string() else {
            continue;
        };
        // A plain Blob, or one sealed by the passcode lock, opened with the key in memory.
        let blob = match blobs::picture(value, &id) {
            Ok(blob) => blob,
            Err(StoreError::Locked) => return Err(StoreError::Locked),
            Err(_) => continue,
        };
        let bytes = JsFuture::from(blob.array_buffer())
            .await
            .map_err(|_| StoreError::Corrupt("photo unreadable".into()))?;
        photos.push(Photo {
            id,
            mime: blob.type_(),
            bytes: Uint8Array::new(&bytes).to_vec(),
        });
    }
    Ok(Snapshot {
        records,
        photos,
        unreadable,
    })
}

/// The whole backup as plain JSON text.
pub async fn export_json(now: i64) -> Result<(String, usize), StoreError> {
    let snap = snapshot().await?;
    let file = backup::build(now, env!("CARGO_PKG_VERSION"), snap.records, &snap.photos);
    Ok((backup::to_json(&file), snap.unreadable))
}

/// How an import meets what is there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// By id: what is not here is added, a record here is replaced only by a later edit.
    Merge,
    /// Everything here goes (after the screen saved a backup of it), the file's comes in.
    Replace,
}

/// What an import wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub records: usize,
    pub photos: usize,
}

/// Stored envelopes (kind, id, updated, rev) of every record.
async fn existing() -> Result<(Vec<Existing>, HashSet<String>), StoreError> {
    let (values, photo_keys) = with_db(|db| async move {
        let tx = db
            .transaction(&[RECORDS, BLOBS], TransactionMode::ReadOnly)
            .map_err(StoreError::from_idb)?;
        let values = tx
            .object_store(RECORDS)
            .map_err(StoreError::from_idb)?
            .get_all(None, None)
            .map_err(StoreError::from_idb)?
            .await
            .map_err(StoreError::from_idb)?;
        let keys = tx
            .object_store(BLOBS)
            .map_err(StoreError::from_idb)?
            .get_all_keys(None, None)
            .map_err(StoreError::from_idb)?
            .await
            .map_err(StoreError::from_idb)?;
        Ok((values, keys))
    })
    .await?;
    Ok((
        envelopes(&values),
        photo_keys.iter().filter_map(|k| k.as_string()).collect(),
    ))
}

fn envelopes(values: &[JsValue]) -> Vec<Existing> {
    values
        .iter()
        .filter_map(|v| codec::decode_meta(v).ok())
        .map(|m| Existing {
            kind: m.kind,
            id: m.id,
            updated: m.updated,
            rev: m.rev,
        })
        .collect()
}

/// Imports a checked backup, all or nothing. Month summaries are rebuilt afterwards.
pub async fn import(checked: &Checked, mode: Mode) -> Result<Outcome, StoreError> {
    let (stored, stored_photos) = match mode {
        Mode::Merge => existing().await?,
        Mode::Replace => (Vec::new(), HashSet::new()),
    };
    let plan = backup::merge_plan(&stored, &checked.records);
    // Encoded before the transaction opens: an await on anything but IndexedDB would
    // let it commit early.
    let mut values = Vec::with_capacity(plan.len());
    let mut kinds = HashSet::new();
    for w in &plan {
        let r = &checked.records[w.index];
        let mut meta = r.meta();
        meta.rev = w.rev;
        kinds.insert(r.kind);
        values.push(encode_raw(meta, r.body.clone())?);
    }
    // Pictures are sealed as the passcode lock says now, as `blobs::put` would.
    let sealing = super::lock::sealing()?;
    let mut photos = Vec::new();
    for p in &checked.photos {
        if stored_photos.contains(&p.id) {
            continue;
        }
        let bag = BlobPropertyBag::new();
        bag.set_type(&p.mime);
        let parts = Array::of1(&Uint8Array::from(p.bytes.as_slice()));
        let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &bag)
            .map_err(|_| StoreError::Other("photo could not be made".into()))?;
        photos.push((p.id.clone(), blobs::stored(&blob, &p.id, &sealing).await?));
    }
    // What the plan was made against, to see if another tab wrote in between.
    let expected: HashMap<(Kind, String), u32> = stored
        .iter()
        .map(|e| ((e.kind, e.id.0.clone()), e.rev))
        .collect();
    let outcome = Outcome {
        records: values.len(),
        photos: photos.len(),
    };
    with_db(|db| {
        let values = values.clone();
        let photos = photos.clone();
        let expected = expected.clone();
        async move {
            let tx = db
                .transaction(&[RECORDS, BLOBS, META], TransactionMode::ReadWrite)
                .map_err(StoreError::from_idb)?;
            // All or nothing: once anything is asked of the transaction, a failure aborts
            // it (a second handle, as `abort` takes it by value); returning early alone
            // would let IndexedDB commit what was already put.
            let probe = tx
                .object_store(RECORDS)
                .map_err(StoreError::from_idb)?
                .transaction();
            let written: Result<(), StoreError> = async {
                let records = tx.object_store(RECORDS).map_err(StoreError::from_idb)?;
                let blobs = tx.object_store(BLOBS).map_err(StoreError::from_idb)?;
                match mode {
                    Mode::Replace => {
                        records.clear().map_err(StoreError::from_idb)?;
                        blobs.clear().map_err(StoreError::from_idb)?;
                    }
                    Mode::Merge => {
                        let now = records
                            .get_all(None, None)
                            .map_err(StoreError::from_idb)?
                            .await
                            .map_err(StoreError::from_idb)?;
                        let now = envelopes(&now);
                        let changed = now.len() != expected.len()
                            || now
                                .iter()
                                .any(|e| expected.get(&(e.kind, e.id.0.clone())) != Some(&e.rev));
                        if changed {
                            return Err(StoreError::Conflict { stored: 0 });
                        }
                    }
                }
                for value in &values {
                    records.put(value, None).map_err(StoreError::from_idb)?;
                }
                for (id, blob) in &photos {
                    blobs
                        .put(blob, Some(&JsValue::from(id.as_str())))
                        .map_err(StoreError::from_idb)?;
                }
                // The month summaries are rebuilt from the entries on the next read.
                tx.object_store(META)
                    .map_err(StoreError::from_idb)?
                    .delete(JsValue::from(months::FLAG))
                    .map_err(StoreError::from_idb)?;
                Ok(())
            }
            .await;
            if let Err(e) = written {
                let _ = probe.abort();
                return Err(e);
            }
            commit_on(tx, RECORDS).await
        }
    })
    .await?;
    // Derived: a failure here only means the next read rebuilds them.
    let _ = months::rebuild().await;
    match mode {
        Mode::Replace => Kind::ALL.into_iter().for_each(sync::changed),
        Mode::Merge => kinds.into_iter().for_each(sync::changed),
    }
    Ok(outcome)
}

const LAST_BACKUP: &str = "between.last_backup";
const REMINDER_DAYS: &str = "between.backup_reminder_days";

/// When the last backup was made here (ms since the epoch), if ever.
pub fn last_backup() -> Option<i64> {
    LocalStorage::get::<i64>(LAST_BACKUP).ok()
}

pub fn set_last_backup(at: i64) {
    let _ = LocalStorage::set(LAST_BACKUP, at);
}

/// Remind every this many days (`None`: no reminder).
pub fn reminder_days() -> Option<u32> {
    LocalStorage::get::<u32>(REMINDER_DAYS)
        .ok()
        .filter(|d| *d > 0)
}

pub fn set_reminder_days(days: Option<u32>) {
    match days {
        Some(d) if d > 0 => {
            let _ = LocalStorage::set(REMINDER_DAYS, d);
        }
        _ => LocalStorage::delete(REMINDER_DAYS),
    }
}

/// Whether a backup reminder is due at `now`.
pub fn reminder_due(now: i64) -> bool {
    let Some(days) = reminder_days() else {
        return false;
    };
    match last_backup() {
        None => true,
        Some(at) => now - at >= days as i64 * 24 * 60 * 60 * 1000,
    }
}

/// Erases every record and photo (the whole database) and the app's localStorage keys.
pub async fn delete_everything() -> Result<(), StoreError> {
    super::erase().await?;
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let len = storage.length().unwrap_or(0);
        let keys: Vec<String> = (0..len)
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect();
        for key in keys.iter().filter(|k| k.starts_with("between")) {
            let _ = storage.remove_item(key);
        }
    }
    Kind::ALL.into_iter().for_each(sync::changed);
    Ok(())
}
