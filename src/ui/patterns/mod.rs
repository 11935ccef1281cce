//! Patterns: what the journal shows over time. Each part leads with one sentence in
//! plain words, then its chart, then the numbers behind "Show as a table". The
//! sentences and figures come from `domain::patterns`; this screen only draws them.

mod calendar;

use chrono::{Days, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::appointment::{self, last_session, Appointment, Since};
use crate::domain::dates;
use crate::domain::journal::{JournalEntry, Mood, Scale};
use crate::domain::patterns::{
    emotion_sentence, emotion_stats_with, mood_series, plural, since_sentence, sleep_sentence,
    sleep_split_with, summary_since, symptom_sentence, symptom_trends, time_of_day, time_sentence,
    trigger_sentence, trigger_stats, week_moods_of, week_sentence, DayMoods, Span,
    SHORT_NIGHT_HOURS,
};
use crate::domain::route::Route;
use crate::store;
use crate::ui::context::Base;
use crate::ui::context::JournalCache;
use crate::ui::format::{date_value, day_long, day_short, local_now, number, parse_date, today};
use crate::ui::kit::{live, LoadProblem};
use crate::ui::widgets::{LineChart, Numbers, Page, Point};

use calendar::MoodCalendar;

/// "3.4 (Okay)": a mood average with its nearest word, for the tables.
pub fn mood_text(avg: Option<f64>) -> String {
    match avg {
        Some(a) => format!("{} ({})", number(a), Mood::nearest(a).word()),
        None => "no mood recorded".into(),
    }
}

/// "6.5 hours".
fn hours_text(h: f64) -> String {
    format!("{} hours", number(h))
}

/// One part of Patterns: its heading, the sentence it leads with, then whatever
/// follows (a chart, the numbers behind "Show as a table").
#[component]
fn Part(
    id: &'static str,
    title: &'static str,
    #[prop(into)] sentence: Signal<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let heading = format!("{id}-title");
    let labelled_by = heading.clone();
    view! {
        <section class="card pattern" aria-labelledby=labelled_by>
            <h2 id=heading>{title}</h2>
            <p class="pattern__sentence">{move || sentence.get()}</p>
            {children.map(|c| c())}
        </section>
    }
}

#[component]
pub fn Patterns() -> impl IntoView {
    let base = expect_context::<Base>();
    // The month summaries: every entry without its text, which Patterns never shows;
    // or the full entries, when the journal has loaded them already.
    let cache = expect_context::<JournalCache>();
    let loaded = if cache.is_loaded() {
        cache.entries()
    } else {
        cache.summaries()
    };
    let entries = Memo::new(move |_| {
        loaded.with(|l| match l {
            Some(Ok(list)) => list
                .iter()
                .filter(|r| !r.meta.is_deleted())
                .map(|r| r.body.clone())
                .collect::<Vec<JournalEntry>>(),
            _ => Vec::new(),
        })
    });
    let today = today();
    let span = RwSignal::new(Span::Month);
    // Since my last session: it follows the appointments; a day picked here stands
    // until the next session.
    let picked = RwSignal::new(store::prefs::since().and_then(|(day, at)| {
        let at = dates::parse_datetime(&at).unwrap_or_default();
        parse_date(&day).map(|d| (d, at))
    }));
    let appointments = live::<Appointment>();
    let since_from = Memo::new(move |_| {
        let now = local_now();
        let last = appointments.with(|a| match a {
            Some(Ok(list)) => last_session(list.iter().map(|r| &r.body), now),
            _ => None,
        });
        appointment::since(picked.get(), last, today)
    });
    let since = Memo::new(move |_| since_from.get().day());
    // The days' moods, worked out once for every sentence that needs them.
    let day_moods =
        Memo::new(move |_| entries.with(|e| DayMoods::of(&e.iter().collect::<Vec<_>>())));
    let week = Memo::new(move |_| day_moods.with(|d| week_moods_of(d, today)));
    let new_here = Memo::new(move |_| week.with(|w| w.first_week));

    // Since my last session.
    let summary = Memo::new(move |_| {
        entries.with(|e| summary_since(&e.iter().collect::<Vec<_>>(), since.get(), today))
    });
    let since_days = move || (today - since.get()).num_days().max(0) as u64 + 1;
    let since_text = Signal::derive(move || summary.with(|s| since_sentence(s, since_days())));
    let since_rows = Signal::derive(move || {
        let days = since_days();
        summary.with(|s| {
            let names = |list: &[(String, usize)]| {
                list.iter()
                    .map(|(n, c)| format!("{n} ({c})"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let mut rows = vec![vec![
                "Entries".to_string(),
                format!(
                    "{} on {}",
                    plural(s.entries, "entry", "entries"),
                    plural(s.days_written, "day", "days")
                ),
            ]];
            if let Some(a) = s.average_mood {
                rows.push(vec!["Average mood".into(), mood_text(Some(a))]);
            }
            if let Some(b) = s.average_before {
                rows.push(vec![
                    format!(
                        "Average mood in the {} before",
                        plural(days as usize, "day", "days")
                    ),
                    mood_text(Some(b)),
                ]);
            }
            if let Some((d, a)) = s.lowest_day {
                rows.push(vec![
                    "Hardest day".into(),
                    format!("{}, {}", day_long(d), mood_text(Some(a))),
                ]);
            }
            if let Some((d, a)) = s.best_day {
                rows.push(vec![
                    "Best day".into(),
                    format!("{}, {}", day_long(d), mood_text(Some(a))),
                ]);
            }
            if !s.top_emotions.is_empty() {
                rows.push(vec!["Emotions most often".into(), names(&s.top_emotions)]);
            }
            if !s.top_triggers.is_empty() {
                rows.push(vec!["Triggers most often".into(), names(&s.top_triggers)]);
            }
            rows.push(vec![
                "Marked for your session".into(),
                s.for_session.to_string(),
            ]);
            rows
        })
    });

    // Mood over time.
    let week_text = Signal::derive(move || week.with(week_sentence));
    let series = Memo::new(move |_| {
        entries.with(|e| mood_series(&e.iter().collect::<Vec<_>>(), span.get(), today))
    });
    let points = Signal::derive(move || {
        series.with(|s| {
            s.iter()
                .map(|p| Point {
                    label: day_short(p.start),
                    value: p.average,
                    count: p.count,
                })
                .collect::<Vec<_>>()
        })
    });

    // Emotions.
    let emotions = Memo::new(move |_| {
        entries.with(|e| day_moods.with(|d| emotion_stats_with(&e.iter().collect::<Vec<_>>(), d)))
    });
    let emotion_rows = Signal::derive(move || {
        emotions.with(|list| {
            list.iter()
                .map(|s| {
                    vec![
                        s.name.clone(),
                        plural(s.days, "day", "days"),
                        mood_text(s.mood_with),
                    ]
                })
                .collect::<Vec<_>>()
        })
    });

    // Triggers.
    let triggers =
        Memo::new(move |_| entries.with(|e| trigger_stats(&e.iter().collect::<Vec<_>>())));
    let trigger_rows = Signal::derive(move || {
        triggers.with(|list| {
            list.iter()
                .map(|t| {
                    vec![
                        t.name.clone(),
                        t.days.to_string(),
                        t.entries.to_string(),
                        mood_text(t.mood_with),
                        mood_text(t.mood_without),
                    ]
                })
                .collect::<Vec<_>>()
        })
    });

    // Symptoms.
    let symptoms =
        Memo::new(move |_| entries.with(|e| symptom_trends(&e.iter().collect::<Vec<_>>(), today)));
    let symptom_rows = Signal::derive(move || {
        let unit = |scale: Scale, v: Option<f64>| match (scale, v) {
            (_, None) => "–".to_string(),
            (Scale::Hours, Some(v)) => format!("{} h", number(v)),
            (Scale::Intensity, Some(v)) => format!("{}/10", number(v)),
        };
        symptoms.with(|list| {
            list.iter()
                .map(|t| {
                    vec![
                        t.name.clone(),
                        unit(t.scale, t.last_week),
                        unit(t.scale, t.week_before),
                        unit(t.scale, Some(t.average)),
                        t.readings.to_string(),
                    ]
                })
                .collect::<Vec<_>>()
        })
    });

    // Sleep.
    let sleep = Memo::new(move |_| {
        entries.with(|e| day_moods.with(|d| sleep_split_with(&e.iter().collect::<Vec<_>>(), d)))
    });
    let sleep_points = Signal::derive(move || {
        let first = today - Days::new(29);
        sleep.with(|s| {
            s.daily
                .iter()
                .filter(|(d, _, _)| *d >= first && *d <= today)
                .map(|(d, h, c)| Point {
                    label: day_short(*d),
                    value: h.clamp(0.0, 12.0),
                    count: *c,
                })
                .collect::<Vec<_>>()
        })
    });
    let sleep_rows = Signal::derive(move || {
        sleep.with(|s| {
            vec![
                vec![
                    format!("Under {} hours", number(SHORT_NIGHT_HOURS)),
                    s.short_days.to_string(),
                    mood_text(s.short_mood),
                ],
                vec![
                    format!("{} hours or more", number(SHORT_NIGHT_HOURS)),
                    s.long_days.to_string(),
                    mood_text(s.long_mood),
                ],
            ]
        })
    });

    // Time of day.
    let times = Memo::new(move |_| entries.with(|e| time_of_day(&e.iter().collect::<Vec<_>>())));
    let time_rows = Signal::derive(move || {
        times.with(|list| {
            list.iter()
                .map(|p| {
                    vec![
                        p.part.label().to_string(),
                        p.entries.to_string(),
                        mood_text(p.average),
                    ]
                })
                .collect::<Vec<_>>()
        })
    });

    let has_mood = Memo::new(move |_| day_moods.with(|d| !d.moods.is_empty()));
    let spans = move || {
        Span::ALL
        .into_iter()
        .map(|s| view! {
            <label class="segment">
                <input type="radio" name="span" prop:checked=move || span.get() == s on:change=move |_| span.set(s)/>
                <span>{s.label()}</span>
            </label>
        })
        .collect_view()
    };

    view! {
        <Page title=Route::Patterns.title() wide=true>
            <p class="lead">"What your entries show over time. Patterns are a starting point for a conversation, not a verdict."</p>
            {move || loaded.with(|l| match l {
                Some(Err(e)) => Some(view! { <LoadProblem error=e.clone()/> }.into_any()),
                Some(Ok(_)) if entries.with(Vec::is_empty) => Some(view! {
                    <p class="message">"Patterns fill in as you write. "
                        <A href=base.href(Route::Write)>"Write an entry now"</A></p>
                }.into_any()),
                Some(Ok(_)) => None,
                None => Some(view! { <p class="muted" role="status">"Reading your entries…"</p> }.into_any()),
            })}
            // Not a summary of nothing: the figures show once the entries are read.
            <div class="columns" hidden=move || !loaded.with(|l| matches!(l, Some(Ok(_))))>
            <Show when=move || new_here.get()>
                <section class="card pattern span-all" aria-labelledby="coming-title">
                    <h2 id="coming-title">"What Patterns will show"</h2>
                    <ul class="pattern__coming">
                        <li>"After a week of entries, you'll see how your mood moves from day to day."</li>
                        <li>"After two weeks, how each week compares with the week before."</li>
                        <li>"Each month, a calendar of your moods, from your first entry."</li>
                        <li>"When you name emotions or triggers, or note symptoms or sleep, how they go with your mood."</li>
                    </ul>
                </section>
            </Show>
            <Part id="since" title="Since my last session" sentence=since_text>
                <div class="field field--inline">
                    <label class="field__label" for="since">"Since"</label>
                    <input id="since" type="date" class="field__input" max=date_value(today)
                        prop:value=move || date_value(since.get())
                        on:change=move |ev| {
                            if let Some(d) = parse_date(&event_target_value(&ev)).filter(|d| *d <= today) {
                                let now = local_now();
                                store::prefs::set_since(&date_value(d), &dates::datetime_text(now));
                                picked.set(Some((d, now)));
                            }
                        }/>
                </div>
                <p class="muted">{move || match since_from.get() {
                    Since::LastSession(d) => format!("From your last session, {}.", day_long(d)),
                    Since::Picked(_) => "A day you picked. It moves to your next session once that has happened.".to_string(),
                    Since::LastWeek(_) => "The past week. Add your sessions on Sessions and this follows them.".to_string(),
                }}</p>
                <Show when=move || summary.with(|s| s.entries > 0)>
                    <Numbers caption="Since my last session, in numbers" head=vec!["Figure", "Since then"] rows=since_rows/>
                </Show>
            </Part>
            <Part id="mood" title="Mood over time" sentence=week_text>
                <Show when=move || has_mood.get()>
                    <fieldset class="segments">
                        <legend class="visually-hidden">"Period"</legend>
                        {spans()}
                    </fieldset>
                    <LineChart title=Signal::derive(move || format!("Average mood, {}", span.get().label().to_lowercase()))
                        points=points min=1.0 max=5.0 marks=true value_head="Mood"
                        axis=vec![(1.0, Mood::VeryLow.word()), (3.0, Mood::Okay.word()), (5.0, Mood::VeryGood.word())]
                        value_text=Callback::new(|v| mood_text(Some(v)))/>
                </Show>
            </Part>
            <section class="card pattern" aria-labelledby="calendar-title">
                <h2 id="calendar-title">"Mood calendar"</h2>
                <MoodCalendar entries=entries/>
            </section>
            <Part id="emotions" title="Emotions" sentence=Signal::derive(move || emotions.with(|s| emotion_sentence(s)))>
                <Show when=move || !emotions.with(Vec::is_empty)>
                    <Numbers caption="Emotions, the days you named them and your mood on those days"
                        head=vec!["Emotion", "Named on", "Mood on those days"] rows=emotion_rows/>
                </Show>
            </Part>
            <Part id="triggers" title="Triggers" sentence=Signal::derive(move || triggers.with(|t| trigger_sentence(t)))>
                <Show when=move || !triggers.with(Vec::is_empty)>
                    <Numbers caption="Triggers and mood on days with and without them"
                        head=vec!["Trigger", "Days", "Entries", "Mood on days with it", "Mood on other days"] rows=trigger_rows/>
                </Show>
            </Part>
            <Part id="symptoms" title="Symptoms" sentence=Signal::derive(move || symptoms.with(|t| symptom_sentence(t)))>
                <Show when=move || !symptoms.with(Vec::is_empty)>
                    <Numbers caption="Symptoms: last 7 days, the 7 days before, and overall"
                        head=vec!["Symptom", "Last 7 days", "7 days before", "Overall", "Times noted"] rows=symptom_rows/>
                </Show>
            </Part>
            <Part id="sleep" title="Sleep" sentence=Signal::derive(move || sleep.with(sleep_sentence))>
                <Show when=move || sleep.with(|s| s.days_with_sleep > 0)>
                    <LineChart title="Hours slept, last 30 days" points=sleep_points min=0.0 max=12.0 value_head="Sleep"
                        axis=vec![(0.0, "0 h"), (SHORT_NIGHT_HOURS, "6 h"), (12.0, "12 h")]
                        value_text=Callback::new(hours_text)/>
                    <Numbers caption="Mood after short and long nights" label="Show short and long nights as a table"
                        head=vec!["Night", "Days", "Mood on those days"] rows=sleep_rows/>
                </Show>
            </Part>
            <Part id="times" title="Time of day" sentence=Signal::derive(move || times.with(|t| time_sentence(t)))>
                <Show when=move || times.with(|t| t.iter().any(|p| p.entries > 0))>
                    <Numbers caption="Entries and mood by time of day"
                        head=vec!["Time of day", "Entries", "Average mood"] rows=time_rows/>
                </Show>
            </Part>
            </div>
        </Page>
    }
}

/// The first day of the month before or after.
pub fn shift_month(d: NaiveDate, forward: bool) -> NaiveDate {
    use chrono::{Datelike, Months};
    let first = d.with_day(1).unwrap_or(d);
    if forward {
        first + Months::new(1)
    } else {
        first - Months::new(1)
    }
}
