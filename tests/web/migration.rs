//! A database saved by schema v1 opens under the current schema with nothing lost.

use between::domain::journal::JournalEntry;
use between::store::{self, schema};
use idb::TransactionMode;
use wasm_bindgen_test::*;

const V1_FIXTURE: &str = include_str!("fixtures/schema-v1.json");

#[wasm_bindgen_test]
async fn v1_database_migrates_to_current() {
    store::erase().await.unwrap();
    // Build a v1 database exactly as v1 left it: its schema step, then its records.
    let v1 = store::open_at(schema::DB_NAME, 1).await.unwrap();
    assert_eq!(v1.store_names(), vec![schema::RECORDS.to_string()]);
    let tx = v1
        .transaction(&[schema::RECORDS], TransactionMode::ReadWrite)
        .unwrap();
    let records = tx.object_store(schema::RECORDS).unwrap();
    let fixture = js_sys::JSON::parse(V1_FIXTURE).unwrap();
    for value in js_sys::Array::from(&fixture).iter() {
        records.put(&value, None).unwrap();
    }
    tx.await.unwrap();
    v1.close();

    // The app opens it: every step after v1 runs.
    let mut all = store::list::<JournalEntry>()
        .await
        .expect("v1 records readable after migration");
    all.sort_by_key(|r| r.meta.created);
    assert_eq!(all.len(), 2);
    assert_eq!(
        all[0].body.text,
        "Written before the upgrade. Ünïcödé and \"quotes\" survive."
    );
    assert_eq!(all[0].body.at, 1_729_990_000_000);
    assert_eq!(all[0].meta.rev, 1);
    assert_eq!(all[0].meta.updated, 1_730_000_500_000);
    assert!(!all[0].meta.is_deleted());
    assert_eq!(all[1].meta.deleted, Some(1_730_000_800_000));

    // And it goes on working under the new schema.
    let mut edited = all[0].clone();
    edited.body.text.push_str(" Edited after.");
    let saved = store::update(&edited).await.unwrap();
    assert_eq!(saved.meta.rev, 2);

    // v4's month summaries are built on the first read (v2 is still rewriting v1's
    // records during the upgrade): both entries are in them, the deleted one too.
    let mut summaries = store::journal_summaries().await.unwrap();
    summaries.sort_by_key(|r| r.meta.created);
    assert_eq!(summaries.len(), 2);
    assert_eq!(summaries[0].meta.rev, 2);
    assert_eq!(summaries[1].meta.deleted, Some(1_730_000_800_000));
    assert!(summaries.iter().all(|r| r.body.text.is_empty()));

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
