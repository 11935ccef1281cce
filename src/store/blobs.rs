//! Pictures for photo cards, kept in the `blobs` object store, keyed by id. They
//! never leave the device; screens show them through `URL.createObjectURL`.
//!
//! Stored as a Blob without the passcode lock. With it, as `{ enc: "x1", type, data }`:
//! `data` a `Uint8Array` of nonce (24 bytes) and the XChaCha20-Poly1305 ciphertext of
//! the picture's bytes under the data key, "blob:<id>" bound in; `type` (the MIME
//! type) and the size stay readable.

use idb::TransactionMode;
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag};

use crate::domain::record::Kind;

use super::db::with_db;
use super::lock::{self, Sealing};
use super::records::{commit_on, new_id};
use super::schema::BLOBS;
use super::StoreError;

/// Keeps `blob` and returns its new id.
pub async fn put(blob: &Blob) -> Result<String, StoreError> {
    let id = new_id().0;
    let value = stored(blob, &id, &lock::sealing()?).await?;
    with_db(|db| {
        let value = value.clone();
        let id = id.clone();
        async move {
            let tx = db
                .transaction(&[BLOBS], TransactionMode::ReadWrite)
                .map_err(StoreError::from_idb)?;
            let store = tx.object_store(BLOBS).map_err(StoreError::from_idb)?;
            store
                .put(&value, Some(&JsValue::from(id)))
                .map_err(StoreError::from_idb)?;
            commit_on(tx, BLOBS).await
        }
    })
    .await?;
    Ok(id)
}

/// The picture kept under `id`, if there is one.
pub async fn get(id: &str) -> Result<Option<Blob>, StoreError> {
    match raw(id).await? {
        None => Ok(None),
        Some(v) => picture(v, id).map(Some),
    }
}

fn aad(id: &str) -> String {
    format!("blob:{id}")
}

/// What to store for the picture `blob` under `id`, as `policy` says.
pub(super) async fn stored(blob: &Blob, id: &str, policy: &Sealing) -> Result<JsValue, StoreError> {
    let Some(key) = policy.key_for(Kind::CopingCard) else {
        return Ok(blob.clone().into());
    };
    let bytes = JsFuture::from(blob.array_buffer())
        .await
        .map_err(|_| StoreError::Other("picture unreadable".into()))?;
    let bytes = Uint8Array::new(&bytes).to_vec();
    let sealed = crate::crypto::seal(&key, &lock::nonce()?, aad(id).as_bytes(), &bytes);
    let obj = Object::new();
    let _ = Reflect::set(&obj, &"enc".into(), &super::codec::ENC_X1.into());
    let _ = Reflect::set(&obj, &"type".into(), &blob.type_().into());
    let _ = Reflect::set(&obj, &"data".into(), &Uint8Array::from(&sealed[..]).into());
    Ok(obj.into())
}

/// The picture in a stored value: a Blob as it is, or a sealed one opened.
pub(super) fn picture(value: JsValue, id: &str) -> Result<Blob, StoreError> {
    let value = match value.dyn_into::<Blob>() {
        Ok(blob) => return Ok(blob),
        Err(v) => v,
    };
    let field = |f: &str| Reflect::get(&value, &f.into()).unwrap_or(JsValue::UNDEFINED);
    if field("enc").as_string().as_deref() != Some(super::codec::ENC_X1) {
        return Err(StoreError::Corrupt("blob expected".into()));
    }
    let key = lock::key().ok_or(StoreError::Locked)?;
    let data = field("data")
        .dyn_into::<Uint8Array>()
        .map_err(|_| StoreError::Corrupt("picture data".into()))?
        .to_vec();
    let plain = crate::crypto::open(&key, aad(id).as_bytes(), &data)
        .map_err(|_| StoreError::Corrupt("could not be decrypted".into()))?;
    let options = BlobPropertyBag::new();
    options.set_type(&field("type").as_string().unwrap_or_default());
    let parts = Array::of1(&Uint8Array::from(&plain[..]));
    Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| StoreError::Other("picture".into()))
}

/// Stores the picture under `id` as the lock says now (sealed or plain), if it is not
/// so already. A picture that cannot be read is left as it is.
pub(super) async fn reseal(id: &str) -> Result<(), StoreError> {
    let policy = lock::sealing()?;
    let want_sealed = policy.key_for(Kind::CopingCard).is_some();
    let Some(value) = raw(id).await? else {
        return Ok(());
    };
    if value.is_instance_of::<Blob>() != want_sealed {
        return Ok(());
    }
    let Ok(blob) = picture(value, id) else {
        return Ok(());
    };
    let next = stored(&blob, id, &policy).await?;
    with_db(|db| {
        let next = next.clone();
        let id = id.to_string();
        async move {
            let tx = db
                .transaction(&[BLOBS], TransactionMode::ReadWrite)
                .map_err(StoreError::from_idb)?;
            let store = tx.object_store(BLOBS).map_err(StoreError::from_idb)?;
            // Only if it is still there (housekeeping may have let it go meanwhile).
            let still = store
                .get(JsValue::from(id.as_str()))
                .map_err(StoreError::from_idb)?
                .await
                .map_err(StoreError::from_idb)?;
            if still.is_some() {
                store
                    .put(&next, Some(&JsValue::from(id)))
                    .map_err(StoreError::from_idb)?;
            }
            commit_on(tx, BLOBS).await
        }
    })
    .await
}

/// The stored value under `id`, as it is.
async fn raw(id: &str) -> Result<Option<JsValue>, StoreError> {
    with_db(|db| {
        let id = id.to_string();
        async move {
            let tx = db
                .transaction(&[BLOBS], TransactionMode::ReadOnly)
                .map_err(StoreError::from_idb)?;
            let store = tx.object_store(BLOBS).map_err(StoreError::from_idb)?;
            store
                .get(JsValue::from(id))
                .map_err(StoreError::from_idb)?
                .await
                .map_err(StoreError::from_idb)
        }
    })
    .await
}

/// Removes the picture kept under `id` (nothing happens if there is none).
pub async fn delete(id: &str) -> Result<(), StoreError> {
    with_db(|db| {
        let id = id.to_string();
        async move {
            let tx = db
                .transaction(&[BLOBS], TransactionMode::ReadWrite)
                .map_err(StoreError::from_idb)?;
            let store = tx.object_store(BLOBS).map_err(StoreError::from_idb)?;
            store
                .delete(JsValue::from(id))
                .map_err(StoreError::from_idb)?;
            commit_on(tx, BLOBS).await
        }
    })
    .await
}
