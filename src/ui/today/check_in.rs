//! "How are you right now?": one tap on a mood saves it as a journal entry at once.
//! Then "Saved: Okay, 14:05" with "Add more" (the entry in the full form) and Undo.
//! A save that fails says so and offers the full form with the mood already chosen,
//! so a tap is never lost.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::journal::{JournalEntry, Mood};
use crate::domain::record::Record;
use crate::domain::route::Route;
use crate::store::{self, StoreError};
use crate::ui::context::Base;
use crate::ui::format::{now_ms, offset_at, time_of};
use crate::ui::kit::Removal;
use crate::ui::widgets::{MoodMark, StoreMessage};

/// Where the last tap is.
#[derive(Clone)]
enum Tapped {
    Nothing,
    Saving(Mood),
    Saved(Record<JournalEntry>),
    Failed(Mood, StoreError),
}

#[component]
pub fn MoodCheckIn() -> impl IntoView {
    let base = expect_context::<Base>();
    let write = base.href(Route::Write);
    let state = RwSignal::new(Tapped::Nothing);
    let removal = Removal::<JournalEntry> {
        removed: RwSignal::new(None),
        failure: RwSignal::new(None),
    };
    let tap = move |mood: Mood| {
        state.set(Tapped::Saving(mood));
        removal.removed.set(None);
        removal.failure.set(None);
        leptos::task::spawn_local(async move {
            let at = now_ms();
            let entry = JournalEntry {
                at,
                offset_min: offset_at(at),
                mood: Some(mood),
                ..Default::default()
            };
            let next = match store::create(entry).await {
                Ok(saved) => Tapped::Saved(saved),
                Err(e) => Tapped::Failed(mood, e),
            };
            // The screen may be gone by now; the entry is saved either way.
            let _ = state.try_set(next);
        });
    };
    let moods = Mood::ALL
        .into_iter()
        .map(|m| {
            view! {
                <li>
                    <button type="button" class=format!("mood-button mood--{}", m.value())
                        on:click=move |_| tap(m)>
                        <MoodMark mood=m/>{m.word()}
                    </button>
                </li>
            }
        })
        .collect_view();
    let said = move || match state.get() {
        Tapped::Nothing => None,
        Tapped::Saving(m) => Some(view! { <p>{format!("Saving: {}…", m.word())}</p> }.into_any()),
        Tapped::Saved(record) => {
            if removal.removed.with(Option::is_some) {
                return Some(view! { <p>"Removed. Your journal is as it was."</p> }.into_any());
            }
            let words = format!(
                "Saved: {}, {}.",
                record.body.mood.map_or("", Mood::word),
                time_of(record.body.at)
            );
            let more = format!("{write}?id={}", record.meta.id.as_str());
            Some(
                view! {
                    <p class="check-in__saved">
                        {words}" "
                        <A href=more attr:class="button">"Add more"</A>
                        <button type="button" class="button" on:click=move |_| removal.delete(record.clone())>"Undo"</button>
                    </p>
                }
                .into_any(),
            )
        }
        Tapped::Failed(m, e) => {
            let full = format!("{write}?mood={}", m.value());
            Some(
                view! {
                    <p class="message message--problem">
                        {format!("Your check-in ({}) couldn't be saved. ", m.word())}
                        {problem(&e)}
                    </p>
                    <p><A href=full attr:class="button button--primary">"Write it in the full form"</A></p>
                }
                .into_any(),
            )
        }
    };
    view! {
        <section class="card check-in" aria-labelledby="today-mood">
            <h2 id="today-mood">"How are you right now?"</h2>
            <p class="muted">"One tap saves it to your journal."</p>
            <ul class="mood-buttons">{moods}</ul>
            <div role="status" class="check-in__status">{said}</div>
            <StoreMessage error=removal.failure/>
        </section>
    }
}

/// Why a check-in was not saved, and what still works.
fn problem(e: &StoreError) -> &'static str {
    match e {
        StoreError::QuotaExceeded => "This device is out of space for Between. The full form keeps your mood while you free some up.",
        StoreError::NewerVersion => crate::ui::widgets::NEWER_VERSION,
        _ => "You can tap again, or open the full form: your mood is chosen there already.",
    }
}
