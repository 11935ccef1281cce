use super::*;
use crate::domain::checkin::Questionnaire;
use crate::domain::journal::{Mood, Symptom};

const T0: Millis = 1_767_261_600_000; // 2026-01-01 10:00 UTC

fn entry(text: &str) -> JournalEntry {
    JournalEntry {
        at: T0,
        offset_min: 60,
        mood: Some(Mood::Okay),
        emotions: vec![],
        symptoms: vec![],
        triggers: vec![],
        text: text.into(),
        prompt: None,
        for_session: false,
    }
}

fn rec(id: &str, updated: Millis, body: &JournalEntry) -> BackupRecord {
    BackupRecord {
        kind: Kind::JournalEntry,
        id: RecordId(id.into()),
        created: T0,
        updated,
        deleted: None,
        rev: 1,
        body: serde_json::to_value(body).unwrap(),
    }
}

fn sample() -> BackupFile {
    build(
        T0,
        "0.1.0",
        vec![
            rec("a1", T0, &entry("First")),
            rec("a2", T0 + 1000, &entry("<script>alert(1)</script>")),
        ],
        &[Photo {
            id: "p1".into(),
            mime: "image/png".into(),
            bytes: vec![137, 80, 78, 71, 0, 255],
        }],
    )
}

#[test]
fn a_file_round_trips_with_its_records_and_photos() {
    let file = sample();
    let text = to_json(&file);
    let checked = check(&text).unwrap();
    assert_eq!(checked.records, file.records);
    assert_eq!(checked.photos[0].bytes, vec![137, 80, 78, 71, 0, 255]);
    assert_eq!(checked.photos[0].mime, "image/png");
    // HTML in text stays text, byte for byte.
    assert_eq!(checked.records[1].body["text"], "<script>alert(1)</script>");
    assert!(text.contains("\"format\":\"between-backup\""));
    assert!(text.contains("\"version\":1"));
}

#[test]
fn drafts_and_month_summaries_are_left_out() {
    let mut draft = rec("d", T0, &entry("half typed"));
    draft.kind = Kind::Draft;
    let mut month = rec("2026-01", T0, &entry(""));
    month.kind = Kind::JournalMonth;
    let file = build(
        T0,
        "x",
        vec![draft.clone(), month.clone(), rec("a", T0, &entry("kept"))],
        &[],
    );
    assert_eq!(file.records.len(), 1);
    // And a file that has them anyway does not import them.
    let mut file = sample();
    file.records.push(draft);
    file.records.push(month);
    let checked = check(&to_json(&file)).unwrap();
    assert_eq!(checked.records.len(), 2);
    assert!(checked.records.iter().all(|r| in_backup(r.kind)));
}

#[test]
fn a_newer_version_is_refused_in_words() {
    let mut file = sample();
    file.version = VERSION + 1;
    let err = check(&to_json(&file)).unwrap_err();
    assert_eq!(err, BackupError::Newer);
    assert!(err
        .to_string()
        .contains("made by a newer version of Between"));
}

#[test]
fn version_0_is_migrated_to_version_1() {
    let v0 = serde_json::json!({
        "format": "between-backup",
        "version": 0,
        "created": T0,
        "items": [{
            "type": "journal_entry", "id": "old", "created": T0, "updated": T0,
            "deleted": null, "rev": 3, "body": {"at": T0, "text": "from long ago"}
        }]
    });
    let migrated = migrate_v0_to_v1(v0.clone()).unwrap();
    assert_eq!(migrated["version"], 1);
    assert!(migrated.get("items").is_none());
    assert_eq!(migrated["records"][0]["kind"], "journal_entry");
    assert_eq!(migrated["photos"], serde_json::json!([]));
    // Through the whole import check, the record arrives as version 1 has it.
    let checked = check(&v0.to_string()).unwrap();
    assert_eq!(checked.records.len(), 1);
    assert_eq!(checked.records[0].id.as_str(), "old");
    assert_eq!(checked.records[0].rev, 3);
    assert_eq!(checked.records[0].body["text"], "from long ago");
    // The current version goes through migrate unchanged.
    let v1 = serde_json::to_value(sample()).unwrap();
    assert_eq!(migrate(v1.clone(), VERSION).unwrap(), v1);
}

