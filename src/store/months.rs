//! The journal's month summaries (`domain::journal_month`): one record per month,
//! kind `journal_month`, id `YYYY-MM`, stored through the codec like every record.
//!
//! Invariant: every write of a journal entry rewrites its month's summary (both
//! months when its date moved) in the same transaction, so a summary never disagrees
//! with the entries after a commit. The `meta` store's [`FLAG`] says the summaries
//! are complete; when it is missing (a summary could not be read, or a test seeded
//! entries behind the app's back), the next read rebuilds every summary from the
//! entries, once, in one transaction. Nothing is lost either way: the entries are
//! the truth, the summaries only a faster way to read them.

use std::collections::HashSet;
use std::future::IntoFuture;

use idb::{CursorDirection, KeyRange, ObjectStore, Query, Transaction, TransactionMode};
use wasm_bindgen::JsValue;

use crate::domain::journal::JournalEntry;
use crate::domain::journal_month::{month_of, JournalMonth, MonthItem};
use crate::domain::record::{Body, Kind, Meta, Millis, Record, RecordId};

use super::codec;
use super::db::with_db;
use super::records::{commit_on, decode_noting, now};
use super::schema::{META, RECORDS};
use super::StoreError;

/// Key in the `meta` store: present (at [`FLAG_VERSION`]) when every month's summary
/// is there and matches the entries.
pub const FLAG: &str = "journal_months";
/// Bumped if the summaries' shape changes: an older one is rebuilt once.
pub const FLAG_VERSION: u32 = 1;

/// The stored key of a month's summary.
pub fn key(month: &str) -> String {
    codec::key(Kind::JournalMonth, &RecordId(month.to_string()))
}

/// Every summary's key, and nothing else ("journal_month:" up to "journal_month;").
fn range() -> Result<KeyRange, StoreError> {
    let kind = Kind::JournalMonth.as_str();
    KeyRange::bound(
        &format!("{kind}:").into(),
        &format!("{kind};").into(),
        Some(false),
        Some(true),
    )
    .map_err(StoreError::from_idb)
}

/// A month's summary as a stored value.
fn encode(
    month: &str,
    summary: JournalMonth,
    rev: u32,
    now: Millis,
) -> Result<JsValue, StoreError> {
    let mut meta = Meta::new(RecordId(month.to_string()), Kind::JournalMonth, now);
    meta.rev = rev;
    codec::encode(&Record {
        meta,
        body: summary,
    })
}

/// The stored summaries of every readable entry among `values` (stored entries).
pub(super) fn summaries_of(values: &[JsValue], now: Millis) -> Result<Vec<JsValue>, StoreError> {
    let records: Vec<Record<JournalEntry>> = values
        .iter()
        .filter_map(|v| codec::decode(v).ok())
        .collect();
    JournalMonth::group(&records)
        .into_iter()
        .map(|(month, summary)| encode(&month, summary, 1, now))
        .collect()
}

/// In a write's transaction (on `RECORDS` and `META`): the entry stored as `old`
/// (`None`: new) is now `new` (`None`: removed for good). Rewrites the summaries of
/// the months concerned. A summary that cannot be read is left as it is and the flag
/// goes, so the next read rebuilds them all. On a failure the transaction is aborted:
/// the entry is not written without its summary.
pub(super) async fn note_write(
    tx: &Transaction,
    old: Option<&JsValue>,
    new: Option<&Record<JournalEntry>>,
) -> Result<(), StoreError> {
    let result = rewrite(tx, old, new).await;
    if result.is_err() {
        // A second handle on the same transaction (`abort` takes it by value).
        if let Ok(store) = tx.object_store(RECORDS) {
            let _ = store.transaction().abort();
        }
    }
    result
}

async fn rewrite(
    tx: &Transaction,
    old: Option<&JsValue>,
    new: Option<&Record<JournalEntry>>,
) -> Result<(), StoreError> {
    let records = tx.object_store(RECORDS).map_err(StoreError::from_idb)?;
    let mut stale = false;
    let (id, old_month) = match old {
        Some(v) => match codec::decode::<JournalEntry>(v) {
            Ok(r) => (Some(r.meta.id.clone()), Some(month_of(&r.body))),
            Err(_) => {
                stale = true;
                (codec::decode_meta(v).ok().map(|m| m.id), None)
            }
        },
        None => (None, None),
    };
    let Some(id) = new.map(|r| r.meta.id.clone()).or(id) else {
        return forget_flag(tx, stale);
    };
    let new_month = new.map(|r| month_of(&r.body));
    let mut months: Vec<&String> = old_month.iter().chain(new_month.iter()).collect();
    months.dedup();
    let now = now();
    for month in months {
        let key = key(month);
        let stored = records
            .get(JsValue::from(key.as_str()))
            .map_err(StoreError::from_idb)?
            .await
            .map_err(StoreError::from_idb)?;
        let (mut summary, rev) = match &stored {
            None => (JournalMonth::default(), 0),
            Some(v) => match codec::decode::<JournalMonth>(v) {
                Ok(r) => (r.body, r.meta.rev),
                Err(_) => {
                    stale = true;
                    continue;
                }
            },
        };
        summary.remove(&id);
        if let Some(r) = new.filter(|_| Some(month) == new_month.as_ref()) {
            summary.put(r);
        }
        if summary.items.is_empty() {
            records
                .delete(JsValue::from(key.as_str()))
                .map_err(StoreError::from_idb)?;
        } else {
            let value = encode(month, summary, rev + 1, now)?;
            records.put(&value, None).map_err(StoreError::from_idb)?;
        }
    }
    forget_flag(tx, stale)
}

