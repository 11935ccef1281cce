//! The passcode lock's state (issue 12): the plain header, the data key in memory while
//! unlocked, and the passes that encrypt or decrypt everything stored.
//!
//! The header lives in localStorage (`between.lock`), not in IndexedDB's `meta`
//! store: the app must know before it draws anything whether to start locked, and
//! localStorage answers synchronously. It holds no secret (the wrapped data key, the
//! salt, the KDF parameters). Clearing site data removes it with the database.
//!
//! The data key lives only in [`KEY`], a module-level cell, while unlocked. Locking
//! wipes it and reloads the page, which drops every decrypted value in memory.

use std::cell::RefCell;

use gloo_storage::{LocalStorage, Storage};
use idb::{KeyRange, Query, TransactionMode};
use wasm_bindgen::JsValue;

use crate::crypto::{self, web, Header, Key, LockState};
use crate::domain::record::Kind;

use super::db::with_db;
use super::records::commit_on;
use super::schema::{BLOBS, RECORDS};
use super::{blobs, codec, sync, StoreError};

const HEADER: &str = "between.lock";
const FAILS: &str = "between.lock_fails";
const OFFER_DISMISSED: &str = "between.lock_offer_dismissed";
/// Records resealed per transaction by a pass.
const BATCH: u32 = 50;

thread_local! {
    static KEY: RefCell<Option<Key>> = const { RefCell::new(None) };
}

/// The header, if the lock is on (or being turned on or off). A header this version
/// cannot read still means "on": the app stays locked rather than write in the clear.
pub fn header() -> Option<Header> {
    let text = LocalStorage::raw().get_item(HEADER).ok().flatten()?;
    Header::parse(&text).ok()
}

fn header_present() -> bool {
    LocalStorage::raw()
        .get_item(HEADER)
        .ok()
        .flatten()
        .is_some()
}

fn save_header(h: &Header) -> Result<(), StoreError> {
    LocalStorage::raw()
        .set_item(HEADER, &h.to_text())
        .map_err(|_| StoreError::QuotaExceeded)
}

/// Whether a passcode is set.
pub fn is_on() -> bool {
    header_present()
}

/// Whether personal data is out of reach until the person unlocks.
pub fn is_locked() -> bool {
    header_present() && KEY.with(|k| k.borrow().is_none())
}

/// The data key, while unlocked.
pub(super) fn key() -> Option<Key> {
    KEY.with(|k| *k.borrow())
}

fn set_key(key: Option<Key>) {
    KEY.with(|k| {
        if let Some(old) = k.borrow_mut().as_mut() {
            old.fill(0);
        }
        *k.borrow_mut() = key;
    });
}

/// Wipes the data key from memory (the caller reloads the page to drop the rest).
pub fn forget_key() {
    set_key(None);
}

fn help_kind(kind: Kind) -> bool {
    matches!(kind, Kind::SafetyPlan | Kind::SupportPerson)
}

/// Whether records of `kind` may be read while locked: the safety plan and people,
/// when the person chose to show them on the lock screen.
pub(super) fn readable_while_locked(kind: Kind) -> bool {
    help_kind(kind) && header().is_some_and(|h| h.plain_help)
}

/// How records are written now.
pub(super) struct Sealing {
    key: Option<Key>,
    plain_help: bool,
}

impl Sealing {
    /// The key to seal a record of `kind` with; `None`: stored as plain JSON.
    pub(super) fn key_for(&self, kind: Kind) -> Option<Key> {
        if self.plain_help && help_kind(kind) {
            None
        } else {
            self.key
        }
    }
}

/// How to write now: in the clear without a lock (or while turning it off), sealed
/// with the data key with it. Locked: nothing personal can be written.
pub(super) fn sealing() -> Result<Sealing, StoreError> {
    let Some(h) = header() else {
        return if header_present() {
            Err(StoreError::Locked)
        } else {
            Ok(Sealing {
                key: None,
                plain_help: false,
            })
        };
    };
    if h.state == LockState::TurningOff {
        return Ok(Sealing {
            key: None,
            plain_help: h.plain_help,
        });
    }
    match key() {
        Some(k) => Ok(Sealing {
            key: Some(k),
            plain_help: h.plain_help,
        }),
        None => Err(StoreError::Locked),
    }
}

/// A fresh nonce.
pub(super) fn nonce() -> Result<[u8; crypto::NONCE_LEN], StoreError> {
    web::random().map_err(StoreError::Other)
}

