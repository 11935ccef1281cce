//! Issue 7, points 9 to 11: one unreadable record never hides the rest and is kept as
//! it is; a database newer than the app says so; a failing migration step keeps the
//! database as it was; housekeeping purges the trash and unused photos, and never a
//! record restored meanwhile.

use between::domain::coping::{CardKind, CopingCard};
use between::domain::journal::JournalEntry;
use between::domain::record::{Millis, TRASH_DAYS};
use between::store::housekeeping::{self, Done};
use between::store::{self, schema, StoreError};
use idb::{Factory, TransactionMode};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

const DAY: Millis = 24 * 60 * 60 * 1000;
/// A blob id as `store::blobs::put` makes them, from a time long ago.
const OLD: &str = "18b00000000";

fn now() -> Millis {
    js_sys::Date::now() as Millis
}

/// A stored value in the codec's shape, written by hand.
fn raw(
    kind: &str,
    id: &str,
    deleted: Option<Millis>,
    rev: u32,
    enc: &str,
    payload: &str,
) -> JsValue {
    let v = js_sys::Object::new();
    let set = |k: &str, x: JsValue| js_sys::Reflect::set(&v, &k.into(), &x).unwrap();
    set("key", format!("{kind}:{id}").into());
    set("kind", kind.into());
    set("id", id.into());
    set("created", (1_700_000_000_000.0).into());
    set("updated", (1_700_000_000_000.0).into());
    set(
        "deleted",
        deleted.map_or(JsValue::NULL, |d| (d as f64).into()),
    );
    set("rev", rev.into());
    set("enc", enc.into());
    set("payload", payload.into());
    v.into()
}

/// Puts values straight into IndexedDB on a connection of its own (the app's
/// connection stays open, as another tab's would).
async fn put_raw(values: &[JsValue]) {
    let db = store::open_at(schema::DB_NAME, schema::VERSION)
        .await
        .unwrap();
    let tx = db
        .transaction(&[schema::RECORDS], TransactionMode::ReadWrite)
        .unwrap();
    let records = tx.object_store(schema::RECORDS).unwrap();
    for v in values {
        records.put(v, None).unwrap();
    }
    tx.await.unwrap();
    db.close();
}

async fn get_raw(key: &str) -> Option<JsValue> {
    let db = store::open_at(schema::DB_NAME, schema::VERSION)
        .await
        .unwrap();
    let tx = db
        .transaction(&[schema::RECORDS], TransactionMode::ReadOnly)
        .unwrap();
    let value = tx
        .object_store(schema::RECORDS)
        .unwrap()
        .get(JsValue::from(key))
        .unwrap()
        .await
        .unwrap();
    db.close();
    value
}

async fn put_blob(id: &str) {
    let db = store::open_at(schema::DB_NAME, schema::VERSION)
        .await
        .unwrap();
    let tx = db
        .transaction(&[schema::BLOBS], TransactionMode::ReadWrite)
        .unwrap();
    let bytes = js_sys::Uint8Array::from(&[1u8, 2, 3][..]);
    let blob = web_sys::Blob::new_with_u8_array_sequence(&js_sys::Array::of1(&bytes)).unwrap();
    tx.object_store(schema::BLOBS)
        .unwrap()
        .put(&blob.into(), Some(&JsValue::from(id)))
        .unwrap();
    tx.await.unwrap();
    db.close();
}

async fn has_blob(id: &str) -> bool {
    store::blobs::get(id).await.unwrap().is_some()
}

fn json(v: &JsValue) -> String {
    js_sys::JSON::stringify(v).unwrap().as_string().unwrap()
}

fn photo_card_payload(photo: &str) -> String {
    let card = CopingCard::new(CardKind::Photo, "The sea", "", "", Some(photo.into())).unwrap();
    serde_json::to_string(&card).unwrap()
}

