//! A database saved by schema v2 opens under v3 (which adds the `blobs` store) with
//! nothing lost, and pictures can be kept in it.

use between::domain::journal::JournalEntry;
use between::store::{self, schema};
use idb::TransactionMode;
use wasm_bindgen_test::*;

const V2_FIXTURE: &str = include_str!("fixtures/schema-v2.json");

#[wasm_bindgen_test]
async fn v2_database_migrates_to_v3_and_keeps_blobs() {
    store::erase().await.unwrap();
    // Build a v2 database as v2 left it: its schema steps, then its records.
    let v2 = store::open_at(schema::DB_NAME, 2).await.unwrap();
    let mut names = v2.store_names();
    names.sort();
    assert_eq!(
        names,
        vec![schema::META.to_string(), schema::RECORDS.to_string()]
    );
    let tx = v2
        .transaction(&[schema::RECORDS], TransactionMode::ReadWrite)
        .unwrap();
    let records = tx.object_store(schema::RECORDS).unwrap();
    for value in js_sys::Array::from(&js_sys::JSON::parse(V2_FIXTURE).unwrap()).iter() {
        records.put(&value, None).unwrap();
    }
    tx.await.unwrap();
    v2.close();

    // The app opens it under v3.
    let all = store::list::<JournalEntry>()
        .await
        .expect("v2 records readable under v3");
    assert_eq!(all.len(), 1);
    assert_eq!(
        all[0].body.text,
        "Written under schema v2. Ünïcödé survives."
    );
    assert_eq!(all[0].meta.rev, 3, "revisions are untouched");
    assert_eq!(all[0].meta.updated, 1_732_000_900_000);
    let saved = store::update(&all[0]).await.unwrap();
    assert_eq!(saved.meta.rev, 4);

    // Pictures go into the new store and come back byte for byte.
    let bytes = js_sys::Uint8Array::from(&[1u8, 2, 3, 250][..]);
    let parts = js_sys::Array::of1(&bytes);
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).unwrap();
    let id = store::blobs::put(&blob).await.unwrap();
    let back = store::blobs::get(&id).await.unwrap().expect("blob kept");
    assert_eq!(back.size(), 4.0);
    store::blobs::delete(&id).await.unwrap();
    assert!(store::blobs::get(&id).await.unwrap().is_none());

    let db = store::open_at(schema::DB_NAME, schema::VERSION)
        .await
        .unwrap();
    let mut names = db.store_names();
    names.sort();
    assert_eq!(
        names,
        vec![
            schema::BLOBS.to_string(),
            schema::META.to_string(),
            schema::RECORDS.to_string()
        ]
    );
    db.close();
}
