//! Service-worker registration, the "Update available" prompt, and where the app is
//! hosted.
//!
//! Handshake with public/sw.js: a new worker installs and waits; every open tab shows
//! the prompt; "Update now" posts `SKIP_WAITING`; the worker activates and takes
//! control of every tab. Only the tab whose person pressed the button reloads: any
//! other tab keeps what is on screen (a half-typed entry included) and keeps the
//! prompt, whose button now reloads it. The first install never reloads.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// Shared with the UI: whether a new version waits, and how to switch to it.
#[derive(Clone, Copy)]
pub struct Updates {
    pub waiting: RwSignal<bool>,
    registration: StoredValue<Option<ServiceWorkerRegistration>, LocalStorage>,
    /// The person pressed "Update now" in this tab: the new worker taking control
    /// reloads it.
    requested: StoredValue<bool, LocalStorage>,
    /// A new worker took control while this tab kept running its old build (another
    /// tab updated): the prompt's button reloads.
    replaced: StoredValue<bool, LocalStorage>,
}

impl Updates {
    /// Switches this tab to the new version: activates the waiting worker (the page
    /// reloads when it takes control), or reloads if another tab already activated it.
    pub fn apply(&self) {
        self.requested.set_value(true);
        let waiting = self.registration.get_value().and_then(|reg| reg.waiting());
        match waiting {
            Some(worker) if !self.replaced.get_value() => {
                let _ = worker.post_message(&"SKIP_WAITING".into());
            }
            _ => reload(),
        }
    }
}

fn reload() {
    let _ = web_sys::window().map(|w| w.location().reload());
}

/// Where the app is hosted (`""` at a root, `/between` under a sub-path).
///
/// The page's first script (written by tools/precache.mjs) works it out before any of
/// the app's files is fetched and sets it as the page's `<base>`, so a deep address
/// (`journal/`, `journal/x`) loads them from the right folder; the app takes the same
/// folder, so its links and routes agree with where its files came from.
pub fn base() -> String {
    let document = web_sys::window().and_then(|w| w.document());
    let from_base = document
        .as_ref()
        .and_then(|d| d.query_selector("base[href]").ok().flatten())
        .and_then(|b| b.get_attribute("href"));
    let path = from_base.unwrap_or_else(|| {
        web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .unwrap_or_default()
    });
    crate::domain::route::base_from_path(&path)
}

/// Looks for a newer build. Offline the check fails: that is expected and not an error,
/// so the promise is awaited and its failure dropped (unhandled, it would be logged).
fn check_for_update(reg: &ServiceWorkerRegistration) {
    if let Ok(promise) = reg.update() {
        leptos::task::spawn_local(async move {
            let _ = JsFuture::from(promise).await;
        });
    }
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // No service worker on plain http (other than localhost) or in some private modes.
    js_sys::Reflect::get(&navigator, &"serviceWorker".into())
        .ok()?
        .dyn_into()
        .ok()
}

/// The build id the post_build hook stamped into index.html.
pub fn build_id() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=between-build]").ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_else(|| "dev".into())
}

/// Registers `sw.js` under `base` and watches for updates.
pub fn register(base: &str) -> Updates {
    let updates = Updates {
        waiting: RwSignal::new(false),
        registration: StoredValue::new_local(None),
        requested: StoredValue::new_local(false),
        replaced: StoredValue::new_local(false),
    };
    let Some(sw) = container() else {
        return updates;
    };
    let url = format!("{base}/sw.js");
    let reloading = Rc::new(Cell::new(false));
    let controlled = Rc::new(Cell::new(sw.controller().is_some()));
    let on_controller_change = Closure::<dyn Fn()>::new(move || {
        // The first worker taking control of a page that had none is no update.
        if !controlled.replace(true) {
            return;
        }
        if updates.requested.try_get_value() == Some(true) {
            if !reloading.replace(true) {
                reload();
            }
        } else {
            // Another tab updated. Never reload under the person: keep the screen as
            // it is and offer the reload.
            updates.replaced.try_set_value(true);
            updates.waiting.try_set(true);
        }
    });
    sw.set_oncontrollerchange(Some(on_controller_change.as_ref().unchecked_ref()));
    on_controller_change.forget();

    leptos::task::spawn_local(async move {
        let Ok(reg) = JsFuture::from(sw.register(&url)).await else {
            return;
        };
        let reg: ServiceWorkerRegistration = reg.unchecked_into();
        updates.registration.set_value(Some(reg.clone()));
        watch(&reg, &sw, updates.waiting);
        // Look for a newer build now, and whenever the app comes back to the front.
        check_for_update(&reg);
        let again = reg.clone();
        let on_visible = Closure::<dyn Fn()>::new(move || {
            let visible = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
            if visible {
                check_for_update(&again);
            }
        });
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            let _ = doc.add_event_listener_with_callback(
                "visibilitychange",
                on_visible.as_ref().unchecked_ref(),
            );
        }
        on_visible.forget();
    });
    updates
}

fn watch(reg: &ServiceWorkerRegistration, sw: &ServiceWorkerContainer, waiting: RwSignal<bool>) {
    if reg.waiting().is_some() && sw.controller().is_some() {
        waiting.set(true);
    }
    let reg2 = reg.clone();
    let sw2 = sw.clone();
    let on_update_found = Closure::<dyn Fn()>::new(move || {
        let Some(installing) = reg2.installing() else {
            return;
        };
        let worker = installing.clone();
        let sw3 = sw2.clone();
        let on_state = Closure::<dyn Fn()>::new(move || {
            if worker.state() == ServiceWorkerState::Installed && sw3.controller().is_some() {
                waiting.set(true);
            }
        });
        installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        on_state.forget();
    });
    reg.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    on_update_found.forget();
}
