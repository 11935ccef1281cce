//! The journal: entries grouped by day, newest first, with search and filters;
//! writing and editing (`entry_form`), thought records (`thought`), and the trash.

mod data;
mod entry_form;
mod entry_item;
mod filters;
mod recent;
mod tag_picker;
mod thought;
mod trash;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::journal::JournalEntry;
use crate::domain::patterns::{local_time, Filter};
use crate::domain::record::{Kind, Record};
use crate::domain::route::Route;
use crate::domain::thought::ThoughtRecord;
use crate::store::{self, StoreError};
use crate::ui::context::{Base, Flash, JournalCache, Shared};
use crate::ui::format::day_long;
use crate::ui::kit::{with_deleted as records, Listing, Loaded, Shown};
use crate::ui::widgets::{OpenMenu, Page, StoreMessage, UndoToast};

pub use entry_form::EntryPage;
pub use recent::BesideRecent;
pub use thought::ThoughtPage;
pub use trash::TrashPage;

use entry_item::{EntryItem, ThoughtItem};
use filters::Filters;

/// How many items are rendered at first, and added each time the end comes near.
const PAGE: usize = 20;

/// Anything that shows in the journal list.
#[derive(Clone, PartialEq)]
pub enum Item {
    Entry(Record<JournalEntry>),
    Thought(Record<ThoughtRecord>),
}

impl Item {
    fn at(&self) -> (i64, i32) {
        match self {
            Item::Entry(r) => (r.body.at, r.body.offset_min),
            Item::Thought(r) => (r.body.at, r.body.offset_min),
        }
    }

    fn day(&self) -> NaiveDate {
        let (at, off) = self.at();
        local_time(at, off).date()
    }

    fn key(&self) -> (Kind, String, u32) {
        match self {
            Item::Entry(r) => (Kind::JournalEntry, r.meta.id.0.clone(), r.meta.rev),
            Item::Thought(r) => (Kind::ThoughtRecord, r.meta.id.0.clone(), r.meta.rev),
        }
    }
}

/// Where a matching item sits in the loaded lists.
#[derive(Clone, Copy, PartialEq)]
enum Pos {
    Entry(usize),
    Thought(usize),
}

/// Undo for the last deletion, shared by the list's items: what was deleted, and the id
/// of what Undo brought back, which takes focus when it is back in the list.
#[derive(Clone, Copy)]
pub struct Undo(pub RwSignal<Option<Item>>, pub RwSignal<Option<String>>);

/// The id of an entry changed from its menu (brought to the next session or taken off
/// the list): drawn again once saved, its menu button takes focus back.
#[derive(Clone, Copy)]
pub struct Refocus(pub StoredValue<Option<String>>);

impl Refocus {
    /// Whether the item `id` should take focus; asked once, as it is drawn.
    fn take(&self, id: &str) -> bool {
        let hit = self.0.with_value(|r| r.as_deref() == Some(id));
        if hit {
            self.0.set_value(None);
        }
        hit
    }
}

