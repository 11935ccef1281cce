use chrono::NaiveDate;

use super::*;
use crate::domain::journal::{JournalEntry, Mood, Symptom};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// An entry written at a UTC instant given as "YYYY-MM-DD HH:MM" with an offset.
fn at(utc: &str, offset_min: i32) -> JournalEntry {
    let t = chrono::NaiveDateTime::parse_from_str(utc, "%Y-%m-%d %H:%M").unwrap();
    JournalEntry {
        at: t.and_utc().timestamp_millis(),
        offset_min,
        ..Default::default()
    }
}

fn mood(mut e: JournalEntry, m: Mood) -> JournalEntry {
    e.mood = Some(m);
    e
}

fn refs(v: &[JournalEntry]) -> Vec<&JournalEntry> {
    v.iter().collect()
}

#[test]
fn local_day_follows_the_offset_written_with() {
    // Berlin, the night clocks go forward (29 March 2026): UTC+1 before, UTC+2 after.
    assert_eq!(local_day(&at("2026-03-28 23:30", 60)), day(2026, 3, 29));
    assert_eq!(local_day(&at("2026-03-29 22:30", 120)), day(2026, 3, 30));
    assert_eq!(local_day(&at("2026-03-29 21:59", 120)), day(2026, 3, 29));
    // New York, late evening, is already the next day in UTC.
    assert_eq!(local_day(&at("2026-11-01 03:30", -300)), day(2026, 10, 31));
    // Clocks back in the US (1 November 2026 at 02:00 EDT -> 01:00 EST): both 01:30s are the 1st.
    assert_eq!(local_day(&at("2026-11-01 05:30", -240)), day(2026, 11, 1));
    assert_eq!(local_day(&at("2026-11-01 06:30", -300)), day(2026, 11, 1));
}

#[test]
fn no_data_gives_empty_patterns_not_errors() {
    let today = day(2026, 11, 27);
    assert!(mood_series(&[], Span::All, today).is_empty());
    assert!(symptom_trends(&[], today).is_empty());
    assert!(trigger_stats(&[]).is_empty());
    assert!(time_of_day(&[])
        .iter()
        .all(|t| t.entries == 0 && t.average.is_none()));
    let s = summary_since(&[], day(2026, 11, 20), today);
    assert_eq!((s.entries, s.average_mood, s.lowest_day), (0, None, None));
    let cal = calendar_month(&[], today);
    assert_eq!(cal.len(), 30);
    assert!(cal.iter().all(|d| d.average.is_none() && d.entries == 0));
}

#[test]
fn one_day_of_several_entries_averages() {
    let e = vec![
        mood(at("2026-11-27 08:00", 0), Mood::Low),
        mood(at("2026-11-27 20:00", 0), Mood::Good),
        at("2026-11-27 21:00", 0),
    ];
    let series = mood_series(&refs(&e), Span::Week, day(2026, 11, 27));
    assert_eq!(
        series,
        vec![MoodPoint {
            start: day(2026, 11, 27),
            average: 3.0,
            count: 2
        }]
    );
    let cal = calendar_month(&refs(&e), day(2026, 11, 1));
    assert_eq!(cal[26].date, day(2026, 11, 27));
    assert_eq!(cal[26].average, Some(3.0));
    assert_eq!(cal[26].entries, 3);
}

