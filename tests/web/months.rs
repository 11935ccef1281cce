//! The journal's month summaries: every write of an entry rewrites its month's
//! summary in the same transaction, a v3 database gains them on opening, and a
//! missing or unreadable summary is rebuilt from the entries.

use std::collections::BTreeMap;

use between::domain::journal::JournalEntry;
use between::domain::journal_month::{month_of, JournalMonth};
use between::domain::record::{Millis, Record, RecordId};
use between::store::{self, housekeeping, months, schema, StoreError};
use idb::TransactionMode;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

const V3_FIXTURE: &str = include_str!("fixtures/schema-v3.json");

const DAY: Millis = 24 * 60 * 60 * 1000;
/// 2026-03-15 12:00 UTC.
const MID_MARCH: Millis = 1_773_576_000_000;

fn entry(at: Millis, text: &str) -> JournalEntry {
    JournalEntry {
        at,
        text: text.into(),
        mood: between::domain::journal::Mood::from_value(3),
        emotions: vec!["Calm".into()],
        ..Default::default()
    }
}

/// The stored summary of `month`, if there is one.
async fn summary(month: &str) -> Option<Record<JournalMonth>> {
    store::get::<JournalMonth>(&RecordId(month.into()))
        .await
        .unwrap()
}

/// What the summaries say, by month: (id, rev, deleted) of each entry, sorted.
async fn summaries_by_month() -> BTreeMap<String, Vec<(String, u32, Option<Millis>)>> {
    let mut out: BTreeMap<String, Vec<_>> = BTreeMap::new();
    for r in store::journal_summaries().await.unwrap() {
        assert!(r.body.text.is_empty(), "a summary keeps no text");
        out.entry(month_of(&r.body)).or_default().push((
            r.meta.id.0.clone(),
            r.meta.rev,
            r.meta.deleted,
        ));
    }
    out.values_mut().for_each(|v| v.sort());
    out
}

/// What the entries themselves say, in the same shape.
async fn entries_by_month() -> BTreeMap<String, Vec<(String, u32, Option<Millis>)>> {
    let mut out: BTreeMap<String, Vec<_>> = BTreeMap::new();
    for r in store::list::<JournalEntry>().await.unwrap() {
        out.entry(month_of(&r.body)).or_default().push((
            r.meta.id.0.clone(),
            r.meta.rev,
            r.meta.deleted,
        ));
    }
    out.values_mut().for_each(|v| v.sort());
    out
}

/// Runs `f` on the `records` and `meta` stores in one read-write transaction,
/// behind the store's back (as another version, or damage, would).
/// Stores a summary for `month` that this version cannot read, behind the store's back.
async fn put_unreadable_summary(month: &str) {
    behind_the_back(|records, _| {
        let value = js_sys::JSON::parse(&format!(
            r#"{{"key":"{}","kind":"journal_month","id":"{month}","created":1,"updated":1,"deleted":null,"rev":1,"enc":"json","payload":"not json"}}"#,
            months::key(month)
        ))
        .unwrap();
        records.put(&value, None).unwrap();
    })
    .await;
}

async fn behind_the_back(f: impl FnOnce(&idb::ObjectStore, &idb::ObjectStore)) {
    let db = store::open_at(schema::DB_NAME, schema::VERSION)
        .await
        .unwrap();
    let tx = db
        .transaction(&[schema::RECORDS, schema::META], TransactionMode::ReadWrite)
        .unwrap();
    f(
        &tx.object_store(schema::RECORDS).unwrap(),
        &tx.object_store(schema::META).unwrap(),
    );
    tx.await.unwrap();
    db.close();
}

#[wasm_bindgen_test]
async fn a_write_rewrites_its_months_summary() {
    store::erase().await.unwrap();
    let saved = store::create(entry(MID_MARCH, "private words"))
        .await
        .unwrap();
    let march = summary("2026-03").await.expect("March has a summary");
    assert_eq!(march.body.items.len(), 1);
    assert_eq!(march.body.items[0].id, saved.meta.id);
    assert_eq!(march.body.items[0].rev, 1);
    assert!(march.body.items[0].entry.text.is_empty());
    assert_eq!(march.body.items[0].entry.emotions, vec!["Calm".to_string()]);

    let mut changed = saved.clone();
    changed.body.mood = between::domain::journal::Mood::from_value(5);
    let changed = store::update(&changed).await.unwrap();
    let march = summary("2026-03").await.unwrap();
    assert_eq!(march.body.items.len(), 1);
    assert_eq!(march.body.items[0].rev, 2);
    assert_eq!(march.body.items[0].entry.mood, changed.body.mood);
    assert_eq!(summaries_by_month().await, entries_by_month().await);
}

