use leptos::prelude::*;

use crate::domain::coping::{starter_deck, CopingCard};
use crate::domain::record::Record;
use crate::store::{self, StoreError};
use crate::ui::widgets::StoreMessage;

/// Offers the starter deck once. The answer, yes or no, is remembered, so the cards
/// never come back by themselves after the person removed them.
#[component]
pub fn StarterOffer(list: Memo<Vec<Record<CopingCard>>>) -> impl IntoView {
    let open = RwSignal::new(!store::prefs::starter_answered());
    let adding = RwSignal::new(false);
    let failure = RwSignal::new(None::<StoreError>);
    let added = RwSignal::new(false);

    let accept = move |_| {
        if adding.get_untracked() {
            return;
        }
        adding.set(true);
        // The starter cards go after the person's own.
        let after = list
            .get_untracked()
            .iter()
            .map(|r| r.body.order + 1)
            .max()
            .unwrap_or(0);
        leptos::task::spawn_local(async move {
            store::prefs::set_starter_answered();
            for mut card in starter_deck() {
                card.order += after;
                if let Err(e) = store::create(card).await {
                    failure.set(Some(e));
                    adding.set(false);
                    return;
                }
            }
            adding.set(false);
            open.set(false);
            added.set(true);
        });
    };
    let decline = move |_| {
        store::prefs::set_starter_answered();
        open.set(false);
    };

    view! {
        <Show when=move || open.get()>
            <section class="card starter" aria-labelledby="starter-title">
                <h2 id="starter-title">"Would you like some cards to start with?"</h2>
                <p>"About two dozen ideas for grounding, breathing, distraction and kind words. You can change or remove any of them."</p>
                <StoreMessage error=failure/>
                <div class="actions">
                    <button type="button" class="button button--primary" on:click=accept disabled=move || adding.get()>
                        "Add the starter cards"
                    </button>
                    <button type="button" class="button" on:click=decline disabled=move || adding.get()>"No thanks"</button>
                </div>
            </section>
        </Show>
        <p class="status" role="status">{move || if added.get() { "Starter cards added." } else { "" }}</p>
    }
}
