//! The coping box: cards a person keeps for hard moments (create, edit, delete with
//! undo, reorder, favourite, filter), the starter deck offer, and a way into
//! "I'm struggling".

mod card_form;
mod card_list;
mod people;
mod photo;
mod starter;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::coping::{CardError, CardKind, CopingCard};
use crate::domain::crisis::{sms_href, tel_href, PhoneError};
use crate::domain::record::Record;
use crate::domain::route::Route;
use crate::store::{self, StoreError};
use crate::ui::widgets::Page;
use crate::ui::{Base, DataVersion};

pub use people::MyPeople;
pub use photo::StoredPhoto;

use card_form::CardForm;
use card_list::CardList;
use starter::StarterOffer;

/// The person's cards that are not deleted, in their order. Refetched after any write.
pub fn live_cards() -> LocalResource<Result<Vec<Record<CopingCard>>, StoreError>> {
    let version = expect_context::<DataVersion>().0;
    LocalResource::new(move || {
        version.track();
        async move {
            let mut all = store::list::<CopingCard>().await?;
            all.retain(|r| !r.meta.is_deleted());
            all.sort_by(|a, b| {
                a.body
                    .order
                    .cmp(&b.body.order)
                    .then(a.meta.created.cmp(&b.meta.created))
            });
            Ok(all)
        }
    })
}

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
#[component]
pub fn CardFace(card: CopingCard) -> impl IntoView {
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
    view! {
        <p class="coping-card__kind">{card.kind.label()}</p>
        {photo}
        {(!card.title.is_empty()).then(|| view! { <h3 class="coping-card__title">{card.title.clone()}</h3> })}
        {(!card.text.is_empty()).then(|| view! { <p class="coping-card__text">{card.text.clone()}</p> })}
        {reach}
    }
}

#[component]
pub fn Coping() -> impl IntoView {
    let base = expect_context::<Base>();
    let cards = live_cards();
    let list = Memo::new(move |_| cards.get().and_then(Result::ok).unwrap_or_default());
    view! {
        <Page title=Route::Coping.title()>
            <p class="lead">"Things that help you through hard moments, ready when you need them."</p>
            <div class="actions">
                <A href=base.href(Route::Struggling) attr:class="button button--primary button--big">"I'm struggling"</A>
                <A href=base.href(Route::SafetyPlan) attr:class="button">"My safety plan"</A>
            </div>
            <StarterOffer list=list/>
            <CardForm list=list/>
            <CardList cards=cards list=list/>
        </Page>
    }
}
