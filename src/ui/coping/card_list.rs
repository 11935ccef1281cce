use leptos::prelude::*;

use crate::domain::coping::{CardKind, CopingCard, MAX_TEXT_CHARS, MAX_TITLE_CHARS};
use crate::domain::record::{Record, RecordId};
use crate::store::{self, StoreError};
use crate::ui::widgets::{StoreMessage, UndoToast};

use super::{card_problem, CardFace};

#[derive(Clone, PartialEq)]
enum ListState {
    Loading,
    Failed(StoreError),
    Empty,
    Cards,
}

/// Which cards the list shows.
#[derive(Clone, Copy, PartialEq)]
enum Filter {
    All,
    Favourites,
    Kind(CardKind),
}

impl Filter {
    fn value(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::Favourites => "favourites",
            Filter::Kind(k) => k.as_str(),
        }
    }

    fn parse(s: &str) -> Filter {
        match s {
            "favourites" => Filter::Favourites,
            _ => CardKind::parse(s).map_or(Filter::All, Filter::Kind),
        }
    }

    fn keeps(self, card: &CopingCard) -> bool {
        match self {
            Filter::All => true,
            Filter::Favourites => card.favourite,
            Filter::Kind(k) => card.kind == k,
        }
    }
}

/// The person's cards in their order, filtered by kind, each editable, movable,
/// favourite-able and deletable with undo.
#[component]
pub fn CardList(
    cards: LocalResource<Result<Vec<Record<CopingCard>>, StoreError>>,
    list: Memo<Vec<Record<CopingCard>>>,
) -> impl IntoView {
    let filter = RwSignal::new(Filter::All);
    let shown = Memo::new(move |_| {
        let f = filter.get();
        list.get()
            .into_iter()
            .filter(|r| f.keeps(&r.body))
            .collect::<Vec<_>>()
    });
    // Rebuilt only when the state changes, so keyed items (and edits) survive reloads.
    let state = Memo::new(move |_| match cards.get() {
        None => ListState::Loading,
        Some(Err(e)) => ListState::Failed(e),
        Some(Ok(all)) if all.is_empty() => ListState::Empty,
        Some(Ok(_)) => ListState::Cards,
    });
    let undo = RwSignal::new(None::<Record<CopingCard>>);
    let failure = RwSignal::new(None::<StoreError>);
    let moving = RwSignal::new(None::<(RecordId, usize)>);
    let on_deleted = Callback::new(move |r: Record<CopingCard>| undo.set(Some(r)));
    let restore = move |_: ()| {
        if let Some(r) = undo.get_untracked() {
            leptos::task::spawn_local(async move {
                match store::restore(&r).await {
                    Ok(_) => undo.set(None),
                    Err(e) => failure.set(Some(e)),
                }
            });
        }
    };
    let mut options = vec![Filter::All, Filter::Favourites];
    options.extend(CardKind::ALL.into_iter().map(Filter::Kind));
    let options = options
        .into_iter()
        .map(|f| {
            let label = match f {
                Filter::All => "All cards",
                Filter::Favourites => "Favourites",
                Filter::Kind(k) => k.label(),
            };
            view! { <option value=f.value() selected=move || filter.get() == f>{label}</option> }
        })
        .collect_view();

    view! {
        <section class="coping-cards" aria-labelledby="cards-title">
            <h2 id="cards-title">"Your cards"</h2>
            <div class="field field--inline">
                <label class="field__label" for="card-filter">"Show"</label>
                <select
                    id="card-filter"
                    class="field__input"
                    on:change=move |ev| filter.set(Filter::parse(&event_target_value(&ev)))
                    prop:value=move || filter.get().value()
                >
                    {options}
                </select>
            </div>
            <StoreMessage error=failure/>
            <UndoToast message="Card deleted." visible=Signal::derive(move || undo.with(Option::is_some))
                on_undo=Callback::new(restore)/>
            {move || match state.get() {
                ListState::Loading => view! { <p class="muted">"Loading…"</p> }.into_any(),
                ListState::Failed(e) => view! { <StoreMessage error=Signal::derive(move || Some(e.clone()))/> }.into_any(),
                ListState::Empty => view! {
                    <p class="muted">"No cards yet. Add one above: something that has helped you before."</p>
                }.into_any(),
                ListState::Cards => view! {
                    <Show when=move || !shown.get().is_empty() fallback=|| view! { <p class="muted">"No cards of this kind yet."</p> }>
                        <ul class="coping-list">
                            <For each=move || shown.get() key=|r| r.meta.id.clone() let(r)>
                                <CardItem id=r.meta.id shown=shown moving=moving on_deleted=on_deleted/>
                            </For>
                        </ul>
                    </Show>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn CardItem(
    id: RecordId,
    shown: Memo<Vec<Record<CopingCard>>>,
    /// The card being moved by "Move up" or "Move down", and the place it goes to.
    moving: RwSignal<Option<(RecordId, usize)>>,
    on_deleted: Callback<Record<CopingCard>>,
) -> impl IntoView {
    let dom_id = id.as_str().to_string();
    let record = {
        let id = id.clone();
        Memo::new(move |_| shown.get().into_iter().find(|r| r.meta.id == id))
    };
    let position = {
        let id = id.clone();
        Memo::new(move |_| {
            let all = shown.get();
            (all.iter().position(|r| r.meta.id == id), all.len())
        })
    };
    let base = RwSignal::new(None::<Record<CopingCard>>);
    let title = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<StoreError>);
    let busy = RwSignal::new(false);
    let pressed = StoredValue::new(NodeRef::<leptos::html::Button>::new());
    // After a move the list is re-ordered, which can take focus away from the button
    // pressed; once the card is in its new place, focus is given back, so a keyboard
    // user can keep moving it.
    let up_button = NodeRef::<leptos::html::Button>::new();
    let down_button = NodeRef::<leptos::html::Button>::new();
    {
        let id = id.clone();
        Effect::new(move || {
            let (i, n) = position.get();
            let Some((moved, target)) = moving.get() else {
                return;
            };
            if moved != id || i != Some(target) {
                return;
            }
            moving.set(None);
            let button = if target == 0 {
                down_button
            } else if target + 1 >= n {
                up_button
            } else {
                pressed.get_value()
            };
            request_animation_frame(move || {
                if let Some(b) = button.get_untracked() {
                    let _ = b.focus();
                }
            });
        });
    }
    let write = move |changed: Record<CopingCard>| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            match store::update(&changed).await {
                Ok(_) => failure.set(None),
                Err(e) => failure.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let toggle_favourite = move |_| {
        let Some(mut r) = record.get_untracked() else {
            return;
        };
        r.body.favourite = !r.body.favourite;
        write(r);
    };
    // Swaps places with the card shown just above or below.
    let id_for_move = StoredValue::new(id.clone());
    let move_by = move |up: bool| {
        if busy.get_untracked() {
            return;
        }
        let all = shown.get_untracked();
        let (Some(i), _) = position.get_untracked() else {
            return;
        };
        let j = if up { i.checked_sub(1) } else { Some(i + 1) };
        let (Some(mut a), Some(mut b)) = (all.get(i).cloned(), j.and_then(|j| all.get(j).cloned()))
        else {
            return;
        };
        let (oa, ob) = (a.body.order, b.body.order);
        pressed.set_value(if up { up_button } else { down_button });
        if let Some(j) = j {
            moving.set(Some((id_for_move.get_value(), j)));
        }
        a.body.order = if oa == ob {
            if up {
                ob - 1
            } else {
                ob + 1
            }
        } else {
            ob
        };
        b.body.order = oa;
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = match store::update(&a).await {
                Ok(_) => store::update(&b).await.map(|_| ()),
                Err(e) => Err(e),
            };
            failure.set(result.err());
            busy.set(false);
        });
    };
    let start_edit = move |_| {
        let current = record.get_untracked();
        if let Some(r) = &current {
            title.set(r.body.title.clone());
            text.set(r.body.text.clone());
            phone.set(r.body.phone.clone());
        }
        failure.set(None);
        problem.set(None);
        base.set(current);
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(current) = base.get_untracked() else {
            return;
        };
        let kind = current.body.kind;
        let checked = CopingCard::new(
            kind,
            &title.get_untracked(),
            &text.get_untracked(),
            &phone.get_untracked(),
            current.body.photo.clone(),
        );
        let card = match checked {
            Ok(c) => c,
            Err(e) => return problem.set(Some(card_problem(kind, e).into())),
        };
        problem.set(None);
        let mut changed = current.clone();
        changed.body = CopingCard {
            favourite: current.body.favourite,
            order: current.body.order,
            starter: current.body.starter,
            ..card
        };
        leptos::task::spawn_local(async move {
            match store::update(&changed).await {
                Ok(_) => {
                    failure.set(None);
                    base.set(None);
                }
                Err(e) => {
                    if matches!(e, StoreError::Conflict { .. }) {
                        if let Ok(Some(newer)) = store::get::<CopingCard>(&current.meta.id).await {
                            base.set(Some(newer));
                        }
                    }
                    failure.set(Some(e));
                }
            }
        });
    };
    let delete = move |_| {
        let Some(current) = record.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            match store::delete(&current).await {
                Ok(deleted) => on_deleted.run(deleted),
                Err(e) => failure.set(Some(e)),
            }
        });
    };
    let favourite = move || record.get().is_some_and(|r| r.body.favourite);
    let is_person = move || {
        record
            .get()
            .is_some_and(|r| r.body.kind == CardKind::Person)
    };
    let title_id = StoredValue::new(format!("card-edit-title-{dom_id}"));
    let text_id = StoredValue::new(format!("card-edit-text-{dom_id}"));
    let phone_id = StoredValue::new(format!("card-edit-phone-{dom_id}"));

    view! {
        <li class="card coping-card" class:coping-card--favourite=favourite>
            <Show
                when=move || base.get().is_some()
                fallback=move || view! {
                    {move || record.get().map(|r| view! { <CardFace card=r.body/> })}
                    <StoreMessage error=failure/>
                    <div class="actions">
                        <button type="button" class="button" aria-pressed=move || favourite().to_string() on:click=toggle_favourite disabled=move || busy.get()>
                            <span aria-hidden="true">{move || if favourite() { "★" } else { "☆" }}</span>
                            "Favourite"
                        </button>
                        <button type="button" class="button" node_ref=up_button on:click=move |_| move_by(true)
                            disabled=move || position.get().0 == Some(0)>"Move up"</button>
                        <button type="button" class="button" node_ref=down_button on:click=move |_| move_by(false)
                            disabled=move || { let (i, n) = position.get(); i.is_none_or(|i| i + 1 >= n) }>"Move down"</button>
                        <button type="button" class="button" on:click=start_edit>"Edit"</button>
                        <button type="button" class="button" on:click=delete>"Delete"</button>
                    </div>
                }
            >
                <form on:submit=save>
                    <div class="field">
                        <label class="field__label" for=title_id.get_value()>{move || if is_person() { "Name" } else { "Words on the card" }}</label>
                        <input id=title_id.get_value() class="field__input" type="text" maxlength=MAX_TITLE_CHARS.to_string() bind:value=title/>
                    </div>
                    <Show when=is_person>
                        <div class="field">
                            <label class="field__label" for=phone_id.get_value()>"Phone number"</label>
                            <input id=phone_id.get_value() class="field__input" type="tel" bind:value=phone/>
                        </div>
                    </Show>
                    <div class="field">
                        <label class="field__label" for=text_id.get_value()>"More about it (optional)"</label>
                        <textarea id=text_id.get_value() class="field__input" rows="3" maxlength=MAX_TEXT_CHARS.to_string() bind:value=text></textarea>
                    </div>
                    {move || problem.get().map(|p| view! { <p class="message message--problem" role="alert">{p}</p> })}
                    <StoreMessage error=failure/>
                    <div class="actions">
                        <button type="submit" class="button button--primary">"Save changes"</button>
                        <button type="button" class="button" on:click=move |_| base.set(None)>"Cancel"</button>
                    </div>
                </form>
            </Show>
        </li>
    }
}
