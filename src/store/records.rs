//! Reading and writing records. Every write checks the stored revision inside its
//! transaction, so a tab never overwrites a newer change made in another tab.

use idb::{CursorDirection, KeyRange, Query, TransactionMode};
use wasm_bindgen::JsValue;

use crate::domain::journal::JournalEntry;
use crate::domain::record::{Body, Kind, Meta, Millis, Record, RecordId};

use super::codec;
use super::db::{with_db, with_db_for};
use super::schema::{META, RECORDS};
use super::{months, persist, sync, unreadable, StoreError};

pub(super) fn now() -> Millis {
    js_sys::Date::now() as Millis
}

pub(super) fn new_id() -> RecordId {
    // Time-ordered and random enough for one person's records; ids are not secrets.
    let rand = (js_sys::Math::random() * u32::MAX as f64) as u32;
    let rand2 = (js_sys::Math::random() * u32::MAX as f64) as u32;
    RecordId(format!("{:x}-{rand:08x}{rand2:08x}", now()))
}

/// Saves a new record and returns it with its envelope.
pub async fn create<T: Body>(body: T) -> Result<Record<T>, StoreError> {
    create_clearing(body, None).await
}

/// Saves a new record and, in the same transaction, removes the draft `draft` (an id
/// of `Kind::Draft`): the saved text can never come back as a draft, and a failed
/// save keeps the draft.
pub async fn create_clearing<T: Body>(
    body: T,
    draft: Option<&RecordId>,
) -> Result<Record<T>, StoreError> {
    let mut meta = Meta::new(new_id(), T::KIND, now());
    meta.rev = 1;
    let record = Record { meta, body };
    write(&record, None, draft).await?;
    // Asked for once, never awaited: in some browsers it is a permission prompt, and a
    // save must not wait on it.
    wasm_bindgen_futures::spawn_local(persist::request_once());
    Ok(record)
}

/// Saves a changed record. Fails with `Conflict` if it changed since it was read.
pub async fn update<T: Body>(record: &Record<T>) -> Result<Record<T>, StoreError> {
    update_clearing(record, None).await
}

/// `update`, removing the draft `draft` in the same transaction (see `create_clearing`).
pub async fn update_clearing<T: Body>(
    record: &Record<T>,
    draft: Option<&RecordId>,
) -> Result<Record<T>, StoreError> {
    let mut next = record.clone();
    next.meta.rev = record.meta.rev + 1;
    next.meta.updated = now().max(record.meta.updated);
    write(&next, Some(record.meta.rev), draft).await?;
    Ok(next)
}

/// Marks a record deleted (kept in the trash for undo).
pub async fn delete<T: Body>(record: &Record<T>) -> Result<Record<T>, StoreError> {
    let mut marked = record.clone();
    marked.meta.deleted = Some(now());
    update(&marked).await
}

/// Brings a deleted record back.
pub async fn restore<T: Body>(record: &Record<T>) -> Result<Record<T>, StoreError> {
    let mut back = record.clone();
    back.meta.deleted = None;
    update(&back).await
}

pub async fn get<T: Body>(id: &RecordId) -> Result<Option<Record<T>>, StoreError> {
    let key = codec::key(T::KIND, id);
    let value = with_db_for(Some(T::KIND), |db| {
        let key = key.clone();
        async move {
            let tx = db
                .transaction(&[RECORDS], TransactionMode::ReadOnly)
                .map_err(StoreError::from_idb)?;
            let store = tx.object_store(RECORDS).map_err(StoreError::from_idb)?;
            store
                .get(JsValue::from(key))
                .map_err(StoreError::from_idb)?
                .await
                .map_err(StoreError::from_idb)
        }
    })
    .await?;
    value.map(|v| decode_noting::<T>(&v)).transpose()
}

/// Decodes `value`, remembering a record that cannot be read (see `unreadable`).
pub(super) fn decode_noting<T: Body>(value: &JsValue) -> Result<Record<T>, StoreError> {
    match codec::decode(value) {
        Ok(record) => {
            unreadable::forget(value);
            Ok(record)
        }
        Err(StoreError::Locked) => Err(StoreError::Locked),
        Err(e) => {
            // Drafts of different forms share one kind, so a draft that is not of the
            // type asked for is not unreadable (a damaged one is still found by the scan).
            if T::KIND != Kind::Draft {
                unreadable::note(value);
            }
            Err(e)
        }
    }
}

/// The records among `values` that can be read; the others stay stored as they are
/// and are counted by `unreadable()`.
fn decode_readable<T: Body>(values: &[JsValue]) -> Vec<Record<T>> {
    values
        .iter()
        .filter_map(|v| decode_noting(v).ok())
        .collect()
}

/// Every record of a kind, deleted ones included, in no particular order. A record
/// that cannot be read (damaged, or written by a later version) is left out and left
/// as it is: one bad record never hides the rest. A failure to read the store at all
/// is an error, never an empty list.
pub async fn list<T: Body>() -> Result<Vec<Record<T>>, StoreError> {
    let values = list_values(T::KIND).await?;
    Ok(decode_readable(&values))
}

