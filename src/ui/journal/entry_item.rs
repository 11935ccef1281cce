use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::journal::JournalEntry;
use crate::domain::record::Record;
use crate::domain::route::Route;
use crate::domain::thought::ThoughtRecord;
use crate::store::{self, StoreError};
use crate::ui::context::Base;
use crate::ui::format::{number, time_of};
use crate::ui::widgets::{MoodMark, StoreMessage};

use super::{Item, Undo};

/// One journal entry in the list.
#[component]
pub fn EntryItem(record: Record<JournalEntry>) -> impl IntoView {
    let base = expect_context::<Base>();
    let undo = expect_context::<Undo>();
    let failure = RwSignal::new(None::<StoreError>);
    let e = record.body.clone();
    let edit = format!("{}?id={}", base.href(Route::Write), record.meta.id.as_str());
    let heading = match e.mood {
        Some(m) => format!("{} · {}", time_of(e.at), m.word()),
        None => time_of(e.at),
    };
    let for_session = e.for_session;

    let r = record.clone();
    let delete = move |_| {
        let r = r.clone();
        leptos::task::spawn_local(async move {
            match store::delete(&r).await {
                Ok(deleted) => {
                    let _ = undo.0.try_set(Some(Item::Entry(deleted)));
                }
                Err(e) => {
                    let _ = failure.try_set(Some(e));
                }
            }
        });
    };
    let r = record.clone();
    let toggle_session = move |_| {
        let mut changed = r.clone();
        changed.body.for_session = !changed.body.for_session;
        leptos::task::spawn_local(async move {
            if let Err(e) = store::update(&changed).await {
                let _ = failure.try_set(Some(e));
            }
        });
    };

    let tags = e
        .emotions
        .iter()
        .map(|t| view! { <span class="chip chip--static">{t.clone()}</span> })
        .collect_view();
    let triggers = e.triggers.iter().map(|t| view! { <span class="chip chip--static chip--trigger">{format!("Trigger: {t}")}</span> }).collect_view();
    let symptoms = e
        .symptoms
        .iter()
        .map(|s| {
            let v = if crate::domain::journal::scale_of(&s.name)
                == crate::domain::journal::Scale::Hours
            {
                format!("{} {}", s.name, number(s.value))
            } else {
                format!("{} {}/10", s.name, number(s.value))
            };
            view! { <span class="chip chip--static">{v}</span> }
        })
        .collect_view();

    let item = focus_if_restored(undo, record.meta.id.as_str());
    view! {
        <li class="card entry" tabindex="-1" node_ref=item>
            <p class="entry__when">
                {e.mood.map(|m| view! { <MoodMark mood=m/> " " })}
                {heading}
            </p>
            {(!e.emotions.is_empty() || !e.triggers.is_empty() || !e.symptoms.is_empty()).then(|| view! {
                <p class="chips">{tags}{triggers}{symptoms}</p>
            })}
            {e.prompt.clone().map(|p| view! { <p class="prompt">{p}</p> })}
            {(!e.text.is_empty()).then(|| view! { <p class="entry__text">{e.text.clone()}</p> })}
            {for_session.then(|| view! { <p class="badge">"On your list for next session"</p> })}
            <StoreMessage error=failure/>
            <div class="actions">
                <A href=edit attr:class="button">"Edit"</A>
                <button type="button" class="button" aria-pressed=for_session.to_string() on:click=toggle_session>
                    "Bring to next session"
                </button>
                <button type="button" class="button" on:click=delete>"Delete"</button>
            </div>
        </li>
    }
}

/// One thought record in the list.
#[component]
pub fn ThoughtItem(record: Record<ThoughtRecord>) -> impl IntoView {
    let base = expect_context::<Base>();
    let undo = expect_context::<Undo>();
    let failure = RwSignal::new(None::<StoreError>);
    let t = record.body.clone();
    let edit = format!(
        "{}?id={}",
        base.href(Route::Thought),
        record.meta.id.as_str()
    );
    let r = record.clone();
    let delete = move |_| {
        let r = r.clone();
        leptos::task::spawn_local(async move {
            match store::delete(&r).await {
                Ok(deleted) => {
                    let _ = undo.0.try_set(Some(Item::Thought(deleted)));
                }
                Err(e) => {
                    let _ = failure.try_set(Some(e));
                }
            }
        });
    };
    let moods = t
        .moods
        .iter()
        .map(|m| {
            let text = match m.after {
                Some(a) => format!("{} {} → {}", m.name, m.before, a),
                None => format!("{} {}", m.name, m.before),
            };
            view! { <span class="chip chip--static">{text}</span> }
        })
        .collect_view();
    let item = focus_if_restored(undo, record.meta.id.as_str());
    view! {
        <li class="card entry entry--thought" tabindex="-1" node_ref=item>
            <p class="entry__when">{format!("{} · Thought record", time_of(t.at))}</p>
            {(!t.situation.is_empty()).then(|| view! { <p class="entry__text">{t.situation.clone()}</p> })}
            <p class="chips">{moods}</p>
            {t.hot_thought().map(|h| view! { <p class="entry__text"><strong>"Hot thought: "</strong>{h.text.clone()}</p> })}
            {(!t.balanced.is_empty()).then(|| view! { <p class="entry__text"><strong>"Balanced thought: "</strong>{t.balanced.clone()}</p> })}
            {t.for_session.then(|| view! { <p class="badge">"On your list for next session"</p> })}
            <StoreMessage error=failure/>
            <div class="actions">
                <A href=edit attr:class="button">"Open"</A>
                <button type="button" class="button" on:click=delete>"Delete"</button>
            </div>
        </li>
    }
}

/// The item Undo brought back takes focus once it is in the list again, so a keyboard
/// or screen-reader user is where the entry is, not where the Undo button was.
fn focus_if_restored(undo: Undo, id: &str) -> NodeRef<leptos::html::Li> {
    let item = NodeRef::<leptos::html::Li>::new();
    if undo.1.with_untracked(|r| r.as_deref() == Some(id)) {
        undo.1.set(None);
        request_animation_frame(move || {
            if let Some(el) = item.get_untracked() {
                let _ = el.focus();
            }
        });
    }
    item
}
