//! The one place a record becomes what IndexedDB keeps, and back.
//!
//! Stored value: `{ key, kind, id, created, updated, deleted, rev, enc, payload }`.
//! Only `kind` and `updated` are indexed; the body is an opaque `payload` string
//! tagged by `enc`: "json" (the body's JSON text) or, with the passcode lock on,
//! "x1" (base64 of a 24-byte nonce and the XChaCha20-Poly1305 ciphertext of that
//! JSON under the data key, the record's key "kind:id" bound in as associated data,
//! see `crate::crypto`). Each record says how it is stored, so both kinds mix
//! safely while the lock is being turned on or off.

use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::record::{Body, Kind, Meta, Millis, Record, RecordId};

use super::lock::{self, Sealing};
use super::StoreError;

pub const ENC_JSON: &str = "json";
pub const ENC_X1: &str = "x1";

pub fn key(kind: Kind, id: &RecordId) -> String {
    format!("{}:{}", kind.as_str(), id.as_str())
}

pub fn encode<T: Body>(record: &Record<T>) -> Result<JsValue, StoreError> {
    let json = serde_json::to_string(&record.body).map_err(|e| StoreError::Other(e.to_string()))?;
    let m = &record.meta;
    let (enc, payload) = seal(&lock::sealing()?, m.kind, &key(m.kind, &m.id), json)?;
    let obj = Object::new();
    set(&obj, "key", &key(m.kind, &m.id).into());
    set(&obj, "kind", &m.kind.as_str().into());
    set(&obj, "id", &m.id.as_str().into());
    set(&obj, "created", &(m.created as f64).into());
    set(&obj, "updated", &(m.updated as f64).into());
    set(
        &obj,
        "deleted",
        &m.deleted.map_or(JsValue::NULL, |d| (d as f64).into()),
    );
    set(&obj, "rev", &m.rev.into());
    set(&obj, "enc", &enc.into());
    set(&obj, "payload", &payload.into());
    Ok(obj.into())
}

/// Reads the envelope only, without touching the payload.
pub fn decode_meta(value: &JsValue) -> Result<Meta, StoreError> {
    let kind = get_str(value, "kind")?;
    Ok(Meta {
        id: RecordId(get_str(value, "id")?),
        kind: Kind::parse(&kind)
            .ok_or_else(|| StoreError::Corrupt(format!("unknown kind {kind}")))?,
        created: get_num(value, "created")? as Millis,
        updated: get_num(value, "updated")? as Millis,
        deleted: get(value, "deleted").as_f64().map(|d| d as Millis),
        rev: get_num(value, "rev")? as u32,
    })
}

/// The payload as `policy` says a record of `kind` under `key` is stored now.
fn seal(
    policy: &Sealing,
    kind: Kind,
    key: &str,
    json: String,
) -> Result<(&'static str, String), StoreError> {
    Ok(match policy.key_for(kind) {
        None => (ENC_JSON, json),
        Some(k) => (
            ENC_X1,
            crate::crypto::seal_text(&k, &lock::nonce()?, key, &json),
        ),
    })
}

/// The body's JSON text, decrypted when it is sealed (`Locked` without the key).
fn plain_payload(value: &JsValue, meta: &Meta) -> Result<String, StoreError> {
    let enc = get_str(value, "enc")?;
    let payload = get_str(value, "payload")?;
    match enc.as_str() {
        ENC_JSON => Ok(payload),
        ENC_X1 => {
            let k = lock::key().ok_or(StoreError::Locked)?;
            crate::crypto::open_text(&k, &key(meta.kind, &meta.id), &payload)
                .map_err(|_| StoreError::Corrupt("could not be decrypted".into()))
        }
        _ => Err(StoreError::Corrupt(format!("unknown encoding {enc}"))),
    }
}

/// `value` stored as `policy` says, if it is not already (`None`: nothing to do, or
/// a record this version cannot read, which is left as it is). Envelope and revision
/// stay the same: only `enc` and `payload` change.
pub fn reseal(value: &JsValue, policy: &Sealing) -> Result<Option<JsValue>, StoreError> {
    let Ok(meta) = decode_meta(value) else {
        return Ok(None);
    };
    let enc = get(value, "enc").as_string().unwrap_or_default();
    let want = if policy.key_for(meta.kind).is_some() {
        ENC_X1
    } else {
        ENC_JSON
    };
    if enc == want {
        return Ok(None);
    }
    let json = match plain_payload(value, &meta) {
        Ok(j) => j,
        Err(StoreError::Locked) => return Err(StoreError::Locked),
        Err(_) => return Ok(None),
    };
    let (enc, payload) = seal(policy, meta.kind, &key(meta.kind, &meta.id), json)?;
    let next = Object::assign(&Object::new(), value.unchecked_ref());
    set(&next, "enc", &enc.into());
    set(&next, "payload", &payload.into());
    Ok(Some(next.into()))
}

pub fn decode<T: Body>(value: &JsValue) -> Result<Record<T>, StoreError> {
    let meta = decode_meta(value)?;
    let payload = plain_payload(value, &meta)?;
    let body = serde_json::from_str(&payload).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    Ok(Record { meta, body })
}

/// The stored key ("kind:id") of a stored value, if it has one.
pub fn stored_key(value: &JsValue) -> Option<String> {
    get(value, "key").as_string()
}

/// The stored revision, if readable.
pub fn stored_rev(value: &JsValue) -> Option<u32> {
    get(value, "rev").as_f64().map(|r| r as u32)
}

/// The payload's JSON text, when this version can look inside it ("json", or "x1"
/// while unlocked; whether it parses is not checked). `None` for an encoding this
/// version does not know (a later version's) or cannot open now, whose payload may
/// refer to anything.
pub fn inspectable_payload(value: &JsValue) -> Option<String> {
    match get(value, "enc").as_string().as_deref() {
        Some(ENC_JSON) => get(value, "payload").as_string(),
        Some(ENC_X1) => plain_payload(value, &decode_meta(value).ok()?).ok(),
        _ => None,
    }
}

/// Checks, without knowing the body's type, that a stored value can be read: its
/// envelope, its encoding and that its payload is JSON. A body that is JSON but not
/// of its type is found when it is decoded (see `records::list`).
pub fn check(value: &JsValue) -> Result<Meta, StoreError> {
    let meta = decode_meta(value)?;
    let payload = plain_payload(value, &meta)?;
    serde_json::from_str::<serde::de::IgnoredAny>(&payload)
        .map_err(|e| StoreError::Corrupt(e.to_string()))?;
    Ok(meta)
}

fn set(obj: &Object, field: &str, value: &JsValue) {
    // Setting a plain property on a fresh object cannot fail.
    let _ = Reflect::set(obj, &field.into(), value);
}

fn get(value: &JsValue, field: &str) -> JsValue {
    Reflect::get(value, &field.into()).unwrap_or(JsValue::UNDEFINED)
}

fn get_str(value: &JsValue, field: &str) -> Result<String, StoreError> {
    get(value, field)
        .as_string()
        .ok_or_else(|| StoreError::Corrupt(format!("missing {field}")))
}

fn get_num(value: &JsValue, field: &str) -> Result<f64, StoreError> {
    get(value, field)
        .as_f64()
        .ok_or_else(|| StoreError::Corrupt(format!("missing {field}")))
}
