use chrono::{NaiveDate, Weekday};

use super::*;
use crate::domain::journal::Mood;
use crate::domain::record::{Meta, RecordId};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn rest(day: NaiveDate, restored: u8) -> RestLog {
    RestLog {
        what: "Nap".into(),
        day,
        restored,
        felt: None,
    }
}

/// An entry at local noon of `day`, written in UTC+1.
fn entry(day: NaiveDate, mood: u8) -> JournalEntry {
    let noon = day
        .and_hms_opt(11, 0, 0)
        .unwrap()
        .and_utc()
        .timestamp_millis();
    JournalEntry {
        at: noon,
        offset_min: 60,
        mood: Mood::from_value(mood),
        emotions: vec![],
        symptoms: vec![],
        triggers: vec![],
        text: String::new(),
        prompt: None,
        for_session: false,
    }
}

#[test]
fn a_rest_needs_what_and_a_restored_rating_from_zero_to_ten() {
    let today = d(2026, 11, 27);
    let mut f = RestDraft::new_on(today);
    assert_eq!(f.rest(today), Err(RestError::Empty));
    f.what = " A slow walk ".into();
    assert_eq!(
        f.rest(today),
        Err(RestError::Restored),
        "restored is asked for"
    );
    f.restored = "11".into();
    assert_eq!(f.rest(today), Err(RestError::Restored));
    assert_eq!(
        RestError::Restored.to_string(),
        "Choose how restored you feel: a whole number from 0 to 10."
    );
    f.restored = "-2".into();
    assert_eq!(f.rest(today), Err(RestError::Restored));
    f.restored = "7".into();
    let r = f.rest(today).unwrap();
    assert_eq!(
        r,
        RestLog {
            what: "A slow walk".into(),
            day: today,
            restored: 7,
            felt: None
        }
    );
    f.felt = "numbing".into();
    assert_eq!(f.rest(today).unwrap().felt, Some(Felt::Numbing));
    f.day = "2026-11-28".into();
    assert_eq!(f.rest(today), Err(RestError::Future));
    f.day = "2026-11-20".into();
    let r = f.rest(today).unwrap();
    assert_eq!(
        RestDraft::of(&r).rest(today).unwrap(),
        r,
        "the form of a rest gives it back"
    );
    for felt in Felt::ALL {
        assert_eq!(Felt::parse(felt.as_str()), Some(felt));
    }
}

#[test]
fn the_self_care_plan_is_trimmed_and_bounded() {
    let plan = SelfCare {
        body: "  Sleep by eleven\nWalk  ".into(),
        mind: String::new(),
        boundaries: "Say no to extra shifts".into(),
    };
    let checked = plan.checked().unwrap();
    assert_eq!(checked.body, "Sleep by eleven\nWalk");
    let long = SelfCare {
        mind: "x".repeat(MAX_CHARS + 1),
        ..SelfCare::default()
    };
    assert_eq!(long.checked(), Err(RestError::TooLong));
}

#[test]
fn rest_between_two_days_across_a_year_boundary() {
    let rec = |id: &str, created: i64, body: RestLog| Record {
        meta: Meta::new(RecordId(id.into()), Kind::RestLog, created),
        body,
    };
    let mut gone = rec("x", 5, rest(d(2026, 12, 30), 3));
    gone.meta.deleted = Some(6);
    let list = vec![
        rec("a", 1, rest(d(2027, 1, 1), 5)),
        rec("b", 2, rest(d(2026, 12, 27), 6)),
        rec("c", 3, rest(d(2026, 12, 26), 7)),
        rec("d", 4, rest(d(2027, 1, 3), 8)),
        gone,
    ];
    let found: Vec<u8> = between(&list, d(2026, 12, 27), d(2027, 1, 2))
        .iter()
        .map(|r| r.body.restored)
        .collect();
    assert_eq!(found, [6, 5]);
}

