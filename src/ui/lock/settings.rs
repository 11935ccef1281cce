//! Settings' "Passcode lock" section: turn it on (after saying plainly that a
//! forgotten passcode cannot be recovered), lock now, the idle time, the lock
//! screen's safety plan, change the passcode, turn it off.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::journal::JournalEntry;
use crate::domain::route::Route;
use crate::store;
use crate::ui::context::Base;

use super::{lock_now, refused_words};

/// Entries written before the lock is offered.
const OFFER_AFTER: usize = 5;

const IDLE_CHOICES: [(Option<u32>, &str); 4] = [
    (Some(1), "1 minute"),
    (Some(5), "5 minutes"),
    (Some(15), "15 minutes"),
    (None, "Never"),
];

#[component]
pub fn PasscodeSection() -> impl IntoView {
    let on = RwSignal::new(store::lock::is_on());
    view! {
        <section class="card" aria-labelledby="lock-title">
            <h2 id="lock-title">"Passcode lock"</h2>
            {move || if on.get() {
                view! { <LockOn on=on/> }.into_any()
            } else {
                view! { <LockOff on=on/> }.into_any()
            }}
        </section>
    }
}

/// A password field with its label.
#[component]
fn Secret(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(default = "new-password")] autocomplete: &'static str,
) -> impl IntoView {
    view! {
        <div class="field">
            <label class="field__label" for=id>{label}</label>
            <input id=id class="field__input" type="password" autocomplete=autocomplete
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))/>
        </div>
    }
}

#[component]
fn LockOff(on: RwSignal<bool>) -> impl IntoView {
    let base = expect_context::<Base>();
    let first = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let status = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let turn_on = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (a, b) = (first.get_untracked(), again.get_untracked());
        if let Err(words) = crate::crypto::check_passcode(&a) {
            status.set(Some(words.into()));
            return;
        }
        if a != b {
            status.set(Some(
                "The two passcodes are not the same. Please type them again.".into(),
            ));
            return;
        }
        busy.set(true);
        status.set(Some(
            "Encrypting your data… Please keep Between open.".into(),
        ));
        leptos::task::spawn_local(async move {
            match store::lock::turn_on(&a).await {
                Ok(()) => {
                    let _ = first.try_set(String::new());
                    let _ = again.try_set(String::new());
                    let _ = on.try_set(true);
                }
                Err(r) => {
                    let _ = status.try_set(Some(refused_words(&r)));
                    let _ = busy.try_set(false);
                }
            }
        });
    };
    // Offered gently once a few entries are written: one line, "Not now" for good.
    let offered = RwSignal::new(false);
    if !store::lock::offer_dismissed() {
        leptos::task::spawn_local(async move {
            let few = store::list_recent::<JournalEntry>(OFFER_AFTER)
                .await
                .is_ok_and(|l| l.len() >= OFFER_AFTER);
            let _ = offered.try_set(few);
        });
    }
    let not_now = move |_| {
        store::lock::dismiss_offer();
        offered.set(false);
    };
    view! {
        {move || offered.get().then(|| view! {
            <p class="message">
                "You have written a few entries now. If others can use this device, a passcode keeps them private. "
                <button type="button" class="button" on:click=not_now>"Not now"</button>
            </p>
        })}
        <p>"With a passcode, everything you write here, photos included, is encrypted on this device, and Between asks for the passcode each time it opens. Help is never locked: the crisis lines open without it."</p>
        <p class="message message--problem">
            <strong>"If you forget your passcode, your data cannot be recovered."</strong>
            " Nobody can reset it or get your entries back. Make a backup first, and keep the passcode somewhere safe. "
            <A href=base.href(Route::Backup)>"Make a backup"</A>
        </p>
        <form on:submit=turn_on>
            <Secret id="lock-new" label="New passcode" value=first/>
            <Secret id="lock-new-again" label="Type the passcode again" value=again/>
            <p class="muted">"At least 6 digits, or a passphrase of 8 characters or more."</p>
            <button type="submit" class="button button--primary" disabled=move || busy.get()>"Turn on the lock"</button>
        </form>
        <p class="message" role="status">{move || status.get()}</p>
    }
}

