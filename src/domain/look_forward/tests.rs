use chrono::{NaiveDate, Weekday};

use super::*;
use crate::domain::record::{Meta, RecordId};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn plan(what: &str, day: NaiveDate) -> Plan {
    Plan {
        what: what.into(),
        day,
        time: String::new(),
        with: String::new(),
        expected: None,
        happened: None,
        enjoyed: None,
    }
}

fn rated_plan(day: NaiveDate, expected: u8, enjoyed: u8) -> Plan {
    Plan {
        expected: Some(expected),
        happened: Some(true),
        enjoyed: Some(enjoyed),
        ..plan("x", day)
    }
}

fn rec(id: &str, created: i64, body: Plan) -> Record<Plan> {
    Record {
        meta: Meta::new(RecordId(id.into()), Kind::LookForward, created),
        body,
    }
}

#[test]
fn ratings_outside_zero_to_ten_are_refused() {
    assert_eq!(rating(""), Ok(None));
    assert_eq!(rating(" 0 "), Ok(Some(0)));
    assert_eq!(rating("10"), Ok(Some(10)));
    assert_eq!(rating("11"), Err(NotARating));
    assert_eq!(rating("-1"), Err(NotARating));
    assert_eq!(rating("7.5"), Err(NotARating));
    assert_eq!(rating("lots"), Err(NotARating));
    assert_eq!(rating("300"), Err(NotARating));

    let today = d(2026, 11, 27);
    let mut f = PlanDraft::new_on(today);
    f.what = "A walk".into();
    f.expected = "11".into();
    assert_eq!(f.plan(today), Err(PlanError::Expected));
    assert_eq!(
        PlanError::Expected.to_string(),
        "How much you expect to enjoy it is a whole number from 0 to 10."
    );
    f.expected = "6".into();
    f.happened = "yes".into();
    f.enjoyed = "11".into();
    assert_eq!(f.plan(today), Err(PlanError::Enjoyed));
    f.enjoyed = "8".into();
    let p = f.plan(today).unwrap();
    assert_eq!(
        (p.expected, p.happened, p.enjoyed),
        (Some(6), Some(true), Some(8))
    );
}

#[test]
fn a_plan_needs_what_and_keeps_the_rest_optional() {
    let today = d(2026, 11, 27);
    let mut f = PlanDraft::new_on(today);
    assert_eq!(f.plan(today), Err(PlanError::Empty));
    f.what = "  Swim  ".into();
    f.day = String::new();
    let p = f.plan(today).unwrap();
    assert_eq!(
        p,
        plan("Swim", today),
        "empty day is today, nothing else needed"
    );
    f.time = "25:00".into();
    assert_eq!(f.plan(today), Err(PlanError::BadTime));
    f.time = "18:30".into();
    f.day = "2026-13-01".into();
    assert_eq!(f.plan(today), Err(PlanError::BadDay));
    f.day = "2026-12-02".into();
    f.with = "Sam".into();
    let p = f.plan(today).unwrap();
    assert_eq!(
        (p.day, p.time.as_str(), p.with.as_str()),
        (d(2026, 12, 2), "18:30", "Sam")
    );
    f.what = "x".repeat(201);
    assert_eq!(f.plan(today), Err(PlanError::TooLong));
}

#[test]
fn after_answers_count_only_once_the_day_has_come_and_a_past_plan_can_be_logged_done() {
    let today = d(2026, 11, 27);
    let mut f = PlanDraft::new_on(today);
    f.what = "Cinema".into();
    f.day = "2026-11-30".into();
    f.happened = "yes".into();
    f.enjoyed = "9".into();
    let p = f.plan(today).unwrap();
    assert_eq!((p.happened, p.enjoyed), (None, None), "still to come");

    // A plan in the past, logged as done in one go.
    f.day = "2026-11-20".into();
    let p = f.plan(today).unwrap();
    assert_eq!((p.happened, p.enjoyed), (Some(true), Some(9)));
    assert!(!p.awaits_looking_back(today.and_hms_opt(12, 0, 0).unwrap()));

    // "It didn't happen" drops any rating of how it was.
    f.happened = "no".into();
    let p = f.plan(today).unwrap();
    assert_eq!((p.happened, p.enjoyed), (Some(false), None));

    // A rating alone says it happened.
    f.happened = String::new();
    let p = f.plan(today).unwrap();
    assert_eq!((p.happened, p.enjoyed), (Some(true), Some(9)));

    // The form of a stored plan gives the same plan back.
    assert_eq!(PlanDraft::of(&p).plan(today).unwrap(), p);
    let noon = today.and_hms_opt(12, 0, 0).unwrap();
    assert!(plan("x", today).awaits_looking_back(noon), "today, no time");
    assert!(plan("x", d(2026, 11, 26)).awaits_looking_back(noon));
    assert!(!plan("x", d(2026, 11, 28)).awaits_looking_back(noon));
    let mut evening = plan("x", today);
    evening.time = "19:00".into();
    assert!(!evening.awaits_looking_back(noon), "not before its time");
    assert!(evening.awaits_looking_back(today.and_hms_opt(19, 0, 0).unwrap()));
}

