use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::NaiveDate;

use super::*;

fn item(title: &str) -> LinkItem {
    LinkItem {
        title: title.into(),
        kind: HomeworkKind::ThoughtRecord,
        instructions:
            "When you notice a strong feeling, fill one in the same day.\nNo need to be neat."
                .into(),
        times_a_week: Some(3),
    }
}

fn link(json: &str) -> String {
    format!("v1.{}", URL_SAFE_NO_PAD.encode(json))
}

#[test]
fn a_link_round_trips_with_text_as_typed() {
    let items = vec![
        item("Thought record after a hard moment"),
        LinkItem {
            title: "Call my sister, \"just to chat\" <3 & see how it goes".into(),
            kind: HomeworkKind::Conversation,
            instructions: String::new(),
            times_a_week: None,
        },
    ];
    let fragment = encode_link(&items).unwrap();
    assert!(fragment.starts_with("v1."));
    assert!(
        fragment
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')),
        "URL-safe: {fragment}"
    );
    assert_eq!(decode_link(&fragment).unwrap(), items);
    assert_eq!(decode_link(&format!("#{fragment}")).unwrap(), items);
}

#[test]
fn bad_links_say_what_is_wrong_and_carry_nothing() {
    assert_eq!(decode_link(""), Err(LinkError::Empty));
    assert_eq!(decode_link("#"), Err(LinkError::Empty));
    assert_eq!(decode_link("v1.%%%"), Err(LinkError::Damaged));
    assert_eq!(decode_link("hello"), Err(LinkError::Damaged));
    assert_eq!(decode_link("v0.e30"), Err(LinkError::Damaged));
    assert_eq!(decode_link(&link("{\"items\":[]}")), Err(LinkError::Empty));
    assert_eq!(decode_link(&link("not json")), Err(LinkError::Damaged));
    // Wrong types.
    assert_eq!(
        decode_link(&link("{\"items\":[{\"title\":42}]}")),
        Err(LinkError::Damaged)
    );
    assert_eq!(
        decode_link(&link(
            "{\"items\":[{\"title\":\"Walk\",\"times_a_week\":\"often\"}]}"
        )),
        Err(LinkError::Damaged)
    );
    assert_eq!(
        decode_link(&link("{\"items\":{\"title\":\"Walk\"}}")),
        Err(LinkError::Damaged)
    );
    // Values out of range.
    assert!(matches!(
        decode_link(&link(
            "{\"items\":[{\"title\":\"Walk\",\"times_a_week\":9}]}"
        )),
        Err(LinkError::BadItem(_))
    ));
    assert!(matches!(
        decode_link(&link("{\"items\":[{\"title\":\"   \"}]}")),
        Err(LinkError::BadItem(_))
    ));
    let many: Vec<String> = (0..11)
        .map(|i| format!("{{\"title\":\"Task {i}\"}}"))
        .collect();
    assert_eq!(
        decode_link(&link(&format!("{{\"items\":[{}]}}", many.join(",")))),
        Err(LinkError::TooMany)
    );
    // Too long to read at all.
    assert_eq!(
        decode_link(&"A".repeat(MAX_LINK_CHARS + 1)),
        Err(LinkError::TooLong)
    );
    let long: Vec<LinkItem> = (0..10)
        .map(|_| LinkItem {
            instructions: "y".repeat(1_500),
            ..item(&"x".repeat(100))
        })
        .collect();
    assert_eq!(encode_link(&long), Err(LinkError::TooLong));
    // A newer version is named as such.
    assert_eq!(decode_link("v2.e30"), Err(LinkError::Newer));
}

#[test]
fn a_newer_links_extra_fields_and_unknown_kind_still_read() {
    let items = decode_link(&link(
        "{\"items\":[{\"title\":\" Walk \",\"kind\":\"telepathy\",\"colour\":\"blue\"}],\"from\":\"Dr. B\"}",
    ))
    .unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].title, "Walk");
    assert_eq!(items[0].kind, HomeworkKind::Other);
}

/// A small deterministic generator: the same inputs on every run.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn decoding_never_panics_and_anything_accepted_is_valid_homework() {
    let good = encode_link(&[item("Breathing, twice a day"), item("A walk")]).unwrap();
    let alphabet: Vec<char> =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.v#%=é\u{0}"
            .chars()
            .collect();
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut accepted = 0;
    for round in 0..20_000 {
        let mut s: Vec<char> = if round % 2 == 0 {
            good.chars().collect()
        } else {
            (0..(rng.next() % 200))
                .map(|_| alphabet[(rng.next() % alphabet.len() as u64) as usize])
                .collect()
        };
        // Mutate: change, drop or insert a few characters.
        for _ in 0..(1 + rng.next() % 4) {
            if s.is_empty() {
                break;
            }
            let at = (rng.next() % s.len() as u64) as usize;
            match rng.next() % 3 {
                0 => s[at] = alphabet[(rng.next() % alphabet.len() as u64) as usize],
                1 => {
                    s.remove(at);
                }
                _ => s.insert(at, alphabet[(rng.next() % alphabet.len() as u64) as usize]),
            }
        }
        let input: String = s.into_iter().collect();
        if let Ok(items) = decode_link(&input) {
            accepted += 1;
            assert!(!items.is_empty() && items.len() <= MAX_LINK_ITEMS);
            for i in &items {
                assert_eq!(
                    i.to_homework(None).checked().map(|h| h.title),
                    Ok(i.title.clone())
                );
            }
        }
    }
    // Some mutations (in the padding-free tail) still decode: the check above ran.
    assert!(accepted < 20_000);
}

