use leptos::prelude::*;

use crate::domain::coping::{CardKind, CopingCard, MAX_TEXT_CHARS, MAX_TITLE_CHARS};
use crate::domain::record::{Record, RecordId};
use crate::store::{self, StoreError};
use crate::ui::widgets::{StoreMessage, UndoToast};

use crate::domain::drafts::CardDraft;
use crate::ui::kit::{
    enter_never_submits, Form, FormNotices, FormProblems, FormSpec, Listing, Shown,
};

use super::card_form::{describe, field};
use super::{card_problem, CardFace};

/// Which cards the list shows.
#[derive(Clone, Copy, PartialEq)]
pub enum Filter {
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

    pub fn keeps(self, card: &CopingCard) -> bool {
        match self {
            Filter::All => true,
            Filter::Favourites => card.favourite,
            Filter::Kind(k) => card.kind == k,
        }
    }
}

/// "Show": which cards, all, favourites or one kind.
#[component]
pub fn FilterSelect(filter: RwSignal<Filter>) -> impl IntoView {
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
    }
}

/// The cards `filter` keeps, in their order.
pub fn shown_cards(
    list: Memo<Vec<Record<CopingCard>>>,
    filter: RwSignal<Filter>,
) -> Memo<Vec<Record<CopingCard>>> {
    Memo::new(move |_| {
        let f = filter.get();
        list.get()
            .into_iter()
            .filter(|r| f.keeps(&r.body))
            .collect::<Vec<_>>()
    })
}

/// The person's cards in their order, filtered by kind, each editable, movable,
/// favourite-able and deletable with undo.
#[component]
pub fn CardList(
    cards: LocalResource<Result<Vec<Record<CopingCard>>, StoreError>>,
    list: Memo<Vec<Record<CopingCard>>>,
    filter: RwSignal<Filter>,
) -> impl IntoView {
    let shown = shown_cards(list, filter);
    // Rebuilt only when the state changes, so keyed items (and edits) survive reloads.
    let state = Memo::new(move |_| cards.with(|c| Shown::of(c.as_ref())));
    let undo = RwSignal::new(None::<Record<CopingCard>>);
    let failure = RwSignal::new(None::<StoreError>);
    let moving = RwSignal::new(None::<(RecordId, usize)>);
    let on_deleted = Callback::new(move |r: Record<CopingCard>| undo.set(Some(r)));
    let restore = move |_: ()| {
        if let Some(r) = undo.get_untracked() {
            leptos::task::spawn_local(async move {
                match store::restore(&r).await {
                    Ok(_) => {
                        let _ = undo.try_set(None);
                    }
                    Err(e) => {
                        let _ = failure.try_set(Some(e));
                    }
                }
            });
        }
    };

    view! {
        <section class="coping-cards" aria-labelledby="cards-title">
            <h2 id="cards-title">"Your cards"</h2>
            <FilterSelect filter=filter/>
            <StoreMessage error=failure/>
            <UndoToast message="Card deleted." visible=Signal::derive(move || undo.with(Option::is_some))
                on_undo=Callback::new(restore)/>
            <Listing shown=state empty=|| view! {
                <p class="muted">"No cards yet. Add one above: something that has helped you before."</p>
            }>
                <Show when=move || !shown.get().is_empty() fallback=|| view! { <p class="muted">"No cards of this kind yet."</p> }>
                    <ul class="coping-list">
                        <For each=move || shown.get() key=|r| r.meta.id.clone() let(r)>
                            <CardItem id=r.meta.id shown=shown moving=moving on_deleted=on_deleted/>
                        </For>
                    </ul>
                </Show>
            </Listing>
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
    let editing = RwSignal::new(false);
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
                Ok(_) => {
                    let _ = failure.try_set(None);
                }
                Err(e) => {
                    let _ = failure.try_set(Some(e));
                }
            }
            let _ = busy.try_set(false);
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
            let _ = failure.try_set(result.err());
            let _ = busy.try_set(false);
        });
    };
    let start_edit = move |_| {
        failure.set(None);
        editing.set(true);
    };
    let delete = move |_| {
        let Some(current) = record.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            match store::delete(&current).await {
                Ok(deleted) => {
                    let _ = on_deleted.try_run(deleted);
                }
                Err(e) => {
                    let _ = failure.try_set(Some(e));
                }
            }
        });
    };
    let favourite = move || record.get().is_some_and(|r| r.body.favourite);
    let edit_id = StoredValue::new(id.clone());

    view! {
        <li class="card coping-card" class:coping-card--favourite=favourite>
            <Show
                when=move || editing.get()
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
                <CardEditForm id=edit_id.get_value() dom_id=dom_id.clone() on_done=Callback::new(move |_| editing.set(false))/>
            </Show>
        </li>
    }
}