fn forget_flag(tx: &Transaction, stale: bool) -> Result<(), StoreError> {
    if stale {
        tx.object_store(META)
            .and_then(|m| m.delete(JsValue::from(FLAG)))
            .map_err(StoreError::from_idb)?;
    }
    Ok(())
}

/// Rebuilds every summary from the entries, in one transaction, and sets the flag.
pub async fn rebuild() -> Result<(), StoreError> {
    with_db(|db| async move {
        let tx = db
            .transaction(&[RECORDS, META], TransactionMode::ReadWrite)
            .map_err(StoreError::from_idb)?;
        let records = tx.object_store(RECORDS).map_err(StoreError::from_idb)?;
        let values = records
            .index("kind")
            .and_then(|i| {
                i.get_all(
                    Some(Query::Key(JsValue::from(Kind::JournalEntry.as_str()))),
                    None,
                )
            })
            .map_err(StoreError::from_idb)?
            .await
            .map_err(StoreError::from_idb)?;
        records.delete(range()?).map_err(StoreError::from_idb)?;
        for value in summaries_of(&values, now())? {
            records.put(&value, None).map_err(StoreError::from_idb)?;
        }
        tx.object_store(META)
            .and_then(|m| m.put(&FLAG_VERSION.into(), Some(&JsValue::from(FLAG))))
            .map_err(StoreError::from_idb)?;
        commit_on(tx, RECORDS).await
    })
    .await
}

/// Asks whether the summaries are complete (the flag is there, at this version). The
/// answer is awaited later, so a read can be asked for in the same round trip.
fn ask_complete(
    tx: &Transaction,
) -> Result<impl std::future::Future<Output = Result<bool, StoreError>>, StoreError> {
    let request = tx
        .object_store(META)
        .and_then(|m| m.get(JsValue::from(FLAG)))
        .map_err(StoreError::from_idb)?
        .into_future();
    Ok(async move {
        let flag = request.await.map_err(StoreError::from_idb)?;
        Ok(flag.and_then(|f| f.as_f64()) == Some(FLAG_VERSION as f64))
    })
}

/// Runs `read` on complete summaries: rebuilds them first if they are not, or if
/// `read` finds one it cannot read (`Ok(None)`). If they cannot be rebuilt (a full
/// disk), `slow` answers from every entry instead: a read never fails because a
/// summary could not be written.
async fn fresh<T, F, Fut>(
    read: F,
    slow: impl FnOnce(Vec<Record<JournalEntry>>) -> T,
) -> Result<T, StoreError>
where
    F: Fn(idb::Database) -> Fut + Copy,
    Fut: std::future::Future<Output = Result<Option<T>, StoreError>>,
{
    if let Some(out) = with_db(read).await? {
        return Ok(out);
    }
    if rebuild().await.is_ok() {
        if let Some(out) = with_db(read).await? {
            return Ok(out);
        }
    }
    Ok(slow(super::records::list::<JournalEntry>().await?))
}

fn read_tx(db: &idb::Database) -> Result<(Transaction, ObjectStore), StoreError> {
    let tx = db
        .transaction(&[RECORDS, META], TransactionMode::ReadOnly)
        .map_err(StoreError::from_idb)?;
    let records = tx.object_store(RECORDS).map_err(StoreError::from_idb)?;
    Ok((tx, records))
}

/// Every summarised entry, in `tx`; `None` if the summaries are not complete or one
/// cannot be read (the caller rebuilds them).
async fn all_items(
    tx: &Transaction,
    records: &ObjectStore,
) -> Result<Option<Vec<Record<JournalEntry>>>, StoreError> {
    let complete = ask_complete(tx)?;
    let values = records
        .get_all(Some(Query::KeyRange(range()?)), None)
        .map_err(StoreError::from_idb)?
        .into_future();
    let (complete, values) = (complete.await, values.await);
    if !complete? {
        return Ok(None);
    }
    let values = values.map_err(StoreError::from_idb)?;
    let mut out = Vec::new();
    for v in &values {
        match items(v) {
            Some(list) => out.extend(list),
            None => return Ok(None),
        }
    }
    Ok(Some(out))
}

