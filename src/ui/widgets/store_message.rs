use leptos::prelude::*;

use crate::store::StoreError;

/// Plain words for a database a newer version of Between has upgraded, for a failed
/// save and a failed load alike.
pub const NEWER_VERSION: &str =
    "A newer version of Between was used on this device. Reload to update.";

/// Plain words for a failed save. Each says what happened, that nothing typed is
/// lost, and what to do.
pub fn store_message(error: &StoreError) -> &'static str {
    match error {
        StoreError::QuotaExceeded => {
            "This device is out of space for Between, so this wasn't saved. Your text is still here. Free up some space, then try again."
        }
        StoreError::Conflict { .. } => {
            "This was changed in another tab or window, so we didn't save over it. Nothing is lost: please look at it again and then try once more."
        }
        StoreError::Unavailable(_) => {
            "Between couldn't reach this device's storage, so this wasn't saved. Your text is still here. Please try again."
        }
        StoreError::NewerVersion => NEWER_VERSION,
        StoreError::Locked => {
            "Between is locked, so this wasn't saved. Unlock it, then try again."
        }
        StoreError::Corrupt(_) | StoreError::Other(_) => {
            "Something went wrong, so this wasn't saved. Your text is still here. Please try again."
        }
    }
}

/// Shows a storage problem, if any, as an alert next to what failed.
#[component]
pub fn StoreMessage(#[prop(into)] error: Signal<Option<StoreError>>) -> impl IntoView {
    move || {
        error.get().map(|e| {
            view! { <p class="message message--problem" role="alert">{store_message(&e)}</p> }
        })
    }
}
