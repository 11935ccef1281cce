//! The one place a record becomes what IndexedDB keeps, and back.
//!
//! Stored value: `{ key, kind, id, created, updated, deleted, rev, enc, payload }`.
//! Only `kind` and `updated` are indexed; the body is an opaque `payload` string
//! tagged by `enc`. Today `enc` is "json"; a passcode will add an encrypted tag here
//! and nowhere else.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

use crate::domain::record::{Body, Kind, Meta, Millis, Record, RecordId};

use super::StoreError;

pub const ENC_JSON: &str = "json";

pub fn key(kind: Kind, id: &RecordId) -> String {
    format!("{}:{}", kind.as_str(), id.as_str())
}

pub fn encode<T: Body>(record: &Record<T>) -> Result<JsValue, StoreError> {
    let payload =
        serde_json::to_string(&record.body).map_err(|e| StoreError::Other(e.to_string()))?;
    let m = &record.meta;
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
    set(&obj, "enc", &ENC_JSON.into());
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

pub fn decode<T: Body>(value: &JsValue) -> Result<Record<T>, StoreError> {
    let meta = decode_meta(value)?;
    let enc = get_str(value, "enc")?;
    if enc != ENC_JSON {
        return Err(StoreError::Corrupt(format!("unknown encoding {enc}")));
    }
    let payload = get_str(value, "payload")?;
    let body = serde_json::from_str(&payload).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    Ok(Record { meta, body })
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