#[test]
fn each_bad_file_in_the_corpus_gives_its_message() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/backup-corpus");
    let expected: std::collections::BTreeMap<String, String> =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/expected.json")).unwrap())
            .unwrap();
    let mut files = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name == "expected.json" {
            continue;
        }
        let want = expected
            .get(&name)
            .unwrap_or_else(|| panic!("{name} has no expected message"));
        let text = std::fs::read_to_string(format!("{dir}/{name}")).unwrap();
        let err = open(&text).expect_err(&name).to_string();
        assert!(err.contains(want.as_str()), "{name}: {err}");
        assert!(err.ends_with("Nothing was changed."), "{name}: {err}");
        files += 1;
    }
    assert_eq!(files, expected.len());
}

#[test]
fn absurd_sizes_are_refused_before_decoding() {
    // A file over the limit.
    let big = " ".repeat(MAX_FILE_BYTES + 1);
    assert_eq!(check(&big).unwrap_err(), BackupError::TooBig);
    // One huge string.
    let mut file = sample();
    file.records[0].body["text"] = Value::String("a".repeat(MAX_TEXT_BYTES + 1));
    assert_eq!(check(&to_json(&file)).unwrap_err(), BackupError::TooLong);
    // Too many records.
    let one = serde_json::to_string(&rec("x", T0, &entry(""))).unwrap();
    let many = vec![one.as_str(); MAX_RECORDS + 1].join(",");
    let text = format!(
        r#"{{"format":"between-backup","version":1,"created":0,"app":"","records":[{many}],"photos":[]}}"#
    );
    assert_eq!(check(&text).unwrap_err(), BackupError::TooMany);
    // A photo too big.
    let mut file = sample();
    file.photos[0].base64 = "A".repeat(MAX_PHOTO_BYTES / 3 * 4 + 8);
    assert_eq!(
        check(&to_json(&file)).unwrap_err(),
        BackupError::PhotoTooBig
    );
}

#[test]
fn wrong_types_are_caught_by_kind() {
    let mut file = sample();
    file.records[0].body = serde_json::json!({"at": "yesterday"});
    let err = check(&to_json(&file)).unwrap_err().to_string();
    assert!(err.contains("record 1 (journal entry)"), "{err}");
    // A check-in with a questionnaire that does not exist.
    let mut file = sample();
    file.records[0].kind = Kind::CheckIn;
    file.records[0].body = serde_json::json!({"questionnaire": "phq99", "answers": [], "at": T0});
    let err = check(&to_json(&file)).unwrap_err().to_string();
    assert!(err.contains("(check-in)"), "{err}");
    // An envelope field of the wrong type.
    let text = to_json(&sample()).replace("\"rev\":1", "\"rev\":\"one\"");
    assert!(matches!(check(&text), Err(BackupError::WrongShape(_))));
}

#[test]
fn duplicates_are_refused() {
    let mut file = sample();
    file.records.push(file.records[0].clone());
    assert!(matches!(
        check(&to_json(&file)),
        Err(BackupError::Duplicate(_))
    ));
    let mut file = sample();
    file.photos.push(file.photos[0].clone());
    assert!(matches!(
        check(&to_json(&file)),
        Err(BackupError::Duplicate(_))
    ));
}

#[test]
fn merge_newer_wins_and_the_same_file_twice_adds_nothing() {
    let incoming = vec![
        rec("new", T0, &entry("not here yet")),
        rec("older", T0, &entry("file is older")),
        rec("newer", T0 + 10, &entry("file is newer")),
        rec("same", T0, &entry("same")),
    ];
    let existing = vec![
        Existing {
            kind: Kind::JournalEntry,
            id: RecordId("older".into()),
            updated: T0 + 5,
            rev: 4,
        },
        Existing {
            kind: Kind::JournalEntry,
            id: RecordId("newer".into()),
            updated: T0 + 5,
            rev: 4,
        },
        Existing {
            kind: Kind::JournalEntry,
            id: RecordId("same".into()),
            updated: T0,
            rev: 1,
        },
        // The same id under another kind is another record.
        Existing {
            kind: Kind::Win,
            id: RecordId("new".into()),
            updated: T0 + 99,
            rev: 9,
        },
    ];
    let plan = merge_plan(&existing, &incoming);
    assert_eq!(
        plan,
        vec![Write { index: 0, rev: 1 }, Write { index: 2, rev: 5 }]
    );
    // After writing the plan, the same file again writes nothing.
    let mut after = existing.clone();
    for w in &plan {
        let r = &incoming[w.index];
        after.retain(|e| !(e.kind == r.kind && e.id == r.id));
        after.push(Existing {
            kind: r.kind,
            id: r.id.clone(),
            updated: r.updated,
            rev: w.rev,
        });
    }
    assert!(merge_plan(&after, &incoming).is_empty());
}

