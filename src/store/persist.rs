//! Persistent storage: asked for at the first meaningful save, reported in Settings.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::StorageManager;

use super::prefs;

/// What Settings shows about this device's storage.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StorageStatus {
    pub usage: Option<f64>,
    pub quota: Option<f64>,
    /// `None` when the browser cannot tell.
    pub persisted: Option<bool>,
}

fn manager() -> Option<StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Older browsers and some embedded views have no StorageManager.
    js_sys::Reflect::get(&navigator, &"storage".into())
        .ok()?
        .dyn_into::<StorageManager>()
        .ok()
}

/// Asks the browser once to keep this site's data (not to evict it under pressure).
pub async fn request_once() {
    if prefs::persist_asked() {
        return;
    }
    prefs::set_persist_asked();
    let _ = request().await;
}

/// Asks the browser to keep this site's data; returns whether it agreed.
pub async fn request() -> Option<bool> {
    let promise = manager()?.persist().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

pub async fn status() -> StorageStatus {
    let Some(m) = manager() else {
        return StorageStatus::default();
    };
    let mut status = StorageStatus::default();
    if let Ok(p) = m.persisted() {
        status.persisted = JsFuture::from(p).await.ok().and_then(|v| v.as_bool());
    }
    if let Ok(p) = m.estimate() {
        if let Ok(est) = JsFuture::from(p).await {
            let num = |f: &str| {
                js_sys::Reflect::get(&est, &f.into())
                    .ok()
                    .and_then(|v| v.as_f64())
            };
            status.usage = num("usage");
            status.quota = num("quota");
        }
    }
    status
}
