//! IndexedDB schema: a version number and one migration step per version.
//!
//! Steps are additive and never edited once shipped. Each is tested on a saved
//! database of the version before it (tests/web/migration.rs).
//!
//! - v1: object store `records`, key path `key` ("kind:id"), index `kind`.
//! - v2: index `updated` on `records`; object store `meta`; every record gains a
//!   revision (`rev`, 1 for old records) and a codec tag (`enc`, "json").
//! - v3: object store `blobs` (pictures, keyed by id outside the value).
//! - v4: the journal's month summaries (records of kind `journal_month`, id `YYYY-MM`,
//!   see `store::months`), built from the entries, and the `meta` flag saying they
//!   are complete.

use idb::{Database, IndexParams, KeyPath, ObjectStoreParams, Transaction};
use wasm_bindgen::JsValue;

use super::StoreError;

pub const DB_NAME: &str = "between";
pub const VERSION: u32 = 4;
pub const RECORDS: &str = "records";
pub const META: &str = "meta";
pub const BLOBS: &str = "blobs";

/// Runs every step after `from` up to `to`, inside the versionchange transaction.
/// On an error the caller aborts that transaction (`db::open_at`), so nothing
/// half-migrated is kept. A version with no step is an error, never a panic.
pub fn upgrade(db: &Database, tx: &Transaction, from: u32, to: u32) -> Result<(), StoreError> {
    for version in from + 1..=to {
        match version {
            1 => v1(db),
            2 => v2(db, tx),
            3 => v3(db),
            4 => v4(tx, from),
            _ => {
                return Err(StoreError::Other(format!(
                    "no migration step for version {version}"
                )))
            }
        }
        .map_err(StoreError::from_idb)?;
    }
    Ok(())
}

fn v1(db: &Database) -> Result<(), idb::Error> {
    let mut params = ObjectStoreParams::new();
    params.key_path(Some(KeyPath::new_single("key")));
    let records = db.create_object_store(RECORDS, params)?;
    records.create_index(
        "kind",
        KeyPath::new_single("kind"),
        Some(IndexParams::new()),
    )?;
    Ok(())
}

fn v2(db: &Database, tx: &Transaction) -> Result<(), idb::Error> {
    let records = tx.object_store(RECORDS)?;
    records.create_index(
        "updated",
        KeyPath::new_single("updated"),
        Some(IndexParams::new()),
    )?;
    db.create_object_store(META, ObjectStoreParams::new())?;
    // Old records get a revision and a codec tag. The requests run inside the
    // versionchange transaction, so opening the database waits for them. A request
    // that fails aborts the transaction (its error is not handled), and so does any
    // other failure here: the open fails rather than keep a half-migrated database.
    let all = records.get_all(None, None)?;
    wasm_bindgen_futures::spawn_local(async move {
        let result = async {
            for value in all.await? {
                let rev = js_sys::Reflect::get(&value, &"rev".into()).unwrap_or(JsValue::UNDEFINED);
                if rev.is_undefined() {
                    let set = |field: &str, v: &JsValue| {
                        js_sys::Reflect::set(&value, &field.into(), v)
                            .ok()
                            .filter(|ok| *ok)
                    };
                    set("rev", &1.into())
                        .ok_or(idb::Error::UnexpectedJsType("object", value.clone()))?;
                    set("enc", &"json".into())
                        .ok_or(idb::Error::UnexpectedJsType("object", value.clone()))?;
                    // Not awaited: the transaction waits for it, and aborts if it fails.
                    drop(records.put(&value, None)?);
                }
            }
            Ok::<(), idb::Error>(())
        }
        .await;
        if let Err(e) = result {
            web_sys::console::error_1(&format!("migration to version 2 failed: {e}").into());
            let _ = records.transaction().abort();
        }
    });
    Ok(())
}

fn v3(db: &Database) -> Result<(), idb::Error> {
    db.create_object_store(BLOBS, ObjectStoreParams::new())?;
    Ok(())
}

fn v4(tx: &Transaction, from: u32) -> Result<(), idb::Error> {
    if from < 2 {
        // A new database has no entries, and v2's step is still rewriting v1's
        // records in this transaction (they have no revision yet, so they cannot be
        // read here): either way the summaries are left to the first read, which
        // finds no flag and builds them (`store::months`).
        return Ok(());
    }
    let records = tx.object_store(RECORDS)?;
    let meta = tx.object_store(META)?;
    let kind = JsValue::from(crate::domain::record::Kind::JournalEntry.as_str());
    let entries = records
        .index("kind")?
        .get_all(Some(idb::Query::Key(kind)), None)?;
    // As in v2: inside the versionchange transaction, which aborts on any failure.
    wasm_bindgen_futures::spawn_local(async move {
        let result = async {
            let values = entries.await?;
            let now = js_sys::Date::now() as crate::domain::record::Millis;
            let summaries = super::months::summaries_of(&values, now)
                .map_err(|e| idb::Error::UnexpectedJsType("summary", e.to_string().into()))?;
            for value in summaries {
                // Not awaited: the transaction waits for it, and aborts if it fails.
                drop(records.put(&value, None)?);
            }
            drop(meta.put(
                &super::months::FLAG_VERSION.into(),
                Some(&JsValue::from(super::months::FLAG)),
            )?);
            Ok::<(), idb::Error>(())
        }
        .await;
        if let Err(e) = result {
            web_sys::console::error_1(&format!("migration to version 4 failed: {e}").into());
            let _ = records.transaction().abort();
        }
    });
    Ok(())
}