#[wasm_bindgen_test]
async fn one_unreadable_record_never_hides_the_rest_and_is_kept_as_it_is() {
    store::erase().await.unwrap();
    let good = store::create(JournalEntry::new(1_700_000_000_000, "still here").unwrap())
        .await
        .unwrap();
    let not_json = raw("journal_entry", "bad-json", None, 1, "json", "{not json");
    let later_enc = raw(
        "journal_entry",
        "bad-enc",
        None,
        1,
        "aes-gcm-unknown",
        "c2VjcmV0",
    );
    put_raw(&[not_json.clone(), later_enc.clone()]).await;

    let all = store::list::<JournalEntry>()
        .await
        .expect("the readable records, not an error");
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].meta.id, good.meta.id);
    let recent = store::list_recent::<JournalEntry>(10).await.unwrap();
    assert_eq!(recent.len(), 1);
    assert_eq!(recent[0].body.text, "still here");

    // Kept byte for byte: never deleted, never rewritten.
    assert_eq!(
        json(&get_raw("journal_entry:bad-json").await.unwrap()),
        json(&not_json)
    );
    assert_eq!(
        json(&get_raw("journal_entry:bad-enc").await.unwrap()),
        json(&later_enc)
    );

    let counted = store::unreadable().await.unwrap();
    assert_eq!(counted.count, 2);
    assert_eq!(counted.kinds, vec!["journal_entry".to_string()]);

    // JSON that is not an entry (a missing field): found when listed, counted too.
    let missing = raw(
        "journal_entry",
        "no-at",
        None,
        1,
        "json",
        r#"{"text":"no time"}"#,
    );
    put_raw(std::slice::from_ref(&missing)).await;
    assert_eq!(store::list::<JournalEntry>().await.unwrap().len(), 1);
    assert_eq!(store::unreadable().await.unwrap().count, 3);
    assert!(matches!(
        store::get::<JournalEntry>(&between::domain::record::RecordId("no-at".into())).await,
        Err(StoreError::Corrupt(_))
    ));
    assert_eq!(
        json(&get_raw("journal_entry:no-at").await.unwrap()),
        json(&missing)
    );

    // And the store goes on working around them.
    store::create(JournalEntry::new(1_700_000_100_000, "written after").unwrap())
        .await
        .unwrap();
    assert_eq!(store::list::<JournalEntry>().await.unwrap().len(), 2);
    store::erase().await.unwrap();
    assert_eq!(store::unreadable().await.unwrap().count, 0);
}

#[wasm_bindgen_test]
async fn a_database_newer_than_the_app_says_so_on_every_call() {
    store::erase().await.unwrap();
    store::create(JournalEntry::new(1_700_000_000_000, "before").unwrap())
        .await
        .unwrap();
    // A newer build upgrades the database (the store's connection lets it, and closes).
    let factory = Factory::new().unwrap();
    let newer = factory
        .open(schema::DB_NAME, Some(schema::VERSION + 1))
        .unwrap()
        .await
        .unwrap();
    newer.close();

    assert_eq!(
        store::list::<JournalEntry>().await,
        Err(StoreError::NewerVersion)
    );
    assert_eq!(
        store::list_recent::<JournalEntry>(5).await,
        Err(StoreError::NewerVersion)
    );
    assert_eq!(store::unreadable().await, Err(StoreError::NewerVersion));
    assert_eq!(store::housekeeping().await, Err(StoreError::NewerVersion));
    let save = store::create(JournalEntry::new(1_700_000_000_000, "after").unwrap()).await;
    assert_eq!(save.map(|_| ()), Err(StoreError::NewerVersion));
    store::erase().await.unwrap();
    assert!(store::list::<JournalEntry>().await.unwrap().is_empty());
}

#[wasm_bindgen_test]
async fn a_failing_migration_step_aborts_and_keeps_the_database_as_it_was() {
    const NAME: &str = "between-migration-abort-test";
    let factory = Factory::new().unwrap();
    factory.delete(NAME).unwrap().await.unwrap();
    let v2 = store::open_at(NAME, 2).await.unwrap();
    let tx = v2
        .transaction(&[schema::RECORDS], TransactionMode::ReadWrite)
        .unwrap();
    let kept = raw(
        "journal_entry",
        "old",
        None,
        1,
        "json",
        r#"{"at":1,"text":"old words"}"#,
    );
    tx.object_store(schema::RECORDS)
        .unwrap()
        .put(&kept, None)
        .unwrap();
    tx.await.unwrap();
    v2.close();

    // Step 3 runs, then there is no step for the version after: an error, no panic,
    // and step 3's work is undone with the rest.
    let failed = store::open_at(NAME, schema::VERSION + 1).await;
    assert!(
        matches!(failed, Err(StoreError::Unavailable(_))),
        "{:?}",
        failed.map(|_| ())
    );

    let db = factory.open(NAME, None).unwrap().await.unwrap();
    assert_eq!(db.version().unwrap(), 2);
    let mut names = db.store_names();
    names.sort();
    assert_eq!(
        names,
        vec![schema::META.to_string(), schema::RECORDS.to_string()]
    );
    let tx = db
        .transaction(&[schema::RECORDS], TransactionMode::ReadOnly)
        .unwrap();
    let value = tx
        .object_store(schema::RECORDS)
        .unwrap()
        .get(JsValue::from("journal_entry:old"))
        .unwrap()
        .await
        .unwrap();
    assert_eq!(json(&value.unwrap()), json(&kept));
    db.close();
    factory.delete(NAME).unwrap().await.unwrap();
}