#[wasm_bindgen_test]
async fn an_entry_whose_date_changes_moves_to_its_new_month() {
    store::erase().await.unwrap();
    let stays = store::create(entry(MID_MARCH + DAY, "stays"))
        .await
        .unwrap();
    let moves = store::create(entry(MID_MARCH, "moves")).await.unwrap();
    let mut moved = moves.clone();
    moved.body.at = MID_MARCH - 40 * DAY;
    store::update(&moved).await.unwrap();
    let march = summary("2026-03").await.unwrap();
    assert_eq!(march.body.items.len(), 1);
    assert_eq!(march.body.items[0].id, stays.meta.id);
    let feb = summary("2026-02").await.expect("February has one now");
    assert_eq!(feb.body.items.len(), 1);
    assert_eq!(feb.body.items[0].id, moves.meta.id);
    assert_eq!(feb.body.items[0].rev, 2);

    // Moving the last entry of a month out leaves no summary behind.
    let mut back = store::get::<JournalEntry>(&moves.meta.id)
        .await
        .unwrap()
        .unwrap();
    back.body.at = MID_MARCH;
    store::update(&back).await.unwrap();
    assert!(summary("2026-02").await.is_none());
    assert_eq!(summary("2026-03").await.unwrap().body.items.len(), 2);
    assert_eq!(summaries_by_month().await, entries_by_month().await);
}

#[wasm_bindgen_test]
async fn delete_restore_remove_and_purge_reach_the_summary() {
    store::erase().await.unwrap();
    let a = store::create(entry(MID_MARCH, "a")).await.unwrap();
    let b = store::create(entry(MID_MARCH + DAY, "b")).await.unwrap();

    let deleted = store::delete(&a).await.unwrap();
    let item = |m: &Record<JournalMonth>, id: &RecordId| {
        m.body.items.iter().find(|i| &i.id == id).cloned()
    };
    let march = summary("2026-03").await.unwrap();
    assert_eq!(
        item(&march, &a.meta.id).unwrap().deleted,
        deleted.meta.deleted
    );
    let restored = store::restore(&deleted).await.unwrap();
    let march = summary("2026-03").await.unwrap();
    assert_eq!(item(&march, &a.meta.id).unwrap().deleted, None);
    assert_eq!(item(&march, &a.meta.id).unwrap().rev, restored.meta.rev);

    // "Delete now" in the trash: gone from the summary too.
    store::delete(&restored).await.unwrap();
    store::remove::<JournalEntry>(&a.meta.id).await.unwrap();
    let march = summary("2026-03").await.unwrap();
    assert!(item(&march, &a.meta.id).is_none());
    assert!(item(&march, &b.meta.id).is_some());

    // Housekeeping's purge of the trash, a month later.
    store::delete(&b).await.unwrap();
    let later = js_sys::Date::now() as Millis + 31 * DAY;
    let plan = housekeeping::scan(later).await.unwrap();
    assert_eq!(plan.expired.len(), 1);
    assert_eq!(housekeeping::apply(&plan, later).await.unwrap().purged, 1);
    assert!(summary("2026-03").await.is_none(), "no entry, no summary");
    assert!(store::journal_summaries().await.unwrap().is_empty());
}

#[wasm_bindgen_test]
async fn a_stale_write_is_refused_and_the_summary_unchanged() {
    store::erase().await.unwrap();
    let original = store::create(entry(MID_MARCH, "v1")).await.unwrap();
    let mut a = original.clone();
    a.body.mood = between::domain::journal::Mood::from_value(1);
    store::update(&a).await.unwrap();
    let before = summary("2026-03").await.unwrap();

    // Another tab still holds the original, and moves it to another month.
    let mut b = original.clone();
    b.body.at = MID_MARCH - 40 * DAY;
    assert_eq!(
        store::update(&b).await,
        Err(StoreError::Conflict { stored: 2 })
    );
    assert_eq!(summary("2026-03").await.unwrap(), before);
    assert!(summary("2026-02").await.is_none());
    assert_eq!(
        store::delete(&original).await.err(),
        Some(StoreError::Conflict { stored: 2 })
    );
    assert_eq!(summary("2026-03").await.unwrap(), before);
}

