use std::cell::Cell;
use std::rc::Rc;

use between::domain::journal::JournalEntry;
use between::domain::record::Kind;
use between::store::{self, StoreError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn entry(text: &str) -> JournalEntry {
    JournalEntry::new(1_700_000_000_000, text).unwrap()
}

#[wasm_bindgen_test]
async fn create_read_update_round_trip() {
    store::erase().await.unwrap();
    let saved = store::create(entry("first words")).await.unwrap();
    assert_eq!(saved.meta.rev, 1);
    assert_eq!(saved.meta.kind, Kind::JournalEntry);

    let read = store::get::<JournalEntry>(&saved.meta.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(read, saved);

    let mut changed = read.clone();
    changed.body.text = "second thoughts".into();
    let updated = store::update(&changed).await.unwrap();
    assert_eq!(updated.meta.rev, 2);
    assert!(updated.meta.updated >= saved.meta.updated);

    let all = store::list::<JournalEntry>().await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].body.text, "second thoughts");
}

#[wasm_bindgen_test]
async fn a_stale_write_is_refused_and_changes_nothing() {
    store::erase().await.unwrap();
    let original = store::create(entry("v1")).await.unwrap();
    // Tab A saves a change.
    let mut a = original.clone();
    a.body.text = "from tab A".into();
    store::update(&a).await.unwrap();
    // Tab B still holds the original and tries to save over it.
    let mut b = original.clone();
    b.body.text = "from tab B".into();
    assert_eq!(
        store::update(&b).await,
        Err(StoreError::Conflict { stored: 2 })
    );
    let stored = store::get::<JournalEntry>(&original.meta.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.body.text, "from tab A");
    assert_eq!(stored.meta.rev, 2);
}

#[wasm_bindgen_test]
async fn delete_marks_and_restore_brings_back() {
    store::erase().await.unwrap();
    let saved = store::create(entry("keep me")).await.unwrap();
    let deleted = store::delete(&saved).await.unwrap();
    assert!(deleted.meta.is_deleted());
    let listed = store::list::<JournalEntry>().await.unwrap();
    assert!(
        listed[0].meta.is_deleted(),
        "a deleted record stays in the trash"
    );
    let back = store::restore(&deleted).await.unwrap();
    assert!(!back.meta.is_deleted());
    assert_eq!(back.body.text, "keep me");
    // Nothing is old enough to purge.
    assert_eq!(
        store::housekeeping().await.unwrap(),
        store::housekeeping::Done::default()
    );
    assert_eq!(store::list::<JournalEntry>().await.unwrap().len(), 1);
}

#[wasm_bindgen_test]
async fn a_dropped_connection_is_reopened_and_the_write_retried() {
    store::erase().await.unwrap();
    store::create(entry("before")).await.unwrap();
    store::drop_connection_for_test();
    let after = store::create(entry("after the drop"))
        .await
        .expect("retried on a new connection");
    let all = store::list::<JournalEntry>().await.unwrap();
    assert_eq!(all.len(), 2);
    assert!(all.iter().any(|r| r.meta.id == after.meta.id));
}

#[wasm_bindgen_test]
async fn the_body_is_stored_as_an_opaque_payload() {
    store::erase().await.unwrap();
    let saved = store::create(entry("private words")).await.unwrap();
    let db = store::open_at(store::schema::DB_NAME, store::schema::VERSION)
        .await
        .unwrap();
    let tx = db
        .transaction(&[store::schema::RECORDS], idb::TransactionMode::ReadOnly)
        .unwrap();
    let key = format!("journal_entry:{}", saved.meta.id.as_str());
    let raw = tx
        .object_store(store::schema::RECORDS)
        .unwrap()
        .get(wasm_bindgen::JsValue::from(key))
        .unwrap()
        .await
        .unwrap()
        .unwrap();
    let get = |f: &str| js_sys::Reflect::get(&raw, &f.into()).unwrap();
    assert!(
        get("text").is_undefined(),
        "personal fields are not top-level, so never indexed"
    );
    assert_eq!(get("enc").as_string().unwrap(), "json");
    assert!(get("payload")
        .as_string()
        .unwrap()
        .contains("private words"));
    let indexes = tx
        .object_store(store::schema::RECORDS)
        .unwrap()
        .index_names();
    assert_eq!(indexes, vec!["kind".to_string(), "updated".to_string()]);
    db.close();
}

#[wasm_bindgen_test]
async fn writes_are_announced() {
    store::erase().await.unwrap();
    let seen = Rc::new(Cell::new(0));
    let counter = seen.clone();
    store::sync::on_change(move |kind| {
        if kind == Kind::JournalEntry {
            counter.set(counter.get() + 1);
        }
    });
    let saved = store::create(entry("hello")).await.unwrap();
    store::delete(&saved).await.unwrap();
    assert_eq!(seen.get(), 2);
}

#[wasm_bindgen_test]
fn preferences_round_trip() {
    use between::domain::crisis::Region;
    use between::domain::prefs::Theme;
    store::prefs::set_theme(Theme::Dark);
    assert_eq!(store::prefs::theme(), Theme::Dark);
    store::prefs::set_region(Region::NewZealand);
    assert_eq!(store::prefs::region(), Some(Region::NewZealand));
}

#[wasm_bindgen_test]
async fn drafts_overwrite_freely_and_can_be_removed() {
    use between::domain::journal::EntryDraft;
    use between::domain::record::RecordId;
    store::erase().await.unwrap();
    let id = RecordId("journal-new".into());
    let mut draft = EntryDraft::default();
    draft.entry.text = "first".into();
    store::put_scratch(&id, draft.clone()).await.unwrap();
    draft.entry.text = "second".into();
    store::put_scratch(&id, draft.clone()).await.unwrap();
    let kept = store::get::<EntryDraft>(&id).await.unwrap().unwrap();
    assert_eq!(kept.body.entry.text, "second");
    store::remove::<EntryDraft>(&id).await.unwrap();
    assert!(store::get::<EntryDraft>(&id).await.unwrap().is_none());
    assert!(
        store::list::<JournalEntry>().await.unwrap().is_empty(),
        "drafts are not entries"
    );
}

#[wasm_bindgen_test]
async fn recent_lists_the_newest_changes_of_one_kind() {
    use between::domain::agenda::AgendaItem;
    store::erase().await.unwrap();
    for i in 0..5 {
        store::create(entry(&format!("entry {i}"))).await.unwrap();
    }
    store::create(AgendaItem::new("not an entry", None))
        .await
        .unwrap();
    let recent = store::list_recent::<JournalEntry>(3).await.unwrap();
    assert_eq!(recent.len(), 3);
    let texts: Vec<&str> = recent.iter().map(|r| r.body.text.as_str()).collect();
    assert!(texts.iter().all(|t| t.starts_with("entry ")), "{texts:?}");
    let all = store::list_recent::<JournalEntry>(100).await.unwrap();
    assert_eq!(all.len(), 5);
    assert!(
        all.windows(2)
            .all(|w| w[0].meta.updated >= w[1].meta.updated),
        "newest first"
    );
}
