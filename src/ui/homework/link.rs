//! Homework from a link (issue 10, item 5). The tasks ride in the address's fragment
//! (after `#`), which the browser never sends to any server; the screen reads it from
//! `location.hash`, shows exactly what would be added, and adds nothing until the
//! person says yes. "Make a homework link" is the page a therapist uses to write one.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::domain::appointment::Appointment;
use crate::domain::homework::{
    decode_link, encode_link, repeat_words, HomeworkKind, LinkItem, MAX_LINK_ITEMS,
};
use crate::domain::route::Route;
use crate::store::{self, StoreError};
use crate::ui::context::Base;
use crate::ui::format::day_long;
use crate::ui::kit::live;
use crate::ui::widgets::{Page, StoreMessage};

use super::form::default_due;

/// The fragment of the address now, without `#`.
fn fragment() -> String {
    window()
        .location()
        .hash()
        .unwrap_or_default()
        .trim_start_matches('#')
        .to_string()
}

/// Takes the fragment off the address without a new history entry, so a reload or a
/// later visit does not offer the same homework again.
fn clear_fragment() {
    let location = window().location();
    let here = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    let Ok(history) = js_sys::Reflect::get(&window(), &"history".into()) else {
        return;
    };
    if let Some(replace) = js_sys::Reflect::get(&history, &"replaceState".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        let _ = replace.call3(&history, &JsValue::NULL, &"".into(), &here.into());
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Declined,
    Added(usize),
}

/// "Homework sent to you": shown while the address carries a homework link, also one
/// that arrives while the screen is open (the `hashchange` event).
#[component]
pub fn FromLink() -> impl IntoView {
    let hash = RwSignal::new(fragment());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let _ = hash.try_set(fragment());
    });
    on_cleanup(move || handle.remove());
    let outcome = RwSignal::new(None::<Outcome>);
    let failure = RwSignal::new(None::<StoreError>);
    let busy = RwSignal::new(false);
    let appointments = live::<Appointment>();
    let due = Memo::new(move |_| {
        appointments
            .get()
            .and_then(Result::ok)
            .map(|all| default_due(&all))
    });
    // The tasks being offered; kept after the fragment is cleared, until saved.
    let offered = RwSignal::new(None::<Result<Vec<LinkItem>, String>>);
    Effect::new(move |_| {
        let h = hash.get();
        if !h.is_empty() {
            offered.set(Some(decode_link(&h).map_err(|e| e.to_string())));
            outcome.set(None);
        }
    });
    let decline = move |_| {
        clear_fragment();
        hash.set(String::new());
        offered.set(None);
        outcome.set(Some(Outcome::Declined));
    };
    let accept = move |_| {
        if busy.get_untracked() {
            return;
        }
        let Some(Ok(items)) = offered.get_untracked() else {
            return;
        };
        let Some(due) = due.get_untracked() else {
            return;
        };
        clear_fragment();
        hash.set(String::new());
        busy.set(true);
        failure.set(None);
        leptos::task::spawn_local(async move {
            let mut added = 0;
            for item in &items[..] {
                match store::create(item.to_homework(Some(due))).await {
                    Ok(_) => added += 1,
                    Err(e) => {
                        let _ = failure.try_set(Some(e));
                        break;
                    }
                }
            }
            let _ = busy.try_set(false);
            if added == items.len() {
                let _ = offered.try_set(None);
                let _ = outcome.try_set(Some(Outcome::Added(added)));
            } else {
                // What was not saved stays offered, to try again.
                let rest = items[added..].to_vec();
                let _ = offered.try_set(Some(Ok(rest)));
            }
        });
    };
    let close = move |_| {
        clear_fragment();
        hash.set(String::new());
        offered.set(None);
    };
    view! {
        <p class="status" role="status">{move || match outcome.get() {
            Some(Outcome::Declined) => "Nothing was added from the link.".to_string(),
            Some(Outcome::Added(1)) => "Added 1 task to your homework.".to_string(),
            Some(Outcome::Added(n)) => format!("Added {n} tasks to your homework."),
            None => String::new(),
        }}</p>
        {move || offered.get().map(|offer| match offer {
            Err(words) => view! {
                <section class="card homework-link" aria-labelledby="sent-title">
                    <h2 id="sent-title">"Homework sent to you"</h2>
                    <p class="message" role="alert">{words}</p>
                    <p>"Nothing was added."</p>
                    <button type="button" class="button" on:click=close>"Close"</button>
                </section>
            }
            .into_any(),
            Ok(items) => {
                let count = items.len();
                let due_words = move || {
                    due.get().map(|d| format!("Each would be due by {}.", day_long(d)))
                };
                view! {
                    <section class="card homework-link" aria-labelledby="sent-title">
                        <h2 id="sent-title">"Homework sent to you"</h2>
                        <p>{if count == 1 {
                            "This link carries 1 task. This is exactly what would be added; nothing is added unless you say yes.".to_string()
                        } else {
                            format!("This link carries {count} tasks. This is exactly what would be added; nothing is added unless you say yes.")
                        }}</p>
                        <ol class="homework-link__items">
                            {items.into_iter().map(|item| view! { <li><LinkTask item=item/></li> }).collect_view()}
                        </ol>
                        <p class="muted">{due_words}</p>
                        <StoreMessage error=failure/>
                        <div class="actions">
                            <button type="button" class="button button--primary" on:click=accept
                                disabled=move || busy.get() || due.get().is_none()>"Add to my homework"</button>
                            <button type="button" class="button" on:click=decline>"Not now"</button>
                        </div>
                    </section>
                }
                .into_any()
            }
        })}
    }
}

