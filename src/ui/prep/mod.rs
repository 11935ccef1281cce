//! "Prepare for my session": everything since the last session on one screen
//! (`domain::prep`), each part and each line with a tick box, then the exact text that
//! is printed, shared or saved as Markdown (`widgets::SharePreview`). Printing shows
//! that text alone on one page (the `@media print` block in `style/prep.css`).

mod link;

pub use link::{PrepareLink, PrepareSoon};

use leptos::prelude::*;

use crate::domain::agenda::{AgendaItem, Place};
use crate::domain::appointment::{last_session, Appointment};
use crate::domain::checkin::CheckIn;
use crate::domain::homework::Homework;
use crate::domain::journal::{JournalEntry, Mood};
use crate::domain::patterns::local_time;
use crate::domain::prep::{
    build, file_name, markdown, mood_days, period, plain_text, Marked, Part, Sources, Topic,
};
use crate::domain::progress::Win;
use crate::domain::record::{Kind, RecordId};
use crate::domain::route::Route;
use crate::domain::thought::ThoughtRecord;
use crate::ui::context::{journal_picked, journal_summaries};
use crate::ui::format::{day_long, day_short, local_now, number, offset_at, today};
use crate::ui::kit::{live, Listing, Shown};
use crate::ui::widgets::{save_file, LineChart, Page, Point, SharePreview};

/// What the person left out: whole parts, and lines by their part and words.
#[derive(Clone, Default, PartialEq)]
struct Left {
    parts: Vec<Part>,
    lines: Vec<(Part, String)>,
}