#[test]
fn weeks_start_on_the_day_given() {
    // Friday 27 November 2026.
    let fri = d(2026, 11, 27);
    assert_eq!(week_start(fri, Weekday::Mon), d(2026, 11, 23));
    assert_eq!(week_start(fri, Weekday::Sun), d(2026, 11, 22));
    assert_eq!(week_start(fri, Weekday::Sat), d(2026, 11, 21));
    assert_eq!(week_start(fri, Weekday::Fri), fri);
    assert_eq!(week_start(d(2026, 11, 23), Weekday::Mon), d(2026, 11, 23));
}

#[test]
fn this_week_and_next_across_a_month_boundary() {
    let list = vec![
        rec("a", 1, plan("Last week", d(2026, 11, 22))),
        rec("b", 2, plan("Sunday", d(2026, 11, 29))),
        rec("c", 3, plan("Monday", d(2026, 11, 30))),
        rec("d", 4, plan("December", d(2026, 12, 1))),
        rec("e", 5, plan("Next Sunday", d(2026, 12, 6))),
        rec("f", 6, plan("Week after", d(2026, 12, 7))),
    ];
    let w = Weeks::of(d(2026, 11, 27), Weekday::Mon);
    assert_eq!(w.this_week, (d(2026, 11, 23), d(2026, 11, 29)));
    assert_eq!(w.next_week, (d(2026, 11, 30), d(2026, 12, 6)));
    let names = |v: Vec<&Record<Plan>>| v.iter().map(|r| r.body.what.clone()).collect::<Vec<_>>();
    assert_eq!(
        names(between(&list, w.this_week.0, w.this_week.1)),
        ["Sunday"]
    );
    assert_eq!(
        names(between(&list, w.next_week.0, w.next_week.1)),
        ["Monday", "December", "Next Sunday"]
    );
}

#[test]
fn this_week_and_next_across_a_year_boundary_in_order_deleted_left_out() {
    let mut gone = rec("g", 9, plan("Deleted", d(2026, 12, 31)));
    gone.meta.deleted = Some(10);
    let mut late = plan("New Year's Eve, evening", d(2026, 12, 31));
    late.time = "20:00".into();
    let mut early = plan("New Year's Eve, morning", d(2026, 12, 31));
    early.time = "09:30".into();
    let list = vec![
        rec("a", 1, late),
        rec("b", 2, plan("First of January", d(2027, 1, 1))),
        rec("c", 3, early),
        rec("d", 4, plan("Sometime on the 31st", d(2026, 12, 31))),
        gone,
        rec("e", 5, plan("Week of the 4th", d(2027, 1, 4))),
    ];
    // Wednesday 30 December 2026, weeks from Sunday.
    let w = Weeks::of(d(2026, 12, 30), Weekday::Sun);
    assert_eq!(w.this_week, (d(2026, 12, 27), d(2027, 1, 2)));
    assert_eq!(w.next_week, (d(2027, 1, 3), d(2027, 1, 9)));
    let names = |v: Vec<&Record<Plan>>| v.iter().map(|r| r.body.what.clone()).collect::<Vec<_>>();
    assert_eq!(
        names(between(&list, w.this_week.0, w.this_week.1)),
        [
            "Sometime on the 31st",
            "New Year's Eve, morning",
            "New Year's Eve, evening",
            "First of January"
        ]
    );
    assert_eq!(
        names(between(&list, w.next_week.0, w.next_week.1)),
        ["Week of the 4th"]
    );
}

#[test]
fn ideas_offer_own_past_plans_once_then_starters() {
    let mut gone = rec("z", 9, plan("Deleted idea", d(2026, 11, 1)));
    gone.meta.deleted = Some(1);
    let list = vec![
        rec("a", 1, plan("Swim", d(2026, 11, 2))),
        rec("b", 2, plan("swim ", d(2026, 11, 9))),
        rec("c", 3, plan("A walk somewhere green", d(2026, 11, 5))),
        rec("d", 4, plan("Call Jo", d(2026, 11, 3))),
        gone,
    ];
    let ideas = ideas(&list);
    let own: Vec<&str> = ideas
        .iter()
        .filter(|i| i.own)
        .map(|i| i.text.as_str())
        .collect();
    assert_eq!(
        own,
        ["swim", "A walk somewhere green", "Call Jo"],
        "newest first, once each"
    );
    let starters: Vec<&str> = ideas
        .iter()
        .filter(|i| !i.own)
        .map(|i| i.text.as_str())
        .collect();
    assert_eq!(
        starters.len(),
        STARTERS.len() - 1,
        "a starter already used is not offered twice"
    );
    assert!(!starters.contains(&"A walk somewhere green"));
    assert!(ideas.iter().all(|i| i.text != "Deleted idea"));
    assert_eq!(super::ideas(&[]).len(), STARTERS.len());
}

