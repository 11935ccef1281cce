use super::*;

const NOW: Millis = 1_795_000_000_000;

fn entry() -> JournalEntry {
    JournalEntry {
        at: NOW,
        ..Default::default()
    }
}

#[test]
fn rejects_an_entry_with_nothing_in_it() {
    assert_eq!(JournalEntry::new(NOW, "  \n "), Err(EntryError::Empty));
    let mut e = entry();
    e.emotions = vec!["  ".into()];
    assert_eq!(e.checked(NOW), Err(EntryError::Empty));
}

#[test]
fn a_mood_alone_is_an_entry() {
    let mut e = entry();
    e.mood = Some(Mood::Low);
    assert!(e.checked(NOW).is_ok());
}

#[test]
fn text_is_kept_as_typed_but_limited() {
    let ok = JournalEntry::new(NOW, " hello ").unwrap();
    assert_eq!(ok.text, " hello ");
    let long = "a".repeat(MAX_TEXT_CHARS + 1);
    assert_eq!(JournalEntry::new(NOW, &long), Err(EntryError::TooLong));
    assert!(
        JournalEntry::new(NOW, &"é".repeat(MAX_TEXT_CHARS)).is_ok(),
        "characters, not bytes"
    );
}

#[test]
fn impossible_dates_are_refused() {
    let year_2200 = 7_258_118_400_000;
    let mut e = JournalEntry::new(NOW, "x").unwrap();
    e.at = year_2200;
    assert_eq!(e.clone().checked(NOW), Err(EntryError::InFuture));
    e.at = NOW + MAX_FUTURE_MS + 1;
    assert_eq!(e.clone().checked(NOW), Err(EntryError::InFuture));
    e.at = NOW - 3 * 24 * 3600 * 1000;
    assert!(
        e.clone().checked(NOW).is_ok(),
        "writing about the past is fine"
    );
    e.at = EARLIEST - 1;
    assert_eq!(e.checked(NOW), Err(EntryError::TooOld));
}

#[test]
fn symptom_values_stay_on_their_scale() {
    let mut e = entry();
    e.symptoms = vec![Symptom {
        name: "Anxiety".into(),
        value: 11.0,
    }];
    assert_eq!(
        e.clone().checked(NOW),
        Err(EntryError::OutOfRange {
            name: "Anxiety".into(),
            max: 10.0
        })
    );
    e.symptoms = vec![Symptom {
        name: "Sleep (hours)".into(),
        value: 11.0,
    }];
    assert!(
        e.clone().checked(NOW).is_ok(),
        "eleven hours of sleep is possible"
    );
    e.symptoms = vec![Symptom {
        name: "Sleep (hours)".into(),
        value: 25.0,
    }];
    assert!(e.clone().checked(NOW).is_err());
    e.symptoms = vec![Symptom {
        name: "Nausea".into(),
        value: -1.0,
    }];
    assert!(e.clone().checked(NOW).is_err());
    e.symptoms = vec![Symptom {
        name: "Nausea".into(),
        value: f64::NAN,
    }];
    assert!(e.checked(NOW).is_err());
}

#[test]
fn tags_are_tidied() {
    let mut e = entry();
    e.triggers = vec![" Work ".into(), "work".into(), "".into(), "Sleep".into()];
    e.emotions = vec!["Sad".into(), "Sad".into()];
    e.symptoms = vec![
        Symptom {
            name: " Anxiety".into(),
            value: 3.0,
        },
        Symptom {
            name: "Anxiety".into(),
            value: 5.0,
        },
    ];
    let e = e.checked(NOW).unwrap();
    assert_eq!(e.triggers, vec!["Work", "Sleep"]);
    assert_eq!(e.emotions, vec!["Sad"]);
    assert_eq!(
        e.symptoms,
        vec![Symptom {
            name: "Anxiety".into(),
            value: 3.0
        }]
    );
    let mut long = entry();
    long.triggers = vec!["x".repeat(MAX_TAG_CHARS + 1)];
    assert_eq!(long.checked(NOW), Err(EntryError::NameTooLong));
}

#[test]
fn search_looks_at_text_prompt_and_tags_ignoring_case() {
    let mut e = JournalEntry::new(NOW, "Talked to Sam about the Move").unwrap();
    e.triggers = vec!["Family".into()];
    e.prompt = Some("What helped?".into());
    assert!(e.matches_text("move"));
    assert!(e.matches_text("family"));
    assert!(e.matches_text("helped"));
    assert!(!e.matches_text("work"));
    assert!(e.matches_text(""));
    let u = JournalEntry::new(NOW, "Überraschung beim Arzt").unwrap();
    assert!(u.matches_text("überraschung"));
}