#[test]
fn series_buckets_by_span() {
    let today = day(2026, 11, 27); // a Friday
    let e = vec![
        mood(at("2026-11-27 10:00", 0), Mood::VeryGood),
        mood(at("2026-11-23 10:00", 0), Mood::Low), // Monday, same week
        mood(at("2026-11-20 10:00", 0), Mood::Okay), // 7 days back: outside the week
        mood(at("2025-12-01 10:00", 0), Mood::VeryLow), // within the year
        mood(at("2024-01-15 10:00", 0), Mood::Good), // only in all time
    ];
    let r = refs(&e);
    let week = mood_series(&r, Span::Week, today);
    assert_eq!(
        week.iter().map(|p| p.start).collect::<Vec<_>>(),
        vec![day(2026, 11, 23), day(2026, 11, 27)]
    );
    let month = mood_series(&r, Span::Month, today);
    assert_eq!(month.len(), 3);
    let year = mood_series(&r, Span::Year, today);
    assert_eq!(year.len(), 3, "weekly buckets: {year:?}");
    assert_eq!(
        year.last().unwrap(),
        &MoodPoint {
            start: day(2026, 11, 23),
            average: 3.5,
            count: 2
        }
    );
    let all = mood_series(&r, Span::All, today);
    assert_eq!(
        all.first().unwrap(),
        &MoodPoint {
            start: day(2024, 1, 1),
            average: 4.0,
            count: 1
        }
    );
    assert_eq!(all.len(), 3, "months: Jan 2024, Dec 2025, Nov 2026");
}

#[test]
fn symptom_trend_compares_last_week_with_the_one_before() {
    let today = day(2026, 11, 27);
    let sym = |utc: &str, name: &str, v: f64| {
        let mut e = at(utc, 0);
        e.symptoms = vec![Symptom {
            name: name.into(),
            value: v,
        }];
        e
    };
    let e = vec![
        sym("2026-11-27 10:00", "Anxiety", 2.0),
        sym("2026-11-26 10:00", "Anxiety", 4.0),
        sym("2026-11-18 10:00", "Anxiety", 8.0),
        sym("2026-11-01 10:00", "Anxiety", 6.0),
        sym("2026-11-27 10:00", "Sleep (hours)", 7.5),
    ];
    let trends = symptom_trends(&refs(&e), today);
    assert_eq!(trends[0].name, "Anxiety");
    assert_eq!(trends[0].readings, 4);
    assert_eq!(trends[0].average, 5.0);
    assert_eq!(trends[0].last_week, Some(3.0));
    assert_eq!(trends[0].week_before, Some(8.0));
    assert_eq!(trends[0].daily.len(), 4);
    assert_eq!(trends[1].scale, Scale::Hours);
    assert_eq!(trends[1].week_before, None);
}

#[test]
fn triggers_compare_mood_on_days_with_and_without() {
    let trig = |utc: &str, m: Mood, t: &[&str]| {
        let mut e = mood(at(utc, 0), m);
        e.triggers = t.iter().map(|s| s.to_string()).collect();
        e
    };
    let e = vec![
        trig("2026-11-20 10:00", Mood::VeryLow, &["Work"]),
        trig("2026-11-20 18:00", Mood::Low, &[]), // same day: the day has work
        trig("2026-11-21 10:00", Mood::Low, &["work", "Family"]),
        trig("2026-11-22 10:00", Mood::Good, &[]),
        trig("2026-11-23 10:00", Mood::VeryGood, &["Family"]),
    ];
    let stats = trigger_stats(&refs(&e));
    let work = stats.iter().find(|s| s.name == "Work").unwrap();
    assert_eq!((work.entries, work.days), (2, 2));
    assert_eq!(work.mood_with, Some((1.5 + 2.0) / 2.0));
    assert_eq!(work.mood_without, Some((4.0 + 5.0) / 2.0));
    let family = stats.iter().find(|s| s.name == "Family").unwrap();
    assert_eq!(family.mood_with, Some((2.0 + 5.0) / 2.0));
    assert_eq!(stats[0].name, "Family", "ties by count sort by name");
}

#[test]
fn time_of_day_uses_local_hours() {
    let e = vec![
        mood(at("2026-11-27 06:00", 120), Mood::Low), // 08:00 local: morning
        mood(at("2026-11-27 21:30", 120), Mood::Good), // 23:30 local: night
        mood(at("2026-11-27 12:00", 0), Mood::Okay),  // afternoon
    ];
    let t = time_of_day(&refs(&e));
    let get = |p| t.iter().find(|x| x.part == p).unwrap().clone();
    assert_eq!(get(PartOfDay::Morning).average, Some(2.0));
    assert_eq!(get(PartOfDay::Night).average, Some(4.0));
    assert_eq!(get(PartOfDay::Afternoon).entries, 1);
    assert_eq!(get(PartOfDay::Evening).entries, 0);
}

