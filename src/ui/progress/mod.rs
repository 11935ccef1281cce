//! Progress: wins (logged, changed, deleted with undo), skills learned (the coping
//! box's skill cards) and "How far you have come", a timeline in plain sentences
//! (`domain::progress::timeline`). Before a session, a gentle prompt above the win
//! form. No streaks, no counts of missed days.
//!
//! Changing a win is `?win=<id>`, so a reload or the back button keeps the person
//! where they were.

mod link;

pub use link::{ProgressLink, ProgressPrompt};

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::domain::appointment::{next_session, Appointment};
use crate::domain::checkin::CheckIn;
use crate::domain::coping::{CardKind, CopingCard};
use crate::domain::homework::Homework;
use crate::domain::prep::{share_text, Shared};
use crate::domain::progress::{newest_first, session_prompt, timeline, Sources, Win, WinDraft};
use crate::domain::record::{Record, RecordId};
use crate::domain::route::Route;
use crate::store::StoreError;
use crate::ui::context::{journal_summaries, Base};
use crate::ui::format::{day_long, local_date, local_now, today};
use crate::ui::kit::{
    draft_key, enter_never_submits, live, live_cards, Form, FormNotices, FormProblems, FormSpec,
    Listing, Removal, Shown,
};
use crate::ui::widgets::{ActionMenu, MenuItem, Page, ShareFromMenu, StoreMessage, UndoToast};

mod working_on;

use working_on::WorkingOnNote;

#[component]
pub fn Progress() -> impl IntoView {
    view! {
        <Page title="Progress">
            <p class="lead">"What you have done, in your own time. Nothing here counts what you didn't do."</p>
            <WorkingOnNote/>
            <Wins/>
            <Skills/>
            <Journey/>
        </Page>
    }
}

/// The wins part: the prompt before a session, the form (a new win, or the one being
/// changed), and the wins newest first.
#[component]
fn Wins() -> impl IntoView {
    let query = use_query_map();
    let editing = Memo::new(move |_| query.with(|q| q.get("win")));
    let appointments = live::<Appointment>();
    let prompt = move || {
        let loaded = appointments.get()?.ok()?;
        let now = local_now();
        let next = next_session(loaded.iter().map(|r| &r.body), now).map(|(s, a)| (s, a.minutes));
        session_prompt(next, now)
    };
    view! {
        <section class="card" aria-labelledby="wins-title">
            <h2 id="wins-title">"Wins"</h2>
            {move || prompt().map(|p| view! { <p class="progress__prompt">{p}</p> })}
            {move || {
                let id = editing.get().map(RecordId);
                view! { <WinForm editing=id/> }
            }}
            <WinList/>
        </section>
    }
}

#[component]
fn WinForm(editing: Option<RecordId>) -> impl IntoView {
    let base = expect_context::<Base>();
    let back = base.href(Route::Progress);
    let is_new = editing.is_none();
    let draft_key = draft_key("win", editing.as_ref());
    let blank = WinDraft::new_on(today());
    let kit = Form::new(FormSpec {
        draft_key,
        editing,
        blank: blank.clone(),
        from_record: |r: &Record<Win>| WinDraft::of(&r.body),
    });
    let saved = RwSignal::new(false);
    let kit = kit.next_or_back(is_new, blank.clone(), saved, back.clone());
    let value = kit.value;
    let problem = RwSignal::new(None::<String>);
    let busy = kit.pending();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        match value.get_untracked().win(today()) {
            Ok(w) => {
                problem.set(None);
                kit.save(w);
            }
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    let text = move || value.with(|d| d.text.clone());
    let day = move || value.with(|d| d.day.clone());
    let title = if is_new {
        "Log a win"
    } else {
        "Change this win"
    };
    view! {
        <h3 id="win-form-title">{title}</h3>
        <FormNotices form=kit noun="win"/>
        <form class="win-form" on:submit=save on:keydown=enter_never_submits
            hidden=move || !kit.ready() aria-labelledby="win-form-title" novalidate>
            <div class="field">
                <label class="field__label" for="win-text">"Something I handled in a way I'm pleased with"</label>
                <textarea id="win-text" class="field__input" rows="3" prop:value=text
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        value.update(|d| d.text = v);
                        problem.set(None);
                        saved.set(false);
                    }></textarea>
            </div>
            <div class="field">
                <label class="field__label" for="win-day">"When"</label>
                <input id="win-day" class="field__input" type="date" prop:value=day
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        value.update(|d| d.day = v);
                        problem.set(None);
                    }/>
            </div>
            {move || problem.get().map(|p| view! { <p class="message message--problem" role="alert">{p}</p> })}
            <FormProblems form=kit describe=|w: &Win| w.text.clone()/>
            <div class="actions">
                <button type="submit" class="button button--primary" disabled=busy>
                    {if is_new { "Save this win" } else { "Save" }}
                </button>
                {(!is_new).then(|| view! { <A href=back.clone() attr:class="button">"Cancel"</A> })}
            </div>
            <p role="status" class="muted">
                {move || saved.get().then_some("Saved. Well done for noticing it.")}
            </p>
        </form>
    }
}

