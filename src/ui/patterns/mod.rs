//! Patterns: what the journal shows over time. The figures come from
//! `domain::patterns`; this screen only draws them, each chart with a table.

mod calendar;

use chrono::{Days, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::journal::{JournalEntry, Mood, Scale};
use crate::domain::patterns::{
    mood_series, summary_since, symptom_trends, time_of_day, trigger_stats, Span,
};
use crate::domain::route::Route;
use crate::store;
use crate::ui::context::Base;
use crate::ui::context::JournalCache;
use crate::ui::format::{date_value, day_long, day_short, number, parse_date, today};
use crate::ui::kit::LoadProblem;
use crate::ui::widgets::Page;

use crate::ui::widgets::{LineChart, Point};

use calendar::MoodCalendar;

/// "1 entry", "3 entries".
fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// "3.4 (Okay)": a mood average with its nearest word.
pub fn mood_text(avg: Option<f64>) -> String {
    match avg {
        Some(a) => format!("{} ({})", number(a), Mood::nearest(a).word()),
        None => "no mood recorded".into(),
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
    let since = RwSignal::new(
        store::prefs::since()
            .and_then(|s| parse_date(&s))
            .unwrap_or(today - Days::new(7)),
    );

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

    let summary = move || {
        let s = entries.with(|e| summary_since(&e.iter().collect::<Vec<_>>(), since.get(), today));
        let names = |list: &[(String, usize)]| {
            if list.is_empty() {
                "none".to_string()
            } else {
                list.iter()
                    .map(|(n, c)| format!("{n} ({c})"))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        };
        let change = match (s.average_mood, s.average_before) {
            (Some(a), Some(b)) if (a - b).abs() < 0.25 => {
                "about the same as the days before".to_string()
            }
            (Some(a), Some(b)) if a > b => {
                format!("higher than the days before ({})", mood_text(Some(b)))
            }
            (Some(_), Some(b)) => format!("lower than the days before ({})", mood_text(Some(b))),
            _ => "nothing to compare with before".to_string(),
        };
        view! {
            <dl class="summary">
                <dt>"Entries"</dt><dd>{format!("{} on {}", plural(s.entries, "entry", "entries"), plural(s.days_written, "day", "days"))}</dd>
                <dt>"Average mood"</dt><dd>{mood_text(s.average_mood)}</dd>
                <dt>"Compared with before"</dt><dd>{change}</dd>
                <dt>"Hardest day"</dt><dd>{s.lowest_day.map(|(d, a)| format!("{} ({})", day_long(d), mood_text(Some(a)))).unwrap_or_else(|| "none".into())}</dd>
                <dt>"Best day"</dt><dd>{s.best_day.map(|(d, a)| format!("{} ({})", day_long(d), mood_text(Some(a)))).unwrap_or_else(|| "none".into())}</dd>
                <dt>"Emotions most often"</dt><dd>{names(&s.top_emotions)}</dd>
                <dt>"Triggers most often"</dt><dd>{names(&s.top_triggers)}</dd>
                <dt>"Marked for your session"</dt><dd>{s.for_session.to_string()}</dd>
            </dl>
        }
    };

    let symptoms = move || {
        let trends = entries.with(|e| symptom_trends(&e.iter().collect::<Vec<_>>(), today));
        if trends.is_empty() {
            return view! { <p class="muted">"No symptoms recorded yet."</p> }.into_any();
        }
        let unit = |scale: Scale, v: Option<f64>| match (scale, v) {
            (_, None) => "–".to_string(),
            (Scale::Hours, Some(v)) => format!("{} h", number(v)),
            (Scale::Intensity, Some(v)) => format!("{}/10", number(v)),
        };
        let rows = trends
            .into_iter()
            .map(|t| {
                view! {
                    <tr>
                        <th scope="row">{t.name.clone()}</th>
                        <td>{unit(t.scale, Some(t.average))}</td>
                        <td>{unit(t.scale, t.last_week)}</td>
                        <td>{unit(t.scale, t.week_before)}</td>
                        <td>{t.readings}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="table" tabindex="0">
                <caption class="visually-hidden">"Symptoms: average, last 7 days and the 7 days before"</caption>
                <thead><tr><th scope="col">"Symptom"</th><th scope="col">"Average"</th><th scope="col">"Last 7 days"</th><th scope="col">"7 days before"</th><th scope="col">"Times recorded"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }.into_any()
    };

    let triggers = move || {
        let stats = entries.with(|e| trigger_stats(&e.iter().collect::<Vec<_>>()));
        if stats.is_empty() {
            return view! { <p class="muted">"No triggers recorded yet."</p> }.into_any();
        }
        let rows = stats
            .into_iter()
            .map(|t| {
                view! {
                    <tr>
                        <th scope="row">{t.name.clone()}</th>
                        <td>{t.entries}</td>
                        <td>{t.days}</td>
                        <td>{mood_text(t.mood_with)}</td>
                        <td>{mood_text(t.mood_without)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="table" tabindex="0">
                <caption class="visually-hidden">"Triggers and mood on days with and without them"</caption>
                <thead><tr><th scope="col">"Trigger"</th><th scope="col">"Entries"</th><th scope="col">"Days"</th><th scope="col">"Mood on days with it"</th><th scope="col">"Mood on other days"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }.into_any()
    };

    let times = move || {
        let parts = entries.with(|e| time_of_day(&e.iter().collect::<Vec<_>>()));
        let rows = parts
            .into_iter()
            .map(|p| view! { <tr><th scope="row">{p.part.label()}</th><td>{p.entries}</td><td>{mood_text(p.average)}</td></tr> })
            .collect_view();
        view! {
            <table class="table" tabindex="0">
                <caption class="visually-hidden">"Entries and mood by time of day"</caption>
                <thead><tr><th scope="col">"Time of day"</th><th scope="col">"Entries"</th><th scope="col">"Average mood"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
    };

    let spans = Span::ALL
        .into_iter()
        .map(|s| view! {
            <label class="segment">
                <input type="radio" name="span" prop:checked=move || span.get() == s on:change=move |_| span.set(s)/>
                <span>{s.label()}</span>
            </label>
        })
        .collect_view();

    view! {
        <Page title=Route::Patterns.title()>
            <p class="lead">"What your entries show over time. Patterns are a starting point for a conversation, not a verdict."</p>
            {move || loaded.with(|l| match l {
                Some(Err(e)) => Some(view! { <LoadProblem error=e.clone()/> }.into_any()),
                Some(Ok(_)) if entries.with(Vec::is_empty) => Some(view! {
                    <p class="message">"Patterns appear once you have a few entries. "
                        <A href=base.href(Route::Write)>"Write one now"</A></p>
                }.into_any()),
                Some(Ok(_)) => None,
                None => Some(view! { <p class="muted" role="status">"Reading your entries…"</p> }.into_any()),
            })}
            // Not a summary of nothing: the figures show once the entries are read.
            <div hidden=move || !loaded.with(|l| matches!(l, Some(Ok(_))))>
            <section class="card" aria-labelledby="since-title">
                <h2 id="since-title">"Since my last session"</h2>
                <div class="field field--inline">
                    <label class="field__label" for="since">"Since"</label>
                    <input id="since" type="date" class="field__input" max=date_value(today)
                        prop:value=move || date_value(since.get())
                        on:change=move |ev| {
                            if let Some(d) = parse_date(&event_target_value(&ev)).filter(|d| *d <= today) {
                                store::prefs::set_since(&date_value(d));
                                since.set(d);
                            }
                        }/>
                </div>
                {summary}
            </section>
            <section class="card" aria-labelledby="mood-title">
                <h2 id="mood-title">"Mood over time"</h2>
                <fieldset class="segments">
                    <legend class="visually-hidden">"Period"</legend>
                    {spans}
                </fieldset>
                <LineChart title=Signal::derive(move || format!("Average mood, {}", span.get().label().to_lowercase()))
                    points=points min=1.0 max=5.0
                    axis=vec![(1.0, Mood::VeryLow.word()), (3.0, Mood::Okay.word()), (5.0, Mood::VeryGood.word())]
                    value_text=Callback::new(|v| mood_text(Some(v)))/>
            </section>
            <section class="card" aria-labelledby="calendar-title">
                <h2 id="calendar-title">"Mood calendar"</h2>
                <MoodCalendar entries=entries/>
            </section>
            <section class="card" aria-labelledby="symptoms-title">
                <h2 id="symptoms-title">"Symptoms"</h2>
                {symptoms}
            </section>
            <section class="card" aria-labelledby="triggers-title">
                <h2 id="triggers-title">"Triggers"</h2>
                <p class="muted">"How often each trigger came up, and your average mood on days with it compared with other days."</p>
                {triggers}
            </section>
            <section class="card" aria-labelledby="times-title">
                <h2 id="times-title">"Time of day"</h2>
                {times}
            </section>
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