#[wasm_bindgen_test]
async fn housekeeping_purges_the_expired_trash_with_photos_and_unused_photos() {
    store::erase().await.unwrap();
    let now = now();
    let expired = now - (TRASH_DAYS + 1) * DAY;
    let (gone_photo, orphan, kept_photo) =
        (format!("{OLD}-1"), format!("{OLD}-2"), format!("{OLD}-3"));
    for id in [&gone_photo, &orphan, &kept_photo] {
        put_blob(id).await;
    }
    // A fresh photo nothing refers to yet: its card may be being saved in another tab.
    let fresh = {
        let bytes = js_sys::Uint8Array::from(&[9u8][..]);
        store::blobs::put(
            &web_sys::Blob::new_with_u8_array_sequence(&js_sys::Array::of1(&bytes)).unwrap(),
        )
        .await
        .unwrap()
    };
    put_raw(&[
        raw(
            "coping_card",
            "old-photo",
            Some(expired),
            2,
            "json",
            &photo_card_payload(&gone_photo),
        ),
        raw(
            "journal_entry",
            "old-entry",
            Some(expired),
            2,
            "json",
            r#"{"at":1,"text":"gone"}"#,
        ),
        raw(
            "journal_entry",
            "recent-trash",
            Some(now - DAY),
            2,
            "json",
            r#"{"at":1,"text":"in the trash"}"#,
        ),
    ])
    .await;
    let live = store::create(
        CopingCard::new(CardKind::Photo, "Kept", "", "", Some(kept_photo.clone())).unwrap(),
    )
    .await
    .unwrap();

    assert_eq!(
        store::housekeeping().await.unwrap(),
        Done {
            purged: 2,
            photos: 2
        }
    );
    assert!(get_raw("coping_card:old-photo").await.is_none());
    assert!(get_raw("journal_entry:old-entry").await.is_none());
    assert!(
        get_raw("journal_entry:recent-trash").await.is_some(),
        "30 days not yet over"
    );
    assert!(
        !has_blob(&gone_photo).await,
        "the purged card's photo goes with it"
    );
    assert!(!has_blob(&orphan).await, "a photo nothing refers to goes");
    assert!(
        has_blob(&kept_photo).await,
        "a photo a card refers to stays"
    );
    assert!(has_blob(&fresh).await, "a photo stored just now stays");
    assert_eq!(
        store::get::<CopingCard>(&live.meta.id)
            .await
            .unwrap()
            .unwrap()
            .body
            .photo,
        Some(kept_photo)
    );
    // Nothing left to do.
    assert_eq!(store::housekeeping().await.unwrap(), Done::default());
}

#[wasm_bindgen_test]
async fn a_record_restored_between_the_scan_and_the_delete_is_kept() {
    store::erase().await.unwrap();
    let now = now();
    let photo = format!("{OLD}-4");
    put_blob(&photo).await;
    put_raw(&[raw(
        "coping_card",
        "restored",
        Some(now - (TRASH_DAYS + 1) * DAY),
        2,
        "json",
        &photo_card_payload(&photo),
    )])
    .await;
    let plan = housekeeping::scan(now).await.unwrap();
    assert_eq!(plan.expired, vec![("coping_card:restored".to_string(), 2)]);

    // Another tab restores it meanwhile.
    let card = store::get::<CopingCard>(&between::domain::record::RecordId("restored".into()))
        .await
        .unwrap()
        .unwrap();
    store::restore(&card).await.unwrap();

    assert_eq!(
        housekeeping::apply(&plan, now).await.unwrap(),
        Done::default()
    );
    let back = store::get::<CopingCard>(&card.meta.id)
        .await
        .unwrap()
        .expect("never destroyed");
    assert!(!back.meta.is_deleted());
    assert!(has_blob(&photo).await, "and neither is its photo");
}

#[wasm_bindgen_test]
async fn housekeeping_never_touches_what_it_cannot_read() {
    store::erase().await.unwrap();
    let expired = now() - (TRASH_DAYS + 1) * DAY;
    let orphan = format!("{OLD}-5");
    put_blob(&orphan).await;
    // A later version's record, deleted long ago: its payload may refer to any photo.
    let later = raw(
        "coping_card",
        "later",
        Some(expired),
        2,
        "aes-gcm-unknown",
        "c2VjcmV0",
    );
    put_raw(std::slice::from_ref(&later)).await;
    assert_eq!(store::housekeeping().await.unwrap(), Done::default());
    assert_eq!(
        json(&get_raw("coping_card:later").await.unwrap()),
        json(&later)
    );
    assert!(has_blob(&orphan).await);
}