#[wasm_bindgen_test]
async fn a_reader_never_sees_an_entry_and_its_summary_disagree() {
    store::erase().await.unwrap();
    let saved = store::create(entry(MID_MARCH, "watched")).await.unwrap();
    let id = saved.meta.id.clone();
    // Writes and reads interleave; each read takes the entry and its summary in one
    // transaction, so it sees both before or both after a write.
    let writes = async {
        let mut current = saved.clone();
        for i in 0..15 {
            current.body.at = if i % 2 == 0 {
                MID_MARCH - 40 * DAY
            } else {
                MID_MARCH
            };
            current = store::update(&current).await.unwrap();
        }
    };
    let reads = async {
        let db = store::open_at(schema::DB_NAME, schema::VERSION)
            .await
            .unwrap();
        let mut seen = 0;
        for _ in 0..30 {
            let tx = db
                .transaction(&[schema::RECORDS], TransactionMode::ReadOnly)
                .unwrap();
            let records = tx.object_store(schema::RECORDS).unwrap();
            let entry_key = format!("journal_entry:{}", id.0);
            let stored = records
                .get(JsValue::from(entry_key))
                .unwrap()
                .await
                .unwrap()
                .unwrap();
            let rev = js_sys::Reflect::get(&stored, &"rev".into())
                .unwrap()
                .as_f64()
                .unwrap() as u32;
            let mut in_summaries = Vec::new();
            for month in ["2026-02", "2026-03"] {
                let value = records
                    .get(JsValue::from(months::key(month)))
                    .unwrap()
                    .await
                    .unwrap();
                if let Some(v) = value {
                    let payload = js_sys::Reflect::get(&v, &"payload".into())
                        .unwrap()
                        .as_string()
                        .unwrap();
                    let m: JournalMonth = serde_json::from_str(&payload).unwrap();
                    in_summaries.extend(m.items.iter().filter(|i| i.id == id).map(|i| i.rev));
                }
            }
            assert_eq!(
                in_summaries,
                vec![rev],
                "the entry is in exactly one summary, at its revision"
            );
            seen += 1;
        }
        db.close();
        seen
    };
    let ((), seen) = futures_join(writes, reads).await;
    assert_eq!(seen, 30);
}

/// Both futures, run together.
async fn futures_join<A: std::future::Future, B: std::future::Future>(
    a: A,
    b: B,
) -> (A::Output, B::Output) {
    let a = std::pin::pin!(a);
    let b = std::pin::pin!(b);
    let mut a = Some(a);
    let mut b = Some(b);
    let (mut ra, mut rb) = (None, None);
    std::future::poll_fn(move |cx| {
        use std::task::Poll;
        if let Some(f) = a.as_mut() {
            if let Poll::Ready(v) = f.as_mut().poll(cx) {
                ra = Some(v);
                a = None;
            }
        }
        if let Some(f) = b.as_mut() {
            if let Poll::Ready(v) = f.as_mut().poll(cx) {
                rb = Some(v);
                b = None;
            }
        }
        if ra.is_some() && rb.is_some() {
            Poll::Ready((ra.take().unwrap(), rb.take().unwrap()))
        } else {
            Poll::Pending
        }
    })
    .await
}

#[wasm_bindgen_test]
async fn v3_database_gains_month_summaries_on_opening() {
    store::erase().await.unwrap();
    let v3 = store::open_at(schema::DB_NAME, 3).await.unwrap();
    let tx = v3
        .transaction(&[schema::RECORDS], TransactionMode::ReadWrite)
        .unwrap();
    let records = tx.object_store(schema::RECORDS).unwrap();
    for value in js_sys::Array::from(&js_sys::JSON::parse(V3_FIXTURE).unwrap()).iter() {
        records.put(&value, None).unwrap();
    }
    tx.await.unwrap();
    v3.close();

    // The app opens it under v4: the summaries are built in the upgrade itself, so
    // they are there before any read could rebuild them.
    let db = store::open_at(schema::DB_NAME, schema::VERSION)
        .await
        .unwrap();
    let tx = db
        .transaction(&[schema::RECORDS, schema::META], TransactionMode::ReadOnly)
        .unwrap();
    let flag = tx
        .object_store(schema::META)
        .unwrap()
        .get(JsValue::from(months::FLAG))
        .unwrap()
        .await
        .unwrap();
    assert_eq!(
        flag.and_then(|f| f.as_f64()),
        Some(months::FLAG_VERSION as f64)
    );
    tx.await.unwrap();
    db.close();

    let by_month = summaries_by_month().await;
    let months: Vec<&str> = by_month.keys().map(String::as_str).collect();
    assert_eq!(months, ["2026-01", "2026-02", "2026-03", "2026-04"]);
    assert_eq!(by_month, entries_by_month().await);
    assert_eq!(by_month["2026-02"].len(), 2);
    // The deleted one keeps its deletion time; revisions are the entries'.
    assert_eq!(by_month["2026-03"][0].2, Some(1_773_298_800_000));
    assert_eq!(by_month["2026-02"][0].1, 3);
    let all = store::journal_summaries().await.unwrap();
    let jan = all.iter().find(|r| month_of(&r.body) == "2026-01").unwrap();
    assert!(jan.body.for_session);
    assert_eq!(jan.body.triggers, vec!["Work".to_string()]);
    assert_eq!(jan.body.symptoms[0].value, 6.0);

    // Newest first, in full, without the deleted one.
    let newest = store::journal_newest(2).await.unwrap();
    let texts: Vec<&str> = newest.iter().map(|r| r.body.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Just after midnight, April where it was written",
            "Late February"
        ]
    );
    let flagged = store::journal_picked(|r| r.body.for_session).await.unwrap();
    assert_eq!(flagged.len(), 1);
    assert_eq!(
        flagged[0].body.text,
        "January, written under schema v3. Ünïcödé."
    );
}

