//! Recently deleted entries and thought records: kept 30 days, then gone for good.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::record::{Body, Meta, Record, TRASH_DAYS};
use crate::domain::route::Route;
use crate::domain::thought::ThoughtRecord;
use crate::store::{self, StoreError};
use crate::ui::context::Base;
use crate::ui::format::{day_long, local_date, time_of};
use crate::ui::widgets::{Page, StoreMessage};

use crate::ui::context::journal_picked;
use crate::ui::kit::{with_deleted as records, Listing, Shown};

/// One deleted record as the trash shows it, with what restoring and deleting do.
#[derive(Clone)]
struct Deleted {
    meta: Meta,
    at: i64,
    text: String,
    restore: Callback<()>,
    forget: Callback<()>,
}

fn deleted<T: Body + Send + Sync>(
    r: &Record<T>,
    at: i64,
    text: String,
    failure: RwSignal<Option<StoreError>>,
) -> Deleted {
    let restore_r = r.clone();
    let id = r.meta.id.clone();
    Deleted {
        meta: r.meta.clone(),
        at,
        text,
        restore: Callback::new(move |_| {
            let r = restore_r.clone();
            leptos::task::spawn_local(async move {
                if let Err(e) = store::restore(&r).await {
                    {
                        let _ = failure.try_set(Some(e));
                    };
                }
            });
        }),
        forget: Callback::new(move |_| {
            let id = id.clone();
            leptos::task::spawn_local(async move {
                if let Err(e) = store::remove::<T>(&id).await {
                    {
                        let _ = failure.try_set(Some(e));
                    };
                }
            });
        }),
    }
}

#[component]
pub fn TrashPage() -> impl IntoView {
    let base = expect_context::<Base>();
    // Only the deleted entries are read in full.
    let entries = journal_picked(|r| r.meta.is_deleted());
    let thoughts = records::<ThoughtRecord>();
    let failure = RwSignal::new(None::<StoreError>);
    let list = move || {
        let mut all: Vec<Deleted> = Vec::new();
        entries.with(|e| {
            for r in e.iter().flatten().flatten().filter(|r| r.meta.is_deleted()) {
                let text = r.body.gist();
                all.push(deleted(r, r.body.at, text, failure));
            }
        });
        thoughts.with(|t| {
            for r in t.iter().flatten().flatten().filter(|r| r.meta.is_deleted()) {
                all.push(deleted(
                    r,
                    r.body.at,
                    format!("Thought record: {}", r.body.situation),
                    failure,
                ));
            }
        });
        all.sort_unstable_by_key(|d| std::cmp::Reverse(d.meta.deleted));
        all
    };
    let shown = Memo::new(move |_| {
        let parts = [
            entries.with(|e| Shown::of(e.as_ref())),
            thoughts.with(|t| Shown::of(t.as_ref())),
        ];
        let any = entries.with(|e| e.iter().flatten().flatten().any(|r| r.meta.is_deleted()))
            || thoughts.with(|t| t.iter().flatten().flatten().any(|r| r.meta.is_deleted()));
        Shown::combine(&parts, any)
    });
    view! {
        <Page title="Recently deleted">
            <p>{format!("Deleted entries stay here for {TRASH_DAYS} days, then they are gone for good.")}</p>
            <StoreMessage error=failure/>
            <Listing shown=shown empty=|| view! { <p class="muted">"Nothing deleted."</p> }>{move || {
                let items = list();
                view! {
                    <ul class="entry-list">
                        {items.into_iter().map(|d| {
                            let when = format!("{}, {}", day_long(local_date(d.at)), time_of(d.at));
                            view! {
                                <li class="card entry">
                                    <p class="entry__when">{when}</p>
                                    <p class="entry__text entry__text--clamp">{d.text}</p>
                                    <div class="actions">
                                        <button type="button" class="button" on:click=move |_| d.restore.run(())>"Restore"</button>
                                        <button type="button" class="button" on:click=move |_| d.forget.run(())>"Delete for good"</button>
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
            }}</Listing>
            <p><A href=base.href(Route::Journal)>"Back to journal"</A></p>
        </Page>
    }
}
