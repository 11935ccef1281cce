use leptos::prelude::*;

use crate::domain::journal::{EntryError, JournalEntry, MAX_TEXT_CHARS};
use crate::store::{self, StoreError};
use crate::ui::widgets::StoreMessage;

/// Plain words for an entry that cannot be saved as it is.
pub fn entry_problem(e: &EntryError) -> String {
    match e {
        EntryError::Empty => "Write something first: the entry is empty.".into(),
        EntryError::TooLong => format!("That's longer than {MAX_TEXT_CHARS} characters. Please shorten it or split it into two entries."),
    }
}

/// "What's on your mind?": a new entry. What was typed stays until it is saved.
#[component]
pub fn EntryForm() -> impl IntoView {
    let text = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<StoreError>);
    let saved = RwSignal::new(false);
    let saving = RwSignal::new(false);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        saved.set(false);
        let entry = match JournalEntry::new(js_sys::Date::now() as i64, &text.get_untracked()) {
            Ok(entry) => entry,
            Err(e) => {
                problem.set(Some(entry_problem(&e)));
                return;
            }
        };
        problem.set(None);
        saving.set(true);
        leptos::task::spawn_local(async move {
            match store::create(entry).await {
                Ok(_) => {
                    failure.set(None);
                    text.set(String::new());
                    saved.set(true);
                }
                Err(e) => failure.set(Some(e)),
            }
            saving.set(false);
        });
    };

    view! {
        <form class="card entry-form" on:submit=save>
            <label class="field__label" for="entry-text">"What's on your mind?"</label>
            <textarea
                id="entry-text"
                class="field__input"
                rows="5"
                maxlength=MAX_TEXT_CHARS.to_string()
                bind:value=text
                on:input=move |_| saved.set(false)
            ></textarea>
            {move || problem.get().map(|p| view! { <p class="message message--problem" role="alert">{p}</p> })}
            <StoreMessage error=failure/>
            <div class="actions">
                <button type="submit" class="button button--primary" disabled=move || saving.get()>"Save entry"</button>
                <p class="status" role="status">{move || if saved.get() { "Saved on this device." } else { "" }}</p>
            </div>
        </form>
    }
}
