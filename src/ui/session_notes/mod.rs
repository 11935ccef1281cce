//! After a session (/after-session): a short record of it on the form kit (draft kept),
//! the homework it gave made into homework records, each skill offered as a coping
//! card, and the past sessions, newest first (`?id=<id>` reads one whole, `&change`
//! changes it). `AfterSessionLink` is the way there from Sessions.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::domain::appointment::{last_session, next_session, Appointment};
use crate::domain::coping::{CardKind, CopingCard};
use crate::domain::journal::Mood;
use crate::domain::record::{Record, RecordId};
use crate::domain::route::Route;
use crate::domain::sensitive::is_sensitive;
use crate::domain::session_note::{
    homework_due, needs_note, new_homework, newest_first, SessionNote, SessionNoteDraft,
};
use crate::store::{self, StoreError};
use crate::ui::context::Base;
use crate::ui::format::{date_value, day_long, local_now, today};
use crate::ui::kit::{
    draft_key, enter_never_submits, live, text_field, Form, FormNotices, FormProblems, FormSpec,
    Listing, Removal, Shown,
};
use crate::ui::widgets::{
    ActionMenu, MenuItem, MoodMark, OpenMenu, Page, Sensitive, StoreMessage, UndoToast,
};

/// A link to this screen: "Write about my last session" when a session has happened
/// that has no record yet, else "After a session".
#[component]
pub fn AfterSessionLink() -> impl IntoView {
    let base = expect_context::<Base>();
    let href = base.href(Route::AfterSession);
    let appointments = live::<Appointment>();
    let notes = live::<SessionNote>();
    let words = move || {
        let last = appointments.with(|a| {
            a.as_ref()
                .and_then(|r| r.as_ref().ok())
                .and_then(|list| last_session(list.iter().map(|r| &r.body), local_now()))
                .map(|t| t.date())
        });
        let noted: Vec<NaiveDate> =
            notes.with(|n| n.iter().flatten().flatten().map(|r| r.body.date).collect());
        if needs_note(last, &noted) {
            "Write about my last session"
        } else {
            Route::AfterSession.title()
        }
    };
    view! { <A href=href attr:class="button">{words}</A> }
}

#[component]
pub fn AfterSession() -> impl IntoView {
    OpenMenu::provide();
    let query = use_query_map();
    let which =
        Memo::new(move |_| query.with(|q| (q.get("id").map(RecordId), q.get("change").is_some())));
    view! {
        <Page title=Route::AfterSession.title()>
            {move || match which.get() {
                (Some(id), false) => view! { <ReadOne id=id/> }.into_any(),
                (editing, _) => view! { <Write editing=editing/> }.into_any(),
            }}
            <PastSessions/>
        </Page>
    }
}

/// The form, once the appointments are read (a new record starts on the last
/// session's day, and homework is due by the next one).
#[component]
fn Write(editing: Option<RecordId>) -> impl IntoView {
    let appointments = live::<Appointment>();
    // Drawn once, when the appointments are first in: a later write (this form's own
    // save among them) reloads them, and must not draw the form afresh.
    let ready = Memo::new(move |_| appointments.with(Option::is_some));
    move || {
        if !ready.get() {
            return None;
        }
        let list: Vec<Appointment> = appointments.with_untracked(|a| {
            a.as_ref()
                .and_then(|r| r.as_ref().ok())
                .map(|l| l.iter().map(|r| r.body.clone()).collect())
                .unwrap_or_default()
        });
        let now = local_now();
        let last = last_session(&list, now).map(|t| t.date());
        let next = next_session(&list, now).map(|(t, _)| t.date());
        Some(view! { <NoteForm editing=editing.clone() last=last next=next/> })
    }
}

fn feeling_words(m: Mood) -> String {
    format!("Feeling after it: {}", m.word().to_lowercase())
}

