//! Adding to the list of things to bring up next session, from wherever a topic
//! arises: `AgendaField` (a line of free text and "Add", on Sessions and Today; what is
//! typed is kept as a draft) and `BringToSession` (one button that adds a given topic,
//! e.g. from a coping card).

use leptos::prelude::*;

use crate::domain::agenda::{topic_text, AgendaDraft, AgendaItem, NEW_TOPIC_DRAFT};
use crate::domain::record::{Kind, RecordId};
use crate::store::{self, StoreError};
use crate::ui::kit::Draft;
use crate::ui::widgets::StoreMessage;

/// A field and "Add": the topic joins the end of the list.
#[component]
pub fn AgendaField(
    /// The field's visible label.
    #[prop(into)]
    label: String,
    /// The field's id (unique on its screen).
    id: &'static str,
) -> impl IntoView {
    let form = RwSignal::new(AgendaDraft::default());
    let draft = Draft::new(RecordId(NEW_TOPIC_DRAFT.into()), form);
    leptos::task::spawn_local(async move { draft.open().await });
    let added = RwSignal::new(false);
    let empty = RwSignal::new(false);
    let failure = RwSignal::new(None::<StoreError>);
    let input = NodeRef::<leptos::html::Input>::new();
    let add = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let Some(text) = topic_text(&form.get_untracked().text) else {
            empty.set(true);
            added.set(false);
            return;
        };
        empty.set(false);
        draft.saving();
        leptos::task::spawn_local(async move {
            match store::create(AgendaItem::new(text, None)).await {
                Ok(_) => {
                    let _ = form.try_set(AgendaDraft::default());
                    let _ = added.try_set(true);
                    let _ = failure.try_set(None);
                    draft.discard();
                    if let Some(i) = input.try_get_untracked().flatten() {
                        let _ = i.focus();
                    }
                }
                Err(e) => {
                    draft.keep_now();
                    let _ = failure.try_set(Some(e));
                }
            }
        });
    };
    let hint = format!("{id}-hint");
    view! {
        <form class="agenda-add field" on:submit=add>
            <label class="field__label" for=id>{label}</label>
            <div class="agenda-add__row">
                <input id=id type="text" class="field__input" node_ref=input maxlength="1000" autocomplete="off"
                    aria-describedby=hint.clone()
                    prop:value=move || form.with(|f| f.text.clone())
                    on:input=move |ev| {
                        added.set(false);
                        form.update(|f| f.text = event_target_value(&ev));
                    }/>
                <button type="submit" class="button">"Add"</button>
            </div>
            <p id=hint class="agenda-add__status" role="status">
                {move || if empty.get() {
                    "Write a few words first."
                } else if added.get() {
                    "Added to your list for next session."
                } else {
                    ""
                }}
            </p>
            <StoreMessage error=failure/>
        </form>
    }
}

/// "Bring to next session": adds `text` (from `source`) to the list in one tap.
#[component]
pub fn BringToSession(
    /// The topic, as it will read in the list.
    #[prop(into)]
    text: Signal<String>,
    /// Where it came from.
    #[prop(into)]
    source: Signal<Option<(Kind, RecordId)>>,
) -> impl IntoView {
    let added = RwSignal::new(false);
    let failure = RwSignal::new(None::<StoreError>);
    // Another card (or thing) shown in the same place can be added again.
    Effect::new(move |_| {
        source.track();
        added.set(false);
    });
    let add = move |_| {
        let Some(t) = topic_text(&text.get_untracked()) else {
            return;
        };
        let item = AgendaItem::new(t, source.get_untracked());
        leptos::task::spawn_local(async move {
            match store::create(item).await {
                Ok(_) => {
                    let _ = added.try_set(true);
                }
                Err(e) => {
                    let _ = failure.try_set(Some(e));
                }
            }
        });
    };
    view! {
        <div class="bring-to-session">
            <Show when=move || !added.get()
                fallback=|| view! { <p class="message" role="status">"Added to your list for next session."</p> }>
                <button type="button" class="button" on:click=add>"Bring to next session"</button>
            </Show>
            <StoreMessage error=failure/>
        </div>
    }
}
