//! "To bring up next time": topics written here or added from Today, a coping card or a
//! check-in, and journal entries and thought records marked "Bring to next session",
//! in one list in the person's order (see `domain::agenda` for how it is kept).
//! Each topic has one menu: Move up, Move down, Most important, Talked about it, Remove.
//! Topics can also be dragged by their grip, with a mouse or a finger. What was talked about
//! stays browsable, folded away.

use leptos::ev::PointerEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::agenda::{carried_over, moved, order, AgendaItem, Place};
use crate::domain::appointment::{last_session, Appointment};
use crate::domain::patterns::local_time;
use crate::domain::record::{Kind, Record, RecordId};
use crate::domain::route::Route;
use crate::domain::sensitive::is_sensitive;
use crate::domain::thought::ThoughtRecord;
use crate::store::{self, StoreError};
use crate::ui::context::{journal_picked, Base};
use crate::ui::format::{day_long, local_now, now_ms, offset_at, time_of};
use crate::ui::kit::{live, with_deleted as records, Listing, Shown};
use crate::ui::widgets::{
    ActionMenu, AgendaField, MenuItem, OpenMenu, Sensitive, StoreMessage, UndoToast,
};

/// One topic of the list, whatever it came from.
#[derive(Clone, PartialEq)]
struct Topic {
    /// Stable across reloads: the item's id, or the flagged entry's.
    key: String,
    text: String,
    sensitive: bool,
    /// A flagged entry: when it was written, and where to open it.
    entry: Option<(Kind, RecordId, String, String)>,
    /// The topic's own item, or the one keeping a flagged entry's place.
    item: Option<Record<AgendaItem>>,
    place: Place,
    done: bool,
    done_at: i64,
}

impl Topic {
    /// The agenda item to write for this topic, changed by `change`.
    fn changed(&self, change: impl Fn(&mut AgendaItem)) -> Change {
        match (&self.item, &self.entry) {
            (Some(r), _) => {
                let mut r = r.clone();
                change(&mut r.body);
                Change::Update(r)
            }
            (None, Some((kind, id, _, _))) => {
                let mut body = AgendaItem::new(self.text.clone(), Some((*kind, id.clone())));
                change(&mut body);
                Change::Create(body)
            }
            (None, None) => Change::Nothing,
        }
    }
}

enum Change {
    Update(Record<AgendaItem>),
    Create(AgendaItem),
    Nothing,
}

async fn write(changes: Vec<Change>) -> Result<(), StoreError> {
    for c in changes {
        match c {
            Change::Update(r) => {
                store::update(&r).await?;
            }
            Change::Create(b) => {
                store::create(b).await?;
            }
            Change::Nothing => {}
        }
    }
    Ok(())
}

/// A short name for a topic in an accessible name.
fn short(text: &str) -> String {
    let t: String = text.chars().take(60).collect();
    if t.chars().count() < text.chars().count() {
        format!("{t}…")
    } else {
        t
    }
}