#[test]
fn stored_shapes_stay_readable() {
    // The foundation's entries had only `at` and `text`.
    let e: JournalEntry = serde_json::from_str(r#"{"at":1,"text":"old"}"#).unwrap();
    assert_eq!(e.text, "old");
    assert_eq!(e.mood, None);
    let e: JournalEntry = serde_json::from_str(r#"{"at":1}"#).unwrap();
    assert_eq!(e.text, "");
    // Mood is stored as its number on the scale.
    let mut m = entry();
    m.mood = Some(Mood::Good);
    let json = serde_json::to_string(&m).unwrap();
    assert!(json.contains(r#""mood":4"#));
    assert!(serde_json::from_str::<JournalEntry>(r#"{"at":1,"mood":9}"#).is_err());
}

#[test]
fn mood_words_and_nearest() {
    assert_eq!(
        Mood::ALL.map(Mood::word),
        ["Very low", "Low", "Okay", "Good", "Very good"]
    );
    assert_eq!(Mood::nearest(3.4), Mood::Okay);
    assert_eq!(Mood::nearest(3.5), Mood::Good);
    assert_eq!(Mood::nearest(0.0), Mood::VeryLow);
}

#[test]
fn an_entry_is_mentioned_by_its_text_or_else_its_mood() {
    let mut e = JournalEntry {
        text: "A long walk".into(),
        mood: Some(Mood::ALL[2]),
        ..Default::default()
    };
    assert_eq!(e.gist(), "A long walk");
    e.text.clear();
    assert_eq!(e.gist(), format!("Mood: {}", Mood::ALL[2].word()));
    e.mood = None;
    assert_eq!(e.gist(), "");
}

#[test]
fn sleep_is_read_from_the_hours_symptom_only() {
    let mut e = JournalEntry::default();
    assert_eq!(e.sleep_hours(), None);
    e.symptoms = vec![
        Symptom {
            name: "Anxiety".into(),
            value: 7.0,
        },
        Symptom {
            name: "Sleep (hours)".into(),
            value: 5.5,
        },
    ];
    assert_eq!(e.sleep_hours(), Some(5.5));
}

#[test]
fn an_entry_stored_before_the_sleep_field_still_reads_its_sleep() {
    // As entries have been stored: sleep is one of the symptoms, by name.
    let old: JournalEntry = serde_json::from_str(
        r#"{"at":1795000000000,"mood":2,"symptoms":[{"name":"Anxiety","value":6},{"name":"Sleep (hours)","value":7.5}]}"#,
    )
    .unwrap();
    assert_eq!(old.sleep_hours(), Some(7.5));
    assert_eq!(SLEEP, "Sleep (hours)");
    assert_eq!(scale_of(SLEEP), Scale::Hours);
}

#[test]
fn values_in_words() {
    assert_eq!(intensity_words(0.0), "none");
    assert_eq!(intensity_words(6.0), "6 of 10");
    assert_eq!(intensity_words(10.0), "10 of 10");
    assert_eq!(hours_words(0.0), "no sleep");
    assert_eq!(hours_words(0.5), "0.5 hours");
    assert_eq!(hours_words(1.0), "1 hour");
    assert_eq!(hours_words(7.5), "7.5 hours");
    assert_eq!(hours_words(24.0), "24 hours");
}

#[test]
fn details_are_emotions_symptoms_and_triggers() {
    let mut e = entry();
    e.mood = Some(Mood::Good);
    e.text = "Fine".into();
    assert!(!e.has_details(), "mood and words are not details");
    e.symptoms = vec![Symptom {
        name: SLEEP.into(),
        value: 8.0,
    }];
    assert!(e.has_details());
    let mut e = entry();
    e.triggers = vec!["Work".into()];
    assert!(e.has_details());
}

#[test]
fn a_draft_with_nothing_chosen_is_blank() {
    let mut d = EntryDraft {
        when: "2026-11-27T10:00".into(),
        symptoms: vec![("Anxiety".into(), String::new())],
        ..Default::default()
    };
    assert!(d.is_blank(), "a symptom not set is nothing");
    assert!(!d.has_details());
    d.symptoms[0].1 = "0".into();
    assert!(!d.is_blank(), "none is a value");
    assert!(d.has_details());
    let mut d = EntryDraft::default();
    d.entry.text = "  ".into();
    assert!(d.is_blank());
    d.entry.mood = Some(Mood::Low);
    assert!(!d.is_blank());
    assert!(!d.has_details());
}
