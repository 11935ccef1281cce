//! The Homework screen: homework sent in a link (if the address carries one), the open
//! homework first, each with one menu, a small reflection when it is done, and what
//! was done before. `?homework=new` or `?homework=<id>` shows the form instead, so a
//! reload or the back button keeps the person where they were.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::domain::appointment::{last_session, Appointment};
use crate::domain::homework::{repeat_words, Done, Homework, MAX_NOTE_CHARS};
use crate::domain::record::{Record, RecordId};
use crate::domain::route::Route;
use crate::store::{self, StoreError};
use crate::ui::context::Base;
use crate::ui::format::{day_long, local_date, local_now, now_ms, offset_at, today};
use crate::ui::kit::{live, Listing, Removal, Shown};
use crate::ui::widgets::{ActionMenu, MenuItem, OpenMenu, Page, StoreMessage, UndoToast};

use super::form::HomeworkForm;
use super::link::FromLink;
use super::progress_now;

#[component]
pub fn HomeworkPage() -> impl IntoView {
    let query = use_query_map();
    let editing = Memo::new(move |_| query.with(|q| q.get("homework")));
    view! {
        <Page title=Route::Homework.title()>
            {move || match editing.get() {
                Some(which) => {
                    let id = (which != "new").then_some(RecordId(which));
                    view! { <HomeworkForm editing=id/> }.into_any()
                }
                None => view! { <FromLink/><Lists/> }.into_any(),
            }}
        </Page>
    }
}

/// What a homework screen shares: the store's failures, the one deleted (for undo),
/// the one whose reflection is open, and the last one finished (the celebration).
#[derive(Clone, Copy)]
struct Shared {
    failure: RwSignal<Option<StoreError>>,
    removed: RwSignal<Option<Record<Homework>>>,
    marking: RwSignal<Option<RecordId>>,
    finished: RwSignal<Option<String>>,
    last: Signal<Option<chrono::NaiveDate>>,
}

#[component]
fn Lists() -> impl IntoView {
    OpenMenu::provide();
    let base = expect_context::<Base>();
    let add = format!("{}?homework=new", base.href(Route::Homework));
    let maker = base.href(Route::HomeworkLink);
    let loaded = live::<Homework>();
    let appointments = live::<Appointment>();
    let last = Signal::derive(move || {
        let all = appointments.get()?.ok()?;
        last_session(all.iter().map(|r| &r.body), local_now()).map(|t| t.date())
    });
    let shared = Shared {
        failure: RwSignal::new(None),
        removed: RwSignal::new(None),
        marking: RwSignal::new(None),
        finished: RwSignal::new(None),
        last,
    };
    let sorted = move |open: bool| {
        let mut list: Vec<_> = loaded
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .filter(|r| r.body.is_open() == open)
            .collect();
        if open {
            list.sort_by_key(|r| (r.body.due.is_none(), r.body.due, r.meta.created));
        } else {
            list.sort_by_key(|r| std::cmp::Reverse(r.meta.updated));
        }
        list
    };
    let shown_open = Signal::derive(move || {
        let state = Shown::of(loaded.get().as_ref());
        match state {
            Shown::Ready if sorted(true).is_empty() => Shown::Empty,
            other => other,
        }
    });
    let has_before = move || !sorted(false).is_empty();
    let undo = Callback::new(move |_| {
        Removal {
            removed: shared.removed,
            failure: shared.failure,
        }
        .undo();
    });
    view! {
        <Celebration finished=shared.finished/>
        <section class="card" aria-labelledby="homework-open-title">
            <h2 id="homework-open-title">"To do"</h2>
            <Listing shown=shown_open empty=|| view! {
                <p>"No homework right now. When your therapist suggests something to try between sessions, add it here."</p>
            }>
                {move || sorted(true).into_iter().map(|r| view! { <Item record=r shared=shared/> }).collect_view()}
            </Listing>
            <StoreMessage error=shared.failure/>
            <UndoToast message="Homework deleted." visible=Signal::derive(move || shared.removed.with(Option::is_some)) on_undo=undo/>
            <p><A href=add attr:class="button button--primary">"Add homework"</A></p>
        </section>
        <Show when=has_before>
            <section class="card" aria-labelledby="homework-before-title">
                <h2 id="homework-before-title">"Done before"</h2>
                {move || sorted(false).into_iter().map(|r| view! { <Item record=r shared=shared/> }).collect_view()}
            </section>
        </Show>
        <p class="homework-foot"><A href=maker>"For therapists: make a homework link"</A></p>
    }
}

