use chrono::{NaiveDate, NaiveDateTime};

use super::*;
use crate::domain::checkin::Questionnaire;
use crate::domain::homework::Done;
use crate::domain::journal::Mood;

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn ms(s: &str) -> i64 {
    at(s).and_utc().timestamp_millis()
}

fn day(d: NaiveDate) -> String {
    d.format("%A %-d %B").to_string()
}

fn entry(when: &str, mood: Option<Mood>, text: &str) -> JournalEntry {
    JournalEntry {
        at: ms(when),
        offset_min: 0,
        mood,
        text: text.into(),
        ..JournalEntry::default()
    }
}

fn topic(text: &str, important: bool, rank: Option<i64>, added: &str) -> Topic {
    Topic {
        text: text.into(),
        place: Place {
            rank,
            important,
            added: ms(added),
        },
        added: at(added),
    }
}

fn done(when: &str, went: Option<u8>, note: &str) -> Done {
    Done {
        at: ms(when),
        offset_min: 0,
        went,
        note: note.into(),
    }
}

const NOW: &str = "2026-11-26 18:00";

#[test]
fn the_period_starts_at_the_last_session_or_seven_days_back() {
    let now = at(NOW);
    let p = period(Some(at("2026-11-19 16:00")), now);
    assert_eq!(p.from, at("2026-11-19 16:00"));
    assert!(p.after_session);
    assert_eq!(
        p.words(&day),
        "Since my last session on Thursday 19 November."
    );

    let none = period(None, now);
    assert_eq!(none.from, at("2026-11-19 00:00"));
    assert!(!none.after_session);
    assert_eq!(
        none.words(&day),
        "No session noted yet, so this is the last 7 days, from Thursday 19 November."
    );

    // A "last session" in the future (a clock change, bad data) is not trusted.
    assert!(!period(Some(at("2026-11-27 10:00")), now).after_session);

    assert!(p.holds(at("2026-11-19 16:00"), now));
    assert!(!p.holds(at("2026-11-19 15:59"), now));
    assert!(!p.holds(at("2026-11-26 18:01"), now));
}

fn week() -> (Vec<JournalEntry>, Vec<Homework>, Vec<Win>, Vec<CheckIn>) {
    let entries = vec![
        // Before the period: left out of the mood.
        entry("2026-11-18 09:00", Some(Mood::VeryLow), "old"),
        entry("2026-11-20 09:00", Some(Mood::Low), "a"),
        entry("2026-11-21 09:00", Some(Mood::Okay), "b"),
        entry("2026-11-23 09:00", Some(Mood::Good), "c"),
        entry("2026-11-24 09:00", None, "no mood"),
    ];
    let homework = vec![
        Homework {
            title: "Breathing practice".into(),
            times_a_week: Some(3),
            done: vec![
                done("2026-11-20 20:00", Some(7), "calmer\nafter"),
                done("2026-11-22 20:00", None, ""),
                // Before the period.
                done("2026-11-10 20:00", Some(2), "old"),
            ],
            ..Homework::default()
        },
        Homework {
            title: "Call my sister".into(),
            ..Homework::default()
        },
        // Closed and nothing done in the period: not shown.
        Homework {
            title: "Old task".into(),
            closed: true,
            ..Homework::default()
        },
    ];
    let wins = vec![
        Win {
            text: "Went to the shop alone".into(),
            day: d("2026-11-22"),
        },
        Win {
            text: "Before".into(),
            day: d("2026-11-18"),
        },
    ];
    let checkins = vec![CheckIn {
        questionnaire: Questionnaire::Gad7,
        answers: vec![1, 1, 1, 1, 1, 0, 0],
        at: ms("2026-11-25 10:00"),
        offset_min: 0,
    }];
    (entries, homework, wins, checkins)
}

fn built() -> Prep {
    let (entries, homework, wins, checkins) = week();
    let entries: Vec<&JournalEntry> = entries.iter().collect();
    let homework: Vec<&Homework> = homework.iter().collect();
    let wins: Vec<&Win> = wins.iter().collect();
    let checkins: Vec<&CheckIn> = checkins.iter().collect();
    let s = Sources {
        topics: vec![
            topic("Work stress", false, None, "2026-11-21 10:00"),
            topic("Sleep", true, None, "2026-11-22 10:00"),
            topic("From before", false, None, "2026-11-12 10:00"),
            topic("Moved first", false, Some(0), "2026-11-23 10:00"),
        ],
        entries: &entries,
        marked: vec![
            Marked {
                at: at("2026-11-23 21:00"),
                text: "The argument".into(),
            },
            Marked {
                at: at("2026-11-21 08:00"),
                text: "Thought record: the bus".into(),
            },
        ],
        homework: &homework,
        wins: &wins,
        checkins: &checkins,
    };
    let now = at(NOW);
    build(&s, &period(Some(at("2026-11-19 16:00")), now), now, day)
}

