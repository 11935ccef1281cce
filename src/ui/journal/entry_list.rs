use leptos::prelude::*;

use crate::domain::journal::JournalEntry;
use crate::domain::record::{Record, RecordId};
use crate::store::{self, StoreError};
use crate::ui::widgets::StoreMessage;
use crate::ui::DataVersion;

use super::entry_form::entry_problem;

#[derive(Clone, PartialEq)]
enum ListState {
    Loading,
    Failed(StoreError),
    Empty,
    Entries,
}

/// Entries newest first, each editable and deletable with undo.
#[component]
pub fn EntryList() -> impl IntoView {
    let version = expect_context::<DataVersion>().0;
    let entries = LocalResource::new(move || {
        version.track();
        async move {
            let mut all = store::list::<JournalEntry>().await?;
            all.retain(|r| !r.meta.is_deleted());
            all.sort_by(|a, b| b.body.at.cmp(&a.body.at).then(b.meta.created.cmp(&a.meta.created)));
            Ok::<_, StoreError>(all)
        }
    });
    // Items are keyed by id, so a change from another tab updates an item in place
    // and never throws away an edit in progress.
    let list = Memo::new(move |_| entries.get().and_then(Result::ok).unwrap_or_default());
    // What to show changes far less often than the list: rebuilding only on a change
    // of state keeps the keyed items (and any edit in progress) alive.
    let state = Memo::new(move |_| match entries.get() {
        None => ListState::Loading,
        Some(Err(e)) => ListState::Failed(e),
        Some(Ok(all)) if all.is_empty() => ListState::Empty,
        Some(Ok(_)) => ListState::Entries,
    });
    let undo = RwSignal::new(None::<Record<JournalEntry>>);
    let failure = RwSignal::new(None::<StoreError>);

    let on_deleted = Callback::new(move |r: Record<JournalEntry>| undo.set(Some(r)));
    let restore = move |_| {
        if let Some(r) = undo.get_untracked() {
            leptos::task::spawn_local(async move {
                match store::restore(&r).await {
                    Ok(_) => undo.set(None),
                    Err(e) => failure.set(Some(e)),
                }
            });
        }
    };

    view! {
        <section class="entries" aria-labelledby="entries-title">
            <h2 id="entries-title">"Your entries"</h2>
            <StoreMessage error=failure/>
            {move || undo.get().map(|_| view! {
                <div class="toast" role="status">
                    <span>"Entry deleted."</span>
                    <button type="button" class="button" on:click=restore>"Undo"</button>
                </div>
            })}
            {move || match state.get() {
                ListState::Loading => view! { <p class="muted">"Loading…"</p> }.into_any(),
                ListState::Failed(e) => view! { <StoreMessage error=Signal::derive(move || Some(e.clone()))/> }.into_any(),
                ListState::Empty => view! {
                    <p class="muted">"Nothing here yet. What you write stays on this device."</p>
                }.into_any(),
                ListState::Entries => view! {
                    <ul class="entry-list">
                        <For each=move || list.get() key=|r| r.meta.id.clone() let(r)>
                            <EntryItem id=r.meta.id list=list on_deleted=on_deleted/>
                        </For>
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}

fn when(at: i64) -> String {
    let date = js_sys::Date::new(&(at as f64).into());
    let options = js_sys::Object::new();
    for (k, v) in [("weekday", "long"), ("day", "numeric"), ("month", "long"), ("hour", "numeric"), ("minute", "2-digit")] {
        let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
    }
    date.to_locale_string("default", &options).into()
}

#[component]
fn EntryItem(
    id: RecordId,
    list: Memo<Vec<Record<JournalEntry>>>,
    on_deleted: Callback<Record<JournalEntry>>,
) -> impl IntoView {
    let dom_id = format!("edit-{}", id.as_str());
    let record = Memo::new(move |_| list.get().into_iter().find(|r| r.meta.id == id));
    // The version an edit started from: saving checks it is still the stored one.
    let base = RwSignal::new(None::<Record<JournalEntry>>);
    let draft = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<StoreError>);
    let text = move || record.get().map(|r| r.body.text).unwrap_or_default();

    let start_edit = move |_| {
        let current = record.get_untracked();
        draft.set(current.as_ref().map(|r| r.body.text.clone()).unwrap_or_default());
        failure.set(None);
        base.set(current);
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(current) = base.get_untracked() else { return };
        let entry = match JournalEntry::new(current.body.at, &draft.get_untracked()) {
            Ok(e) => e,
            Err(e) => return problem.set(Some(entry_problem(&e))),
        };
        problem.set(None);
        let changed = Record { meta: current.meta.clone(), body: entry };
        leptos::task::spawn_local(async move {
            match store::update(&changed).await {
                Ok(_) => {
                    failure.set(None);
                    base.set(None);
                }
                Err(e) => {
                    // Another tab saved first: edit on top of its version from now on;
                    // the person's text stays in the box.
                    if matches!(e, StoreError::Conflict { .. }) {
                        if let Ok(Some(newer)) = store::get::<JournalEntry>(&current.meta.id).await {
                            base.set(Some(newer));
                        }
                    }
                    failure.set(Some(e));
                }
            }
        });
    };
    let delete = move |_| {
        let Some(current) = record.get_untracked() else { return };
        leptos::task::spawn_local(async move {
            match store::delete(&current).await {
                Ok(deleted) => on_deleted.run(deleted),
                Err(e) => failure.set(Some(e)),
            }
        });
    };

    view! {
        <li class="card entry">
            <p class="entry__when">{move || record.get().map(|r| when(r.body.at))}</p>
            <Show
                when=move || base.get().is_some()
                fallback=move || view! {
                    <p class="entry__text">{text}</p>
                    <StoreMessage error=failure/>
                    <div class="actions">
                        <button type="button" class="button" on:click=start_edit>"Edit"</button>
                        <button type="button" class="button" on:click=delete>"Delete"</button>
                    </div>
                }
            >
                <form on:submit=save>
                    <label class="field__label" for=dom_id.clone()>"Edit entry"</label>
                    <textarea id=dom_id.clone() class="field__input" rows="5" bind:value=draft></textarea>
                    {move || problem.get().map(|p| view! { <p class="message message--problem" role="alert">{p}</p> })}
                    <StoreMessage error=failure/>
                    {move || failure.get().is_some().then(|| view! {
                        <div class="entry__stored">
                            <p class="field__label">"Saved version"</p>
                            <p class="entry__text">{text}</p>
                        </div>
                    })}
                    <div class="actions">
                        <button type="submit" class="button button--primary">"Save changes"</button>
                        <button type="button" class="button" on:click=move |_| base.set(None)>"Cancel"</button>
                    </div>
                </form>
            </Show>
        </li>
    }
}
