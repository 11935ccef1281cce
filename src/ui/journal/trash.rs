//! Recently deleted entries: kept 30 days, then gone for good.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::journal::JournalEntry;
use crate::domain::record::{Record, TRASH_DAYS};
use crate::domain::route::Route;
use crate::store::{self, StoreError};
use crate::ui::format::{day_long, time_of};
use crate::ui::widgets::{Page, StoreMessage};
use crate::ui::Base;

use super::data::records;

#[component]
pub fn TrashPage() -> impl IntoView {
    let base = expect_context::<Base>();
    let entries = records::<JournalEntry>();
    let failure = RwSignal::new(None::<StoreError>);
    let deleted = Memo::new(move |_| {
        let mut list: Vec<Record<JournalEntry>> =
            entries.get().and_then(Result::ok).unwrap_or_default().into_iter().filter(|r| r.meta.is_deleted()).collect();
        list.sort_unstable_by(|a, b| b.meta.deleted.cmp(&a.meta.deleted));
        list
    });
    view! {
        <Page title="Recently deleted">
            <p>{format!("Deleted entries stay here for {TRASH_DAYS} days, then they are gone for good.")}</p>
            <StoreMessage error=failure/>
            <Show when=move || !deleted.with(Vec::is_empty) fallback=|| view! { <p class="muted">"Nothing deleted."</p> }>
                <ul class="entry-list">
                    <For each=move || deleted.get() key=|r| (r.meta.id.clone(), r.meta.rev) let(r)>
                        {
                            let restore_r = r.clone();
                            let forget_r = r.clone();
                            let when = format!("{}, {}", day_long(crate::domain::patterns::local_day(&r.body)), time_of(r.body.at));
                            let text = if r.body.text.is_empty() { r.body.mood.map(|m| m.word().to_string()).unwrap_or_default() } else { r.body.text.clone() };
                            view! {
                                <li class="card entry">
                                    <p class="entry__when">{when}</p>
                                    <p class="entry__text">{text}</p>
                                    <div class="actions">
                                        <button type="button" class="button" on:click=move |_| {
                                            let r = restore_r.clone();
                                            leptos::task::spawn_local(async move {
                                                if let Err(e) = store::restore(&r).await { failure.set(Some(e)); }
                                            });
                                        }>"Restore"</button>
                                        <button type="button" class="button" on:click=move |_| {
                                            let id = forget_r.meta.id.clone();
                                            leptos::task::spawn_local(async move {
                                                if let Err(e) = store::remove::<JournalEntry>(&id).await { failure.set(Some(e)); }
                                            });
                                        }>"Delete for good"</button>
                                    </div>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </Show>
            <p><A href=base.href(Route::Journal)>"Back to journal"</A></p>
        </Page>
    }
}