#[test]
fn topics_come_in_the_list_order_important_first_carried_over_marked() {
    let p = built();
    let topics = &p.sections[0];
    assert_eq!(topics.part, Part::Topics);
    let lines: Vec<String> = topics.lines.iter().map(Line::plain).collect();
    assert_eq!(
        lines,
        [
            "Most important: Sleep",
            "Moved first",
            "Carried over: From before",
            "Work stress",
        ]
    );
}

#[test]
fn every_part_is_gathered_from_the_period() {
    let p = built();
    let parts: Vec<Part> = p.sections.iter().map(|s| s.part).collect();
    assert_eq!(parts, Part::ALL);

    let mood = p.sections[1].lines[0].plain();
    assert!(
        mood.starts_with("Since then you wrote 4 entries on 4 days"),
        "{mood}"
    );
    assert!(
        mood.ends_with(
            "The lowest day was Friday 20 November (low), the best Monday 23 November (good)."
        ),
        "{mood}"
    );

    let marked: Vec<String> = p.sections[2].lines.iter().map(Line::plain).collect();
    assert_eq!(
        marked,
        [
            "Saturday 21 November: Thought record: the bus",
            "Monday 23 November: The argument"
        ]
    );

    let homework: Vec<String> = p.sections[3].lines.iter().map(Line::plain).collect();
    assert_eq!(
        homework,
        [
            "Done 2 times: Breathing practice (went 7 out of 10: calmer after)",
            "Not done yet: Call my sister",
        ]
    );

    let wins: Vec<String> = p.sections[4].lines.iter().map(Line::plain).collect();
    assert_eq!(wins, ["Sunday 22 November: Went to the shop alone"]);

    let checks: Vec<String> = p.sections[5].lines.iter().map(Line::plain).collect();
    assert_eq!(checks, ["GAD-7, Wednesday 25 November: 5 of 21: Mild"]);
}

#[test]
fn mood_days_are_the_period_s_days_with_a_mood() {
    let (entries, ..) = week();
    let entries: Vec<&JournalEntry> = entries.iter().collect();
    let now = at(NOW);
    let p = period(Some(at("2026-11-19 16:00")), now);
    let days: Vec<(NaiveDate, f64)> = mood_days(&entries, &p, now)
        .into_iter()
        .map(|(d, v, _)| (d, v))
        .collect();
    assert_eq!(
        days,
        [
            (d("2026-11-20"), 2.0),
            (d("2026-11-21"), 3.0),
            (d("2026-11-23"), 4.0)
        ]
    );
    let empty = period(None, at("2027-03-01 09:00"));
    assert_eq!(
        mood_sentence(&entries, &empty, at("2027-03-01 09:00"), &day),
        None
    );
}

#[test]
fn plain_text_leaves_out_what_the_person_unticked() {
    let mut p = built();
    let all = plain_text(&p);
    assert!(all.starts_with(
        "Prepare for my session\nSince my last session on Thursday 19 November.\n\nThings to bring up\n- Most important: Sleep\n"
    ));
    assert!(all.contains("\nWins\n- Sunday 22 November: Went to the shop alone\n"));
    assert!(all.contains("\nCheck-ins\n"));

    p.sections[5].include = false;
    p.sections[0].lines[1].include = false;
    let some = plain_text(&p);
    assert!(!some.contains("Check-ins"));
    assert!(!some.contains("GAD-7"));
    assert!(!some.contains("Moved first"));
    assert!(some.contains("Carried over: From before"));

    // A section with every line unticked is left out, heading and all.
    for l in &mut p.sections[4].lines {
        l.include = false;
    }
    assert!(!plain_text(&p).contains("Wins"));
    assert!(!markdown(&p).contains("Wins"));
}

#[test]
fn markdown_has_headings_and_escapes_the_person_s_words() {
    let mut p = built();
    p.sections[0].lines[0].text =
        "*not bold* _or this_ [link](http://x) <b>tag</b> `code` # hash".into();
    p.sections[4].lines[0].text = "- not a list".into();
    let md = markdown(&p);
    assert!(md.starts_with("# Prepare for my session\n\nSince my last session on Thursday 19 November.\n\n## Things to bring up\n\n"));
    assert!(md.contains(
        "- **Most important:** \\*not bold\\* \\_or this\\_ \\[link\\](http://x) \\<b\\>tag\\</b\\> \\`code\\` \\# hash\n"
    ));
    assert!(md.contains("- **Sunday 22 November:** \\- not a list\n"));
    assert!(md.contains("## Mood\n\nSince then you wrote"));
}