#[component]
pub fn Journal() -> impl IntoView {
    let base = expect_context::<Base>();
    let flash = expect_context::<Flash>();
    // A first screen of the newest entries, found in the newest months' summaries and
    // read by id; the full list (which takes a few hundred milliseconds with years of
    // entries, and is needed for search and older pages) loads once that is on screen.
    let cache = expect_context::<JournalCache>();
    let recent = cache.newest();
    // Already loaded by another screen: use it at once. Otherwise the full list starts
    // loading only once the first screen is up.
    let full_wanted = RwSignal::new(cache.is_loaded());
    Effect::new(move |_| {
        if recent.with(Option::is_some) && !full_wanted.get_untracked() {
            set_timeout(
                move || {
                    let _ = full_wanted.try_set(true);
                },
                std::time::Duration::from_millis(16),
            );
        }
    });
    // The full list, once wanted and loaded (`None` before), read in place: never copied.
    let entries = move |f: &mut dyn FnMut(Option<&Loaded<JournalEntry>>)| {
        if full_wanted.get() {
            cache.entries().with(|o| f(o.as_ref()))
        } else {
            f(None)
        }
    };
    let thoughts = records::<ThoughtRecord>();
    let filter = RwSignal::new(Filter::default());
    let shown = RwSignal::new(PAGE);
    let undo = Undo(RwSignal::new(None), RwSignal::new(None));
    provide_context(undo);
    provide_context(Refocus(StoredValue::new(None)));
    OpenMenu::provide();
    let failure = RwSignal::new(None::<StoreError>);

    let live = Memo::new(move |_| {
        let pick = |list: &Vec<Record<JournalEntry>>| {
            Shared::new(
                list.iter()
                    .filter(|r| !r.meta.is_deleted())
                    .cloned()
                    .collect(),
            )
        };
        let mut out = None;
        entries(&mut |full| out = full.and_then(|f| f.as_ref().ok()).map(pick));
        out.or_else(|| recent.with(|r| r.as_ref().and_then(|r| r.as_ref().ok()).map(pick)))
            .unwrap_or_default()
    });
    let live_thoughts = Memo::new(move |_| {
        thoughts.with(|t| match t {
            Some(Ok(list)) => Shared::new(
                list.iter()
                    .filter(|r| !r.meta.is_deleted())
                    .cloned()
                    .collect(),
            ),
            _ => Shared::default(),
        })
    });
    let total = move || live.with(|l| l.len()) + live_thoughts.with(|l| l.len());
    // What matches, newest first, as positions in the lists above: cheap to keep and
    // compare, however long the journal.
    let matching = Memo::new(move |_| {
        let f = filter.get();
        let matches = f.matcher();
        let only_text = Filter {
            query: f.query.clone(),
            ..Filter::default()
        } == f;
        let q = f.query.trim().to_lowercase();
        let mut items: Vec<(i64, Pos)> = live.with(|l| {
            l.iter()
                .enumerate()
                .filter(|(_, r)| matches(&r.body))
                .map(|(i, r)| (r.body.at, Pos::Entry(i)))
                .collect()
        });
        // Thought records only match a plain text search; the other filters are about entries.
        if only_text {
            live_thoughts.with(|l| {
                items.extend(
                    l.iter()
                        .enumerate()
                        .filter(|(_, r)| thought_matches(&r.body, &q))
                        .map(|(i, r)| (r.body.at, Pos::Thought(i))),
                )
            });
        }
        items.sort_unstable_by_key(|i| std::cmp::Reverse(i.0));
        items.into_iter().map(|(_, p)| p).collect::<Vec<_>>()
    });
    let state = Memo::new(move |_| {
        let (mut failed, mut full_loaded) = (None, false);
        entries(&mut |e| {
            full_loaded = e.is_some();
            failed = e.and_then(|e| e.as_ref().err().cloned());
        });
        let failed = failed.or_else(|| {
            thoughts.with(|t| match t {
                Some(Err(e)) => Some(e.clone()),
                _ => None,
            })
        });
        match failed {
            Some(e) => Shown::Failed(e),
            None if total() > 0 => Shown::Ready,
            None if full_loaded && thoughts.with(Option::is_some) => Shown::Empty,
            None => Shown::Loading,
        }
    });
    // Days among the first `shown` items, newest first, and their items.
    let by_day = Memo::new(move |_| {
        let mut days: BTreeMap<NaiveDate, Vec<Item>> = BTreeMap::new();
        live.with(|entries| {
            live_thoughts.with(|thoughts| {
                matching.with(|m| {
                    for pos in m.iter().take(shown.get()) {
                        let item = match *pos {
                            Pos::Entry(i) => Item::Entry(entries[i].clone()),
                            Pos::Thought(i) => Item::Thought(thoughts[i].clone()),
                        };
                        days.entry(item.day()).or_default().push(item);
                    }
                })
            })
        });
        days
    });
    let days = Memo::new(move |_| by_day.with(|d| d.keys().rev().copied().collect::<Vec<_>>()));
    let more = move || matching.with(Vec::len) > shown.get();

    let restore = move |_: ()| {
        let Some(item) = undo.0.get_untracked() else {
            return;
        };
        let id = match &item {
            Item::Entry(r) => r.meta.id.0.clone(),
            Item::Thought(r) => r.meta.id.0.clone(),
        };
        leptos::task::spawn_local(async move {
            let result = match &item {
                Item::Entry(r) => store::restore(r).await.map(|_| ()),
                Item::Thought(r) => store::restore(r).await.map(|_| ()),
            };
            match result {
                Ok(()) => {
                    let _ = undo.0.try_set(None);
                    let _ = undo.1.try_set(Some(id));
                }
                Err(e) => {
                    let _ = failure.try_set(Some(e));
                }
            }
        });
    };

    let sentinel = NodeRef::<leptos::html::Div>::new();
    watch_end(sentinel, shown, move || {
        if more() {
            shown.update(|s| *s += PAGE);
        }
    });

    let count_text = move || {
        let n = matching.with(Vec::len);
        let f = filter.get();
        if f.is_empty() {
            match n {
                1 => "1 entry".to_string(),
                n => format!("{n} entries"),
            }
        } else {
            format!("{n} of {} match", total())
        }
    };

    view! {
        <Page title=Route::Journal.title()>
            {flash.take().map(|m| view! { <p class="message" role="status">{m}</p> })}
            <div class="actions actions--top">
                <A href=base.href(Route::Write) attr:class="button button--primary">"New entry"</A>
                <A href=base.href(Route::Thought) attr:class="button">"Thought record"</A>
                <A href=base.href(Route::Patterns) attr:class="button">"Patterns"</A>
                <A href=base.href(Route::Week) attr:class="button">"My week"</A>
                <A href=base.href(Route::CheckIns) attr:class="button">"Check-ins"</A>
            </div>
            <crate::ui::today::UnfinishedEntry/>
            <Filters filter=filter entries=live/>
            <section class="entries" aria-labelledby="entries-title">
                <div class="entries__head">
                    <h2 id="entries-title">"Your entries"</h2>
                    <p class="muted" role="status" aria-live="polite">{count_text}</p>
                </div>
                <StoreMessage error=failure/>
                <UndoToast message="Entry deleted." visible=Signal::derive(move || undo.0.with(Option::is_some))
                    on_undo=Callback::new(restore)/>
                <Listing shown=state empty=|| view! {
                    <p class="muted">"Nothing here yet. What you write stays on this device."</p>
                }>
                    <For each=move || days.get() key=|d| *d let(day)>
                            <div class="day">
                                <h3 class="day__title">{day_long(day)}</h3>
                                <ul class="entry-list">
                                    <For each=move || by_day.with(|m| m.get(&day).cloned().unwrap_or_default())
                                        key=|i| i.key() let(item)>
                                        {match item {
                                            Item::Entry(r) => view! { <EntryItem record=r/> }.into_any(),
                                            Item::Thought(r) => view! { <ThoughtItem record=r/> }.into_any(),
                                        }}
                                    </For>
                                </ul>
                            </div>
                        </For>
                </Listing>
                <div node_ref=sentinel class="entries__end">
                    <button type="button" class="button" hidden=move || !more()
                        on:click=move |_| shown.update(|s| *s += PAGE)>"Show more entries"</button>
                </div>
            </section>
            <p><A href=base.href(Route::Trash)>"Recently deleted"</A></p>
        </Page>
    }
}