/// "Well done": a few kind words and a small star that grows in (still under
/// reduced motion).
#[component]
fn Celebration(finished: RwSignal<Option<String>>) -> impl IntoView {
    view! {
        <div class="celebrate" role="status">
            {move || finished.get().map(|title| view! {
                <svg class="celebrate__star" viewBox="0 0 24 24" width="40" height="40" aria-hidden="true" focusable="false">
                    <path d="M12 2l2.9 6.6 7.1.6-5.4 4.7 1.6 7-6.2-3.7-6.2 3.7 1.6-7L2 9.2l7.1-.6z"/>
                </svg>
                <p>{format!("Well done. \u{201c}{title}\u{201d} is done: one more step for you.")}</p>
            })}
        </div>
    }
}

/// One homework: what it is, when, how far, and its menu.
#[component]
fn Item(record: Record<Homework>, shared: Shared) -> impl IntoView {
    let base = expect_context::<Base>();
    let h = record.body.clone();
    let id = record.meta.id.clone();
    let open = h.is_open();
    let mut facts = vec![h.kind.label().to_string(), repeat_words(h.times_a_week)];
    if let Some(due) = h.due {
        facts.push(format!("by {}", day_long(due)));
    }
    let progress = progress_now(&h);
    // Reactive: the appointments may be read after the homework.
    let late = h.past_due(today());
    let due = h.due;
    let gentle = move || {
        late.then(|| {
            let before_last = shared
                .last
                .get()
                .zip(due)
                .is_some_and(|(last, due)| due <= last);
            let words = if before_last {
                "From before your last session. Still here if it helps."
            } else {
                "Its day has passed. Still here if it helps."
            };
            view! { <p class="homework__gentle">{words}</p> }
        })
    };
    let mut items = Vec::new();
    if open {
        let which = id.clone();
        items.push(MenuItem::action("Mark as done…", move || {
            shared.marking.set(Some(which.clone()))
        }));
    }
    items.push(MenuItem::link(
        "Edit",
        format!("{}?homework={}", base.href(Route::Homework), id.as_str()),
    ));
    {
        let r = record.clone();
        let label = if h.closed {
            "Bring it back"
        } else {
            "Put away"
        };
        if h.closed || open {
            items.push(MenuItem::action(label, move || {
                let mut changed = r.clone();
                changed.body.closed = !changed.body.closed;
                leptos::task::spawn_local(async move {
                    if let Err(e) = store::update(&changed).await {
                        let _ = shared.failure.try_set(Some(e));
                    }
                });
            }));
        }
    }
    {
        let r = record.clone();
        items.push(MenuItem::action("Delete", move || {
            let r = r.clone();
            Removal {
                removed: shared.removed,
                failure: shared.failure,
            }
            .delete(r);
        }));
    }
    let start = open.then(|| match h.kind {
        crate::domain::homework::HomeworkKind::ThoughtRecord => {
            Some(view! { <A href=base.href(Route::Thought) attr:class="button">"Start the thought record"</A> })
        }
        crate::domain::homework::HomeworkKind::Journal => {
            Some(view! { <A href=base.href(Route::Write) attr:class="button">"Write the entry"</A> })
        }
        _ => None,
    });
    let reflections: Vec<_> = h
        .done
        .iter()
        .rev()
        .take(5)
        .map(|d| {
            let mut line = format!("Done {}", day_long(local_date(d.at)));
            if let Some(v) = d.went {
                line.push_str(&format!(" · went {v} of 10, {}", went_words(v)));
            }
            if !d.note.is_empty() {
                line.push_str(&format!(" · {}", d.note));
            }
            view! { <li>{line}</li> }
        })
        .collect();
    let title = h.title.clone();
    let marking_me = {
        let id = id.clone();
        move || shared.marking.with(|m| m.as_ref() == Some(&id))
    };
    let closed_words = h.closed.then_some("Put away");
    view! {
        <article class="homework" aria-label=title.clone()>
            <h3 class="homework__title">{title.clone()}</h3>
            <p class="homework__facts">{facts.join(" · ")}</p>
            {(!h.instructions.is_empty()).then(|| view! { <p class="homework__instructions">{h.instructions.clone()}</p> })}
            <p class="homework__progress"><strong>{closed_words.map(str::to_string).unwrap_or(progress)}</strong></p>
            {gentle}
            {(!reflections.is_empty()).then(|| view! { <ul class="homework__done">{reflections}</ul> })}
            <div class="actions">
                {start}
                <ActionMenu label=format!("Actions for {title}") items=items/>
            </div>
            <Show when=marking_me.clone()>
                <Reflect record=record.clone() shared=shared/>
            </Show>
        </article>
    }
}