/// One task of a link, as it would be added.
#[component]
fn LinkTask(item: LinkItem) -> impl IntoView {
    view! {
        <h3 class="homework__title">{item.title.clone()}</h3>
        <p class="homework__facts">{format!("{} · {}", item.kind.label(), repeat_words(item.times_a_week))}</p>
        {(!item.instructions.is_empty()).then(|| view! { <p class="homework__instructions">{item.instructions.clone()}</p> })}
    }
}

/// How often, as the maker offers it: once, every day, or 1 to 6 times a week.
const OFTEN: [Option<u8>; 8] = [
    None,
    Some(7),
    Some(1),
    Some(2),
    Some(3),
    Some(4),
    Some(5),
    Some(6),
];

fn blank() -> LinkItem {
    LinkItem {
        title: String::new(),
        kind: HomeworkKind::Other,
        instructions: String::new(),
        times_a_week: None,
    }
}

/// "Make a homework link": a therapist writes up to 10 tasks and gets a link to send.
#[component]
pub fn LinkMaker() -> impl IntoView {
    let base = expect_context::<Base>();
    let next_key = StoredValue::new(1u32);
    let tasks = RwSignal::new(vec![(0u32, blank())]);
    let made = RwSignal::new(None::<Result<String, String>>);
    let status = RwSignal::new(String::new());
    let link_field = NodeRef::<leptos::html::Input>::new();
    let page = base.href(Route::Homework);
    let can_share = js_sys::Reflect::get(&window().navigator(), &"share".into())
        .map(|f| f.is_function())
        .unwrap_or(false);
    let edit = move |key: u32, change: Box<dyn FnOnce(&mut LinkItem) + Send + Sync>| {
        tasks.update(|all| {
            if let Some((_, item)) = all.iter_mut().find(|(k, _)| *k == key) {
                change(item);
            }
        });
        made.set(None);
        status.set(String::new());
    };
    let add = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        tasks.update(|all| all.push((key, blank())));
        made.set(None);
    };
    let make = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let items: Vec<LinkItem> = tasks.with(|all| all.iter().map(|(_, i)| i.clone()).collect());
        let origin = window().location().origin().unwrap_or_default();
        made.set(Some(
            encode_link(&items)
                .map(|f| format!("{origin}{page}#{f}"))
                .map_err(|e| e.to_string()),
        ));
        status.set(String::new());
    };
    let copy = move |_| {
        let Some(Ok(link)) = made.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let clipboard = window().navigator().clipboard();
            let copied = !clipboard.is_undefined()
                && JsFuture::from(clipboard.write_text(&link)).await.is_ok();
            let words = if copied {
                "Link copied. Paste it into a message to send it."
            } else {
                // The plain way: the link selected in its field, to copy by hand.
                if let Some(field) = link_field.try_get_untracked().flatten() {
                    let _ = field.focus();
                    field.select();
                }
                "The link is selected in the field above: copy it from there."
            };
            let _ = status.try_set(words.to_string());
        });
    };
    let share = move |_| {
        let Some(Ok(link)) = made.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let navigator = window().navigator();
            let Some(share) = js_sys::Reflect::get(&navigator, &"share".into())
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            else {
                return;
            };
            let data = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&data, &"title".into(), &"Homework".into());
            let _ = js_sys::Reflect::set(&data, &"url".into(), &link.into());
            if let Ok(promise) = share.call1(&navigator, &data) {
                if JsFuture::from(js_sys::Promise::from(promise)).await.is_ok() {
                    let _ = status.try_set("Shared.".to_string());
                }
            }
        });
    };
    let edit = Callback::new(move |(key, change): (u32, Edit)| edit(key, change.0));
    let remove = Callback::new(move |key: u32| {
        tasks.update(|all| all.retain(|(k, _)| *k != key));
        made.set(None);
    });
    let task_views = view! {
        <For each=move || tasks.with(|t| t.iter().map(|(k, _)| *k).collect::<Vec<_>>()) key=|k| *k let:key>
            <TaskFields key=key tasks=tasks edit=edit remove=remove/>
        </For>
    };
    view! {
        <Page title=Route::HomeworkLink.title()>
            <p>"For therapists: write up to 10 tasks, then send the link. The tasks travel inside the link itself, after its “#”, so they never pass through any server. The person sees exactly what would be added, and nothing is added unless they say yes."</p>
            <form class="maker" on:submit=make on:keydown=crate::ui::kit::enter_never_submits novalidate>
                {task_views}
                <p>
                    <button type="button" class="button" on:click=add
                        disabled=move || tasks.with(|t| t.len() >= MAX_LINK_ITEMS)>"Add another task"</button>
                </p>
                <button type="submit" class="button button--primary">"Make the link"</button>
            </form>
            {move || made.get().map(|m| match m {
                Err(words) => view! { <p class="message message--problem" role="alert">{words}</p> }.into_any(),
                Ok(link) => view! {
                    <section class="card" aria-labelledby="made-title">
                        <h2 id="made-title">"Your homework link"</h2>
                        <div class="field">
                            <label class="field__label" for="made-link">"The link"</label>
                            <input id="made-link" class="field__input" type="text" readonly node_ref=link_field prop:value=link/>
                        </div>
                        <div class="actions">
                            <button type="button" class="button button--primary" on:click=copy>"Copy link"</button>
                            {can_share.then(|| view! { <button type="button" class="button" on:click=share>"Share"</button> })}
                        </div>
                    </section>
                }.into_any(),
            })}
            <p class="status" role="status">{move || status.get()}</p>
        </Page>
    }
}