#[component]
fn LockOn(on: RwSignal<bool>) -> impl IntoView {
    let idle = RwSignal::new(store::lock::idle_minutes());
    let plain = RwSignal::new(store::lock::plain_help());
    let status = RwSignal::new(None::<String>);
    let choices = IDLE_CHOICES
        .into_iter()
        .map(|(minutes, label)| {
            let value = minutes.map_or("never".to_string(), |m| m.to_string());
            view! {
                <option value=value selected=move || idle.get() == minutes>{label}</option>
            }
        })
        .collect_view();
    let pick_idle = move |ev| {
        let v = event_target_value(&ev);
        let minutes = v.parse::<u32>().ok();
        if store::lock::set_idle_minutes(minutes).is_ok() {
            idle.set(minutes);
        }
    };
    let pick_plain = move |ev| {
        let show = event_target_checked(&ev);
        status.set(Some("Saving…".into()));
        leptos::task::spawn_local(async move {
            let words = match store::lock::set_plain_help(show).await {
                Ok(()) => {
                    let _ = plain.try_set(show);
                    if show {
                        "Your safety plan and people now show on the lock screen."
                    } else {
                        "Your safety plan and people are encrypted again."
                    }
                }
                Err(_) => "That didn't work. Nothing is lost. Please try again.",
            };
            let _ = status.try_set(Some(words.into()));
        });
    };
    view! {
        <p>"The lock is on: what you write is encrypted on this device."</p>
        <p><button type="button" class="button" on:click=move |_| lock_now()>"Lock now"</button></p>
        <div class="field">
            <label class="field__label" for="lock-idle">"Lock when not used for"</label>
            <select id="lock-idle" class="field__input" on:change=pick_idle>{choices}</select>
        </div>
        <p class="muted">"Also when Between has been in the background that long, even if the phone was asleep."</p>
        <label class="choice">
            <input type="checkbox" aria-describedby="lock-plain-about"
                prop:checked=move || plain.get() on:change=pick_plain/>
            <span>"Show my safety plan and people on the lock screen"</span>
        </label>
        <p id="lock-plain-about" class="muted">"Then “Get help now” on the lock screen shows them too. To make that possible they are stored readable on this device: anyone holding it could see them without the passcode. Everything else stays encrypted."</p>
        <p class="message" role="status">{move || status.get()}</p>
        <ChangePasscode/>
        <TurnOff on=on/>
    }
}

#[component]
fn ChangePasscode() -> impl IntoView {
    let old = RwSignal::new(String::new());
    let first = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let status = RwSignal::new(None::<String>);
    let change = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (o, a, b) = (
            old.get_untracked(),
            first.get_untracked(),
            again.get_untracked(),
        );
        if let Err(words) = crate::crypto::check_passcode(&a) {
            status.set(Some(words.into()));
            return;
        }
        if a != b {
            status.set(Some(
                "The two new passcodes are not the same. Please type them again.".into(),
            ));
            return;
        }
        status.set(Some("Changing…".into()));
        leptos::task::spawn_local(async move {
            let words = match store::lock::change(&o, &a).await {
                Ok(()) => {
                    for s in [old, first, again] {
                        let _ = s.try_set(String::new());
                    }
                    "Your passcode is changed. Use the new one from now on.".to_string()
                }
                Err(r) => refused_words(&r),
            };
            let _ = status.try_set(Some(words));
        });
    };
    view! {
        <form on:submit=change>
            <fieldset>
                <legend>"Change passcode"</legend>
                <Secret id="lock-change-old" label="Current passcode" value=old autocomplete="current-password"/>
                <Secret id="lock-change-new" label="New passcode" value=first/>
                <Secret id="lock-change-again" label="Type the new passcode again" value=again/>
                <button type="submit" class="button">"Change passcode"</button>
                <p class="message" role="status">{move || status.get()}</p>
            </fieldset>
        </form>
    }
}

#[component]
fn TurnOff(on: RwSignal<bool>) -> impl IntoView {
    let code = RwSignal::new(String::new());
    let status = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let off = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let c = code.get_untracked();
        busy.set(true);
        status.set(Some(
            "Decrypting your data… Please keep Between open.".into(),
        ));
        leptos::task::spawn_local(async move {
            match store::lock::turn_off(&c).await {
                Ok(()) => {
                    let _ = on.try_set(false);
                }
                Err(r) => {
                    let _ = status.try_set(Some(refused_words(&r)));
                    let _ = busy.try_set(false);
                }
            }
        });
    };
    view! {
        <form on:submit=off>
            <fieldset>
                <legend>"Turn off the lock"</legend>
                <p class="muted">"Your data is decrypted and kept on this device as before."</p>
                <Secret id="lock-off-code" label="Current passcode" value=code autocomplete="current-password"/>
                <button type="submit" class="button" disabled=move || busy.get()>"Turn off the lock"</button>
                <p class="message" role="status">{move || status.get()}</p>
            </fieldset>
        </form>
    }
}