/// Words for how it went, 0 to 10.
pub fn went_words(v: u8) -> &'static str {
    match v {
        0..=2 => "it was hard",
        3..=4 => "not so well",
        5 => "okay",
        6..=7 => "fairly well",
        _ => "well",
    }
}

/// "Mark as done": how it went (optional) and a line (optional), then Save.
#[component]
fn Reflect(record: Record<Homework>, shared: Shared) -> impl IntoView {
    let went = RwSignal::new(None::<u8>);
    let note = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let key = record.meta.id.as_str().to_string();
    let slider_id = format!("went-{key}");
    let note_id = format!("note-{key}");
    let title_id = format!("reflect-{key}");
    let words = move || match went.get() {
        Some(v) => format!("{v} of 10, {}", went_words(v)),
        None => "Not said (move the slider if you like)".to_string(),
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let now = now_ms();
        let mut changed = record.clone();
        changed.body.done.push(Done {
            at: now,
            offset_min: offset_at(now),
            went: went.get_untracked(),
            note: note.get_untracked(),
        });
        let title = changed.body.title.clone();
        match changed.body.clone().checked() {
            Err(e) => problem.set(Some(e.to_string())),
            Ok(body) => {
                changed.body = body;
                busy.set(true);
                leptos::task::spawn_local(async move {
                    match store::update(&changed).await {
                        Ok(_) => {
                            let _ = shared.marking.try_set(None);
                            let _ = shared.finished.try_set(Some(title));
                        }
                        Err(e) => {
                            let _ = shared.failure.try_set(Some(e));
                            let _ = busy.try_set(false);
                        }
                    }
                });
            }
        }
    };
    let take = move |value: String| {
        if let Ok(v) = value.parse::<u8>() {
            went.set(Some(v.min(10)));
        }
    };
    view! {
        <form class="reflect" on:submit=save aria-labelledby=title_id.clone() novalidate>
            <h4 id=title_id.clone()>"How did it go?"</h4>
            <p class="muted">"Both are optional."</p>
            <div class="field">
                <label class="field__label" for=slider_id.clone()>"How it went, 0 to 10"</label>
                <input id=slider_id type="range" min="0" max="10" step="1"
                    prop:value=move || went.get().unwrap_or(5).to_string()
                    aria-valuetext=words
                    on:input=move |ev| take(event_target_value(&ev))
                    on:click=move |ev| take(event_target_value(&ev))/>
                <p class="muted" aria-hidden="true">{words}</p>
            </div>
            <div class="field">
                <label class="field__label" for=note_id.clone()>"A line about it"</label>
                <input id=note_id class="field__input" type="text" autocomplete="off" maxlength=MAX_NOTE_CHARS.to_string()
                    prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))/>
            </div>
            {move || problem.get().map(|p| view! { <p class="message message--problem" role="alert">{p}</p> })}
            <div class="actions">
                <button type="submit" class="button button--primary" disabled=move || busy.get()>"Save"</button>
                <button type="button" class="button" on:click=move |_| shared.marking.set(None)>"Cancel"</button>
            </div>
        </form>
    }
}
