//! Service-worker registration and the "Update available" prompt.
//!
//! Handshake with public/sw.js: a new worker installs and waits; the page shows the
//! prompt; the button posts `SKIP_WAITING`; the worker activates and takes control;
//! the page reloads once on `controllerchange`. The first install never reloads.

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
}

impl Updates {
    /// Activates the waiting version; the page reloads when it takes control.
    pub fn apply(&self) {
        let Some(reg) = self.registration.get_value() else {
            return;
        };
        if let Some(worker) = reg.waiting() {
            let _ = worker.post_message(&"SKIP_WAITING".into());
        }
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
    };
    let Some(sw) = container() else {
        return updates;
    };
    let url = format!("{base}/sw.js");
    let reloading = Rc::new(Cell::new(false));
    let had_controller = sw.controller().is_some();
    let on_controller_change = Closure::<dyn Fn()>::new(move || {
        // Only a replacement reloads; the first worker taking control does not.
        if had_controller && !reloading.replace(true) {
            let _ = web_sys::window().map(|w| w.location().reload());
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
        let _ = reg.update();
        let again = reg.clone();
        let on_visible = Closure::<dyn Fn()>::new(move || {
            let visible = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
            if visible {
                let _ = again.update();
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
