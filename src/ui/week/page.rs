use chrono::{NaiveDate, Timelike};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::appointment::Appointment;
use crate::domain::homework::Homework;
use crate::domain::journal::Mood;
use crate::domain::look_forward::{self, Plan};
use crate::domain::patterns::local_time;
use crate::domain::rest::{self, RestLog};
use crate::domain::route::Route;
use crate::domain::week::Week;
use crate::ui::context::{journal_summaries, Base};
use crate::ui::format::{day_long, time_of, today, wall_time};
use crate::ui::kit::live;
use crate::ui::widgets::{MoodMark, Page};

/// One line on a day: what it says, its mood's mark if it has one, where it leads.
#[derive(Clone, PartialEq)]
struct DayItem {
    day: NaiveDate,
    /// Minutes into the day, for the order within it (the end of the day for things
    /// without a time).
    minute: u32,
    mood: Option<Mood>,
    text: String,
    href: String,
}

/// What one kind of record puts on the week's days.
type Source = Signal<Vec<DayItem>>;

#[component]
pub fn WeekPage() -> impl IntoView {
    let base = expect_context::<Base>();
    let this_week = Week::containing(today(), super::first_weekday());
    let week = RwSignal::new(this_week);

    // Each source puts its own lines on the days; the page lays them out.
    let sources: Vec<Source> = vec![
        entries(week, &base),
        sessions(week, &base),
        homework(week, &base),
        plans(week, &base),
        rests(week, &base),
    ];

    let keys = move |ev: KeyboardEvent| {
        let to = match ev.key().as_str() {
            "ArrowLeft" | "PageUp" => week.get_untracked().previous(),
            "ArrowRight" | "PageDown" => week.get_untracked().next(),
            _ => return,
        };
        ev.prevent_default();
        week.set(to);
    };
    let range = move || week.get().range_words();
    let days = move || {
        let w = week.get();
        let mut all: Vec<DayItem> = sources.iter().flat_map(|s| s.get()).collect();
        all.sort_unstable_by(|a, b| (a.day, a.minute, &a.text).cmp(&(b.day, b.minute, &b.text)));
        let now = today();
        w.days()
            .into_iter()
            .map(|d| {
                let items: Vec<DayItem> = all.iter().filter(|i| i.day == d).cloned().collect();
                let name = if d == now {
                    format!("{} (today)", day_long(d))
                } else {
                    day_long(d)
                };
                let list = if items.is_empty() {
                    view! { <p class="muted">"Nothing noted."</p> }.into_any()
                } else {
                    let lines = items
                        .into_iter()
                        .map(|i| {
                            view! {
                                <li>
                                    <A href=i.href>{i.mood.map(|m| view! { <MoodMark mood=m/> })}{i.text}</A>
                                </li>
                            }
                        })
                        .collect_view();
                    view! { <ul class="week__items">{lines}</ul> }.into_any()
                };
                view! {
                    <li class=if d == now { "week__day week__day--today" } else { "week__day" }>
                        <h3>{name}</h3>
                        {list}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <Page title=Route::Week.title()>
            <section class="week" tabindex="0" aria-labelledby="week-range"
                aria-describedby="week-keys" on:keydown=keys>
                <h2 id="week-range" aria-live="polite">{range}</h2>
                <p id="week-keys" class="muted">"Use the buttons, or the left and right arrow keys, to see another week."</p>
                <div class="actions">
                    <button type="button" class="button" on:click=move |_| week.update(|w| *w = w.previous())>"Previous week"</button>
                    <button type="button" class="button" on:click=move |_| week.update(|w| *w = w.next())>"Next week"</button>
                    <button type="button" class="button" on:click=move |_| week.set(this_week)>"This week"</button>
                </div>
                <ol class="week__days">{days}</ol>
            </section>
        </Page>
    }
}

/// Journal entries, with their mood in words and its mark (from the month summaries:
/// no texts are read).
fn entries(week: RwSignal<Week>, base: &Base) -> Source {
    let loaded = journal_summaries();
    let write = base.href(Route::Write);
    Signal::derive(move || {
        let w = week.get();
        loaded.with(|l| match l {
            Some(Ok(all)) => all
                .iter()
                .filter(|r| !r.meta.is_deleted())
                .filter_map(|r| {
                    let t = local_time(r.body.at, r.body.offset_min);
                    w.contains(t.date()).then(|| DayItem {
                        day: t.date(),
                        minute: t.hour() * 60 + t.minute(),
                        mood: r.body.mood,
                        text: match r.body.mood {
                            Some(m) => format!("{}: {}", time_of(r.body.at), m.word()),
                            None => format!("{}: an entry", time_of(r.body.at)),
                        },
                        href: format!("{write}?id={}", r.meta.id.as_str()),
                    })
                })
                .collect(),
            _ => Vec::new(),
        })
    })
}

/// The day and time of each session in the week.
fn sessions(week: RwSignal<Week>, base: &Base) -> Source {
    let loaded = live::<Appointment>();
    let href = base.href(Route::Sessions);
    Signal::derive(move || {
        let w = week.get();
        loaded.with(|l| match l {
            Some(Ok(all)) => all
                .iter()
                .flat_map(|r| {
                    r.body
                        .occurrences()
                        .skip_while(move |s| s.date() < w.start)
                        .take_while(move |s| s.date() <= w.end())
                })
                .map(|s| DayItem {
                    day: s.date(),
                    minute: s.hour() * 60 + s.minute(),
                    mood: None,
                    text: format!("{}: Session", wall_time(s)),
                    href: href.clone(),
                })
                .collect(),
            _ => Vec::new(),
        })
    })
}

/// Homework due on a day of the week, and each time it was done.
fn homework(week: RwSignal<Week>, base: &Base) -> Source {
    let loaded = live::<Homework>();
    let href = base.href(Route::Homework);
    Signal::derive(move || {
        let w = week.get();
        loaded.with(|l| {
            let mut out = Vec::new();
            if let Some(Ok(all)) = l {
                for r in all {
                    let h = &r.body;
                    if let Some(due) = h.due.filter(|d| w.contains(*d) && h.is_open()) {
                        out.push(DayItem {
                            day: due,
                            minute: 24 * 60,
                            mood: None,
                            text: format!("Homework due: {}", h.title),
                            href: href.clone(),
                        });
                    }
                    for done in &h.done {
                        let t = local_time(done.at, done.offset_min);
                        if w.contains(t.date()) {
                            out.push(DayItem {
                                day: t.date(),
                                minute: t.hour() * 60 + t.minute(),
                                mood: None,
                                text: format!("{}: Homework done: {}", time_of(done.at), h.title),
                                href: href.clone(),
                            });
                        }
                    }
                }
            }
            out
        })
    })
}

/// Plans to look forward to (`domain::look_forward::between`), at their time if they
/// have one, with whom if someone comes along.
fn plans(week: RwSignal<Week>, base: &Base) -> Source {
    let loaded = live::<Plan>();
    let href = base.href(Route::LookForward);
    Signal::derive(move || {
        let w = week.get();
        loaded.with(|l| match l {
            Some(Ok(all)) => look_forward::between(all, w.start, w.end())
                .into_iter()
                .map(|r| {
                    let p = &r.body;
                    let minute = p
                        .time
                        .split_once(':')
                        .and_then(|(h, m)| {
                            Some(h.parse::<u32>().ok()? * 60 + m.parse::<u32>().ok()?)
                        })
                        .unwrap_or(24 * 60);
                    let what = if p.with.trim().is_empty() {
                        format!("Planned: {}", p.what)
                    } else {
                        format!("Planned: {} (with {})", p.what, p.with.trim())
                    };
                    DayItem {
                        day: p.day,
                        minute,
                        mood: None,
                        text: if p.time.is_empty() {
                            what
                        } else {
                            format!("{}: {what}", p.time)
                        },
                        href: href.clone(),
                    }
                })
                .collect(),
            _ => Vec::new(),
        })
    })
}

/// Rest logged on a day (`domain::rest::between`), with how restored it left the person.
fn rests(week: RwSignal<Week>, base: &Base) -> Source {
    let loaded = live::<RestLog>();
    let href = base.href(Route::Rest);
    Signal::derive(move || {
        let w = week.get();
        loaded.with(|l| match l {
            Some(Ok(all)) => rest::between(all, w.start, w.end())
                .into_iter()
                .map(|r| DayItem {
                    day: r.body.day,
                    minute: 24 * 60,
                    mood: None,
                    text: format!("Rest: {} (restored {}/10)", r.body.what, r.body.restored),
                    href: href.clone(),
                })
                .collect(),
            _ => Vec::new(),
        })
    })
}
