use std::io::BufReader;

use chrono::{NaiveDate, NaiveDateTime};

use super::*;
use crate::domain::appointment::{Appointment, Repeat};

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn weekly() -> Appointment {
    Appointment {
        start: at("2026-12-03 16:00"),
        minutes: 50,
        repeat: Repeat::Weekly,
        until: None,
        skipped: vec![],
        place: "Room 4, Elm House; 2nd floor, by the lift".into(),
        with: String::new(),
        contact: String::new(),
    }
}

fn event<'a>(zone: Zone<'a>, only: Option<NaiveDateTime>) -> Event<'a> {
    Event {
        uid: "appointment-7f3a@between",
        stamp: at("2026-11-27 20:30"),
        zone,
        summary: "Therapy session with Dr. Ana Núñez",
        description: "Bring: my list, the thought record.\nAsk about: sleep, work\\home",
        only,
    }
}

/// The file read back by an independent parser (the `ical` crate): one calendar, one
/// event, and each property's value.
/// A property: name, value, parameters.
type Prop = (String, Option<String>, Vec<(String, Vec<String>)>);

fn parsed(ics: &str) -> Vec<Prop> {
    let mut calendars = ical::IcalParser::new(BufReader::new(ics.as_bytes()));
    let calendar = calendars.next().expect("a calendar").expect("it parses");
    assert!(calendars.next().is_none(), "one calendar");
    assert_eq!(calendar.events.len(), 1, "one event");
    calendar.events[0]
        .properties
        .iter()
        .map(|p| {
            (
                p.name.clone(),
                p.value.clone(),
                p.params.clone().unwrap_or_default(),
            )
        })
        .collect()
}

fn value(props: &[Prop], name: &str) -> String {
    props
        .iter()
        .find(|p| p.0 == name)
        .and_then(|p| p.1.clone())
        .unwrap_or_else(|| panic!("no {name}"))
}

#[test]
fn a_weekly_series_is_one_event_with_its_rule_in_the_persons_zone() {
    let ics = calendar(&weekly(), &event(Zone::Tzid("Europe/London"), None));
    let props = parsed(&ics);
    assert_eq!(value(&props, "UID"), "appointment-7f3a@between");
    assert_eq!(value(&props, "DTSTAMP"), "20261127T203000Z");
    assert_eq!(value(&props, "DTSTART"), "20261203T160000");
    let start = props.iter().find(|p| p.0 == "DTSTART").unwrap();
    assert_eq!(
        start.2,
        vec![("TZID".to_string(), vec!["Europe/London".to_string()])]
    );
    assert_eq!(value(&props, "DURATION"), "PT50M");
    assert_eq!(value(&props, "RRULE"), "FREQ=WEEKLY");
    // TEXT escaping: the parser hands back the escaped form; unescaped it is the original.
    assert_eq!(
        value(&props, "LOCATION"),
        "Room 4\\, Elm House\\; 2nd floor\\, by the lift"
    );
    assert_eq!(
        value(&props, "DESCRIPTION"),
        "Bring: my list\\, the thought record.\\nAsk about: sleep\\, work\\\\home"
    );
    assert_eq!(
        value(&props, "SUMMARY"),
        "Therapy session with Dr. Ana Núñez"
    );
}

#[test]
fn lines_end_in_crlf_and_fold_at_75_octets_without_splitting_a_character() {
    let mut a = weekly();
    a.place = "Ünïcödé ".repeat(30);
    let ics = calendar(
        &a,
        &event(Zone::Tzid("America/Argentina/Buenos_Aires"), None),
    );
    assert!(ics.ends_with("\r\n"));
    assert!(
        !ics.replace("\r\n", "").contains('\n'),
        "no bare line feeds"
    );
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    assert!(ics.contains("\r\n "), "the long place was folded");
    // Unfolded, the place is whole again.
    let props = parsed(&ics);
    assert_eq!(value(&props, "LOCATION"), a.place.trim_end());
}

#[test]
fn fortnightly_monthly_an_end_date_and_skipped_sessions() {
    let mut a = weekly();
    a.repeat = Repeat::Fortnightly;
    a.until = Some(NaiveDate::from_ymd_opt(2027, 1, 28).unwrap());
    a.skipped = vec![NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()];
    let props = parsed(&calendar(&a, &event(Zone::Tzid("Europe/Berlin"), None)));
    // 3 Dec, 17 Dec, 31 Dec (skipped, still counted), 14 Jan, 28 Jan.
    assert_eq!(value(&props, "RRULE"), "FREQ=WEEKLY;INTERVAL=2;COUNT=5");
    assert_eq!(value(&props, "EXDATE"), "20261231T160000");

    let mut m = weekly();
    m.repeat = Repeat::Monthly;
    m.start = at("2027-01-31 10:00");
    let props = parsed(&calendar(&m, &event(Zone::Tzid("Europe/Berlin"), None)));
    assert_eq!(
        value(&props, "RRULE"),
        "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1"
    );
    m.start = at("2027-01-15 10:00");
    let props = parsed(&calendar(&m, &event(Zone::Tzid("Europe/Berlin"), None)));
    assert_eq!(value(&props, "RRULE"), "FREQ=MONTHLY");
}

#[test]
fn one_session_of_a_series_and_utc_when_the_zone_is_unknown() {
    let one = at("2026-12-17 16:00");
    // Offset +60 (Central European winter time): 16:00 local is 15:00 UTC.
    let ics = calendar(&weekly(), &event(Zone::Offset(60), Some(one)));
    let props = parsed(&ics);
    assert_eq!(value(&props, "DTSTART"), "20261217T150000Z");
    assert!(
        props.iter().all(|p| p.0 != "RRULE"),
        "a single session has no rule"
    );
    // A zone name that is not a plain IANA name is never written into the file.
    let odd = calendar(&weekly(), &event(Zone::Tzid("Europe/London:X;Y"), None));
    assert!(!odd.contains("TZID"));
    assert_eq!(value(&parsed(&odd), "DTSTART"), "20261203T160000Z");
}

#[test]
fn a_once_appointment_has_no_rule_even_with_leftover_skips() {
    let mut a = weekly();
    a.repeat = Repeat::Once;
    a.place.clear();
    let props = parsed(&calendar(&a, &event(Zone::Tzid("Asia/Kolkata"), None)));
    assert!(props
        .iter()
        .all(|p| p.0 != "RRULE" && p.0 != "EXDATE" && p.0 != "LOCATION"));
}
