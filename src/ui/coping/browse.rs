//! The coping box as a person uses it: the cards to look at, each one opened full
//! screen with "Another card" and "I'm struggling" beside it, and "Share…" (a preview of
//! the card's words first).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::coping::{draw, CardKind, CopingCard};
use crate::domain::prep::{share_text, Shared};
use crate::domain::record::{Kind, Record, RecordId};
use crate::domain::route::Route;
use crate::store::StoreError;
use crate::ui::context::Base;
use crate::ui::kit::{Listing, Shown};
use crate::ui::widgets::{BringToSession, ShareFromMenu};

use super::card_list::{shown_cards, Filter, FilterSelect};
use super::{focus_id, CardFace};

/// The name a card goes by when it is opened: its words, or what it is.
fn card_name(card: &CopingCard) -> String {
    if !card.title.is_empty() {
        return card.title.clone();
    }
    let words: String = card.text.chars().take(40).collect();
    if !words.is_empty() {
        return words;
    }
    match card.kind {
        CardKind::Photo => "A photo I chose".to_string(),
        k => k.label().to_string(),
    }
}

/// The id of a card's "open" button, so focus can go back to it.
fn open_button_id(id: &RecordId) -> String {
    format!("open-card-{}", id.as_str())
}

/// The cards, calm and readable, each one a button that opens it full screen.
#[component]
pub fn CardBrowser(
    cards: LocalResource<Result<Vec<Record<CopingCard>>, StoreError>>,
    list: Memo<Vec<Record<CopingCard>>>,
    filter: RwSignal<Filter>,
    /// "Add your own card" in an empty box.
    on_add: Callback<()>,
) -> impl IntoView {
    let base = expect_context::<Base>();
    let shown = shown_cards(list, filter);
    let state = Memo::new(move |_| cards.with(|c| Shown::of(c.as_ref())));
    // The card open full screen, and the button that opened the first one.
    let open = RwSignal::new(None::<RecordId>);
    let opener = StoredValue::new(None::<String>);
    let dialog = NodeRef::<leptos::html::Dialog>::new();

    let open_card = Callback::new(move |id: RecordId| {
        opener.set_value(Some(open_button_id(&id)));
        open.set(Some(id));
        if let Some(d) = dialog.get_untracked() {
            if !d.open() {
                let _ = d.show_modal();
            }
        }
    });
    let close = move |_| {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    // Closed by "Close" or by Escape: focus goes back to the card that was opened.
    let closed = move |_| {
        // A close event can arrive after the card was opened again (a fast tap):
        // then it is not closed any more.
        if dialog.get_untracked().is_some_and(|d| d.open()) {
            return;
        }
        open.set(None);
        if let Some(id) = opener.get_value() {
            focus_id(&id);
        }
    };
    let opened = Memo::new(move |_| {
        let id = open.get()?;
        list.with(|l| l.iter().find(|r| r.meta.id == id).cloned())
    });
    // Another card from those shown, never the same one again, favourites more often.
    let candidates = move || {
        let current = open.get_untracked();
        shown
            .get_untracked()
            .into_iter()
            .filter(|r| !r.body.is_placeholder() || Some(&r.meta.id) == current.as_ref())
            .collect::<Vec<_>>()
    };
    let has_another = Memo::new(move |_| {
        let current = open.get();
        shown.with(|s| {
            s.iter()
                .filter(|r| !r.body.is_placeholder() && Some(&r.meta.id) != current.as_ref())
                .count()
                > 0
        })
    });
    let another = move |_| {
        let deck = candidates();
        let favourites: Vec<bool> = deck.iter().map(|r| r.body.favourite).collect();
        let current = open.get_untracked();
        let avoid = deck
            .iter()
            .position(|r| Some(&r.meta.id) == current.as_ref());
        if let Some(i) = draw(&favourites, avoid, js_sys::Math::random()) {
            if let Some(r) = deck.get(i) {
                open.set(Some(r.meta.id.clone()));
            }
        }
    };
    let name = move || opened.get().map(|r| card_name(&r.body)).unwrap_or_default();
    // "Share…": the card's words, previewed inside the dialog (the page behind is inert).
    let sharing = RwSignal::new(None::<String>);
    Effect::new(move || {
        open.track();
        sharing.set(None);
    });
    let share = move |_| {
        if let Some(r) = opened.get_untracked() {
            let title = if r.body.title.trim().is_empty() {
                card_name(&r.body)
            } else {
                r.body.title.clone()
            };
            let text = share_text(&Shared::Card {
                title: &title,
                body: &r.body.text,
            });
            sharing.set(Some(text));
        }
    };

    view! {
        <FilterSelect filter=filter/>
        <Listing shown=state empty=move || view! {
            <p class="muted">"No cards yet. A card can hold words that help, a photo, a skill from therapy or a person to call."</p>
            <p><button type="button" class="button button--primary" on:click=move |_| on_add.run(())>"Add your own card"</button></p>
        }>
            <Show when=move || !shown.get().is_empty() fallback=|| view! { <p class="muted">"No cards of this kind yet."</p> }>
                <ul class="card-grid">
                    <For each=move || shown.get() key=|r| (r.meta.id.clone(), r.meta.rev) let(r)>
                        <CardTile record=r on_open=open_card/>
                    </For>
                </ul>
            </Show>
        </Listing>
        <dialog class="card-open" node_ref=dialog aria-labelledby="card-open-title" on:close=closed>
            <div class="card-open__top">
                // Named after the card; what shows is where it comes from.
                <p class="card-open__label" id="card-open-title">
                    <span class="visually-hidden">"Card: "{name}</span>
                    <span aria-hidden="true">"From your coping box"</span>
                </p>
                <button type="button" class="button" on:click=close>"Close"</button>
            </div>
            <div class="card-open__card coping-card" aria-live="polite">
                {move || opened.get().map(|r| view! { <CardFace card=r.body/> })}
            </div>
            <div class="actions card-open__actions">
                <Show when=move || has_another.get()>
                    <button type="button" class="button button--primary button--big" on:click=another>"Another card"</button>
                </Show>
                <A href=base.href(Route::Struggling) attr:class="button button--big">"I'm struggling"</A>
                <button type="button" class="button" on:click=share>"Share…"</button>
            </div>
            <ShareFromMenu sharing=sharing id="card-share-title"/>
            <BringToSession text=Signal::derive(move || format!("Coping card: {}", name())) source=Signal::derive(move || open.get().map(|id| (Kind::CopingCard, id)))/>
        </dialog>
    }
}

/// One card's face in the box, and the button that opens it.
#[component]
fn CardTile(record: Record<CopingCard>, on_open: Callback<RecordId>) -> impl IntoView {
    let card = record.body;
    let id = record.meta.id;
    let name = card_name(&card);
    let favourite = card.favourite;
    let button_id = open_button_id(&id);
    view! {
        <li class="card coping-card card-tile" class:coping-card--favourite=favourite>
            <CardFace card=card tile=true/>
            <button type="button" id=button_id class="button card-tile__open"
                aria-label=format!("Open card: {name}") on:click=move |_| on_open.run(id.clone())>
                "Open"
            </button>
        </li>
    }
}
