//! Records this version of Between cannot read: a payload that is not JSON, an
//! encoding it does not know (a later version's), a missing field, a body that no
//! longer fits its type. They are never deleted or rewritten: lists leave them out,
//! and Settings counts them, so a later version (or an export) can still rescue them.

use std::cell::RefCell;
use std::collections::HashMap;

use idb::TransactionMode;
use wasm_bindgen::JsValue;

use super::codec;
use super::db::with_db;
use super::schema::RECORDS;
use super::StoreError;

thread_local! {
    /// Records whose envelope and JSON are fine but whose body did not decode into its
    /// type, found by `list`, `list_recent` or `get`: key and revision.
    static NOTED: RefCell<HashMap<String, Option<u32>>> = RefCell::new(HashMap::new());
}

/// Remembers that `value` could not be decoded into its type.
pub(super) fn note(value: &JsValue) {
    if let Some(key) = codec::stored_key(value) {
        NOTED.with(|n| n.borrow_mut().insert(key, codec::stored_rev(value)));
    }
}

/// Forgets an earlier failure for `value`, which decoded now (cheap when there is none).
pub(super) fn forget(value: &JsValue) {
    if NOTED.with(|n| n.borrow().is_empty()) {
        return;
    }
    if let Some(key) = codec::stored_key(value) {
        NOTED.with(|n| n.borrow_mut().remove(&key));
    }
}

/// Forgets every failure (the database was erased).
pub(super) fn clear() {
    NOTED.with(|n| n.borrow_mut().clear());
}

/// Whether `key` at revision `rev` was found unreadable by a typed decode.
pub(super) fn is_noted(key: &str, rev: Option<u32>) -> bool {
    NOTED.with(|n| n.borrow().get(key).is_some_and(|r| *r == rev))
}

/// What could not be read, for Settings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Unreadable {
    pub count: usize,
    /// The stored kind names of the unreadable records (a later version's kind
    /// included), each once, in the order first found.
    pub kinds: Vec<String>,
}

/// Counts the records this version cannot read. Reads every record once, so it is
/// meant for Settings, not for every screen.
pub async fn unreadable() -> Result<Unreadable, StoreError> {
    let values = with_db(|db| async move {
        let tx = db
            .transaction(&[RECORDS], TransactionMode::ReadOnly)
            .map_err(StoreError::from_idb)?;
        let store = tx.object_store(RECORDS).map_err(StoreError::from_idb)?;
        store
            .get_all(None, None)
            .map_err(StoreError::from_idb)?
            .await
            .map_err(StoreError::from_idb)
    })
    .await?;
    let mut out = Unreadable::default();
    for value in &values {
        let bad = match codec::check(value) {
            Err(_) => true,
            Ok(_) => {
                codec::stored_key(value).is_some_and(|k| is_noted(&k, codec::stored_rev(value)))
            }
        };
        if bad {
            out.count += 1;
            let kind = js_sys::Reflect::get(value, &"kind".into())
                .ok()
                .and_then(|k| k.as_string())
                .unwrap_or_else(|| "unknown".into());
            if !out.kinds.contains(&kind) {
                out.kinds.push(kind);
            }
        }
    }
    Ok(out)
}