#[test]
fn rest_by_week_next_to_mood() {
    let rests = [
        rest(d(2026, 11, 3), 8),
        rest(d(2026, 11, 5), 6),
        rest(d(2026, 11, 12), 2),
    ];
    let entries = [
        entry(d(2026, 10, 20), 1), // before the first rest's week: left out
        entry(d(2026, 11, 2), 4),
        entry(d(2026, 11, 4), 5),
        entry(d(2026, 11, 11), 2),
        entry(d(2026, 11, 18), 3), // a week with mood and no rest
    ];
    let r: Vec<&RestLog> = rests.iter().collect();
    let e: Vec<&JournalEntry> = entries.iter().collect();
    let weeks = by_week(&r, &e, Weekday::Mon);
    assert_eq!(
        weeks,
        vec![
            RestWeek {
                start: d(2026, 11, 2),
                rests: 2,
                restored: Some(7.0),
                mood: Some(4.5),
                moods: 2
            },
            RestWeek {
                start: d(2026, 11, 9),
                rests: 1,
                restored: Some(2.0),
                mood: Some(2.0),
                moods: 1
            },
            RestWeek {
                start: d(2026, 11, 16),
                rests: 0,
                restored: None,
                mood: Some(3.0),
                moods: 1
            },
        ]
    );
    assert_eq!(
        rest_sentence(&weeks, |d| d.to_string()),
        "In the weeks you felt more restored, your mood was clearly higher than in the other weeks."
    );
}

#[test]
fn rest_sentence_with_no_rest_no_mood_one_week_and_even_weeks() {
    let none: Vec<RestWeek> = by_week(&[], &[&entry(d(2026, 11, 2), 4)], Weekday::Mon);
    assert!(none.is_empty(), "mood alone makes no rest weeks");
    assert_eq!(
        rest_sentence(&none, |d| d.to_string()),
        "Once you log some rest, you'll see it here next to your mood, week by week."
    );
    let one_rest = [rest(d(2026, 11, 3), 7)];
    let r: Vec<&RestLog> = one_rest.iter().collect();
    let no_mood = by_week(&r, &[], Weekday::Mon);
    assert_eq!(
        rest_sentence(&no_mood, |d| d.to_string()),
        "When you also note your mood in the journal, you'll see your rest and your mood side by side."
    );
    let e = entry(d(2026, 11, 4), 4);
    let one = by_week(&r, &[&e], Weekday::Mon);
    assert_eq!(
        rest_sentence(&one, |d| d.to_string()),
        "In the week of 2026-11-02, you felt 7 out of 10 restored on average, and your mood was good."
    );
    // Weeks from Sunday: the 2nd of November 2026 is a Monday, so it belongs to the 1st.
    let sunday = by_week(&r, &[&e], Weekday::Sun);
    assert_eq!(sunday[0].start, d(2026, 11, 1));

    let even = [rest(d(2026, 11, 3), 6), rest(d(2026, 11, 10), 6)];
    let r: Vec<&RestLog> = even.iter().collect();
    let moods = [entry(d(2026, 11, 3), 3), entry(d(2026, 11, 10), 3)];
    let e: Vec<&JournalEntry> = moods.iter().collect();
    assert_eq!(
        rest_sentence(&by_week(&r, &e, Weekday::Mon), |d| d.to_string()),
        "You felt about equally restored each week; your mood was okay on average."
    );
    let close = [entry(d(2026, 11, 3), 3), entry(d(2026, 11, 10), 3)];
    let more = [rest(d(2026, 11, 3), 8), rest(d(2026, 11, 10), 4)];
    let r: Vec<&RestLog> = more.iter().collect();
    let e: Vec<&JournalEntry> = close.iter().collect();
    assert_eq!(
        rest_sentence(&by_week(&r, &e, Weekday::Mon), |d| d.to_string()),
        "In the weeks you felt more restored, your mood was about the same as in the other weeks."
    );
}