#[test]
fn progress_reads_in_words_and_late_homework_is_only_noted() {
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    let mut h = item("Walk").to_homework(Some(day(26)));
    h.times_a_week = Some(5);
    let done = |d: u32| Done {
        at: i64::from(d),
        offset_min: 0,
        went: Some(7),
        note: String::new(),
    };
    // Monday 23 to Sunday 29 November 2026; the 22nd is the week before.
    h.done = vec![done(22), done(23), done(25), done(27)];
    let local = |d: &Done| day(d.at as u32);
    assert_eq!(h.done_in_week(day(27), local), 3);
    assert_eq!(h.progress(3), "3 of 5 this week");
    h.times_a_week = Some(7);
    assert_eq!(h.progress(3), "3 of 7 days this week");
    assert!(h.is_open(), "a repeated task stays open until put away");
    assert!(h.past_due(day(27)));

    let mut once = item("Read the leaflet").to_homework(Some(day(30)));
    once.times_a_week = None;
    assert_eq!(once.progress(0), "Not done yet");
    once.done.push(done(27));
    assert_eq!(once.progress(1), "Done");
    assert!(!once.is_open() && !once.past_due(day(31 - 1)));
}

#[test]
fn homework_is_checked_before_it_is_kept() {
    let mut h = item("  Walk  ").to_homework(None);
    h = h.checked().unwrap();
    assert_eq!(h.title, "Walk");
    h.done.push(Done {
        at: 0,
        offset_min: 0,
        went: Some(11),
        note: String::new(),
    });
    assert_eq!(h.clone().checked(), Err(HomeworkError::BadRating));
    h.done[0].went = Some(10);
    h.done[0].note = "n".repeat(501);
    assert_eq!(h.checked(), Err(HomeworkError::NoteTooLong));
}

#[test]
fn the_form_makes_homework_and_refuses_bad_values_in_words() {
    let mut d = HomeworkDraft {
        title: " Walk ".into(),
        due: "2026-12-03".into(),
        often: Often::Weekly,
        times: "3".into(),
        ..HomeworkDraft::default()
    };
    let h = d.homework(None).unwrap();
    assert_eq!(h.title, "Walk");
    assert_eq!(h.due, NaiveDate::from_ymd_opt(2026, 12, 3));
    assert_eq!(h.times_a_week, Some(3));
    assert_eq!(
        HomeworkDraft::of(&h),
        HomeworkDraft {
            title: "Walk".into(),
            ..d.clone()
        }
    );

    d.often = Often::Daily;
    assert_eq!(d.homework(None).unwrap().times_a_week, Some(7));
    d.often = Often::Once;
    assert_eq!(d.homework(None).unwrap().times_a_week, None);

    d.often = Often::Weekly;
    for bad in ["0", "8", "", "two", "-1"] {
        d.times = bad.into();
        assert_eq!(d.homework(None), Err(HomeworkError::BadRepeat), "{bad}");
    }
    d.times = "2".into();
    for bad in [
        "3 December",
        "2026-13-01",
        "2026-02-30",
        "26-12-03",
        "2026-12-3x",
    ] {
        d.due = bad.into();
        assert_eq!(d.homework(None), Err(HomeworkError::BadDue), "{bad}");
    }
    d.due = String::new();
    assert_eq!(d.homework(None).unwrap().due, None);
    d.title = "   ".into();
    assert_eq!(d.homework(None), Err(HomeworkError::NoTitle));

    // What was done stays when the homework is changed.
    let mut before = item("Walk").to_homework(None);
    before.done.push(Done {
        at: 1,
        offset_min: 0,
        went: Some(7),
        note: String::new(),
    });
    d.title = "Walk more".into();
    assert_eq!(d.homework(Some(&before)).unwrap().done, before.done);
}

#[test]
fn repeat_in_words() {
    assert_eq!(repeat_words(None), "Once");
    assert_eq!(repeat_words(Some(7)), "Every day");
    assert_eq!(repeat_words(Some(1)), "Once a week");
    assert_eq!(repeat_words(Some(3)), "3 times a week");
}
