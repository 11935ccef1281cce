//! The coping box: cards a person keeps for hard moments. It opens on the cards, to
//! look at and open full screen; "Edit my box" (`?edit`) is where they are made,
//! changed, reordered, favourited and deleted with undo. Also the starter deck offer,
//! and a way into "I'm struggling".

mod browse;
mod card_form;
mod card_list;
mod photo;
mod starter;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use crate::domain::coping::{CardError, CardKind, CopingCard};
use crate::domain::crisis::{sms_href, tel_href, PhoneError};
use crate::domain::route::Route;
use crate::ui::context::Base;
use crate::ui::kit::live_cards;
use crate::ui::widgets::Page;

pub use photo::StoredPhoto;

use browse::CardBrowser;
use card_form::CardForm;
use card_list::{CardList, Filter};
use starter::StarterOffer;

/// Plain words for a card that cannot be saved as it is.
pub fn card_problem(kind: CardKind, e: CardError) -> &'static str {
    match e {
        CardError::Empty if kind == CardKind::Person => "Add the person's name.",
        CardError::Empty => "Write a few words on the card first.",
        CardError::TooLong => "That's a bit long for a card. Please shorten it.",
        CardError::NoPhone => "Add a phone number, so you can call or text in one tap.",
        CardError::Phone(PhoneError::NotANumber) => {
            "A phone number can have digits, spaces, dashes, brackets and a + at the start, but no letters."
        }
        CardError::Phone(PhoneError::Empty) => "That phone number looks too short.",
        CardError::NoPhoto => "Choose a photo first.",
    }
}

/// What a card shows: its words, its photo, and call and text links for a person.
/// As a `tile` in the box, a favourite says so and long words are cut to a few lines.
#[component]
pub fn CardFace(card: CopingCard, #[prop(optional)] tile: bool) -> impl IntoView {
    let photo = card.photo.clone().map(|id| {
        let alt = if card.title.is_empty() {
            "A photo I chose".to_string()
        } else {
            card.title.clone()
        };
        view! { <StoredPhoto id=id alt=alt/> }
    });
    let reach = (card.kind == CardKind::Person).then(|| {
        let name = card.title.clone();
        view! {
            <div class="coping-card__reach">
                <a class="button button--call" href=tel_href(&card.phone)>{format!("Call {name}")}</a>
                <a class="button button--call" href=sms_href(&card.phone, None)>{format!("Text {name}")}</a>
            </div>
        }
    });
    let favourite = (tile && card.favourite).then(|| {
        view! { <span class="card-tile__fav">" · "<span aria-hidden="true">"★ "</span>"Favourite"</span> }
    });
    view! {
        <p class="coping-card__kind">{card.kind.label()}{favourite}</p>
        {photo}
        {(!card.title.is_empty()).then(|| view! { <h3 class="coping-card__title">{card.title.clone()}</h3> })}
        {(!card.text.is_empty()).then(|| view! { <p class="coping-card__text" class:card-tile__text=tile>{card.text.clone()}</p> })}
        {reach}
    }
}

/// Moves focus to the element with this id, if it is there.
fn focus_id(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

#[component]
pub fn Coping() -> impl IntoView {
    let base = expect_context::<Base>();
    let cards = live_cards();
    let list = Memo::new(move |_| cards.get().and_then(Result::ok).unwrap_or_default());
    let filter = RwSignal::new(Filter::All);
    // The view is in the address, so the browser's back button goes back to the cards.
    let query = use_query_map();
    let editing = Memo::new(move |_| query.with(|q| q.get("edit").is_some()));
    let coping = base.href(Route::Coping);
    let navigate = use_navigate();
    // Where focus goes once the other view is drawn.
    let focus_next = StoredValue::new(None::<&'static str>);
    let go = Callback::new(move |(edit, focus): (bool, &'static str)| {
        focus_next.set_value(Some(focus));
        let href = if edit {
            format!("{coping}?edit")
        } else {
            coping.clone()
        };
        // Our hrefs already carry the base, so the router must not add it again.
        navigate(
            &href,
            NavigateOptions {
                resolve: false,
                ..Default::default()
            },
        );
    });
    Effect::new(move |before: Option<bool>| {
        let now = editing.get();
        if before.is_some_and(|b| b != now) {
            let target =
                focus_next
                    .get_value()
                    .unwrap_or(if now { "edit-title" } else { "edit-box" });
            focus_next.set_value(None);
            request_animation_frame(move || focus_id(target));
        }
        now
    });
    let edit_view = move || {
        view! {
            <section class="coping-edit" aria-labelledby="edit-title">
                <div class="section-head">
                    <h2 id="edit-title" tabindex="-1">"Edit my box"</h2>
                    <button type="button" class="button button--primary" on:click=move |_| go.run((false, "edit-box"))>"Done"</button>
                </div>
                <p>"Add new cards, change them, put them in the order you like or remove them."</p>
                <CardForm list=list/>
                <CardList cards=cards list=list filter=filter/>
            </section>
        }
    };
    view! {
        <Page title=Route::Coping.title()>
            <p class="lead">"Things that help you through hard moments, ready when you need them."</p>
            <div class="actions">
                <A href=base.href(Route::Struggling) attr:class="button button--primary button--big">"I'm struggling"</A>
                <A href=base.href(Route::SafetyPlan) attr:class="button">"My safety plan"</A>
            </div>
            <StarterOffer list=list/>
            <Show when=move || editing.get() fallback=move || view! {
                <section class="coping-cards" aria-labelledby="cards-title">
                    <div class="section-head">
                        <h2 id="cards-title">"Your cards"</h2>
                        <button type="button" id="edit-box" class="button" on:click=move |_| go.run((true, "edit-title"))>"Edit my box"</button>
                    </div>
                    <CardBrowser cards=cards list=list filter=filter on_add=Callback::new(move |_| go.run((true, "card-kind")))/>
                </section>
            }>
                {edit_view}
            </Show>
        </Page>
    }
}