#[test]
fn preview_counts_by_kind_in_words_with_the_date_range() {
    let mut file = sample();
    let mut deleted = rec("gone", T0, &entry("deleted"));
    deleted.deleted = Some(T0);
    file.records.push(deleted);
    let mut win = rec("w", T0 + 86_400_000 * 40, &entry(""));
    win.kind = Kind::Win;
    win.body = serde_json::json!({"text": "Went for a walk", "day": "2026-01-01"});
    file.records.push(win);
    let checked = check(&to_json(&file)).unwrap();
    let p = preview(&checked);
    assert_eq!(p.counts, vec![(Kind::JournalEntry, 2), (Kind::Win, 1)]);
    assert_eq!(p.words(), "2 journal entries, 1 win and 1 photo");
    assert_eq!(p.range, Some(("2026-01-01".into(), "2026-02-10".into())));
}

#[test]
fn encrypted_header_round_trips_and_is_checked() {
    let f = EncryptedFile::new(&[1; 16], &[2; 12], &[3; 40]);
    assert_eq!(f.kdf.iterations, 600_000);
    let sealed = EncryptedFile::parse(&f.to_json()).unwrap();
    assert_eq!(sealed.salt, vec![1; 16]);
    assert_eq!(sealed.iv, vec![2; 12]);
    assert_eq!(sealed.data, vec![3; 40]);
    assert!(matches!(open(&f.to_json()), Ok(Opened::Sealed(_))));
    // A plain check of an encrypted file says it is locked.
    assert_eq!(check(&f.to_json()).unwrap_err(), BackupError::Encrypted);
    let newer = f.to_json().replace("\"version\":1", "\"version\":2");
    assert_eq!(
        EncryptedFile::parse(&newer).unwrap_err(),
        BackupError::Newer
    );
}

#[test]
fn markdown_keeps_the_text_and_never_makes_html_or_links() {
    let mut e = entry(
        "# not a heading\n<img src=x onerror=alert(1)>\n[link](http://x) *bold*\n- item\n1. one",
    );
    e.emotions = vec!["calm_ish".into()];
    let meta = Meta::new(RecordId("a".into()), Kind::JournalEntry, T0);
    let md = journal_markdown(&[(meta, e)]);
    assert!(md.starts_with("# My journal"));
    assert!(md.contains("## 2026-01-01 11:00"), "{md}");
    assert!(md.contains("Mood: Okay"));
    assert!(md.contains("\\# not a heading"));
    assert!(md.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(!md.contains("<img"));
    assert!(md.contains("\\[link\\](http://x) \\*bold\\*"));
    assert!(md.contains("\\- item"));
    assert!(md.contains("1\\. one"));
    assert!(md.contains("Feelings: calm\\_ish"));
}

#[test]
fn csv_quotes_and_guards_formulas() {
    assert_eq!(csv_cell("plain"), "plain");
    assert_eq!(csv_cell("a,b"), "\"a,b\"");
    assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv_cell("two\nlines"), "\"two\nlines\"");
    assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    assert_eq!(csv_cell("+1"), "'+1");
    assert_eq!(csv_cell("-2"), "'-2");
    assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
    let mut e = entry("");
    e.emotions = vec!["=cmd|' /C calc'!A0".into(), "sad, tired".into()];
    e.triggers = vec!["work".into()];
    e.symptoms = vec![Symptom {
        name: "Sleep".into(),
        value: 4.0,
    }];
    let meta = Meta::new(RecordId("a".into()), Kind::JournalEntry, T0);
    let moods = moods_csv(&[(meta.clone(), e.clone())]);
    assert_eq!(
        moods,
        "date,time,mood,mood (1-5),feelings,what set it off\r\n\
         2026-01-01,11:00,Okay,3,\"'=cmd|' /C calc'!A0; sad, tired\",work\r\n"
    );
    let symptoms = symptoms_csv(&[(meta.clone(), e)]);
    assert_eq!(
        symptoms,
        "date,time,symptom,value\r\n2026-01-01,11:00,Sleep,4\r\n"
    );
    let c = CheckIn {
        questionnaire: Questionnaire::Gad7,
        answers: vec![1, 1, 0, 0, 0, 0, 0],
        at: T0,
        offset_min: 0,
    };
    let csv = checkins_csv(&[(Meta::new(RecordId("c".into()), Kind::CheckIn, T0), c)]);
    assert!(
        csv.starts_with("date,time,questionnaire,score,band,answers\r\n2026-01-01,10:00,GAD-7,2,"),
        "{csv}"
    );
}

