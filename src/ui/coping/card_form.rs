use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, HtmlInputElement, Url};

use crate::domain::coping::{CardKind, CopingCard, MAX_TEXT_CHARS, MAX_TITLE_CHARS};
use crate::domain::drafts::CardDraft;
use crate::domain::record::Record;
use crate::store;
use crate::ui::kit::{enter_never_submits, Form, FormNotices, FormProblems, FormSpec};

use super::card_problem;
use super::photo::{photo_problem, prepare};

/// A few words of a card, to tell two versions apart.
pub fn describe(card: &CopingCard) -> String {
    match (card.title.is_empty(), card.text.is_empty()) {
        (false, false) => format!("{}: {}", card.title, card.text),
        (false, true) => card.title.clone(),
        _ => card.text.clone(),
    }
}

/// Two-way binding of one text field of the form's draft.
pub fn field(
    value: RwSignal<CardDraft>,
    get: fn(&CardDraft) -> &String,
    set: fn(&mut CardDraft) -> &mut String,
) -> (Signal<String>, Callback<String>) {
    (
        Signal::derive(move || value.with(|d| get(d).clone())),
        Callback::new(move |v: String| value.update(|d| *set(d) = v)),
    )
}

/// "Add a card": a new card of any kind. What is typed is kept as a draft until it
/// is saved.
#[component]
pub fn CardForm(list: Memo<Vec<Record<CopingCard>>>) -> impl IntoView {
    let saved = RwSignal::new(false);
    let kit = Form::new(FormSpec {
        draft_key: "card-new".into(),
        editing: None,
        blank: CardDraft::default(),
        from_record: |r: &Record<CopingCard>| CardDraft::of(&r.body),
    });
    let value = kit.value;
    let kind = Signal::derive(move || value.with(|d| d.kind));
    let (title, set_title) = field(value, |d| &d.title, |d| &mut d.title);
    let (text, set_text) = field(value, |d| &d.text, |d| &mut d.text);
    let (phone, set_phone) = field(value, |d| &d.phone, |d| &mut d.phone);
    // The scaled-down picture waiting to be saved, and its preview.
    let photo = RwSignal::new_local(None::<Blob>);
    let preview = RwSignal::new(None::<String>);
    let reading = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let storing_photo = RwSignal::new(false);
    let pending = kit.pending();
    let busy = move || pending.get() || storing_photo.get() || reading.get();

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
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
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
                    let _ = preview.try_set(Url::create_object_url_with_blob(&blob).ok());
                    let _ = photo.try_set(Some(blob));
                }
                Err(e) => {
                    let _ = problem.try_set(Some(photo_problem(e).into()));
                }
            }
            let _ = reading.try_set(false);
        });
    };

    let _ = kit.on_saved(move |_| {
        // The form as it opened, so no empty draft is written.
        value.set(CardDraft::default());
        clear_photo();
        saved.set(true);
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy() {
            return;
        }
        saved.set(false);
        let form = value.get_untracked();
        let k = form.kind;
        let blob = if k == CardKind::Photo {
            photo.get_untracked()
        } else {
            None
        };
        // A placeholder id passes the check; the real one comes from the store.
        let checked = CopingCard::new(
            k,
            &form.title,
            &form.text,
            &form.phone,
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
        match blob {
            None => kit.save(card),
            Some(blob) => {
                // The picture first; the card then refers to it. A picture whose card
                // was never saved is removed by the start-up housekeeping.
                storing_photo.set(true);
                kit.failure.set(None);
                leptos::task::spawn_local(async move {
                    match store::blobs::put(&blob).await {
                        Ok(id) => {
                            card.photo = Some(id);
                            let _ = storing_photo.try_set(false);
                            if kit.load.try_get_untracked().is_some() {
                                kit.save(card);
                            }
                        }
                        Err(e) => {
                            let _ = storing_photo.try_set(false);
                            let _ = kit.failure.try_set(Some(e));
                        }
                    }
                });
            }
        }
    };

    let title_label = move || match kind.get() {
        CardKind::Person => "Name",
        CardKind::Photo => "Caption (optional)",
        _ => "Words on the card",
    };

    view! {
        <form class="card card-form" on:submit=save on:keydown=enter_never_submits aria-labelledby="card-form-title">
            <h2 id="card-form-title">"Add a card"</h2>
            <FormNotices form=kit noun="card"/>
            <div class="field">
                <label class="field__label" for="card-kind">"Kind of card"</label>
                <select
                    id="card-kind"
                    class="field__input"
                    on:change=move |ev| {
                        if let Some(k) = CardKind::parse(&event_target_value(&ev)) {
                            value.update(|d| d.kind = k);
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
                <input id="card-title" class="field__input" type="text" maxlength=MAX_TITLE_CHARS.to_string()
                    prop:value=title on:input=move |ev| set_title.run(event_target_value(&ev))/>
            </div>
            <Show when=move || kind.get() == CardKind::Person>
                <div class="field">
                    <label class="field__label" for="card-phone">"Phone number"</label>
                    <input id="card-phone" class="field__input" type="tel" autocomplete="off"
                        prop:value=phone on:input=move |ev| set_phone.run(event_target_value(&ev))/>
                </div>
            </Show>
            <div class="field">
                <label class="field__label" for="card-text">"More about it (optional)"</label>
                <textarea id="card-text" class="field__input" rows="3" maxlength=MAX_TEXT_CHARS.to_string()
                    prop:value=text on:input=move |ev| set_text.run(event_target_value(&ev))></textarea>
            </div>
            {move || problem.get().map(|p| view! { <p class="message message--problem" role="alert">{p}</p> })}
            <FormProblems form=kit describe=describe/>
            <div class="actions">
                <button type="submit" class="button button--primary" disabled=busy>"Save card"</button>
                <p class="status" role="status">{move || if saved.get() { "Card saved." } else { "" }}</p>
            </div>
        </form>
    }
}