/// A change to one task of the maker.
pub struct Edit(Box<dyn FnOnce(&mut LinkItem) + Send + Sync>);

/// One task's fields on the maker page, drawn once and bound to `tasks`.
#[component]
fn TaskFields(
    key: u32,
    tasks: RwSignal<Vec<(u32, LinkItem)>>,
    edit: Callback<(u32, Edit)>,
    remove: Callback<u32>,
) -> impl IntoView {
    let get = move |f: fn(&LinkItem) -> String| {
        move || {
            tasks.with(|all| {
                all.iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, i)| f(i))
                    .unwrap_or_default()
            })
        }
    };
    let n = move || tasks.with(|all| all.iter().position(|(k, _)| *k == key).unwrap_or(0) + 1);
    let many = move || tasks.with(|all| all.len() > 1);
    let ids = (
        format!("task-{key}-title"),
        format!("task-{key}-kind"),
        format!("task-{key}-instructions"),
        format!("task-{key}-often"),
    );
    let kind_index = get(|i| {
        HomeworkKind::ALL
            .iter()
            .position(|k| *k == i.kind)
            .unwrap_or(0)
            .to_string()
    });
    let often_index = get(|i| {
        OFTEN
            .iter()
            .position(|o| *o == i.times_a_week)
            .unwrap_or(0)
            .to_string()
    });
    view! {
        <fieldset class="card maker__task">
            <legend>{move || format!("Task {}", n())}</legend>
            <div class="field">
                <label class="field__label" for=ids.0.clone()>"What to do"</label>
                <input id=ids.0.clone() class="field__input" type="text" autocomplete="off" prop:value=get(|i| i.title.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); edit.run((key, Edit(Box::new(move |i| i.title = v)))); }/>
            </div>
            <div class="field">
                <label class="field__label" for=ids.1.clone()>"Kind"</label>
                <select id=ids.1.clone() class="field__input" prop:value=kind_index
                    on:change=move |ev| {
                        let k = event_target_value(&ev).parse::<usize>().ok().and_then(|i| HomeworkKind::ALL.get(i).copied()).unwrap_or_default();
                        edit.run((key, Edit(Box::new(move |i| i.kind = k))));
                    }>
                    {HomeworkKind::ALL.iter().enumerate().map(|(i, k)| view! {
                        <option value=i.to_string() selected=*k == HomeworkKind::Other>{k.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label class="field__label" for=ids.2.clone()>"Instructions (optional)"</label>
                <textarea id=ids.2.clone() class="field__input" rows="3" prop:value=get(|i| i.instructions.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); edit.run((key, Edit(Box::new(move |i| i.instructions = v)))); }></textarea>
            </div>
            <div class="field">
                <label class="field__label" for=ids.3.clone()>"How often"</label>
                <select id=ids.3.clone() class="field__input" prop:value=often_index
                    on:change=move |ev| {
                        let o = event_target_value(&ev).parse::<usize>().ok().and_then(|i| OFTEN.get(i).copied()).flatten();
                        edit.run((key, Edit(Box::new(move |i| i.times_a_week = o))));
                    }>
                    {OFTEN.iter().enumerate().map(|(i, o)| view! {
                        <option value=i.to_string() selected=i == 0>{repeat_words(*o)}</option>
                    }).collect_view()}
                </select>
            </div>
            <Show when=many>
                <button type="button" class="button" on:click=move |_| remove.run(key)>{move || format!("Remove task {}", n())}</button>
            </Show>
        </fieldset>
    }
}
