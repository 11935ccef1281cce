//! The passcode lock's screens (issue 12): the lock screen, with "Get help now" that
//! needs no passcode; locking on demand, after a chosen idle time and after the app
//! has been hidden that long (by the wall clock, so a sleeping phone locks too); and
//! the "Passcode lock" section of Settings (`settings.rs`).
//!
//! Locking writes the open forms' drafts (encrypted) first, then wipes the data key
//! and reloads the page: nothing decrypted stays in memory or on the screen.

mod settings;

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::crypto;
use crate::store::{self, lock::Refused};
use crate::ui::crisis::HelpLines;
use crate::ui::kit::stored_plan;
use crate::ui::safety_plan::PlanView;
use crate::ui::widgets::{MyPeople, Page};

pub use settings::PasscodeSection;

/// Whether the app is locked (the lock screen shows instead of every screen).
#[derive(Clone, Copy)]
pub struct Locked(pub RwSignal<bool>);

thread_local! {
    /// When the person last did something (ms since the epoch).
    static LAST_USE: Cell<f64> = const { Cell::new(0.0) };
    static LOCKING: Cell<bool> = const { Cell::new(false) };
}

/// Locks now: drafts written (encrypted), the key wiped, the page reloaded.
pub fn lock_now() {
    if LOCKING.replace(true) || !store::lock::is_on() {
        return;
    }
    crate::ui::kit::draft::flush_all();
    leptos::task::spawn_local(async {
        // The drafts' writes were started just now and encrypt before their first
        // await; give them time to commit before the key goes.
        sleep(300).await;
        store::lock::forget_key();
        let _ = window().location().reload();
    });
}

async fn sleep(ms: i32) {
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(wait).await;
}

/// Locks if the chosen idle time has passed since the last use (a hidden page is not
/// used, so this covers "hidden that long" too, measured by the wall clock).
fn check_idle() {
    if !store::lock::is_on() || store::lock::is_locked() {
        return;
    }
    let Some(minutes) = store::lock::idle_minutes() else {
        return;
    };
    let idle = js_sys::Date::now() - LAST_USE.get();
    if idle >= f64::from(minutes) * 60_000.0 {
        lock_now();
    }
}

/// Watches for use, for the page coming back into view, and checks every few
/// seconds. Installed once at start; does nothing while the lock is off.
pub fn watch() {
    LAST_USE.set(js_sys::Date::now());
    let doc = document();
    let used = Closure::<dyn Fn()>::new(|| LAST_USE.set(js_sys::Date::now()));
    for event in ["pointerdown", "keydown", "input", "wheel", "touchstart"] {
        let _ = doc.add_event_listener_with_callback(event, used.as_ref().unchecked_ref());
    }
    // Back in view: a phone asleep for an hour locks before showing anything.
    let shown = Closure::<dyn Fn()>::new(|| {
        if document().visibility_state() == web_sys::VisibilityState::Visible {
            check_idle();
        }
    });
    let _ =
        doc.add_event_listener_with_callback("visibilitychange", shown.as_ref().unchecked_ref());
    let _ = window().add_event_listener_with_callback("focus", shown.as_ref().unchecked_ref());
    // Another tab turned the lock on (this tab has no key: reads and writes are
    // refused) or off (this tab's lock screen is stale): start afresh.
    let other_tab = Closure::<dyn Fn()>::new(|| {
        let showing_lock = document().get_element_by_id("lock-passcode").is_some();
        if store::lock::is_locked() != showing_lock && !LOCKING.get() {
            crate::ui::kit::draft::flush_all();
            let _ = window().location().reload();
        }
    });
    let _ =
        window().add_event_listener_with_callback("storage", other_tab.as_ref().unchecked_ref());
    let tick = Closure::<dyn Fn()>::new(check_idle);
    let _ = window().set_interval_with_callback_and_timeout_and_arguments_0(
        tick.as_ref().unchecked_ref(),
        5_000,
    );
    // All live as long as the page.
    used.forget();
    shown.forget();
    other_tab.forget();
    tick.forget();
}

