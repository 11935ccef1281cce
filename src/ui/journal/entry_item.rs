use leptos::prelude::*;

use crate::domain::journal::JournalEntry;
use crate::domain::record::Record;
use crate::domain::route::Route;
use crate::domain::thought::ThoughtRecord;
use crate::store::{self, StoreError};
use crate::ui::context::Base;
use crate::ui::format::{number, time_of};
use crate::ui::widgets::{ActionMenu, MenuItem, MoodMark, StoreMessage};

use super::{Item, Refocus, Undo};

/// Text longer than this (in characters, or lines) shows its first lines, with
/// "Show all" for the rest. Decided from the text, not by measuring the page, so a long
/// list costs no layout work; shorter text always shows whole.
const LONG_CHARS: usize = 280;
const LONG_LINES: usize = 4;

fn is_long(text: &str) -> bool {
    text.lines().count() > LONG_LINES || text.chars().count() > LONG_CHARS
}

/// One journal entry in the list: when, the mood (mark and word), emotions and the
/// text first; triggers and symptoms in one quiet line; its actions behind one menu.
#[component]
pub fn EntryItem(record: Record<JournalEntry>) -> impl IntoView {
    let base = expect_context::<Base>();
    let undo = expect_context::<Undo>();
    let refocus = expect_context::<Refocus>();
    let failure = RwSignal::new(None::<StoreError>);
    let e = record.body.clone();
    let id = record.meta.id.as_str().to_string();
    let edit = format!("{}?id={}", base.href(Route::Write), id);
    let time = time_of(e.at);
    let for_session = e.for_session;

    let r = record.clone();
    let delete = move || {
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
    let toggle_session = move || {
        let mut changed = r.clone();
        changed.body.for_session = !changed.body.for_session;
        // The entry is drawn again once saved; its menu button takes focus back.
        refocus.0.set_value(Some(changed.meta.id.0.clone()));
        leptos::task::spawn_local(async move {
            if let Err(e) = store::update(&changed).await {
                refocus.0.try_set_value(None);
                let _ = failure.try_set(Some(e));
            }
        });
    };

    let emotions = e
        .emotions
        .iter()
        .map(|t| view! { <span class="chip chip--static">{t.clone()}</span> })
        .collect_view();
    // Triggers and symptoms, compactly: "Trigger: Work · Anxiety 7/10".
    let details = e
        .triggers
        .iter()
        .map(|t| format!("Trigger: {t}"))
        .chain(e.symptoms.iter().map(|s| {
            if crate::domain::journal::scale_of(&s.name) == crate::domain::journal::Scale::Hours {
                format!("{} {}", s.name, number(s.value))
            } else {
                format!("{} {}/10", s.name, number(s.value))
            }
        }))
        .collect::<Vec<_>>();
    let details = (!details.is_empty()).then(|| {
        let n = details.len();
        let parts = details
            .into_iter()
            .enumerate()
            .map(|(i, d)| view! { <span>{d}</span>{(i + 1 < n).then_some(" · ")} })
            .collect_view();
        view! { <p class="entry__details">{parts}</p> }
    });

    let text = (!e.text.is_empty()).then(|| {
        let text_id = format!("entry-text-{id}");
        if is_long(&e.text) {
            let all = RwSignal::new(false);
            view! {
                <p class="entry__text" class:entry__text--clamp=move || !all.get() id=text_id.clone()>{e.text.clone()}</p>
                <button type="button" class="link-button" aria-controls=text_id
                    aria-expanded=move || all.get().to_string()
                    on:click=move |_| all.update(|a| *a = !*a)>
                    {move || if all.get() { "Show less" } else { "Show all" }}
                </button>
            }
            .into_any()
        } else {
            view! { <p class="entry__text">{e.text.clone()}</p> }.into_any()
        }
    });

    let mut items = vec![MenuItem::link("Edit", edit)];
    items.push(if for_session {
        MenuItem::action("Take off my next-session list", toggle_session)
    } else {
        MenuItem::action("Bring to next session", toggle_session)
    });
    items.push(MenuItem::action("Delete", delete));
    let focus_menu = refocus.take(&id);

    let item = focus_if_restored(undo, &id);
    view! {
        <li class="card entry" tabindex="-1" node_ref=item>
            <div class="entry__head">
                <p class="entry__when">
                    {e.mood.map(|m| view! { <MoodMark mood=m/> })}
                    {time.clone()}
                    {e.mood.map(|m| view! { " · " <span class="entry__mood">{m.word()}</span> })}
                </p>
                <ActionMenu label=format!("Actions for the entry of {time}") items=items focus=focus_menu/>
            </div>
            {(!e.emotions.is_empty()).then(|| view! { <p class="chips">{emotions}</p> })}
            {e.prompt.clone().map(|p| view! { <p class="prompt">{p}</p> })}
            {text}
            {details}
            {for_session.then(|| view! { <p class="badge">"On your list for next session"</p> })}
            <StoreMessage error=failure/>
        </li>
    }
}

/// One thought record in the list; Open, Bring to next session and Delete behind one menu.
#[component]
pub fn ThoughtItem(record: Record<ThoughtRecord>) -> impl IntoView {
    let base = expect_context::<Base>();
    let undo = expect_context::<Undo>();
    let refocus = expect_context::<Refocus>();
    let failure = RwSignal::new(None::<StoreError>);
    let t = record.body.clone();
    let id = record.meta.id.as_str().to_string();
    let open = format!("{}?id={}", base.href(Route::Thought), id);
    let time = time_of(t.at);
    let r = record.clone();
    let delete = move || {
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
    let r = record.clone();
    let toggle_session = move || {
        let mut changed = r.clone();
        changed.body.for_session = !changed.body.for_session;
        // The record is drawn again once saved; its menu button takes focus back.
        refocus.0.set_value(Some(changed.meta.id.0.clone()));
        leptos::task::spawn_local(async move {
            if let Err(e) = store::update(&changed).await {
                refocus.0.try_set_value(None);
                let _ = failure.try_set(Some(e));
            }
        });
    };
    let items = vec![
        MenuItem::link("Open", open),
        if t.for_session {
            MenuItem::action("Take off my next-session list", toggle_session)
        } else {
            MenuItem::action("Bring to next session", toggle_session)
        },
        MenuItem::action("Delete", delete),
    ];
    let focus_menu = refocus.take(&id);
    let item = focus_if_restored(undo, &id);
    view! {
        <li class="card entry entry--thought" tabindex="-1" node_ref=item>
            <div class="entry__head">
                <p class="entry__when">{format!("{time} · Thought record")}</p>
                <ActionMenu label=format!("Actions for the thought record of {time}") items=items focus=focus_menu/>
            </div>
            {(!t.situation.is_empty()).then(|| view! { <p class="entry__text">{t.situation.clone()}</p> })}
            <p class="chips">{moods}</p>
            {t.hot_thought().map(|h| view! { <p class="entry__text"><strong>"Hot thought: "</strong>{h.text.clone()}</p> })}
            {(!t.balanced.is_empty()).then(|| view! { <p class="entry__text"><strong>"Balanced thought: "</strong>{t.balanced.clone()}</p> })}
            {t.for_session.then(|| view! { <p class="badge">"On your list for next session"</p> })}
            <StoreMessage error=failure/>
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
