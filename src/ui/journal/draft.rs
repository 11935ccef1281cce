//! Drafts: what a form holds, kept on the device as it is typed, so a closed tab, a
//! reload, a crash or an update loses nothing. One draft per form and record.

use leptos::prelude::*;

use crate::domain::record::{Body, RecordId};
use crate::store;

/// Keeps a form's value as a draft under `key`.
#[derive(Clone)]
pub struct Draft<T: Body + PartialEq + Send + Sync> {
    key: RecordId,
    form: RwSignal<T>,
    /// The form as it opened: a draft is written only once something differs.
    baseline: StoredValue<Option<T>>,
    /// Bumped by every change (and by a save), so that only the last change of a
    /// burst of typing is written, and nothing after a save.
    generation: StoredValue<u32>,
    /// True once the form holds what it opened with (and any draft).
    pub loaded: RwSignal<bool>,
    /// True when an earlier draft was brought back.
    pub restored: RwSignal<bool>,
}

impl<T: Body + PartialEq + Send + Sync> Draft<T> {
    /// Starts keeping `form` as a draft; writes begin once `open` has run.
    pub fn new(key: RecordId, form: RwSignal<T>) -> Draft<T> {
        let draft = Draft {
            key,
            form,
            baseline: StoredValue::new(None),
            generation: StoredValue::new(0),
            loaded: RwSignal::new(false),
            restored: RwSignal::new(false),
        };
        let d = draft.clone();
        Effect::new(move |_| {
            let value = form.get();
            if !d.loaded.get_untracked() || d.baseline.with_value(|b| b.as_ref() == Some(&value)) {
                return;
            }
            d.generation.update_value(|g| *g += 1);
            let mine = d.generation.get_value();
            let (key, generation) = (d.key.clone(), d.generation);
            set_timeout(
                move || {
                    // The form may be gone by now (saved, or the person moved on).
                    if generation.try_get_value() == Some(mine) {
                        leptos::task::spawn_local(async move {
                            let _ = store::put_scratch(&key, value).await;
                        });
                    }
                },
                std::time::Duration::from_millis(400),
            );
        });
        draft
    }

    /// Call once the form holds what it opens with: brings back a draft if there is
    /// one, then lets the form show.
    pub async fn open(&self) {
        self.baseline.set_value(Some(self.form.get_untracked()));
        if let Ok(Some(d)) = store::get::<T>(&self.key).await {
            if d.body != self.form.get_untracked() {
                self.form.set(d.body);
                self.restored.set(true);
            }
        }
        self.loaded.set(true);
    }

    /// A save is under way: no pending draft write may land after it.
    pub fn saving(&self) {
        let _ = self.generation.try_update_value(|g| *g += 1);
    }

    /// Writes the draft now (after a failed save, in case the tab goes away).
    pub async fn keep_now(&self, value: T) {
        let _ = store::put_scratch(&self.key, value).await;
    }

    /// The record is saved: the draft is no longer needed.
    pub async fn discard(&self) {
        let _ = store::remove::<T>(&self.key).await;
    }
}
