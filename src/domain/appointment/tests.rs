use chrono::{NaiveDate, NaiveDateTime};

use super::*;

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn series(start: &str, repeat: Repeat) -> Appointment {
    Appointment {
        start: at(start),
        minutes: 50,
        repeat,
        until: None,
        skipped: vec![],
        place: String::new(),
        with: String::new(),
        contact: String::new(),
    }
}

fn first(a: &Appointment, n: usize) -> Vec<String> {
    a.occurrences()
        .take(n)
        .map(|d| d.format("%Y-%m-%d %H:%M").to_string())
        .collect()
}

#[test]
fn a_weekly_session_keeps_its_local_time_across_daylight_saving_changes() {
    // Europe moves its clocks on 29 March and 25 October 2026; the USA on 8 March and
    // 1 November. Wall-clock time is what a person books, so 16:00 stays 16:00.
    let a = series("2026-03-19 16:00", Repeat::Weekly);
    assert_eq!(
        first(&a, 3),
        ["2026-03-19 16:00", "2026-03-26 16:00", "2026-04-02 16:00"]
    );
    let b = series("2026-10-22 09:30", Repeat::Fortnightly);
    assert_eq!(
        first(&b, 3),
        ["2026-10-22 09:30", "2026-11-05 09:30", "2026-11-19 09:30"]
    );
}

#[test]
fn monthly_on_the_31st_falls_on_each_months_last_day_when_it_is_shorter() {
    let a = series("2027-01-31 10:00", Repeat::Monthly);
    assert_eq!(
        first(&a, 5),
        [
            "2027-01-31 10:00",
            "2027-02-28 10:00",
            "2027-03-31 10:00",
            "2027-04-30 10:00",
            "2027-05-31 10:00"
        ]
    );
    assert_eq!(a.monthly_day(), Some(31));
    // A leap year's February, and the 30th keeps to the 30th.
    let b = series("2028-01-30 10:00", Repeat::Monthly);
    assert_eq!(
        first(&b, 3),
        ["2028-01-30 10:00", "2028-02-29 10:00", "2028-03-30 10:00"]
    );
    // Over a year end.
    let c = series("2026-11-15 18:00", Repeat::Monthly);
    assert_eq!(
        first(&c, 3),
        ["2026-11-15 18:00", "2026-12-15 18:00", "2027-01-15 18:00"]
    );
    assert_eq!(c.monthly_day(), None);
}

#[test]
fn skipped_sessions_and_the_end_date_are_left_out() {
    let mut a = series("2026-12-03 16:00", Repeat::Weekly);
    a.skipped = vec![day("2026-12-24"), day("2026-12-31")];
    a.until = Some(day("2027-01-14"));
    assert_eq!(
        first(&a, 10),
        [
            "2026-12-03 16:00",
            "2026-12-10 16:00",
            "2026-12-17 16:00",
            "2027-01-07 16:00",
            "2027-01-14 16:00"
        ]
    );
}

#[test]
fn next_and_last_session_and_one_under_way() {
    let a = series("2026-11-05 16:00", Repeat::Weekly);
    let now = at("2026-11-27 12:00");
    assert_eq!(a.next_after(now), Some(at("2026-12-03 16:00")));
    assert_eq!(a.last_before(now), Some(at("2026-11-26 16:00")));
    // During a session, that session is the next one ("now").
    let during = at("2026-12-03 16:20");
    assert_eq!(a.next_after(during), Some(at("2026-12-03 16:00")));
    assert_eq!(countdown(during, at("2026-12-03 16:00"), 50), "now");
    // Across several appointments, the soonest; the last is the latest started.
    let b = series("2026-11-30 09:00", Repeat::Once);
    let all = [a.clone(), b.clone()];
    let (when, which) = next_session(&all, now).unwrap();
    assert_eq!(when, at("2026-11-30 09:00"));
    assert_eq!(which, &b);
    assert_eq!(
        last_session(&all, at("2026-12-01 00:00")),
        Some(at("2026-11-30 09:00"))
    );
    assert_eq!(last_session(&all, at("2026-11-01 00:00")), None);
}

#[test]
fn countdown_reads_as_a_person_says_it() {
    let now = at("2026-11-27 12:00");
    assert_eq!(countdown(now, at("2026-11-27 12:40"), 50), "in 40 minutes");
    assert_eq!(countdown(now, at("2026-11-27 12:00"), 50), "now");
    assert_eq!(countdown(now, at("2026-11-27 13:00"), 50), "in 1 hour");
    assert_eq!(countdown(now, at("2026-11-27 16:00"), 50), "in 4 hours");
    // Tomorrow morning is "tomorrow", however few hours away.
    assert_eq!(countdown(now, at("2026-11-28 08:00"), 50), "tomorrow");
    assert_eq!(countdown(now, at("2026-11-30 16:00"), 50), "in 3 days");
    assert_eq!(countdown(now, at("2026-12-10 16:00"), 50), "in 13 days");
    assert_eq!(countdown(now, at("2026-12-11 16:00"), 50), "in 2 weeks");
    assert_eq!(countdown(now, at("2027-01-08 16:00"), 50), "in 6 weeks");
    assert_eq!(countdown(now, at("2026-11-27 10:00"), 50), "already over");
}