#[test]
fn escape_covers_every_markdown_construct() {
    let cases = [
        ("plain words, it's fine.", "plain words, it's fine."),
        ("*a*", "\\*a\\*"),
        ("__a__", "\\_\\_a\\_\\_"),
        ("# heading", "\\# heading"),
        ("> quote", "\\> quote"),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("= under", "\\= under"),
        ("1. first", "1\\. first"),
        ("12) twelfth", "12\\) twelfth"),
        ("2026 was ok. 3. no", "2026 was ok. 3. no"),
        ("a - b + c", "a - b + c"),
        ("[x](y)", "\\[x\\](y)"),
        ("![img](y)", "\\!\\[img\\](y)"),
        ("<script>", "\\<script\\>"),
        ("&lt;b&gt;", "\\&lt;b\\&gt;"),
        ("`x`", "\\`x\\`"),
        ("a | b", "a \\| b"),
        ("~~gone~~", "\\~\\~gone\\~\\~"),
        ("back\\slash", "back\\\\slash"),
        (
            "line one\n- line two\n# three",
            "line one - line two \\# three",
        ),
        ("  spaced   out  ", "spaced out"),
    ];
    for (text, want) in cases {
        assert_eq!(escape(text), want, "escaping {text:?}");
    }
}

/// Reads escaped Markdown back the way a CommonMark reader treats backslashes: every
/// escaped character is itself, so the text reads as written.
fn unescape(md: &str) -> String {
    let mut out = String::new();
    let mut chars = md.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                assert!(
                    n.is_ascii_punctuation(),
                    "only punctuation is escaped: {n:?}"
                );
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn escaped_text_reads_back_as_written_and_has_no_bare_markup() {
    let samples = [
        "*really* bad _week_",
        "1. argh <em>loud</em> & [quiet](javascript:alert(1)) `rm` ~~x~~ | # > \\",
        "- dash then\n# heading\n> quote",
        "9) nine",
    ];
    for s in samples {
        let e = escape(s);
        assert_eq!(unescape(&e), one_line(s));
        // No markup character is left bare.
        let mut prev = ' ';
        for c in e.chars() {
            if "*_`[]<>#|~&!".contains(c) {
                assert_eq!(prev, '\\', "{c:?} unescaped in {e:?}");
            }
            prev = if prev == '\\' && c == '\\' { ' ' } else { c };
        }
    }
}

#[test]
fn without_a_session_the_last_week_is_used_and_nothing_is_carried_over() {
    let (entries, homework, wins, checkins) = week();
    let entries: Vec<&JournalEntry> = entries.iter().collect();
    let homework: Vec<&Homework> = homework.iter().collect();
    let wins: Vec<&Win> = wins.iter().collect();
    let checkins: Vec<&CheckIn> = checkins.iter().collect();
    let now = at(NOW);
    let s = Sources {
        topics: vec![topic("From long ago", false, None, "2026-10-01 10:00")],
        entries: &entries,
        marked: vec![],
        homework: &homework,
        wins: &wins,
        checkins: &checkins,
    };
    let p = build(&s, &period(None, now), now, day);
    assert!(p
        .since
        .starts_with("No session noted yet, so this is the last 7 days"));
    assert_eq!(p.sections[0].lines[0].plain(), "From long ago");
    assert!(p.sections[2].lines.is_empty());
    let text = plain_text(&p);
    assert!(
        !text.contains("Entries I marked"),
        "an empty part is left out"
    );
}

#[test]
fn the_working_on_note_is_checked() {
    let empty = WorkingOnDraft { text: "   ".into() };
    assert_eq!(empty.note(), Err(WorkingOnError::Empty));
    let long = WorkingOnDraft {
        text: "a".repeat(MAX_WORKING_ON_CHARS + 1),
    };
    assert_eq!(long.note(), Err(WorkingOnError::TooLong));
    let ok = WorkingOnDraft {
        text: "  Saying no without explaining myself \n".into(),
    };
    assert_eq!(
        ok.note().unwrap().text,
        "Saying no without explaining myself"
    );
}

#[test]
fn shared_texts_say_what_they_are_in_the_person_s_words() {
    assert_eq!(
        share_text(&Shared::Win {
            text: " Went to the <b>party</b> "
        }),
        "Something I handled in a way I'm pleased with:\nWent to the <b>party</b>"
    );
    assert_eq!(
        share_text(&Shared::Skill {
            title: "Box breathing"
        }),
        "A skill I've learned in therapy: Box breathing"
    );
    assert_eq!(
        share_text(&Shared::Card {
            title: "Walk",
            body: ""
        }),
        "Something that helps me: Walk"
    );
    assert_eq!(
        share_text(&Shared::Card {
            title: "Walk",
            body: "Round the block"
        }),
        "Something that helps me: Walk\nRound the block"
    );
    assert_eq!(
        share_text(&Shared::WorkingOn { text: "Boundaries" }),
        "What I'm working on in therapy:\nBoundaries"
    );
    assert_eq!(file_name(d("2026-11-26")), "session-prep-2026-11-26.md");
}