#[component]
fn WinList() -> impl IntoView {
    let loaded = live::<Win>();
    let failure = RwSignal::new(None::<StoreError>);
    let removed = RwSignal::new(None::<Record<Win>>);
    let sharing = RwSignal::new(None::<String>);
    let shown = Signal::derive(move || loaded.with(|l| Shown::of(l.as_ref())));
    let wins = move || {
        let mut all = loaded.get().and_then(Result::ok).unwrap_or_default();
        newest_first(&mut all, |r| (r.body.day, r.meta.created));
        all.into_iter()
            .map(|r| view! { <WinItem record=r failure=failure removed=removed sharing=sharing/> })
            .collect_view()
    };
    let undo = Callback::new(move |()| {
        Removal { removed, failure }.undo();
    });
    view! {
        <h3 id="wins-list-title">"My wins"</h3>
        <Listing shown=shown empty=|| view! {
            <p class="muted">"Your wins will be listed here. Small ones count too."</p>
        }>
            <ul class="win-list" aria-labelledby="wins-list-title">{wins}</ul>
        </Listing>
        <ShareFromMenu sharing=sharing id="win-share-title"/>
        <StoreMessage error=failure/>
        <UndoToast message="Win deleted." visible=Signal::derive(move || removed.with(Option::is_some)) on_undo=undo/>
    }
}

#[component]
fn WinItem(
    record: Record<Win>,
    failure: RwSignal<Option<StoreError>>,
    removed: RwSignal<Option<Record<Win>>>,
    sharing: RwSignal<Option<String>>,
) -> impl IntoView {
    let base = expect_context::<Base>();
    let when = day_long(record.body.day);
    // Two wins on one day still have menus with different names.
    let mut short: String = record.body.text.chars().take(40).collect();
    if record.body.text.chars().count() > 40 {
        short.push('…');
    }
    let edit = format!(
        "{}?win={}",
        base.href(Route::Progress),
        record.meta.id.as_str()
    );
    let r = record.clone();
    let text = share_text(&Shared::Win {
        text: &record.body.text,
    });
    let items = vec![
        MenuItem::link("Change", edit),
        MenuItem::action("Share…", move || sharing.set(Some(text.clone()))),
        MenuItem::action("Delete", move || {
            let r = r.clone();
            Removal { removed, failure }.delete(r);
        }),
    ];
    view! {
        <li class="win">
            <p class="win__when muted">{when.clone()}</p>
            <p class="win__text">{record.body.text.clone()}</p>
            <ActionMenu label=format!("Actions for the win of {when}: {short}") items=items/>
        </li>
    }
}