/// A small seeded generator (xorshift), so the fuzz run is the same every time.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn fuzz_random_mutations_never_panic_and_never_pass_wrong_data() {
    let mut file = sample();
    let mut win = rec("w", T0, &entry(""));
    win.kind = Kind::CopingCard;
    win.body = serde_json::json!({"kind": "photo", "title": "Sea", "photo": "p1"});
    file.records.push(win);
    let good = to_json(&file);
    let bytes = good.as_bytes();
    let pieces: [&[u8]; 12] = [
        b"\"", b"{", b"}", b"[", b"]", b",", b":", b"null", b"-1", b"1e999", b"\\u0000", b"\xff",
    ];
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let mut refused = 0;
    for _ in 0..4000 {
        let mut m = bytes.to_vec();
        for _ in 0..1 + rng.below(4) {
            if m.is_empty() {
                break;
            }
            let at = rng.below(m.len());
            match rng.below(4) {
                0 => {
                    m.remove(at);
                }
                1 => {
                    let p = pieces[rng.below(pieces.len())];
                    m.splice(at..at, p.iter().copied());
                }
                2 => m[at] = (rng.next() & 0xff) as u8,
                _ => m.truncate(at),
            }
        }
        let text = String::from_utf8_lossy(&m);
        match open(&text) {
            Err(e) => {
                refused += 1;
                assert!(e.to_string().ends_with("Nothing was changed."), "{e}");
            }
            Ok(Opened::Plain(c)) => {
                // What passes is well formed: every body decodes as its kind.
                for r in &c.records {
                    assert!(check_body(r.kind, &r.body).is_ok());
                }
                let ids: HashSet<_> = c.records.iter().map(|r| (r.kind, &r.id)).collect();
                assert_eq!(ids.len(), c.records.len());
            }
            Ok(Opened::Sealed(_)) => {}
        }
    }
    assert!(refused > 1000, "only {refused} refused");
}

// proptest is a native-only dev-dependency (as `ical` is for the .ics tests).
#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value;

    /// Any JSON value, nested a few levels: what a damaged or hostile file may hold.
    fn any_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<f64>()
                .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
            ".{0,40}".prop_map(Value::String),
        ];
        leaf.prop_recursive(3, 24, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::btree_map("[a-z_]{1,10}", inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    /// A record whose kind, id, times and body are each either right or anything at all.
    fn any_record() -> impl Strategy<Value = Value> {
        let kinds: Vec<&str> = Kind::ALL
            .iter()
            .map(|k| k.as_str())
            .chain(["", "nope"])
            .collect();
        (
            prop::sample::select(kinds),
            prop_oneof![".{0,12}".prop_map(Value::String), any_json()],
            prop_oneof![any::<i64>().prop_map(Value::from), any_json()],
            any_json(),
            any::<bool>(),
        )
            .prop_map(|(kind, id, at, body, real_entry)| {
                let body = if real_entry && kind == "journal_entry" {
                    serde_json::to_value(entry("typed <b>text</b>")).unwrap_or(body)
                } else {
                    body
                };
                serde_json::json!({
                    "kind": kind, "id": id, "created": at, "updated": at,
                    "deleted": null, "rev": 1, "body": body,
                })
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// Any text at all is answered with a checked file or a message, never a panic.
        #[test]
        fn any_text_is_refused_in_words_or_checked(text in ".{0,300}") {
            if let Err(e) = open(&text) {
                prop_assert!(e.to_string().ends_with("Nothing was changed."));
            }
        }

        /// A file of the right shape holding anything: what passes is well formed (every
        /// body is its kind's type, no id twice); what does not, says why in words.
        #[test]
        fn what_passes_is_well_formed(records in prop::collection::vec(any_record(), 0..8)) {
            let file = serde_json::json!({
                "format": "between-backup", "version": 1, "created": T0, "app": "test",
                "records": records, "photos": [],
            });
            match open(&file.to_string()) {
                Err(e) => prop_assert!(e.to_string().ends_with("Nothing was changed."), "{}", e),
                Ok(Opened::Plain(c)) => {
                    for r in &c.records {
                        prop_assert!(check_body(r.kind, &r.body).is_ok());
                    }
                    let ids: HashSet<_> = c.records.iter().map(|r| (r.kind, &r.id)).collect();
                    prop_assert_eq!(ids.len(), c.records.len());
                }
                Ok(Opened::Sealed(_)) => prop_assert!(false, "a plain file read as sealed"),
            }
        }
    }
}