/// `list`, read in chunks of [`CHUNK`] records by key, each in a short transaction of
/// its own: a page that goes away, or a write, waits for one chunk at most, never for
/// ten years of entries. Every record is read once (keys never change); a write in
/// between is announced as every write is, and the list is read again.
pub async fn list_chunked<T: Body>() -> Result<Vec<Record<T>>, StoreError> {
    let kind = T::KIND.as_str();
    let end = format!("{kind};");
    let mut after: Option<String> = None;
    let mut out = Vec::new();
    loop {
        let (lower, open) = match &after {
            Some(key) => (key.clone(), true),
            None => (format!("{kind}:"), false),
        };
        let values = with_db_for(Some(T::KIND), |db| {
            let (lower, end) = (lower.clone(), end.clone());
            async move {
                let tx = db
                    .transaction(&[RECORDS], TransactionMode::ReadOnly)
                    .map_err(StoreError::from_idb)?;
                let range = KeyRange::bound(&lower.into(), &end.into(), Some(open), Some(true))
                    .map_err(StoreError::from_idb)?;
                tx.object_store(RECORDS)
                    .and_then(|s| s.get_all(Some(Query::KeyRange(range)), Some(CHUNK)))
                    .map_err(StoreError::from_idb)?
                    .await
                    .map_err(StoreError::from_idb)
            }
        })
        .await?;
        let full = values.len() == CHUNK as usize;
        after = values.last().and_then(codec::stored_key);
        out.extend(decode_readable::<T>(&values));
        if !full || after.is_none() {
            return Ok(out);
        }
    }
}

/// Whether nothing at all is stored yet, no record of any kind and no draft: a
/// person's first visit. Counts, decodes nothing.
pub async fn is_empty() -> Result<bool, StoreError> {
    with_db(|db| async move {
        let tx = db
            .transaction(&[RECORDS], TransactionMode::ReadOnly)
            .map_err(StoreError::from_idb)?;
        let store = tx.object_store(RECORDS).map_err(StoreError::from_idb)?;
        let n = store
            .count(None)
            .map_err(StoreError::from_idb)?
            .await
            .map_err(StoreError::from_idb)?;
        Ok(n == 0)
    })
    .await
}

/// How many records `list_chunked` reads at a time.
pub const CHUNK: u32 = 1000;

/// The most recently changed records of a kind, newest first, up to `limit` (fewer
/// when some cannot be read, which are left out as by `list`): enough
/// for a first screen while the full list loads (reading every record of ten years
/// takes a few hundred milliseconds).
pub async fn list_recent<T: Body>(limit: usize) -> Result<Vec<Record<T>>, StoreError> {
    let values = with_db_for(Some(T::KIND), |db| async move {
        let tx = db
            .transaction(&[RECORDS], TransactionMode::ReadOnly)
            .map_err(StoreError::from_idb)?;
        let index = tx
            .object_store(RECORDS)
            .and_then(|s| s.index("updated"))
            .map_err(StoreError::from_idb)?;
        let mut out = Vec::new();
        let request = index
            .open_cursor(None, Some(CursorDirection::Prev))
            .map_err(StoreError::from_idb)?;
        let Some(cursor) = request.await.map_err(StoreError::from_idb)? else {
            return Ok(out);
        };
        let mut cursor = cursor.into_managed();
        while out.len() < limit {
            let Some(value) = cursor.value().map_err(StoreError::from_idb)? else {
                break;
            };
            if js_sys::Reflect::get(&value, &"kind".into())
                .ok()
                .and_then(|k| k.as_string())
                .as_deref()
                == Some(T::KIND.as_str())
            {
                out.push(value);
            }
            cursor.next(None).await.map_err(StoreError::from_idb)?;
        }
        Ok(out)
    })
    .await?;
    Ok(decode_readable(&values))
}

async fn list_values(kind: Kind) -> Result<Vec<JsValue>, StoreError> {
    with_db_for(Some(kind), |db| async move {
        let tx = db
            .transaction(&[RECORDS], TransactionMode::ReadOnly)
            .map_err(StoreError::from_idb)?;
        let index = tx
            .object_store(RECORDS)
            .and_then(|s| s.index("kind"))
            .map_err(StoreError::from_idb)?;
        let query = Query::Key(JsValue::from(kind.as_str()));
        index
            .get_all(Some(query), None)
            .map_err(StoreError::from_idb)?
            .await
            .map_err(StoreError::from_idb)
    })
    .await
}