#[component]
fn NoteForm(
    editing: Option<RecordId>,
    last: Option<NaiveDate>,
    next: Option<NaiveDate>,
) -> impl IntoView {
    let base = expect_context::<Base>();
    let back = base.href(Route::AfterSession);
    let is_new = editing.is_none();
    let draft_key = draft_key("session", editing.as_ref());
    let saved = RwSignal::new(None::<Record<SessionNote>>);
    let before = StoredValue::new(None::<SessionNote>);
    let homework_failed = RwSignal::new(None::<StoreError>);
    let blank = SessionNoteDraft::new(last, today());
    let kit = Form::new(FormSpec {
        draft_key,
        editing,
        blank: blank.clone(),
        from_record: |r: &Record<SessionNote>| SessionNoteDraft::of(&r.body),
    });
    let kit = kit.on_saved(move |record| {
        let made = new_homework(
            before.get_value().as_ref(),
            &record.body,
            homework_due(next, today()),
        );
        saved.set(Some(record));
        if is_new {
            // Ready for the next session's record, with no draft left behind.
            let _ = kit.value.try_set(blank.clone());
        }
        leptos::task::spawn_local(async move {
            for h in made {
                if let Err(e) = store::create(h).await {
                    let _ = homework_failed.try_set(Some(e));
                }
            }
        });
    });
    let value = kit.value;
    let problem = RwSignal::new(None::<String>);
    let busy = kit.pending();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match value.with_untracked(|d| d.note(today())) {
            Ok(note) => {
                problem.set(None);
                before.set_value(kit.original.get_untracked().map(|r| r.body));
                kit.save(note);
            }
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    let field = |get, set| text_field(value, problem, get, set);
    let (date, set_date) = field(|d| &d.date, |d, v| d.date = v);
    let (took, set_took) = field(|d| &d.took_away, |d, v| d.took_away = v);
    let (homework, set_homework) = field(|d| &d.homework, |d, v| d.homework = v);
    let (skills, set_skills) = field(|d| &d.skills, |d, v| d.skills = v);
    let moods = Mood::ALL
        .into_iter()
        .map(|m| {
            view! {
                <label class="mood">
                    <input type="radio" name="feeling" value=m.value().to_string()
                        prop:checked=move || value.with(|d| d.feeling == Some(m))
                        on:change=move |_| value.update(|d| d.feeling = Some(m))/>
                    <span class=format!("mood__face mood--{}", m.value())><MoodMark mood=m/>{m.word()}</span>
                </label>
            }
        })
        .collect_view();
    let max = date_value(today());
    let form = view! {
        <FormNotices form=kit noun="record"/>
        <form class="session-note-form" on:submit=save on:keydown=enter_never_submits
            hidden=move || !kit.ready() aria-labelledby="note-title" novalidate>
            <div class="field">
                <label class="field__label" for="note-date">"Day of the session"</label>
                <input id="note-date" class="field__input" type="date" max=max prop:value=date on:input=set_date/>
            </div>
            <div class="field">
                <label class="field__label" for="note-took">"What I took away"</label>
                <textarea id="note-took" class="field__input" rows="4" prop:value=took on:input=set_took></textarea>
            </div>
            <div class="field">
                <label class="field__label" for="note-homework">"New homework (optional, one a line)"</label>
                <textarea id="note-homework" class="field__input" rows="2" prop:value=homework on:input=set_homework
                    aria-describedby="note-homework-hint"></textarea>
                <p id="note-homework-hint" class="muted">{match next {
                    Some(d) => format!("Each one is added to your homework, due by your next session on {}.", day_long(d)),
                    None => "Each one is added to your homework, due in a week.".to_string(),
                }}</p>
            </div>
            <div class="field">
                <label class="field__label" for="note-skills">"Skills I learned (optional, one a line)"</label>
                <textarea id="note-skills" class="field__input" rows="2" prop:value=skills on:input=set_skills></textarea>
            </div>
            <fieldset class="field" role="radiogroup" aria-labelledby="feeling-label">
                <legend id="feeling-label" class="field__label">"How I feel after it (optional)"</legend>
                <div class="moods">{moods}</div>
                <button type="button" class="link-button" on:click=move |_| value.update(|d| d.feeling = None)
                    hidden=move || value.with(|d| d.feeling.is_none())>"Clear feeling"</button>
            </fieldset>
            {move || problem.get().map(|p| view! { <p class="message message--problem" role="alert">{p}</p> })}
            <FormProblems form=kit describe=describe/>
            <div class="actions">
                <button type="submit" class="button button--primary" disabled=busy>"Save"</button>
                {(!is_new).then(|| view! { <A href=back.clone() attr:class="button">"Cancel"</A> })}
            </div>
        </form>
    };
    let back_to = base.href(Route::AfterSession);
    view! {
        <section class="card" aria-labelledby="note-title">
            <h2 id="note-title">{if is_new { "How was your session?" } else { "Change this record" }}</h2>
            {move || saved.get().map(|r| view! {
                <p class="message" role="status">"Saved."</p>
                <NoteView note=r.body.clone()/>
                <StoreMessage error=homework_failed/>
                <CardOffers skills=r.body.skills.clone()/>
                <p><a href=back_to.clone() class="button" on:click=move |_| saved.set(None)>"Write about another session"</a></p>
            })}
            <div hidden=move || saved.with(Option::is_some)>{form}</div>
        </section>
    }
}

fn describe(n: &SessionNote) -> String {
    let mut s = day_long(n.date);
    if !n.took_away.is_empty() {
        s.push_str(": ");
        s.push_str(&n.took_away);
    }
    s
}

/// "Make a coping card of …" for each skill: one tap adds a Skill card, and says so.
#[component]
fn CardOffers(skills: Vec<String>) -> impl IntoView {
    if skills.is_empty() {
        return None;
    }
    let failure = RwSignal::new(None::<StoreError>);
    let items = skills
        .into_iter()
        .map(|skill| {
            let made = RwSignal::new(false);
            let busy = RwSignal::new(false);
            let name = skill.clone();
            let make = move |_| {
                if busy.get_untracked() {
                    return;
                }
                let Ok(mut card) = CopingCard::new(CardKind::Skill, &name, "", "", None) else {
                    return;
                };
                busy.set(true);
                leptos::task::spawn_local(async move {
                    // New cards go first, as in the coping box.
                    card.order = match store::list::<CopingCard>().await {
                        Ok(all) => all
                            .iter()
                            .filter(|r| !r.meta.is_deleted())
                            .map(|r| r.body.order - 1)
                            .min()
                            .unwrap_or(0),
                        Err(_) => 0,
                    };
                    match store::create(card).await {
                        Ok(_) => {
                            let _ = made.try_set(true);
                        }
                        Err(e) => {
                            let _ = failure.try_set(Some(e));
                        }
                    }
                    let _ = busy.try_set(false);
                });
            };
            view! {
                <li>
                    {move || if made.get() {
                        view! { <p role="status">{format!("“{skill}” is now a card in your coping box.")}</p> }.into_any()
                    } else {
                        view! {
                            <button type="button" class="button" disabled=move || busy.get() on:click=make.clone()>
                                {format!("Make a coping card of “{skill}”")}
                            </button>
                        }.into_any()
                    }}
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <div class="session-note__cards">
            <p>"Keep a skill close at hand: as a card in your coping box, it's there when you need it."</p>
            <ul class="plain-list">{items}</ul>
            <StoreMessage error=failure/>
        </div>
    })
}

/// A record, whole.
#[component]
fn NoteView(note: SessionNote) -> impl IntoView {
    let sensitive = is_sensitive(&note.took_away);
    view! {
        <div class="session-note">
            <p class="session-note__day"><strong>{day_long(note.date)}</strong></p>
            {(!note.took_away.is_empty()).then(|| view! {
                <h3>"What I took away"</h3>
                <Sensitive text=note.took_away.clone() sensitive=sensitive class="session-note__text"/>
            })}
            {(!note.homework.is_empty()).then(|| view! {
                <h3>"New homework"</h3>
                <ul>{note.homework.iter().map(|h| view! { <li>{h.clone()}</li> }).collect_view()}</ul>
            })}
            {(!note.skills.is_empty()).then(|| view! {
                <h3>"Skills I learned"</h3>
                <ul>{note.skills.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}</ul>
            })}
            {note.feeling.map(|m| view! { <p class="session-note__feeling"><MoodMark mood=m/>{feeling_words(m)}</p> })}
        </div>
    }
}

/// One past session, whole, with "Change".
#[component]
fn ReadOne(id: RecordId) -> impl IntoView {
    let base = expect_context::<Base>();
    let version = expect_context::<crate::ui::context::DataVersion>().0;
    let wanted = id.clone();
    let record = LocalResource::new(move || {
        version.track();
        let id = wanted.clone();
        async move { store::get::<SessionNote>(&id).await }
    });
    let change = format!(
        "{}?id={}&change=1",
        base.href(Route::AfterSession),
        id.as_str()
    );
    let all = base.href(Route::AfterSession);
    view! {
        <section class="card" aria-labelledby="note-title">
            <h2 id="note-title">"A past session"</h2>
            {move || match record.get() {
                None => view! { <p class="muted" role="status">"Loading…"</p> }.into_any(),
                Some(Err(e)) => view! { <crate::ui::kit::LoadProblem error=e/> }.into_any(),
                Some(Ok(Some(r))) if !r.meta.is_deleted() => view! {
                    <NoteView note=r.body/>
                    <div class="actions">
                        <A href=change.clone() attr:class="button button--primary">"Change"</A>
                        <A href=all.clone() attr:class="button">"Write about another session"</A>
                    </div>
                }.into_any(),
                Some(Ok(_)) => view! {
                    <p class="message" role="alert">"This record is no longer on this device. It may have been deleted in another tab or window."</p>
                }.into_any(),
            }}
        </section>
    }
}

/// The past sessions, newest first, each with its menu.
#[component]
fn PastSessions() -> impl IntoView {
    let base = expect_context::<Base>();
    let notes = live::<SessionNote>();
    let failure = RwSignal::new(None::<StoreError>);
    let removed = RwSignal::new(None::<Record<SessionNote>>);
    let shown = Memo::new(move |_| notes.with(|n| Shown::of(n.as_ref())));
    let items = move || {
        let mut list: Vec<_> = notes
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .map(|r| (r.body.date, r.meta.created, r))
            .collect();
        newest_first(&mut list);
        list.into_iter()
            .map(|(_, _, r)| {
                let day = day_long(r.body.date);
                let open = format!("{}?id={}", base.href(Route::AfterSession), r.meta.id.as_str());
                let change = format!("{open}&change=1");
                let gone = r.clone();
                let items = vec![
                    MenuItem::link("Read it whole", open),
                    MenuItem::link("Change", change),
                    MenuItem::action("Delete", move || {
                        let r = gone.clone();
                        Removal { removed, failure }.delete(r);
                    }),
                ];
                let n = r.body;
                let sensitive = is_sensitive(&n.took_away);
                view! {
                    <li class="card session-note session-note--item">
                        <h3 class="session-note__day">{day.clone()}</h3>
                        {(!n.took_away.is_empty()).then(|| view! {
                            <Sensitive text=n.took_away.clone() sensitive=sensitive class="entry__text entry__text--clamp"/>
                        })}
                        {(!n.skills.is_empty()).then(|| view! { <p class="muted">{format!("Skills: {}", n.skills.join(", "))}</p> })}
                        {n.feeling.map(|m| view! { <p class="session-note__feeling"><MoodMark mood=m/>{feeling_words(m)}</p> })}
                        <ActionMenu label=format!("Actions for the session of {day}") items=items/>
                    </li>
                }
            })
            .collect_view()
    };
    let undo = Callback::new(move |_| {
        Removal { removed, failure }.undo();
    });
    view! {
        <section aria-labelledby="past-title">
            <h2 id="past-title">"Past sessions"</h2>
            <StoreMessage error=failure/>
            <UndoToast message="Record deleted." visible=Signal::derive(move || removed.with(Option::is_some)) on_undo=undo/>
            <Listing shown=shown empty=|| view! { <p class="muted">"Nothing here yet. What you write after each session will be kept here."</p> }>
                <ul class="entry-list">{items.clone()}</ul>
            </Listing>
        </section>
    }
}