/// Why an unlock (or a passcode check) did not go through.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Wrong passcode; the next try waits this many seconds (0: at once).
    Wrong {
        wait: u32,
    },
    /// Too many wrong tries: wait this many seconds more.
    Wait(u32),
    /// Not a passcode that may be set (the words say why).
    Weak(&'static str),
    Store(StoreError),
}

impl From<StoreError> for Refused {
    fn from(e: StoreError) -> Refused {
        Refused::Store(e)
    }
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Wrong tries in a row and when the last was ("n,at").
fn fails() -> (u32, f64) {
    let text: String = LocalStorage::get(FAILS).unwrap_or_default();
    let mut parts = text.split(',');
    let n = parts.next().and_then(|n| n.parse().ok()).unwrap_or(0);
    let at = parts.next().and_then(|a| a.parse().ok()).unwrap_or(0.0);
    (n, at)
}

fn set_fails(n: u32) {
    if n == 0 {
        LocalStorage::delete(FAILS);
    } else {
        let _ = LocalStorage::set(FAILS, format!("{n},{}", now()));
    }
}

/// Seconds still to wait before the next try.
pub fn wait_left() -> u32 {
    let (n, at) = fails();
    let left = crypto::delay_after(n) as f64 * 1000.0 - (now() - at);
    if left > 0.0 {
        (left / 1000.0).ceil() as u32
    } else {
        0
    }
}

/// The data key behind `passcode`, counting a wrong one.
async fn check(h: &Header, passcode: &str) -> Result<Key, Refused> {
    let wait = wait_left();
    if wait > 0 {
        return Err(Refused::Wait(wait));
    }
    let salt = h
        .salt()
        .ok_or_else(|| Refused::Store(StoreError::Corrupt("lock header".into())))?;
    let kek = web::derive(passcode, &salt, h.kdf.iterations)
        .await
        .map_err(|e| Refused::Store(StoreError::Other(e)))?;
    match h.unwrap_key(&kek) {
        Ok(k) => {
            set_fails(0);
            Ok(k)
        }
        Err(_) => {
            let n = fails().0 + 1;
            set_fails(n);
            Err(Refused::Wrong {
                wait: crypto::delay_after(n),
            })
        }
    }
}

/// Unlocks with `passcode`. A pass left halfway (the tab closed while turning the
/// lock on or off) is finished afterwards by [`finish_pass`].
pub async fn unlock(passcode: &str) -> Result<(), Refused> {
    let h = header().ok_or(Refused::Store(StoreError::Corrupt("lock header".into())))?;
    let k = check(&h, passcode).await?;
    set_key(Some(k));
    Ok(())
}

/// Sets a passcode and encrypts everything stored. If the tab closes halfway, the
/// next unlock finishes it; every record stays readable meanwhile.
pub async fn turn_on(passcode: &str) -> Result<(), Refused> {
    crypto::check_passcode(passcode).map_err(Refused::Weak)?;
    if header_present() {
        return Err(Refused::Store(StoreError::Other("already on".into())));
    }
    let data: Key = web::random().map_err(StoreError::Other)?;
    let salt: [u8; crypto::SALT_LEN] = web::random().map_err(StoreError::Other)?;
    let kek = web::derive(passcode, &salt, crypto::PBKDF2_ITERATIONS)
        .await
        .map_err(StoreError::Other)?;
    let h = Header::new(&kek, &salt, &nonce()?, &data, LockState::TurningOn);
    set_key(Some(data));
    save_header(&h)?;
    finish_pass().await?;
    Ok(())
}

/// A new passcode: the data key is wrapped anew, one header write; nothing else changes.
pub async fn change(old: &str, new: &str) -> Result<(), Refused> {
    crypto::check_passcode(new).map_err(Refused::Weak)?;
    let h = header().ok_or(Refused::Store(StoreError::Other("not on".into())))?;
    let data = check(&h, old).await?;
    let salt: [u8; crypto::SALT_LEN] = web::random().map_err(StoreError::Other)?;
    let kek = web::derive(new, &salt, crypto::PBKDF2_ITERATIONS)
        .await
        .map_err(StoreError::Other)?;
    save_header(&h.rewrap(&kek, &salt, &nonce()?, &data))?;
    Ok(())
}

/// Turns the lock off with the current passcode: everything is decrypted back, then
/// the header goes.
pub async fn turn_off(passcode: &str) -> Result<(), Refused> {
    let mut h = header().ok_or(Refused::Store(StoreError::Other("not on".into())))?;
    let data = check(&h, passcode).await?;
    set_key(Some(data));
    h.state = LockState::TurningOff;
    save_header(&h)?;
    finish_pass().await?;
    Ok(())
}

/// Minutes of no use (or hidden) before locking; `None`: never.
pub fn idle_minutes() -> Option<u32> {
    header().and_then(|h| h.idle_minutes)
}

pub fn set_idle_minutes(minutes: Option<u32>) -> Result<(), StoreError> {
    let mut h = header().ok_or(StoreError::Other("not on".into()))?;
    h.idle_minutes = minutes;
    save_header(&h)
}

/// Whether the safety plan and people are kept readable for the lock screen.
pub fn plain_help() -> bool {
    header().is_some_and(|h| h.plain_help)
}

/// Keeps the safety plan and people readable (or encrypts them again), then
/// rewrites them so.
pub async fn set_plain_help(plain: bool) -> Result<(), StoreError> {
    let mut h = header().ok_or(StoreError::Other("not on".into()))?;
    if key().is_none() {
        return Err(StoreError::Locked);
    }
    h.plain_help = plain;
    save_header(&h)?;
    finish_pass().await
}

/// Brings every stored record and photo to the way the header says (sealed while
/// on, plain while turning off, the help kinds as chosen), in batches, then marks
/// the header done (removes it after turning off). Needs the key.
pub async fn finish_pass() -> Result<(), StoreError> {
    if header().is_none() || key().is_none() {
        return Ok(());
    }
    reseal_records().await?;
    reseal_blobs().await?;
    let Some(mut h) = header() else {
        return Ok(());
    };
    match h.state {
        LockState::TurningOn => {
            h.state = LockState::On;
            save_header(&h)?;
        }
        LockState::TurningOff => {
            LocalStorage::delete(HEADER);
            set_fails(0);
            set_key(None);
        }
        LockState::On => {}
    }
    for kind in Kind::ALL {
        sync::changed(kind);
    }
    Ok(())
}

async fn reseal_records() -> Result<(), StoreError> {
    let mut after: Option<JsValue> = None;
    loop {
        let policy = sealing()?;
        let lower = after.clone();
        let (last, full) = with_db(|db| {
            let lower = lower.clone();
            let policy = &policy;
            async move {
                let tx = db
                    .transaction(&[RECORDS], TransactionMode::ReadWrite)
                    .map_err(StoreError::from_idb)?;
                let store = tx.object_store(RECORDS).map_err(StoreError::from_idb)?;
                let query = match &lower {
                    Some(k) => Some(Query::KeyRange(
                        KeyRange::lower_bound(k, Some(true)).map_err(StoreError::from_idb)?,
                    )),
                    None => None,
                };
                let values = store
                    .get_all(query, Some(BATCH))
                    .map_err(StoreError::from_idb)?
                    .await
                    .map_err(StoreError::from_idb)?;
                for value in &values {
                    if let Some(next) = codec::reseal(value, policy)? {
                        store.put(&next, None).map_err(StoreError::from_idb)?;
                    }
                }
                let last = values.last().and_then(codec::stored_key);
                let full = values.len() == BATCH as usize;
                commit_on(tx, RECORDS).await?;
                Ok((last, full))
            }
        })
        .await?;
        match last {
            Some(k) if full => after = Some(JsValue::from(k)),
            _ => return Ok(()),
        }
    }
}

async fn reseal_blobs() -> Result<(), StoreError> {
    let ids: Vec<String> = with_db(|db| async move {
        let tx = db
            .transaction(&[BLOBS], TransactionMode::ReadOnly)
            .map_err(StoreError::from_idb)?;
        let keys = tx
            .object_store(BLOBS)
            .map_err(StoreError::from_idb)?
            .get_all_keys(None, None)
            .map_err(StoreError::from_idb)?
            .await
            .map_err(StoreError::from_idb)?;
        Ok(keys.into_iter().filter_map(|k| k.as_string()).collect())
    })
    .await?;
    for id in ids {
        blobs::reseal(&id).await?;
    }
    Ok(())
}

/// Whether the person said "Not now" to the gentle offer of a passcode.
pub fn offer_dismissed() -> bool {
    LocalStorage::get::<bool>(OFFER_DISMISSED).unwrap_or(false)
}

pub fn dismiss_offer() {
    let _ = LocalStorage::set(OFFER_DISMISSED, true);
}