/// After a form of the journal is saved: "Saved on this device." on the journal, which
/// it goes back to.
fn saved_to_journal() -> impl Fn() + 'static {
    let flash = expect_context::<Flash>();
    let journal = expect_context::<Base>().href(Route::Journal);
    let navigate = leptos_router::hooks::use_navigate();
    move || {
        flash.set("Saved on this device.");
        // Our hrefs already carry the base, so the router must not add it again.
        let options = leptos_router::NavigateOptions {
            resolve: false,
            ..Default::default()
        };
        navigate(&journal, options);
    }
}

fn thought_matches(r: &ThoughtRecord, q: &str) -> bool {
    if q.is_empty() {
        return true;
    }
    [
        &r.situation,
        &r.evidence_for,
        &r.evidence_against,
        &r.balanced,
    ]
    .into_iter()
    .chain(r.thoughts.iter().map(|t| &t.text))
    .any(|t| t.to_lowercase().contains(q))
}

/// Calls `on_near` whenever the element comes near the viewport (loading more as
/// the person scrolls).
fn watch_end(
    target: NodeRef<leptos::html::Div>,
    shown: RwSignal<usize>,
    on_near: impl Fn() + 'static,
) {
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let near = entries.iter().any(|e| {
            e.unchecked_into::<web_sys::IntersectionObserverEntry>()
                .is_intersecting()
        });
        if near {
            on_near();
        }
    });
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin("600px");
    let Ok(observer) = web_sys::IntersectionObserver::new_with_options(
        callback.as_ref().unchecked_ref(),
        &options,
    ) else {
        return;
    };
    // Both go with the screen: the observer stops watching, and the callback is freed.
    let parts = send_wrapper::SendWrapper::new((observer.clone(), callback));
    on_cleanup(move || parts.0.disconnect());
    // Observing again after each page reports the sentinel's state afresh, so a
    // sentinel still in view loads the next page too.
    Effect::new(move |_| {
        shown.track();
        if let Some(el) = target.get() {
            observer.unobserve(&el);
            observer.observe(&el);
        }
    });
}
