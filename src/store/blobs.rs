//! Pictures for photo cards, kept as Blobs in the `blobs` object store, keyed by id.
//! They never leave the device; screens show them through `URL.createObjectURL`.

use idb::TransactionMode;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Blob;

use super::db::with_db;
use super::records::{commit_on, new_id};
use super::schema::BLOBS;
use super::StoreError;

/// Keeps `blob` and returns its new id.
pub async fn put(blob: &Blob) -> Result<String, StoreError> {
    let id = new_id().0;
    let value: JsValue = blob.clone().into();
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
    let value = with_db(|db| {
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
    .await?;
    match value {
        None => Ok(None),
        Some(v) => v
            .dyn_into::<Blob>()
            .map(Some)
            .map_err(|_| StoreError::Corrupt("blob expected".into())),
    }
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