#[test]
fn summary_since_a_date() {
    let today = day(2026, 11, 27);
    let mut flagged = mood(at("2026-11-25 10:00", 0), Mood::Low);
    flagged.for_session = true;
    flagged.emotions = vec!["Anxious".into(), "Tired".into()];
    flagged.triggers = vec!["Work".into()];
    let mut other = mood(at("2026-11-26 10:00", 0), Mood::Good);
    other.emotions = vec!["Anxious".into()];
    let e = vec![
        flagged,
        other,
        mood(at("2026-11-21 10:00", 0), Mood::VeryLow), // the same number of days before
        mood(at("2026-10-01 10:00", 0), Mood::VeryGood), // far before: ignored
    ];
    let s = summary_since(&refs(&e), day(2026, 11, 24), today);
    assert_eq!(s.entries, 2);
    assert_eq!(s.days_written, 2);
    assert_eq!(s.average_mood, Some(3.0));
    assert_eq!(s.average_before, Some(1.0));
    assert_eq!(s.lowest_day, Some((day(2026, 11, 25), 2.0)));
    assert_eq!(s.best_day, Some((day(2026, 11, 26), 4.0)));
    assert_eq!(
        s.top_emotions,
        vec![("Anxious".to_string(), 2), ("Tired".to_string(), 1)]
    );
    assert_eq!(s.top_triggers, vec![("Work".to_string(), 1)]);
    assert_eq!(s.for_session, 1);
}