#[test]
fn bad_appointments_get_a_reason_and_nothing_is_kept() {
    let now = at("2026-11-27 12:00");
    assert_eq!(
        series("2026-11-20 16:00", Repeat::Once).checked(now),
        Err(AppointmentError::InThePast)
    );
    // A series begun in the past is fine while sessions are still to come.
    assert!(series("2026-11-20 16:00", Repeat::Weekly)
        .checked(now)
        .is_ok());
    let mut ended = series("2026-11-20 16:00", Repeat::Weekly);
    ended.until = Some(day("2026-11-25"));
    assert_eq!(ended.checked(now), Err(AppointmentError::NeverHappens));
    let mut never = series("2026-12-20 16:00", Repeat::Weekly);
    never.until = Some(day("2026-12-01"));
    assert_eq!(never.checked(now), Err(AppointmentError::NeverHappens));
    let mut no_time = series("2026-12-20 16:00", Repeat::Once);
    no_time.minutes = 0;
    assert_eq!(no_time.checked(now), Err(AppointmentError::EndBeforeStart));
    let mut long = series("2026-12-20 16:00", Repeat::Once);
    long.minutes = 13 * 60;
    assert_eq!(long.checked(now), Err(AppointmentError::TooLong));
    // Every session skipped is a series that never happens.
    let mut all_skipped = series("2026-12-20 16:00", Repeat::Weekly);
    all_skipped.until = Some(day("2026-12-27"));
    all_skipped.skipped = vec![day("2026-12-20"), day("2026-12-27")];
    assert_eq!(
        all_skipped.checked(now),
        Err(AppointmentError::NeverHappens)
    );
}

#[test]
fn a_series_without_an_end_still_stops_looking_years_ahead() {
    let a = series("2026-01-01 10:00", Repeat::Weekly);
    let n = a.occurrences().count();
    assert!((150..=160).contains(&n), "{n}");
}

#[test]
fn the_form_as_typed_becomes_an_appointment_or_says_what_is_missing() {
    let now = at("2026-11-27 12:00");
    let mut d = AppointmentDraft::default();
    assert_eq!(d.appointment(None, now), Err(AppointmentError::NoDate));
    d.date = "2026-12-03".into();
    assert_eq!(d.appointment(None, now), Err(AppointmentError::NoTime));
    d.time = "16:00".into();
    d.minutes = "fifty".into();
    assert_eq!(d.appointment(None, now), Err(AppointmentError::BadMinutes));
    d.minutes = "50".into();
    d.with = "  Dr. Ana Núñez ".into();
    let a = d.appointment(None, now).unwrap();
    assert_eq!(a.start, at("2026-12-03 16:00"));
    assert_eq!(a.repeat, Repeat::Weekly, "weekly unless chosen otherwise");
    assert_eq!(a.with, "Dr. Ana Núñez");
    assert_eq!(
        AppointmentDraft::of(&a).appointment(None, now),
        Ok(a.clone())
    );
    // Skipped sessions of the stored version are kept through an edit.
    let mut stored = a.clone();
    stored.skipped = vec![day("2026-12-24")];
    assert_eq!(
        d.appointment(Some(&stored), now).unwrap().skipped,
        vec![day("2026-12-24")]
    );
}

#[test]
fn since_my_last_session_follows_the_sessions_and_a_pick_lasts_until_the_next() {
    let today = day("2026-11-27");
    assert_eq!(since(None, None, today), Since::LastWeek(day("2026-11-20")));
    let last = at("2026-11-26 16:00");
    assert_eq!(
        since(None, Some(last), today),
        Since::LastSession(day("2026-11-26"))
    );
    // Picked after that session: the pick stands.
    let pick = (day("2026-11-12"), at("2026-11-27 09:00"));
    assert_eq!(
        since(Some(pick), Some(last), today),
        Since::Picked(day("2026-11-12"))
    );
    // A session since the pick: it follows the sessions again.
    let newer = at("2026-12-03 16:00");
    assert_eq!(
        since(Some(pick), Some(newer), day("2026-12-04")),
        Since::LastSession(day("2026-12-03"))
    );
    // No sessions at all: the pick.
    assert_eq!(since(Some(pick), None, today).day(), day("2026-11-12"));
}