/// Editing one card in place. What is typed is kept as a draft until it is saved or
/// the edit is cancelled.
#[component]
fn CardEditForm(id: RecordId, dom_id: String, on_done: Callback<()>) -> impl IntoView {
    let kit = Form::new(FormSpec {
        draft_key: format!("card-{}", id.as_str()),
        editing: Some(id),
        blank: CardDraft::default(),
        from_record: |r: &Record<CopingCard>| CardDraft::of(&r.body),
    })
    .on_saved(move |_| on_done.run(()));
    let value = kit.value;
    let problem = RwSignal::new(None::<String>);
    let (title, set_title) = field(value, |d| &d.title, |d| &mut d.title);
    let (text, set_text) = field(value, |d| &d.text, |d| &mut d.text);
    let (phone, set_phone) = field(value, |d| &d.phone, |d| &mut d.phone);
    let is_person = move || value.with(|d| d.kind == CardKind::Person);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(current) = kit.original.get_untracked() else {
            return;
        };
        let form = value.get_untracked();
        let kind = current.body.kind;
        match CopingCard::new(
            kind,
            &form.title,
            &form.text,
            &form.phone,
            current.body.photo.clone(),
        ) {
            Ok(card) => {
                problem.set(None);
                let b = &current.body;
                kit.save(CopingCard {
                    favourite: b.favourite,
                    order: b.order,
                    starter: b.starter,
                    ..card
                });
            }
            Err(e) => problem.set(Some(card_problem(kind, e).into())),
        }
    };
    let cancel = move |_| {
        kit.draft.discard();
        on_done.run(());
    };
    let pending = kit.pending();
    let title_id = format!("card-edit-title-{dom_id}");
    let text_id = format!("card-edit-text-{dom_id}");
    let phone_id = format!("card-edit-phone-{dom_id}");
    view! {
        <FormNotices form=kit noun="card"/>
        <form on:submit=save on:keydown=enter_never_submits hidden=move || !kit.ready()>
            <div class="field">
                <label class="field__label" for=title_id.clone()>{move || if is_person() { "Name" } else { "Words on the card" }}</label>
                <input id=title_id class="field__input" type="text" maxlength=MAX_TITLE_CHARS.to_string()
                    prop:value=title on:input=move |ev| set_title.run(event_target_value(&ev))/>
            </div>
            <Show when=is_person>
                <div class="field">
                    <label class="field__label" for=phone_id.clone()>"Phone number"</label>
                    <input id=phone_id.clone() class="field__input" type="tel"
                        prop:value=phone on:input=move |ev| set_phone.run(event_target_value(&ev))/>
                </div>
            </Show>
            <div class="field">
                <label class="field__label" for=text_id.clone()>"More about it (optional)"</label>
                <textarea id=text_id class="field__input" rows="3" maxlength=MAX_TEXT_CHARS.to_string()
                    prop:value=text on:input=move |ev| set_text.run(event_target_value(&ev))></textarea>
            </div>
            {move || problem.get().map(|p| view! { <p class="message message--problem" role="alert">{p}</p> })}
            <FormProblems form=kit describe=describe/>
            <div class="actions">
                <button type="submit" class="button button--primary" disabled=move || pending.get()>"Save changes"</button>
                <button type="button" class="button" on:click=cancel>"Cancel"</button>
            </div>
        </form>
    }
}
