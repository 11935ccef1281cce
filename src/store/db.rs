//! The IndexedDB connection: opened once, migrated on open, reopened when the
//! browser drops it.

use std::cell::RefCell;
use std::future::Future;

use idb::{Database, DatabaseEvent, Event, Factory, Request};
use web_sys::IdbDatabase;

use super::schema::{self, DB_NAME, VERSION};
use super::StoreError;

thread_local! {
    static CONNECTION: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
}

/// Forgets the cached connection; the next call opens a new one.
pub fn reset() {
    CONNECTION.with(|c| {
        if let Some(db) = c.borrow_mut().take() {
            db.close();
        }
    });
}

/// Opens the database at `version`, running the migration steps it needs.
/// Only tests open an older version, to build a fixture of an old schema.
pub async fn open_at(name: &str, version: u32) -> Result<Database, StoreError> {
    let factory = Factory::new().map_err(|e| StoreError::Unavailable(e.to_string()))?;
    let mut request = factory
        .open(name, Some(version))
        .map_err(|e| StoreError::Unavailable(e.to_string()))?;
    request.on_upgrade_needed(move |event| {
        let from = event.old_version().unwrap_or(0);
        let result = event.database().and_then(|db| {
            let tx = event
                .target()?
                .transaction()
                .ok_or(idb::Error::EventTargetNotFound)?;
            schema::upgrade(&db, &tx, from, version)
        });
        if let Err(e) = result {
            web_sys::console::error_1(&format!("migration failed: {e}").into());
        }
    });
    request
        .await
        .map_err(|e| StoreError::Unavailable(e.to_string()))
}

async fn connection() -> Result<Database, StoreError> {
    if let Some(raw) = CONNECTION.with(|c| c.borrow().clone()) {
        return Ok(Database::from(raw));
    }
    let mut db = open_at(DB_NAME, VERSION).await?;
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
    Ok(Database::from(raw))
}

/// Runs `op` on the connection. If the connection turns out to be dropped, it is
/// reopened and `op` tried once more.
pub async fn with_db<T, F, Fut>(op: F) -> Result<T, StoreError>
where
    F: Fn(Database) -> Fut,
    Fut: Future<Output = Result<T, StoreError>>,
{
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
