//! The only code that touches browser storage.
//!
//! - IndexedDB (`db`, `schema`, `records`): every record, as an opaque payload keyed by
//!   kind and id, with only kind and updated time indexed.
//! - `codec`: the one place a record is turned into what is stored and back; a passcode
//!   will encrypt there without touching the features.
//! - `blobs`: pictures (Blobs) by id, for photo cards.
//! - `prefs`: small preferences in localStorage.
//! - `persist`: persistent-storage request and usage figures.
//! - `sync`: tells other open tabs what changed.
//!
//! Features call the async fns here and get `Result<_, StoreError>`; they never see
//! `idb`, `gloo-storage` or `JsValue`.

pub mod blobs;
mod codec;
mod db;
mod error;
pub mod persist;
pub mod prefs;
mod records;
pub mod schema;
pub mod sync;

pub use db::{drop_connection_for_test, erase, open_at};
pub use error::StoreError;
pub use records::{
    create, create_clearing, delete, get, list, list_recent, purge_expired, put_scratch, remove,
    restore, update, update_clearing,
};

/// Closes the open connection so the next call reopens it (tests and version changes).
pub fn reset_connection() {
    db::reset();
}