fn items(value: &JsValue) -> Option<Vec<Record<JournalEntry>>> {
    codec::decode::<JournalMonth>(value).ok().map(|r| {
        r.body
            .items
            .into_iter()
            .map(MonthItem::into_record)
            .collect()
    })
}

/// Every journal entry (deleted ones included) without its text, from the month
/// summaries: what Patterns and the entry form's suggestions need.
pub async fn journal_summaries() -> Result<Vec<Record<JournalEntry>>, StoreError> {
    fresh(
        |db| async move {
            let (tx, records) = read_tx(&db)?;
            all_items(&tx, &records).await
        },
        |all| all.iter().map(|r| MonthItem::of(r).into_record()).collect(),
    )
    .await
}

/// The newest `n` entries that are not deleted (by their date), in full, newest
/// first: the newest months' summaries are read until they hold `n`, then just those
/// entries, all in one transaction. For a journal's first screen.
pub async fn journal_newest(n: usize) -> Result<Vec<Record<JournalEntry>>, StoreError> {
    fresh(
        |db| async move {
            let (tx, records) = read_tx(&db)?;
            let complete = ask_complete(&tx)?;
            let request = records
                .open_cursor(Some(Query::KeyRange(range()?)), Some(CursorDirection::Prev))
                .map_err(StoreError::from_idb)?
                .into_future();
            // Both awaited either way: a request's handlers must outlive it.
            let (complete, cursor) = (complete.await, request.await);
            if !complete? {
                return Ok(None);
            }
            let mut found: Vec<Record<JournalEntry>> = Vec::new();
            if let Some(cursor) = cursor.map_err(StoreError::from_idb)? {
                let mut cursor = cursor.into_managed();
                loop {
                    let Some(value) = cursor.value().map_err(StoreError::from_idb)? else {
                        break;
                    };
                    match items(&value) {
                        Some(list) => {
                            found.extend(list.into_iter().filter(|r| !r.meta.is_deleted()))
                        }
                        None => return Ok(None),
                    }
                    if found.len() >= n {
                        break;
                    }
                    cursor.next(None).await.map_err(StoreError::from_idb)?;
                }
            }
            found.sort_unstable_by_key(|r| std::cmp::Reverse((r.body.at, r.meta.id.0.clone())));
            found.truncate(n);
            let ids: Vec<RecordId> = found.into_iter().map(|r| r.meta.id).collect();
            Ok(Some(get_entries(&records, &ids).await?))
        },
        |mut all| {
            all.retain(|r| !r.meta.is_deleted());
            all.sort_unstable_by_key(|r| std::cmp::Reverse((r.body.at, r.meta.id.0.clone())));
            all.truncate(n);
            all
        },
    )
    .await
}

/// The entries, in full, whose summary `pick` chooses (the trash's deleted ones, the
/// ones flagged for a session), read by id in one transaction.
pub async fn journal_picked(
    pick: fn(&Record<JournalEntry>) -> bool,
) -> Result<Vec<Record<JournalEntry>>, StoreError> {
    fresh(
        |db| async move {
            let (tx, records) = read_tx(&db)?;
            let Some(all) = all_items(&tx, &records).await? else {
                return Ok(None);
            };
            let ids: Vec<RecordId> = all.into_iter().filter(pick).map(|r| r.meta.id).collect();
            Ok(Some(get_entries(&records, &ids).await?))
        },
        |mut all| {
            all.retain(|r| pick(&MonthItem::of(r).into_record()));
            all
        },
    )
    .await
}

/// The readable entries among `ids`, in that order, from `records` (one transaction).
async fn get_entries(
    records: &ObjectStore,
    ids: &[RecordId],
) -> Result<Vec<Record<JournalEntry>>, StoreError> {
    let mut requests = Vec::with_capacity(ids.len());
    let mut seen = HashSet::new();
    for id in ids.iter().filter(|id| seen.insert(*id)) {
        let key = codec::key(JournalEntry::KIND, id);
        // Every request is made (and its handlers attached) before the first is awaited.
        requests.push(
            records
                .get(JsValue::from(key))
                .map_err(StoreError::from_idb)?
                .into_future(),
        );
    }
    // Every request is awaited, even after a failure: a request's handlers must
    // outlive it.
    let mut values = Vec::with_capacity(requests.len());
    for request in requests {
        values.push(request.await);
    }
    let mut out = Vec::with_capacity(values.len());
    for value in values {
        if let Some(value) = value.map_err(StoreError::from_idb)? {
            if let Ok(r) = decode_noting::<JournalEntry>(&value) {
                out.push(r);
            }
        }
    }
    Ok(out)
}