/// Skills learned: the coping box's skill cards the person made (not the starter
/// deck's examples), newest first, with when each was added.
#[component]
fn Skills() -> impl IntoView {
    let base = expect_context::<Base>();
    let cards = live_cards();
    let skills = move || {
        let mut list: Vec<Record<CopingCard>> = cards
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .filter(|r| r.body.kind == CardKind::Skill && !r.body.starter)
            .collect();
        list.sort_unstable_by_key(|r| std::cmp::Reverse(r.meta.created));
        list
    };
    let shown = Signal::derive(move || {
        let base = cards.with(|l| Shown::of(l.as_ref()));
        match base {
            Shown::Ready if skills().is_empty() => Shown::Empty,
            other => other,
        }
    });
    let coping = base.href(Route::Coping);
    let sharing = RwSignal::new(None::<String>);
    view! {
        <section class="card" aria-labelledby="skills-title">
            <h2 id="skills-title">"Skills learned"</h2>
            <Listing shown=shown empty=move || view! {
                <p class="muted">
                    "Skills you learn in therapy, kept as cards in your "
                    <A href=coping.clone()>"coping box"</A>
                    ", will be listed here."
                </p>
            }>
                <ul class="skill-list">
                    {move || skills().into_iter().map(|r| {
                        let text = share_text(&Shared::Skill { title: &r.body.title });
                        let items = vec![MenuItem::action("Share…", move || sharing.set(Some(text.clone())))];
                        view! {
                            <li class="skill">
                                <p>
                                    <strong>{r.body.title.clone()}</strong>
                                    <span class="muted">{format!(" · added {}", day_long(local_date(r.meta.created)))}</span>
                                </p>
                                <ActionMenu label=format!("Actions for the skill {}", r.body.title) items=items/>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Listing>
            <ShareFromMenu sharing=sharing id="skill-share-title"/>
        </section>
    }
}

/// "How far you have come": the timeline in plain sentences, newest first.
#[component]
fn Journey() -> impl IntoView {
    // The journal's month summaries: no entry is read in full.
    let entries = journal_summaries();
    let appointments = live::<Appointment>();
    let homework = live::<Homework>();
    let wins = live::<Win>();
    let checkins = live::<CheckIn>();
    let lines = Memo::new(move |_| {
        let entries = entries.get()?.ok()?;
        let appointments = appointments.get()?.ok()?;
        let homework = homework.get()?.ok()?;
        let wins = wins.get()?.ok()?;
        let checkins = checkins.get()?.ok()?;
        let entries: Vec<_> = entries
            .iter()
            .filter(|r| !r.meta.is_deleted())
            .map(|r| &r.body)
            .collect();
        let appointments: Vec<_> = appointments.iter().map(|r| &r.body).collect();
        let homework: Vec<_> = homework.iter().map(|r| &r.body).collect();
        let wins: Vec<_> = wins.iter().map(|r| r.body.day).collect();
        let checkins: Vec<_> = checkins.iter().map(|r| &r.body).collect();
        let sources = Sources {
            entries: &entries,
            appointments: &appointments,
            homework: &homework,
            wins: &wins,
            checkins: &checkins,
        };
        Some(
            timeline(&sources, local_now(), day_long)
                .into_iter()
                .map(|l| l.text)
                .collect::<Vec<_>>(),
        )
    });
    let shown = Signal::derive(move || {
        let parts = [
            entries.with(|l| Shown::of(l.as_ref())),
            appointments.with(|l| Shown::of(l.as_ref())),
            homework.with(|l| Shown::of(l.as_ref())),
            wins.with(|l| Shown::of(l.as_ref())),
            checkins.with(|l| Shown::of(l.as_ref())),
        ];
        let has = lines.with(|l| l.as_ref().is_some_and(|l| !l.is_empty()));
        // An empty kind is not a failure: only failures and loading count here.
        let parts: Vec<Shown> = parts
            .into_iter()
            .map(|p| if p == Shown::Empty { Shown::Ready } else { p })
            .collect();
        Shown::combine(&parts, has)
    });
    view! {
        <section class="card" aria-labelledby="journey-title">
            <h2 id="journey-title">"How far you have come"</h2>
            <Listing shown=shown empty=|| view! {
                <p class="muted">"As you write, go to sessions, do homework and note wins, your journey will be told here in a few sentences."</p>
            }>
                <ul class="journey" aria-labelledby="journey-title">
                    {move || lines.get().unwrap_or_default().into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}
                </ul>
            </Listing>
        </section>
    }
}
