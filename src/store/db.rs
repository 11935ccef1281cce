//! The IndexedDB connection: opened once, migrated on open, reopened when the
//! browser drops it.

use std::cell::RefCell;
use std::future::{Future, IntoFuture};

use idb::{Database, DatabaseEvent, Event, Factory, Request};
use wasm_bindgen::JsValue;
use web_sys::IdbDatabase;

use super::schema::{self, DB_NAME, VERSION};
use super::StoreError;
use crate::domain::record::Kind;

thread_local! {
    static CONNECTION: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
    /// The open `warm` started, until the first read has waited for it.
    static WARMING: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

/// Forgets the cached connection; the next call opens a new one.
pub fn reset() {
    CONNECTION.with(|c| {
        if let Some(db) = c.borrow_mut().take() {
            db.close();
        }
    });
}

/// Opens the database at `version`, running the migration steps it needs. A step
/// that fails aborts the upgrade, so the database stays as it was and the open fails.
/// A database already at a later version fails with `StoreError::NewerVersion`.
/// Only tests open an older version, to build a fixture of an old schema.
pub async fn open_at(name: &str, version: u32) -> Result<Database, StoreError> {
    open_request(name, version)?.await.map_err(open_error)
}

/// Asks the browser to open the database now; the answer is the returned future.
fn open_request(
    name: &str,
    version: u32,
) -> Result<impl Future<Output = Result<Database, idb::Error>>, StoreError> {
    let factory = Factory::new().map_err(|e| StoreError::Unavailable(e.to_string()))?;
    let mut request = factory
        .open(name, Some(version))
        .map_err(|e| StoreError::Unavailable(e.to_string()))?;
    request.on_upgrade_needed(move |event| {
        let from = event.old_version().unwrap_or(0);
        let tx = match event.target().map(|t| t.transaction()) {
            Ok(Some(tx)) => tx,
            _ => {
                web_sys::console::error_1(&"migration failed: no upgrade transaction".into());
                return;
            }
        };
        let result = event
            .database()
            .map_err(StoreError::from_idb)
            .and_then(|db| schema::upgrade(&db, &tx, from, version));
        if let Err(e) = result {
            web_sys::console::error_1(&format!("migration from version {from} failed: {e}").into());
            // Nothing half-done is kept: the open fails and the database stays as it was.
            let _ = tx.abort();
        }
    });
    Ok(request.into_future())
}

fn open_error(e: idb::Error) -> StoreError {
    match &e {
        idb::Error::DomException(d) if d.name() == "VersionError" => StoreError::NewerVersion,
        _ => StoreError::Unavailable(e.to_string()),
    }
}

/// Starts opening the database at once, before the first screen asks for anything,
/// so its first read does not wait for the open. Called before the app mounts; a
/// failure here is left for the first read to meet and report.
pub fn warm() {
    if let Ok(open) = open_request(DB_NAME, VERSION) {
        let opened = wasm_bindgen_futures::future_to_promise(async move {
            if let Ok(db) = open.await {
                if CONNECTION.with(|c| c.borrow().is_none()) {
                    keep(db);
                }
            }
            Ok(JsValue::UNDEFINED)
        });
        WARMING.with(|w| *w.borrow_mut() = Some(opened));
    }
}

async fn connection() -> Result<Database, StoreError> {
    // Opening already (`warm`): wait for it rather than open a second time.
    if let Some(opening) = WARMING.with(|w| w.borrow_mut().take()) {
        let _ = wasm_bindgen_futures::JsFuture::from(opening).await;
    }
    if let Some(raw) = CONNECTION.with(|c| c.borrow().clone()) {
        return Ok(Database::from(raw));
    }
    let db = open_at(DB_NAME, VERSION).await?;
    Ok(keep(db))
}

/// Keeps `db` as the connection, watching for the browser or another tab closing it.
fn keep(mut db: Database) -> Database {
    // Another tab with a newer version wants to upgrade: let it, and reopen later.
    db.on_version_change(|_| reset());
    // The browser closed the connection (storage cleared, disk trouble).
    db.on_close(|_| {
        CONNECTION.with(|c| c.borrow_mut().take());
    });
    // The handlers live as long as the connection, which outlives this wrapper.
    db.forget_callbacks();
    let raw = IdbDatabase::from(db);
    CONNECTION.with(|c| *c.borrow_mut() = Some(raw.clone()));
    Database::from(raw)
}

/// Runs `op` on the connection. If the connection turns out to be dropped, it is
/// reopened and `op` tried once more. While the passcode lock is locked, nothing is
/// read or written: `StoreError::Locked`.
pub async fn with_db<T, F, Fut>(op: F) -> Result<T, StoreError>
where
    F: Fn(Database) -> Fut,
    Fut: Future<Output = Result<T, StoreError>>,
{
    with_db_for(None, op).await
}

/// `with_db` for a read of records of `kind`: the safety plan and people may be read
/// while locked when the person chose to show them on the lock screen.
pub async fn with_db_for<T, F, Fut>(kind: Option<Kind>, op: F) -> Result<T, StoreError>
where
    F: Fn(Database) -> Fut,
    Fut: Future<Output = Result<T, StoreError>>,
{
    if super::lock::is_locked() && !kind.is_some_and(super::lock::readable_while_locked) {
        return Err(StoreError::Locked);
    }
    let db = connection().await?;
    match op(db).await {
        Err(e) if e.is_connection_lost() => {
            CONNECTION.with(|c| c.borrow_mut().take());
            let db = connection().await?;
            op(db).await
        }
        other => other,
    }
}

/// Deletes the whole database: every record of every kind.
pub async fn erase() -> Result<(), StoreError> {
    reset();
    super::unreadable::clear();
    let factory = Factory::new().map_err(|e| StoreError::Unavailable(e.to_string()))?;
    factory
        .delete(DB_NAME)
        .map_err(|e| StoreError::Unavailable(e.to_string()))?
        .await
        .map_err(|e| StoreError::Unavailable(e.to_string()))
}

/// Closes the connection behind the store's back, as a browser does when it drops
/// it. Only for tests of the reconnect path.
#[doc(hidden)]
pub fn drop_connection_for_test() {
    CONNECTION.with(|c| {
        if let Some(db) = c.borrow().as_ref() {
            db.close();
        }
    });
}
