use leptos::prelude::*;

use crate::domain::coping::{draw, starter_deck, CopingCard};
use crate::ui::coping::{live_cards, CardFace};

/// One card at a time, drawn at random (favourites more often), with "Another one".
/// With an empty box it draws from the starter ideas, so it always has something.
#[component]
pub fn DrawCard() -> impl IntoView {
    let cards = live_cards();
    let deck = Memo::new(move |_| {
        cards.get().map(|r| {
            let mine: Vec<CopingCard> = r.unwrap_or_default().into_iter().map(|r| r.body).collect();
            if mine.is_empty() {
                starter_deck()
            } else {
                mine
            }
        })
    });
    let pick = RwSignal::new(None::<usize>);
    let next = move || {
        if let Some(deck) = deck.get_untracked() {
            let favourites: Vec<bool> = deck.iter().map(|c| c.favourite).collect();
            pick.set(draw(
                &favourites,
                pick.get_untracked(),
                js_sys::Math::random(),
            ));
        }
    };
    Effect::new(move || {
        if deck.get().is_some() && pick.get_untracked().is_none() {
            next();
        }
    });
    let card = move || {
        let deck = deck.get()?;
        deck.get(pick.get()?).cloned()
    };
    view! {
        <div class="drawn" aria-live="polite">
            {move || card().map(|c| view! { <div class="coping-card coping-card--drawn"><CardFace card=c/></div> })}
        </div>
        <div class="actions">
            <button type="button" class="button button--primary button--big" on:click=move |_| next()>"Another one"</button>
        </div>
    }
}
