//! IndexedDB schema: a version number and one migration step per version.
//!
//! Steps are additive and never edited once shipped. Each is tested on a saved
//! database of the version before it (tests/web/migration.rs).
//!
//! - v1: object store `records`, key path `key` ("kind:id"), index `kind`.
//! - v2: index `updated` on `records`; object store `meta`; every record gains a
//!   revision (`rev`, 1 for old records) and a codec tag (`enc`, "json").
//! - v3: object store `blobs` (pictures, keyed by id outside the value).

use idb::{Database, IndexParams, KeyPath, ObjectStoreParams, Transaction};
use wasm_bindgen::JsValue;

pub const DB_NAME: &str = "between";
pub const VERSION: u32 = 3;
pub const RECORDS: &str = "records";
pub const META: &str = "meta";
pub const BLOBS: &str = "blobs";

/// Runs every step after `from` up to `to`, inside the versionchange transaction.
pub fn upgrade(db: &Database, tx: &Transaction, from: u32, to: u32) -> Result<(), idb::Error> {
    for version in from + 1..=to {
        match version {
            1 => v1(db)?,
            2 => v2(db, tx)?,
            3 => v3(db)?,
            _ => unreachable!("no migration step for version {version}"),
        }
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
    // versionchange transaction, so opening the database waits for them.
    let all = records.get_all(None, None)?;
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(values) = all.await else { return };
        for value in values {
            let rev = js_sys::Reflect::get(&value, &"rev".into()).unwrap_or(JsValue::UNDEFINED);
            if rev.is_undefined() {
                let _ = js_sys::Reflect::set(&value, &"rev".into(), &1.into());
                let _ = js_sys::Reflect::set(&value, &"enc".into(), &"json".into());
                let _ = records.put(&value, None);
            }
        }
    });
    Ok(())
}

fn v3(db: &Database) -> Result<(), idb::Error> {
    db.create_object_store(BLOBS, ObjectStoreParams::new())?;
    Ok(())
}