#[test]
fn filters_combine() {
    let mut a = mood(at("2026-11-20 10:00", 0), Mood::Low);
    a.text = "Argument at work".into();
    a.triggers = vec!["Work".into()];
    a.emotions = vec!["Angry".into()];
    let mut b = mood(at("2026-11-22 10:00", 0), Mood::Low);
    b.symptoms = vec![Symptom {
        name: "Anxiety".into(),
        value: 6.0,
    }];
    let c = mood(at("2026-11-24 10:00", 0), Mood::Good);
    let all = [a, b, c];
    let count = |f: Filter| all.iter().filter(|e| f.matcher()(e)).count();
    assert_eq!(count(Filter::default()), 3);
    assert!(Filter::default().is_empty());
    assert_eq!(
        count(Filter {
            mood: Some(Mood::Low),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        count(Filter {
            mood: Some(Mood::Low),
            query: "ARGUMENT".into(),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        count(Filter {
            trigger: Some("work".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        count(Filter {
            emotion: Some("Angry".into()),
            mood: Some(Mood::Good),
            ..Default::default()
        }),
        0
    );
    assert_eq!(
        count(Filter {
            symptom: Some("Anxiety".into()),
            ..Default::default()
        }),
        1
    );
    let range = Filter {
        from: Some(day(2026, 11, 21)),
        to: Some(day(2026, 11, 24)),
        ..Default::default()
    };
    assert!(!range.is_empty());
    assert_eq!(count(range), 2);
}

#[test]
fn used_tags_most_used_first_ignoring_case() {
    let tags = ["Work", "sleep", "work", "Family", "WORK", "Sleep"];
    assert_eq!(used_tags(tags.into_iter()), vec!["Work", "sleep", "Family"]);
}

// Patterns in plain words.

fn slept(mut e: JournalEntry, hours: f64) -> JournalEntry {
    e.symptoms.push(Symptom {
        name: "Sleep (hours)".into(),
        value: hours,
    });
    e
}

fn noon(d: NaiveDate) -> JournalEntry {
    at(&format!("{d} 12:00"), 0)
}

#[test]
fn change_words_follow_the_thresholds() {
    assert_eq!(Change::of_moods(3.0, 3.2), Change::AboutTheSame);
    assert_eq!(Change::of_moods(3.2, 3.0), Change::AboutTheSame);
    assert_eq!(Change::of_moods(3.0, 3.25), Change::ALittleLower);
    assert_eq!(Change::of_moods(3.5, 3.0), Change::ALittleHigher);
    assert_eq!(Change::of_moods(2.25, 3.0), Change::ClearlyLower);
    assert_eq!(Change::of_moods(4.0, 3.0), Change::ClearlyHigher);
    assert_eq!(Change::ALittleLower.words(), "a little lower than");
    assert_eq!(Change::AboutTheSame.words(), "about the same as");
    // Symptoms, 0 to 10, use wider steps.
    assert_eq!(
        Change::between(5.0, 5.4, SYMPTOM_SAME_WITHIN, SYMPTOM_CLEARLY_FROM),
        Change::AboutTheSame
    );
    assert_eq!(
        Change::between(7.0, 5.0, SYMPTOM_SAME_WITHIN, SYMPTOM_CLEARLY_FROM),
        Change::ClearlyHigher
    );
}

#[test]
fn names_read_naturally_inside_a_sentence() {
    assert_eq!(in_sentence("Anxious"), "anxious");
    assert_eq!(in_sentence("PTSD"), "PTSD");
    assert_eq!(in_sentence("New Job"), "New Job");
    assert_eq!(in_sentence(""), "");
    assert_eq!(count_word(2), "two");
    assert_eq!(count_word(12), "12");
}

/// No sentence shows an average as a number.
fn no_figures(s: &str) {
    assert!(
        !s.chars().any(|c| c.is_ascii_digit()) || s.contains(" 6 hours"),
        "{s}"
    );
    assert!(!s.contains('('), "{s}");
}

#[test]
fn this_week_against_last_week_across_a_month_boundary() {
    // Tuesday 2 December: this past week is 26 November to 2 December.
    let today = day(2026, 12, 2);
    let e = vec![
        mood(noon(day(2026, 11, 19)), Mood::Good),
        mood(noon(day(2026, 11, 25)), Mood::Good),
        mood(noon(day(2026, 11, 26)), Mood::Okay),
        mood(noon(day(2026, 12, 1)), Mood::Good),
    ];
    let w = week_moods(&refs(&e), today);
    assert_eq!((w.this_week, w.week_before), (Some(3.5), Some(4.0)));
    let s = week_sentence(&w);
    assert_eq!(
        s,
        "This past week your mood was a little lower than the week before."
    );
    no_figures(&s);
    // 19 November is 13 days before: still in the week before; the 18th would not be.
    let e2 = vec![
        mood(noon(day(2026, 11, 18)), Mood::VeryLow),
        mood(noon(day(2026, 11, 19)), Mood::Good),
        mood(noon(day(2026, 12, 2)), Mood::Good),
    ];
    assert_eq!(
        week_sentence(&week_moods(&refs(&e2), today)),
        "This past week your mood was about the same as the week before."
    );
    let e3 = vec![
        mood(noon(day(2026, 11, 20)), Mood::VeryLow),
        mood(noon(day(2026, 12, 1)), Mood::Good),
    ];
    assert_eq!(
        week_sentence(&week_moods(&refs(&e3), today)),
        "This past week your mood was clearly higher than the week before."
    );
}

#[test]
fn the_first_week_says_what_patterns_will_show() {
    let today = day(2026, 11, 27);
    let none: Vec<JournalEntry> = vec![];
    assert!(first_week(&refs(&none), today));
    assert_eq!(
        week_sentence(&week_moods(&refs(&none), today)),
        "After a week of entries, you'll see how your mood moves from day to day."
    );
    let three = vec![
        mood(noon(day(2026, 11, 25)), Mood::Good),
        mood(noon(day(2026, 11, 26)), Mood::Good),
        mood(noon(day(2026, 11, 27)), Mood::Okay),
    ];
    assert!(first_week(&refs(&three), today));
    assert_eq!(
        week_sentence(&week_moods(&refs(&three), today)),
        "After a week of entries, you'll see how your mood moves from day to day. So far your mood has been good on average."
    );
    // Six days back is still the first week; seven days back is a week.
    assert!(first_week(&refs(&[noon(day(2026, 11, 22))]), today));
    assert!(!first_week(&refs(&[noon(day(2026, 11, 21))]), today));
    // A week and more, but nothing the week before.
    let gap = vec![
        mood(noon(day(2026, 10, 1)), Mood::Low),
        mood(noon(day(2026, 11, 26)), Mood::VeryGood),
    ];
    assert_eq!(
        week_sentence(&week_moods(&refs(&gap), today)),
        "This past week your mood was very good on average; nothing from the week before to compare with."
    );
    let old = vec![mood(noon(day(2026, 10, 1)), Mood::Low)];
    assert_eq!(
        week_sentence(&week_moods(&refs(&old), today)),
        "No mood noted this past week. Before that your mood was low on average."
    );
}

#[test]
fn since_sentence_counts_and_compares() {
    let today = day(2026, 11, 27);
    let since = day(2026, 11, 21);
    let e = vec![
        mood(noon(day(2026, 11, 15)), Mood::Good),
        mood(noon(day(2026, 11, 24)), Mood::Low),
        mood(noon(day(2026, 11, 24)), Mood::Okay),
        mood(noon(day(2026, 11, 26)), Mood::Okay),
    ];
    let s = since_sentence(&summary_since(&refs(&e), since, today), 7);
    assert_eq!(
        s,
        "Since then you wrote 3 entries on 2 days, and your mood was clearly lower than in the 7 days before."
    );
    let alone = since_sentence(&summary_since(&refs(&e[1..]), since, today), 7);
    assert_eq!(
        alone,
        "Since then you wrote 3 entries on 2 days, and your mood was okay on average."
    );
    assert_eq!(
        since_sentence(&summary_since(&[], since, today), 7),
        "Nothing written since then yet."
    );
    let no_mood = vec![noon(day(2026, 11, 27))];
    assert_eq!(
        since_sentence(&summary_since(&refs(&no_mood), since, today), 7),
        "Since then you wrote 1 entry on 1 day, without a mood noted."
    );
}

#[test]
fn sleep_split_compares_short_and_long_nights_once_there_are_enough() {
    let d = |n| day(2026, 11, n);
    let e = vec![
        slept(mood(noon(d(20)), Mood::Low), 5.0),
        slept(mood(noon(d(21)), Mood::VeryLow), 4.5),
        slept(mood(noon(d(22)), Mood::Good), 8.0),
    ];
    let s = sleep_split(&refs(&e));
    assert_eq!((s.short_days, s.long_days, s.days_with_sleep), (2, 1, 3));
    assert_eq!(
        sleep_sentence(&s),
        "One more day with sleep and a mood noted and Patterns can compare short and long nights."
    );
    let mut more = e.clone();
    more.push(slept(mood(noon(d(23)), Mood::Good), 6.0));
    let s = sleep_split(&refs(&more));
    assert_eq!((s.short_mood, s.long_mood), (Some(1.5), Some(4.0)));
    assert_eq!(
        sleep_sentence(&s),
        "On days you slept under 6 hours your mood was clearly lower than on days you slept longer."
    );
    assert_eq!(s.daily.len(), 4);
    // Only one short night among four: too few to compare.
    let long = vec![
        slept(mood(noon(d(20)), Mood::Low), 5.0),
        slept(mood(noon(d(21)), Mood::Okay), 7.0),
        slept(mood(noon(d(22)), Mood::Good), 8.0),
        slept(mood(noon(d(23)), Mood::Good), 9.0),
    ];
    assert!(sleep_sentence(&sleep_split(&refs(&long)))
        .starts_with("Few of the nights you noted were under 6 hours"));
    assert_eq!(
        sleep_sentence(&sleep_split(&[])),
        "Note how long you slept in an entry and Patterns can compare your mood after short and long nights."
    );
    // Sleep without a mood does not count towards a comparison.
    let bare = vec![slept(noon(d(20)), 5.0), slept(noon(d(21)), 5.0)];
    assert!(sleep_sentence(&sleep_split(&refs(&bare))).starts_with("Four more days"));
}

#[test]
fn emotion_trigger_symptom_time_and_calendar_sentences() {
    let d = |n| day(2026, 11, n);
    let with = |mut e: JournalEntry, emotions: &[&str], triggers: &[&str]| {
        e.emotions = emotions.iter().map(|s| s.to_string()).collect();
        e.triggers = triggers.iter().map(|s| s.to_string()).collect();
        e
    };
    let e = vec![
        with(mood(noon(d(20)), Mood::Low), &["Anxious"], &["Work"]),
        with(
            mood(noon(d(21)), Mood::Low),
            &["Anxious", "Tired"],
            &["work"],
        ),
        with(mood(noon(d(22)), Mood::Good), &["Anxious"], &[]),
        with(mood(noon(d(23)), Mood::Good), &["Calm"], &["Family"]),
        with(mood(noon(d(24)), Mood::VeryGood), &[], &[]),
    ];
    let r = refs(&e);
    let emotions = emotion_stats(&r);
    assert_eq!(emotions[0].name, "Anxious");
    assert_eq!(emotions[0].days, 3);
    assert_eq!(emotions[0].with_trigger, Some(("work".into(), 2)));
    assert_eq!(
        emotion_sentence(&emotions),
        "You felt anxious most often, mostly on days with the trigger “work”."
    );
    assert_eq!(
        trigger_sentence(&trigger_stats(&r)),
        "On days with the trigger “work” your mood was clearly lower than on other days."
    );
    // A trigger on one day only is not compared.
    assert_eq!(
        trigger_sentence(&trigger_stats(&r[2..])),
        "Name a trigger on a few more days, with a mood, and Patterns can compare those days with the others."
    );
    assert!(emotion_sentence(&[]).starts_with("When you name your emotions"));
    assert!(trigger_sentence(&[]).starts_with("When you name what set a feeling off"));

    let sym = |mut e: JournalEntry, v: f64| {
        e.symptoms.push(Symptom {
            name: "Anxiety".into(),
            value: v,
        });
        e
    };
    let today = d(27);
    let s = vec![sym(noon(d(15)), 8.0), sym(noon(d(25)), 4.0)];
    assert_eq!(
        symptom_sentence(&symptom_trends(&refs(&s), today)),
        "This past week “anxiety” was clearly lower than the week before."
    );
    assert_eq!(
        symptom_sentence(&symptom_trends(&refs(&s[1..]), today)),
        "You noted “anxiety” once; after two weeks of notes, Patterns can say how it is changing."
    );
    assert!(symptom_sentence(&[]).starts_with("When you note symptoms"));

    assert!(time_sentence(&time_of_day(&r[..2])).starts_with("After a few more entries"));
    let times = vec![
        mood(at("2026-11-20 08:00", 0), Mood::Good),
        mood(at("2026-11-21 09:00", 0), Mood::VeryGood),
        mood(at("2026-11-21 19:00", 0), Mood::Low),
        mood(at("2026-11-22 20:00", 0), Mood::Low),
        mood(at("2026-11-23 21:00", 0), Mood::Okay),
    ];
    assert_eq!(
        time_sentence(&time_of_day(&refs(&times))),
        "You write most often in the evening, and your mood was highest in the morning."
    );

    let cal = calendar_month(&r, d(1));
    let s = calendar_sentence(&cal, "November 2026");
    assert_eq!(
        s,
        "In November 2026 you noted a mood on 5 days, most often “low” and “good”."
    );
    assert_eq!(
        calendar_sentence(&calendar_month(&r[..3], d(1)), "November 2026"),
        "In November 2026 you noted a mood on 3 days, most often “low”."
    );
    assert_eq!(
        calendar_sentence(&calendar_month(&[], d(1)), "November 2026"),
        "No mood noted in November 2026."
    );
}