#[component]
pub fn Prepare() -> impl IntoView {
    let appointments = live::<Appointment>();
    let agenda = live::<AgendaItem>();
    let summaries = journal_summaries();
    let flagged = journal_picked(|r| !r.meta.is_deleted() && r.body.for_session);
    let thoughts = live::<ThoughtRecord>();
    let homework = live::<Homework>();
    let wins = live::<Win>();
    let checkins = live::<CheckIn>();

    let shown = Signal::derive(move || {
        let parts = [
            appointments.with(|l| Shown::of(l.as_ref())),
            agenda.with(|l| Shown::of(l.as_ref())),
            summaries.with(|l| Shown::of(l.as_ref())),
            flagged.with(|l| Shown::of(l.as_ref())),
            thoughts.with(|l| Shown::of(l.as_ref())),
            homework.with(|l| Shown::of(l.as_ref())),
            wins.with(|l| Shown::of(l.as_ref())),
            checkins.with(|l| Shown::of(l.as_ref())),
        ];
        // An empty kind is not a failure: only failures and loading count here.
        let parts: Vec<Shown> = parts
            .into_iter()
            .map(|p| if p == Shown::Empty { Shown::Ready } else { p })
            .collect();
        Shown::combine(&parts, true)
    });

    // Everything in the period, with the mood of each day for the chart.
    let gathered = Memo::new(move |_| {
        let appointments = appointments.get()?.ok()?;
        let agenda = agenda.get()?.ok()?;
        let summaries = summaries.get()?.ok()?;
        let flagged = flagged.get()?.ok()?;
        let thoughts = thoughts.get()?.ok()?;
        let homework = homework.get()?.ok()?;
        let wins = wins.get()?.ok()?;
        let checkins = checkins.get()?.ok()?;
        let now = local_now();
        let p = period(last_session(appointments.iter().map(|r| &r.body), now), now);

        let talked = |kind: Kind, id: &RecordId| {
            agenda
                .iter()
                .any(|r| r.body.done && r.body.source.as_ref() == Some(&(kind, id.clone())))
        };
        let topics = agenda
            .iter()
            .filter(|r| !r.body.done && !r.body.points_at_entry())
            .map(|r| Topic {
                text: r.body.text.clone(),
                place: Place {
                    rank: r.body.rank,
                    important: r.body.important,
                    added: r.meta.created,
                },
                added: local_time(r.meta.created, offset_at(r.meta.created)),
            })
            .collect();
        let mut marked: Vec<Marked> = flagged
            .iter()
            .filter(|r| !r.meta.is_deleted() && r.body.for_session)
            .filter(|r| !talked(Kind::JournalEntry, &r.meta.id))
            .map(|r| Marked {
                at: local_time(r.body.at, r.body.offset_min),
                text: r.body.gist(),
            })
            .collect();
        marked.extend(
            thoughts
                .iter()
                .filter(|r| r.body.for_session && !talked(Kind::ThoughtRecord, &r.meta.id))
                .map(|r| Marked {
                    at: local_time(r.body.at, r.body.offset_min),
                    text: format!("Thought record: {}", r.body.situation),
                }),
        );
        let entries: Vec<&JournalEntry> = summaries
            .iter()
            .filter(|r| !r.meta.is_deleted())
            .map(|r| &r.body)
            .collect();
        let homework: Vec<&Homework> = homework.iter().map(|r| &r.body).collect();
        let wins: Vec<&Win> = wins.iter().map(|r| &r.body).collect();
        let checkins: Vec<&CheckIn> = checkins.iter().map(|r| &r.body).collect();
        let sources = Sources {
            topics,
            entries: &entries,
            marked,
            homework: &homework,
            wins: &wins,
            checkins: &checkins,
        };
        let prep = build(&sources, &p, now, day_long);
        let moods: Vec<Point> = mood_days(&entries, &p, now)
            .into_iter()
            .map(|(d, value, count)| Point {
                label: day_short(d),
                value,
                count,
            })
            .collect();
        Some((prep, moods))
    });

    let left = RwSignal::new(Left::default());
    let chosen = Memo::new(move |_| {
        let (mut prep, _) = gathered.get()?;
        left.with(|l| {
            for s in &mut prep.sections {
                s.include = !l.parts.contains(&s.part);
                for line in &mut s.lines {
                    line.include = !l
                        .lines
                        .iter()
                        .any(|(p, t)| *p == s.part && *t == line.plain());
                }
            }
        });
        Some(prep)
    });
    let text =
        Signal::derive(move || chosen.with(|p| p.as_ref().map(plain_text).unwrap_or_default()));
    let md = Signal::derive(move || chosen.with(|p| p.as_ref().map(markdown).unwrap_or_default()));
    let moods = Signal::derive(move || {
        gathered.with(|g| g.as_ref().map(|(_, m)| m.clone()).unwrap_or_default())
    });
    let saved = RwSignal::new(None::<&'static str>);
    let save = move |_| {
        let ok = save_file(&file_name(today()), "text/markdown", &md.get_untracked());
        saved.set(Some(if ok {
            "Saved as a Markdown file on this device."
        } else {
            "This browser couldn't save the file. You can copy the text above instead."
        }));
    };
    let print = move |_| {
        let _ = window().print();
    };

    let parts = move || {
        let Some((prep, _)) = gathered.get() else {
            return ().into_any();
        };
        view! {
            <p class="lead">{prep.since.clone()}</p>
            <p>"Tick what to take with you. Below is exactly what will be printed, shared or saved."</p>
            {prep.sections.into_iter().map(|s| view! { <PartView section=s left=left moods=moods/> }).collect_view()}
        }
        .into_any()
    };

    view! {
        <Page title=Route::Prepare.title()>
            <Listing shown=shown empty=|| ()>
                {parts}
                <SharePreview text=text heading="Preview: exactly what will be printed, shared or saved"
                    id="prep-preview-title" class="prep-print">
                    <button type="button" class="button" on:click=print>"Print"</button>
                    <button type="button" class="button" on:click=save>"Save as Markdown"</button>
                </SharePreview>
                <p class="status" role="status">{move || saved.get()}</p>
                <details class="prep-markdown">
                    <summary>"Show the Markdown file"</summary>
                    <pre class="share-preview__text">{move || md.get()}</pre>
                </details>
            </Listing>
        </Page>
    }
}

/// One part: its tick box, its lines (each with a tick box), the mood chart.
#[component]
fn PartView(
    section: crate::domain::prep::Section,
    left: RwSignal<Left>,
    moods: Signal<Vec<Point>>,
) -> impl IntoView {
    let part = section.part;
    let title = part.title();
    let id = format!("prep-{}", part_id(part));
    let labelled = id.clone();
    let included = move || left.with(|l| !l.parts.contains(&part));
    let toggle_part = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        left.update(|l| {
            l.parts.retain(|p| *p != part);
            if !on {
                l.parts.push(part);
            }
        });
    };
    let empty = section.lines.is_empty();
    let lines = section
        .lines
        .into_iter()
        .map(|line| {
            let words = line.plain();
            let key = words.clone();
            let key2 = words.clone();
            let on = move || left.with(|l| !l.lines.iter().any(|(p, t)| *p == part && *t == key));
            let toggle = move |ev: leptos::ev::Event| {
                let checked = event_target_checked(&ev);
                let key = key2.clone();
                left.update(|l| {
                    l.lines.retain(|(p, t)| !(*p == part && *t == key));
                    if !checked {
                        l.lines.push((part, key));
                    }
                });
            };
            view! {
                <li>
                    <label class="prep-line">
                        <input type="checkbox" prop:checked=on on:change=toggle disabled=move || !included()/>
                        <span>{words}</span>
                    </label>
                </li>
            }
        })
        .collect_view();
    let chart = (part == Part::Mood && !empty).then(|| {
        view! {
            <LineChart title="Mood each day" points=moods min=1.0 max=5.0 marks=true value_head="Mood"
                axis=vec![(1.0, Mood::VeryLow.word()), (3.0, Mood::Okay.word()), (5.0, Mood::VeryGood.word())]
                value_text=Callback::new(|v: f64| format!("{} ({})", number(v), Mood::nearest(v).word()))/>
        }
    });
    view! {
        <section class="card prep-part" aria-labelledby=labelled>
            <h2 id=id>{title}</h2>
            {if empty {
                view! { <p class="muted">{part.empty()}</p> }.into_any()
            } else {
                view! {
                    <label class="prep-line prep-line--part">
                        <input type="checkbox" prop:checked=included on:change=toggle_part/>
                        <span>{format!("Include “{title}”")}</span>
                    </label>
                    <ul class="prep-lines" aria-label=title>{lines}</ul>
                    {chart}
                }
                .into_any()
            }}
        </section>
    }
}

fn part_id(p: Part) -> &'static str {
    match p {
        Part::Topics => "topics",
        Part::Mood => "mood",
        Part::Entries => "entries",
        Part::Homework => "homework",
        Part::Wins => "wins",
        Part::CheckIns => "checkins",
    }
}