#[test]
fn the_gap_with_no_data_says_what_will_come() {
    let g = gap(&[]);
    assert_eq!(g.rated, 0);
    assert_eq!(
        gap_sentence(&g),
        "Once something you planned has happened and you've said how it was, you'll see here how it compared with what you expected."
    );
    // Planned and expected, but not yet rated after, or did not happen: not counted.
    let mut not_yet = plan("x", d(2026, 11, 2));
    not_yet.expected = Some(5);
    let mut didnt = not_yet.clone();
    didnt.happened = Some(false);
    assert_eq!(gap(&[not_yet, didnt]).rated, 0);
    assert!(gap_by_week(&[], Weekday::Mon).is_empty());
}

#[test]
fn the_gap_for_one_plan() {
    let day = d(2026, 11, 2);
    assert_eq!(
        gap_sentence(&gap(&[rated_plan(day, 4, 7)])),
        "The one thing you've rated so far was more enjoyable than you expected. You expected 4 out of 10, and it was 7."
    );
    assert_eq!(
        gap_sentence(&gap(&[rated_plan(day, 8, 5)])),
        "The one thing you've rated so far was less enjoyable than you expected. You expected 8 out of 10, and it was 5."
    );
    assert_eq!(
        gap_sentence(&gap(&[rated_plan(day, 6, 6)])),
        "The one thing you've rated so far was about as enjoyable as you expected. You expected 6 out of 10, and it was 6."
    );
}

#[test]
fn the_gap_all_higher_all_lower_usually_and_mixed() {
    let w1 = d(2026, 11, 2);
    let w2 = d(2026, 11, 10);
    let w3 = d(2026, 11, 18);
    let all_higher = [
        rated_plan(w1, 3, 6),
        rated_plan(w2, 5, 8),
        rated_plan(w3, 4, 5),
    ];
    assert_eq!(
        gap_sentence(&gap(&all_higher)),
        "Everything you planned and rated was more enjoyable than you expected. On average you expected 4 out of 10, and it was 6.3."
    );
    let all_lower = [rated_plan(w1, 7, 5), rated_plan(w2, 8, 4)];
    assert_eq!(
        gap_sentence(&gap(&all_lower)),
        "Things you planned were less enjoyable than you expected. That's worth noticing, and worth talking over if you'd like. On average you expected 7.5 out of 10, and it was 4.5."
    );
    let usually_higher = [
        rated_plan(w1, 3, 6),
        rated_plan(w2, 5, 8),
        rated_plan(w3, 6, 5),
    ];
    let g = gap(&usually_higher);
    assert_eq!((g.rated, g.higher, g.lower, g.same), (3, 2, 1, 0));
    assert!(gap_sentence(&g)
        .starts_with("Things you planned were usually more enjoyable than you expected."));
    let usually_lower = [
        rated_plan(w1, 6, 3),
        rated_plan(w2, 8, 5),
        rated_plan(w3, 5, 6),
    ];
    assert!(gap_sentence(&gap(&usually_lower))
        .starts_with("Things you planned were usually less enjoyable than you expected."));
    let same = [rated_plan(w1, 5, 5), rated_plan(w2, 7, 7)];
    assert!(gap_sentence(&gap(&same))
        .starts_with("Things you planned were about as enjoyable as you expected."));
    let mixed = [
        rated_plan(w1, 3, 6),
        rated_plan(w2, 7, 4),
        rated_plan(w3, 5, 5),
    ];
    assert_eq!(
        gap_sentence(&gap(&mixed)),
        "Some things you planned were more enjoyable than you expected, and some less. On average you expected 5 out of 10, and it was 5."
    );
}

#[test]
fn the_gap_week_by_week_across_a_year_boundary() {
    let plans = [
        rated_plan(d(2026, 12, 29), 4, 8),
        rated_plan(d(2027, 1, 2), 6, 6),
        rated_plan(d(2027, 1, 5), 5, 6),
        plan("not rated", d(2027, 1, 6)),
    ];
    let weeks = gap_by_week(&plans, Weekday::Mon);
    assert_eq!(
        weeks,
        vec![
            WeekGap {
                start: d(2026, 12, 28),
                expected: 5.0,
                enjoyed: 7.0,
                rated: 2
            },
            WeekGap {
                start: d(2027, 1, 4),
                expected: 5.0,
                enjoyed: 6.0,
                rated: 1
            },
        ]
    );
}