/// Saves a scratch record under a fixed id, whatever is stored there (drafts: the
/// last keystroke wins). Revisions are not checked.
pub async fn put_scratch<T: Body>(id: &RecordId, body: T) -> Result<(), StoreError> {
    let now = now();
    let mut meta = Meta::new(id.clone(), T::KIND, now);
    meta.rev = 1;
    let value = codec::encode(&Record { meta, body })?;
    with_db(|db| {
        let value = value.clone();
        async move {
            let tx = db
                .transaction(&[RECORDS], TransactionMode::ReadWrite)
                .map_err(StoreError::from_idb)?;
            let store = tx.object_store(RECORDS).map_err(StoreError::from_idb)?;
            store.put(&value, None).map_err(StoreError::from_idb)?;
            commit(tx).await
        }
    })
    .await
}

/// Removes a record for good (drafts once saved; the trash when emptied).
pub async fn remove<T: Body>(id: &RecordId) -> Result<(), StoreError> {
    let key = codec::key(T::KIND, id);
    with_db(|db| {
        let key = key.clone();
        async move {
            let journal = T::KIND == Kind::JournalEntry;
            let tx = db
                .transaction(stores(journal), TransactionMode::ReadWrite)
                .map_err(StoreError::from_idb)?;
            let store = tx.object_store(RECORDS).map_err(StoreError::from_idb)?;
            if journal {
                // Its month's summary lets go of it in the same transaction.
                let stored = store
                    .get(JsValue::from(key.as_str()))
                    .map_err(StoreError::from_idb)?
                    .await
                    .map_err(StoreError::from_idb)?;
                if let Some(stored) = stored {
                    months::note_write(&tx, Some(&stored), None).await?;
                }
            }
            store
                .delete(JsValue::from(key))
                .map_err(StoreError::from_idb)?;
            commit(tx).await
        }
    })
    .await?;
    sync::changed(T::KIND);
    Ok(())
}

/// Writes `record` if the stored revision is `expected` (`None`: nothing stored yet),
/// and removes the draft `draft` in the same transaction.
async fn write<T: Body>(
    record: &Record<T>,
    expected: Option<u32>,
    draft: Option<&RecordId>,
) -> Result<(), StoreError> {
    let value = codec::encode(record)?;
    let key = codec::key(record.meta.kind, &record.meta.id);
    let draft_key = draft.map(|d| codec::key(Kind::Draft, d));
    // A journal entry as its month's summary will keep it.
    let entry = match record.meta.kind {
        Kind::JournalEntry => Some(codec::decode::<JournalEntry>(&value)?),
        _ => None,
    };
    with_db(|db| {
        let value = value.clone();
        let key = key.clone();
        let draft_key = draft_key.clone();
        let entry = entry.clone();
        async move {
            let tx = db
                .transaction(stores(entry.is_some()), TransactionMode::ReadWrite)
                .map_err(StoreError::from_idb)?;
            let store = tx.object_store(RECORDS).map_err(StoreError::from_idb)?;
            let stored = store
                .get(JsValue::from(key))
                .map_err(StoreError::from_idb)?
                .await
                .map_err(StoreError::from_idb)?;
            let stored_rev = match &stored {
                Some(v) => Some(codec::decode_meta(v)?.rev),
                None => None,
            };
            if stored_rev != expected {
                let _ = tx.abort();
                return Err(StoreError::Conflict {
                    stored: stored_rev.unwrap_or(0),
                });
            }
            store.put(&value, None).map_err(StoreError::from_idb)?;
            if let Some(entry) = &entry {
                months::note_write(&tx, stored.as_ref(), Some(entry)).await?;
            }
            if let Some(draft_key) = draft_key {
                store
                    .delete(JsValue::from(draft_key))
                    .map_err(StoreError::from_idb)?;
            }
            commit(tx).await
        }
    })
    .await?;
    sync::changed(record.meta.kind);
    if draft.is_some() {
        sync::changed(Kind::Draft);
    }
    Ok(())
}

/// The object stores a write uses: a journal entry's also rewrites its month's
/// summary, and may reset the summaries' flag in `META`.
fn stores(journal: bool) -> &'static [&'static str] {
    if journal {
        &[RECORDS, META]
    } else {
        &[RECORDS]
    }
}

async fn commit(tx: idb::Transaction) -> Result<(), StoreError> {
    commit_on(tx, RECORDS).await
}

/// Waits for `tx` (which uses the object store `name`) to commit, and says why not.
pub(super) async fn commit_on(tx: idb::Transaction, name: &str) -> Result<(), StoreError> {
    // A second handle on the same transaction, to read why it aborted.
    let probe = tx.object_store(name).map(|s| s.transaction());
    match tx.await {
        Ok(result) if result.is_committed() => Ok(()),
        Ok(_) => Err(
            probe.map_or(StoreError::Other("transaction aborted".into()), |p| {
                abort_reason(&p)
            }),
        ),
        Err(e) => Err(StoreError::from_idb(e)),
    }
}

fn abort_reason(tx: &idb::Transaction) -> StoreError {
    match tx.error() {
        Some(e) => StoreError::from_text(format!("{}: {}", e.name(), e.message())),
        None => StoreError::Other("transaction aborted".into()),
    }
}
