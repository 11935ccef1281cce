use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, HtmlInputElement, Url};

use crate::domain::coping::{CardKind, CopingCard, MAX_TEXT_CHARS, MAX_TITLE_CHARS};
use crate::domain::record::Record;
use crate::store::{self, StoreError};
use crate::ui::widgets::StoreMessage;

use super::card_problem;
use super::photo::{photo_problem, prepare};

/// "Add a card": a new card of any kind. What was typed stays until it is saved.
#[component]
pub fn CardForm(list: Memo<Vec<Record<CopingCard>>>) -> impl IntoView {
    let kind = RwSignal::new(CardKind::Skill);
    let title = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    // The scaled-down picture waiting to be saved, and its preview.
    let photo = RwSignal::new_local(None::<Blob>);
    let preview = RwSignal::new(None::<String>);
    let reading = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<StoreError>);
    let saving = RwSignal::new(false);
    let saved = RwSignal::new(false);

    let clear_photo = move || {
        if let Some(u) = preview.get_untracked() {
            let _ = Url::revoke_object_url(&u);
        }
        preview.set(None);
        photo.set(None);
    };
    on_cleanup(move || {
        if let Some(Some(u)) = preview.try_get_untracked() {
            let _ = Url::revoke_object_url(&u);
        }
    });

    let choose = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        // The same file can be chosen again after a problem.
        input.set_value("");
        clear_photo();
        problem.set(None);
        reading.set(true);
        leptos::task::spawn_local(async move {
            match prepare(file).await {
                Ok(blob) => {
                    preview.set(Url::create_object_url_with_blob(&blob).ok());
                    photo.set(Some(blob));
                }
                Err(e) => problem.set(Some(photo_problem(e).into())),
            }
            reading.set(false);
        });
    };

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() || reading.get_untracked() {
            return;
        }
        saved.set(false);
        let k = kind.get_untracked();
        let blob = if k == CardKind::Photo {
            photo.get_untracked()
        } else {
            None
        };
        // A placeholder id passes the check; the real one comes from the store.
        let checked = CopingCard::new(
            k,
            &title.get_untracked(),
            &text.get_untracked(),
            &phone.get_untracked(),
            blob.as_ref().map(|_| String::new()),
        );
        let mut card = match checked {
            Ok(card) => card,
            Err(e) => return problem.set(Some(card_problem(k, e).into())),
        };
        problem.set(None);
        // New cards go first.
        card.order = list
            .get_untracked()
            .iter()
            .map(|r| r.body.order - 1)
            .min()
            .unwrap_or(0);
        saving.set(true);
        leptos::task::spawn_local(async move {
            let result = async {
                if let Some(blob) = &blob {
                    let id = store::blobs::put(blob).await?;
                    card.photo = Some(id.clone());
                    if let Err(e) = store::create(card).await {
                        // Nothing half-saved: the picture goes with the card.
                        let _ = store::blobs::delete(&id).await;
                        return Err(e);
                    }
                    Ok(())
                } else {
                    store::create(card).await.map(|_| ())
                }
            }
            .await;
            match result {
                Ok(()) => {
                    failure.set(None);
                    title.set(String::new());
                    text.set(String::new());
                    phone.set(String::new());
                    clear_photo();
                    saved.set(true);
                }
                Err(e) => failure.set(Some(e)),
            }
            saving.set(false);
        });
    };

    let title_label = move || match kind.get() {
        CardKind::Person => "Name",
        CardKind::Photo => "Caption (optional)",
        _ => "Words on the card",
    };

    view! {
        <form class="card card-form" on:submit=save aria-labelledby="card-form-title">
            <h2 id="card-form-title">"Add a card"</h2>
            <div class="field">
                <label class="field__label" for="card-kind">"Kind of card"</label>
                <select
                    id="card-kind"
                    class="field__input"
                    on:change=move |ev| {
                        if let Some(k) = CardKind::parse(&event_target_value(&ev)) {
                            kind.set(k);
                            problem.set(None);
                        }
                    }
                    prop:value=move || kind.get().as_str()
                >
                    {CardKind::ALL.into_iter().map(|k| view! {
                        <option value=k.as_str() selected=move || kind.get() == k>{k.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            <Show when=move || kind.get() == CardKind::Photo>
                <div class="field">
                    <p class="field__label">"Photo"</p>
                    <div class="actions photo-pick">
                        <input id="card-photo-take" class="visually-hidden" type="file" accept="image/*" capture="environment" on:change=choose/>
                        <label class="button" for="card-photo-take">"Take a photo"</label>
                        <input id="card-photo-choose" class="visually-hidden" type="file" accept="image/*" on:change=choose/>
                        <label class="button" for="card-photo-choose">"Choose a photo"</label>
                    </div>
                    {move || reading.get().then(|| view! { <p class="status">"Getting the photo ready…"</p> })}
                    {move || preview.get().map(|u| view! { <img class="photo photo--preview" src=u alt="The photo you chose"/> })}
                    <p class="muted">"The photo stays on this device. It is made smaller to save space."</p>
                </div>
            </Show>
            <div class="field">
                <label class="field__label" for="card-title">{title_label}</label>
                <input id="card-title" class="field__input" type="text" maxlength=MAX_TITLE_CHARS.to_string() bind:value=title/>
            </div>
            <Show when=move || kind.get() == CardKind::Person>
                <div class="field">
                    <label class="field__label" for="card-phone">"Phone number"</label>
                    <input id="card-phone" class="field__input" type="tel" autocomplete="off" bind:value=phone/>
                </div>
            </Show>
            <div class="field">
                <label class="field__label" for="card-text">"More about it (optional)"</label>
                <textarea id="card-text" class="field__input" rows="3" maxlength=MAX_TEXT_CHARS.to_string() bind:value=text></textarea>
            </div>
            {move || problem.get().map(|p| view! { <p class="message message--problem" role="alert">{p}</p> })}
            <StoreMessage error=failure/>
            <div class="actions">
                <button type="submit" class="button button--primary" disabled=move || saving.get() || reading.get()>"Save card"</button>
                <p class="status" role="status">{move || if saved.get() { "Card saved." } else { "" }}</p>
            </div>
        </form>
    }
}

fn event_target(ev: &leptos::ev::Event) -> HtmlInputElement {
    ev.target().expect("change has a target").unchecked_into()
}