#[component]
pub fn Agenda() -> impl IntoView {
    OpenMenu::provide();
    let base = expect_context::<Base>();
    let agenda = records::<AgendaItem>();
    // Only the flagged entries are read in full (their text is shown).
    let entries = journal_picked(|r| !r.meta.is_deleted() && r.body.for_session);
    let thoughts = records::<ThoughtRecord>();
    let appointments = live::<Appointment>();
    let failure = RwSignal::new(None::<StoreError>);
    let removed = RwSignal::new(None::<Record<AgendaItem>>);
    // The topic just moved: its menu button takes focus once the list is drawn again.
    let focus_key = RwSignal::new(None::<String>);
    // A drag by a topic's grip (mouse, pen or touch): where it started and where the
    // pointer is now (both positions in the shown list).
    let dragged = RwSignal::new(None::<usize>);
    let over = RwSignal::new(None::<usize>);

    let topics = Memo::new(move |_| {
        let items: Vec<Record<AgendaItem>> = agenda
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .filter(|r| !r.meta.is_deleted())
            .collect();
        let pointer = |kind: Kind, id: &RecordId| {
            items
                .iter()
                .find(|r| r.body.source.as_ref() == Some(&(kind, id.clone())))
                .cloned()
        };
        let mut list: Vec<Topic> = items
            .iter()
            .filter(|r| !r.body.points_at_entry())
            .map(|r| Topic {
                key: r.meta.id.as_str().to_string(),
                text: r.body.text.clone(),
                sensitive: is_sensitive(&r.body.text)
                    || matches!(r.body.source, Some((Kind::CheckIn, _))),
                entry: None,
                item: Some(r.clone()),
                place: Place {
                    rank: r.body.rank,
                    important: r.body.important,
                    added: r.meta.created,
                },
                done: r.body.done,
                done_at: r.body.done_at.unwrap_or(r.meta.updated),
            })
            .collect();
        // (kind, id, when it was written down, when it happened, where to open it, gist)
        let mut flagged: Vec<(Kind, RecordId, i64, i64, String, String)> = entries
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .filter(|r| !r.meta.is_deleted() && r.body.for_session)
            .map(|r| {
                (
                    Kind::JournalEntry,
                    r.meta.id.clone(),
                    r.meta.created,
                    r.body.at,
                    format!("{}?id={}", base.href(Route::Write), r.meta.id.as_str()),
                    r.body.gist(),
                )
            })
            .collect();
        flagged.extend(
            thoughts
                .get()
                .and_then(Result::ok)
                .unwrap_or_default()
                .into_iter()
                .filter(|r| !r.meta.is_deleted() && r.body.for_session)
                .map(|r| {
                    (
                        Kind::ThoughtRecord,
                        r.meta.id.clone(),
                        r.meta.created,
                        r.body.at,
                        format!("{}?id={}", base.href(Route::Thought), r.meta.id.as_str()),
                        format!("Thought record: {}", r.body.situation),
                    )
                }),
        );
        for (kind, id, added, at, href, text) in flagged {
            let item = pointer(kind, &id);
            let when = format!(
                "{}, {}",
                day_long(crate::ui::format::local_date(at)),
                time_of(at)
            );
            list.push(Topic {
                key: id.as_str().to_string(),
                sensitive: is_sensitive(&text),
                place: Place {
                    rank: item.as_ref().and_then(|r| r.body.rank),
                    important: item.as_ref().is_some_and(|r| r.body.important),
                    added,
                },
                done: item.as_ref().is_some_and(|r| r.body.done),
                done_at: item
                    .as_ref()
                    .map(|r| r.body.done_at.unwrap_or(r.meta.updated))
                    .unwrap_or(added),
                text,
                entry: Some((kind, id, when, href)),
                item,
            });
        }
        list
    });
    let open_topics = Memo::new(move |_| {
        let all: Vec<Topic> = topics.get().into_iter().filter(|t| !t.done).collect();
        let places: Vec<Place> = all.iter().map(|t| t.place.clone()).collect();
        order(&places)
            .into_iter()
            .map(|i| all[i].clone())
            .collect::<Vec<_>>()
    });
    let last = Memo::new(move |_| {
        let list = appointments.get().and_then(Result::ok).unwrap_or_default();
        last_session(list.iter().map(|r| &r.body), local_now())
    });

    let run = move |changes: Vec<Change>| {
        leptos::task::spawn_local(async move {
            let result = write(changes).await;
            let _ = failure.try_set(result.err());
        });
    };
    // Moves the topic shown at `from` to `to`; every topic whose place changes is written.
    let move_topic = move |from: usize, to: usize| {
        let list = open_topics.get_untracked();
        let Some(ranks) = moved(list.len(), from, to) else {
            return;
        };
        // Most important topics stay first; a move among them or among the rest is what
        // the person sees, so ranks follow the shown order.
        let changes = list
            .iter()
            .zip(ranks)
            .filter(|(t, r)| t.place.rank != Some(*r))
            .map(|(t, r)| t.changed(|b| b.rank = Some(r)))
            .collect();
        focus_key.set(Some(list[from].key.clone()));
        set_timeout(
            move || {
                let _ = focus_key.try_set(None);
            },
            std::time::Duration::from_millis(1500),
        );
        run(changes);
    };

    let open_view = move || {
        let list = open_topics.get();
        let n = list.len();
        let last = last.get();
        let focus = focus_key.get_untracked();
        let list_important: Vec<bool> = list.iter().map(|t| t.place.important).collect();
        list.into_iter()
            .enumerate()
            .map(|(i, t)| {
                let name = short(&t.text);
                let mut items = Vec::new();
                // Most important topics stay first: a move only within their group shows.
                let important = t.place.important;
                let can_up = i > 0 && (important || !list_important[i - 1]);
                let can_down = i + 1 < n && (!important || list_important[i + 1]);
                let groups = list_important.clone();
                if can_up {
                    items.push(MenuItem::action("Move up", move || move_topic(i, i - 1)));
                }
                if can_down {
                    items.push(MenuItem::action("Move down", move || move_topic(i, i + 1)));
                }
                let star = t.clone();
                items.push(MenuItem::action(
                    if important {
                        "Not most important"
                    } else {
                        "Most important"
                    },
                    move || run(vec![star.changed(|b| b.important = !important)]),
                ));
                let talked = t.clone();
                items.push(MenuItem::action("Talked about it", move || {
                    let at = now_ms();
                    run(vec![talked.changed(|b| {
                        b.done = true;
                        b.done_at = Some(at);
                    })])
                }));
                if let Some((_, _, _, href)) = &t.entry {
                    items.push(MenuItem::link("Open", href.clone()));
                } else if let Some(r) = t.item.clone() {
                    items.push(MenuItem::action("Remove", move || {
                        let r = r.clone();
                        leptos::task::spawn_local(async move {
                            match store::delete(&r).await {
                                Ok(d) => {
                                    let _ = removed.try_set(Some(d));
                                }
                                Err(e) => {
                                    let _ = failure.try_set(Some(e));
                                }
                            }
                        });
                    }));
                }
                let added_local = local_time(t.place.added, offset_at(t.place.added));
                let carried = carried_over(added_local, last);
                let focus_me = focus.as_deref() == Some(t.key.as_str());
                let when = t.entry.as_ref().map(|(_, _, w, _)| w.clone());
                let class = if t.entry.is_some() {
                    "entry__text entry__text--clamp"
                } else {
                    ""
                };
                view! {
                    <li class="card agenda-item" class:agenda-item--important=important
                        data-place=i
                        class:agenda-item--dragging=move || dragged.get() == Some(i)
                        class:agenda-item--drop=move || over.get() == Some(i) && dragged.get().is_some_and(|f| f != i)>
                        // Pointer events rather than HTML drag and drop, which touch screens
                        // do not fire. Keyboard and screen reader users move a topic from its
                        // menu, so the grip itself is hidden from them.
                        <span class="agenda-item__grip" aria-hidden="true"
                            on:pointerdown=move |e: PointerEvent| {
                                if !e.is_primary() || e.button() > 0 {
                                    return;
                                }
                                e.prevent_default();
                                if let Some(grip) = e.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                                    let _ = grip.set_pointer_capture(e.pointer_id());
                                }
                                dragged.set(Some(i));
                                over.set(Some(i));
                            }
                            on:pointermove=move |e: PointerEvent| {
                                if dragged.get_untracked().is_some() {
                                    let at = place_at(e.client_x(), e.client_y());
                                    if at.is_some() && at != over.get_untracked() {
                                        over.set(at);
                                    }
                                }
                            }
                            on:pointerup=move |e: PointerEvent| {
                                let from = dragged.get_untracked();
                                dragged.set(None);
                                over.set(None);
                                if let (Some(from), Some(to)) = (from, place_at(e.client_x(), e.client_y())) {
                                    // Within its group (most important, or the rest) only.
                                    if from != to && groups.get(from) == groups.get(to) {
                                        move_topic(from, to);
                                    }
                                }
                            }
                            on:pointercancel=move |_| {
                                dragged.set(None);
                                over.set(None);
                            }>
                            "⋮⋮"
                        </span>
                        <div class="agenda-item__body">
                            {important.then(|| view! {
                                <p class="agenda-item__star"><span aria-hidden="true">"★"</span>" "<span>"Most important"</span></p>
                            })}
                            {carried.then(|| view! {
                                <p class="badge">"Carried over from your last session"</p>
                            })}
                            {when.map(|w| view! { <p class="entry__when">{w}</p> })}
                            <Sensitive text=t.text.clone() sensitive=t.sensitive class=class/>
                        </div>
                        <ActionMenu label=format!("Actions for “{name}”") items=items focus=focus_me/>
                    </li>
                }
            })
            .collect_view()
    };
    let talked_view = move || {
        let mut list: Vec<Topic> = topics.get().into_iter().filter(|t| t.done).collect();
        list.sort_by_key(|t| std::cmp::Reverse(t.done_at));
        (!list.is_empty()).then(|| {
            let count = list.len();
            let rows = list
                .into_iter()
                .map(|t| {
                    view! {
                        <li class="agenda-item agenda-item--done">
                            <Sensitive text=t.text.clone() sensitive=t.sensitive/>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <details class="agenda-talked">
                    <summary>{format!("Talked about ({count})")}</summary>
                    <ul class="entry-list">{rows}</ul>
                </details>
            }
        })
    };
    let shown = Memo::new(move |_| {
        let parts = [
            agenda.with(|a| Shown::of(a.as_ref())),
            entries.with(|e| Shown::of(e.as_ref())),
            thoughts.with(|t| Shown::of(t.as_ref())),
        ];
        Shown::combine(&parts, open_topics.with(|t| !t.is_empty()))
    });
    view! {
        <section aria-labelledby="agenda-title">
            <h2 id="agenda-title">"To bring up next time"</h2>
            <StoreMessage error=failure/>
            <AgendaField label="Something to bring up" id="agenda-new"/>
            <Listing shown=shown empty=|| view! { <p class="muted">"Nothing on your list yet."</p> }>
                <ul class="entry-list agenda-list" aria-label="Things to bring up, in order">{open_view}</ul>
            </Listing>
            <UndoToast message="Topic removed." visible=Signal::derive(move || removed.with(Option::is_some))
                on_undo=Callback::new(move |_| {
                    if let Some(r) = removed.get_untracked() {
                        removed.set(None);
                        leptos::task::spawn_local(async move {
                            if let Err(e) = store::restore(&r).await {
                                let _ = failure.try_set(Some(e));
                            }
                        });
                    }
                })/>
            {talked_view}
            <p class="muted">"Mark a journal entry or a thought record with “Bring to next session” and it shows up here. Open a topic’s actions to move it, mark it most important, or mark it talked about."</p>
        </section>
    }
}

/// The position in the shown list of the topic under a point of the viewport, if any.
fn place_at(x: i32, y: i32) -> Option<usize> {
    let under = web_sys::window()?
        .document()?
        .element_from_point(x as f32, y as f32)?;
    under
        .closest("[data-place]")
        .ok()??
        .get_attribute("data-place")?
        .parse()
        .ok()
}