#[wasm_bindgen_test]
async fn missing_or_unreadable_summaries_are_rebuilt_from_the_entries() {
    store::erase().await.unwrap();
    for i in 0..6 {
        store::create(entry(MID_MARCH - i * 20 * DAY, &format!("entry {i}")))
            .await
            .unwrap();
    }
    let expected = entries_by_month().await;
    assert_eq!(expected.len(), 4, "entries in several months");
    assert_eq!(summaries_by_month().await, expected);

    // A summary and the flag go (as a test's seeding does): the next read rebuilds.
    behind_the_back(|records, meta| {
        records
            .delete(JsValue::from(months::key("2026-03")))
            .unwrap();
        meta.delete(JsValue::from(months::FLAG)).unwrap();
    })
    .await;
    assert_eq!(summaries_by_month().await, expected);
    assert!(summary("2026-03").await.is_some());

    // A summary this version cannot read, flag still there: rebuilt on reading it.
    put_unreadable_summary("2026-02").await;
    assert_eq!(summaries_by_month().await, expected);
    let newest = store::journal_newest(3).await.unwrap();
    let texts: Vec<&str> = newest.iter().map(|r| r.body.text.as_str()).collect();
    assert_eq!(texts, ["entry 0", "entry 1", "entry 2"]);

    // A write meeting an unreadable summary leaves it, drops the flag, and the next
    // read has every entry again.
    put_unreadable_summary("2026-03").await;
    store::create(entry(MID_MARCH + DAY, "written meanwhile"))
        .await
        .unwrap();
    assert_eq!(summaries_by_month().await, entries_by_month().await);
    assert_eq!(summaries_by_month().await["2026-03"].len(), 2);
}

#[wasm_bindgen_test]
async fn the_full_list_read_in_chunks_has_every_entry_once() {
    store::erase().await.unwrap();
    // More than two chunks of entries, put in at once, and records of other kinds
    // whose keys sort next to them.
    let n = store::records_chunk() as usize * 2 + 345;
    let thought = store::create(between::domain::thought::ThoughtRecord {
        at: MID_MARCH,
        situation: "not an entry".into(),
        ..Default::default()
    })
    .await
    .unwrap();
    store::create(entry(MID_MARCH, "made by the store"))
        .await
        .unwrap();
    behind_the_back(|records, _| {
        for i in 0..n {
            let value = js_sys::JSON::parse(&format!(
                r#"{{"key":"journal_entry:c-{i:05}","kind":"journal_entry","id":"c-{i:05}","created":1,"updated":1,"deleted":null,"rev":1,"enc":"json","payload":"{{\"at\":{MID_MARCH},\"text\":\"chunk {i}\"}}"}}"#
            ))
            .unwrap();
            records.put(&value, None).unwrap();
        }
    })
    .await;
    let all = store::list_chunked::<JournalEntry>().await.unwrap();
    assert_eq!(all.len(), n + 1);
    let mut ids: Vec<&str> = all.iter().map(|r| r.meta.id.0.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n + 1, "each once");
    assert!(all.iter().any(|r| r.body.text == "chunk 2344"));
    assert!(all.iter().any(|r| r.body.text == "made by the store"));
    assert!(all.iter().all(|r| r.meta.id != thought.meta.id));
    assert_eq!(
        all.len(),
        store::list::<JournalEntry>().await.unwrap().len()
    );
}
