//! The only code that touches browser storage.
//!
//! - IndexedDB (`db`, `schema`, `records`): every record, as an opaque payload keyed by
//!   kind and id, with only kind and updated time indexed.
//! - `codec`: the one place a record is turned into what is stored and back; a passcode
//!   will encrypt there without touching the features.
//! - `months`: the journal's summary per month, written with every entry, read by
//!   Patterns and the journal's first screen instead of every entry.
//! - `backup`, `backup_crypto`: the backup file (plain records, locked with a
//!   passphrase), import in one transaction, "Delete all my data".
//! - `blobs`: pictures (Blobs) by id, for photo cards (sealed like records while the
//!   passcode lock is on).
//! - `lock`: the passcode lock: its plain header, the data key in memory while
//!   unlocked, and the passes that encrypt or decrypt everything.
//! - `prefs`: small preferences in localStorage.
//! - `persist`: persistent-storage request and usage figures.
//! - `sync`: tells other open tabs what changed.
//! - `unreadable`: records this version cannot read, left as they are and counted.
//! - `housekeeping`: at start-up, the trash's expired records and unused photos go.
//!
//! Features call the async fns here and get `Result<_, StoreError>`; they never see
//! `idb`, `gloo-storage` or `JsValue`.

pub mod backup;
pub mod backup_crypto;
pub mod blobs;
mod codec;
mod db;
mod error;
pub mod housekeeping;
pub mod lock;
pub mod months;
pub mod persist;
pub mod prefs;
mod records;
pub mod schema;
pub mod sync;
mod unreadable;

pub use db::{drop_connection_for_test, erase, open_at, warm};
pub use error::StoreError;
pub use housekeeping::housekeeping;
pub use months::{journal_newest, journal_picked, journal_summaries};
pub use records::{
    create, create_clearing, delete, get, is_empty, list, list_chunked, list_recent, put_scratch,
    remove, restore, update, update_clearing,
};
pub use unreadable::{unreadable, Unreadable};

/// How many records `list_chunked` reads at a time (for its tests).
pub fn records_chunk() -> u32 {
    records::CHUNK
}

/// Closes the open connection so the next call reopens it (tests and version changes).
pub fn reset_connection() {
    db::reset();
}