/// Plain words for a refused passcode.
fn refused_words(r: &Refused) -> String {
    match r {
        Refused::Wrong { wait: 0 } => "That passcode didn't match. Please try again.".into(),
        Refused::Wrong { wait } => format!(
            "That passcode didn't match. You can try again in {}. Nothing is deleted, however many tries it takes.",
            crypto::wait_words(*wait)
        ),
        Refused::Wait(wait) => format!(
            "Too many tries for now. You can try again in {}. Nothing is deleted, however many tries it takes.",
            crypto::wait_words(*wait)
        ),
        Refused::Weak(words) => (*words).into(),
        Refused::Store(_) => {
            "Something went wrong on this device. Nothing is lost. Please try again.".into()
        }
    }
}

/// The lock screen: the passcode, and help without it.
#[component]
pub fn LockScreen() -> impl IntoView {
    let locked = expect_context::<Locked>().0;
    let passcode = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    // Opened at the help card's address (a shortcut, the static help page's link):
    // help shows at once.
    let at_help = window()
        .location()
        .pathname()
        .is_ok_and(|p| p.trim_end_matches('/').ends_with("/help"));
    let help = RwSignal::new(at_help);
    let wait = store::lock::wait_left();
    if wait > 0 {
        message.set(Some(refused_words(&Refused::Wait(wait))));
    }
    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let typed = passcode.get_untracked();
        busy.set(true);
        message.set(Some("Unlocking…".into()));
        leptos::task::spawn_local(async move {
            match store::lock::unlock(&typed).await {
                Ok(()) => {
                    // A pass left halfway (the tab closed while turning the lock on or
                    // off) is finished now; everything is readable meanwhile.
                    leptos::task::spawn_local(async {
                        if let Err(e) = store::lock::finish_pass().await {
                            web_sys::console::warn_1(&format!("lock pass: {e}").into());
                        }
                    });
                    super::lazy::housekeeping_soon();
                    let _ = passcode.try_set(String::new());
                    let _ = locked.try_set(false);
                }
                Err(r) => {
                    let _ = message.try_set(Some(refused_words(&r)));
                    let _ = busy.try_set(false);
                }
            }
        });
    };
    let open_help = move |_| {
        help.set(true);
        request_animation_frame(|| {
            if let Some(el) = document()
                .get_element_by_id("lock-help-title")
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        });
    };
    view! {
        <Page title="Between is locked">
            <form class="lock-form" on:submit=unlock>
                <div class="field">
                    <label class="field__label" for="lock-passcode">"Passcode"</label>
                    <input id="lock-passcode" class="field__input" type="password"
                        autocomplete="current-password" autofocus
                        prop:value=move || passcode.get()
                        on:input=move |ev| passcode.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="button button--primary" disabled=move || busy.get()>"Unlock"</button>
            </form>
            <p class="message" role="status">{move || message.get()}</p>
            <p>
                <button type="button" class="button" aria-expanded=move || help.get().to_string() on:click=open_help>
                    "Get help now"
                </button>
            </p>
            {move || help.get().then(|| view! { <LockHelp/> })}
        </Page>
    }
}

/// The crisis lines, and the person's plan and people if they chose to keep them
/// readable for this screen.
#[component]
fn LockHelp() -> impl IntoView {
    let plain = store::lock::plain_help();
    view! {
        <section class="card" aria-labelledby="lock-help-title">
            <h2 id="lock-help-title" tabindex="-1">"Get help now"</h2>
            <p class="lead">"You don't have to get through this alone. Someone is there to listen."</p>
            <HelpLines/>
            {plain.then(|| view! { <LockPlan/> })}
        </section>
    }
}

#[component]
fn LockPlan() -> impl IntoView {
    let stored = stored_plan();
    let plan = Memo::new(move |_| stored.get().and_then(Result::ok).flatten().map(|r| r.body));
    view! {
        <section aria-labelledby="lock-people-title">
            <h3 id="lock-people-title">"My people"</h3>
            <MyPeople empty="No people saved yet."/>
        </section>
        <section aria-labelledby="lock-plan-title">
            <h3 id="lock-plan-title">"My safety plan"</h3>
            {move || match plan.get() {
                Some(p) if !p.is_empty() => view! { <PlanView plan=p/> }.into_any(),
                _ => view! { <p class="muted">"No safety plan saved yet."</p> }.into_any(),
            }}
        </section>
    }
}
