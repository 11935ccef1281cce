//! Drafts: what a form holds, kept on this device as it is typed, so a closed tab, a
//! reload, a crash or an update loses nothing. One draft per form and record.
//!
//! A draft is written 400 ms after typing pauses, and at once when the page is
//! hidden or closed (`visibilitychange`, `pagehide`): a phone may kill a tab in the
//! background without another word. A draft that cannot be written says so once.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::domain::record::{Body, RecordId};
use crate::store;

type Flush = Rc<dyn Fn()>;

thread_local! {
    /// Every open form's "write your draft now", by a number of its own.
    static FLUSHERS: RefCell<Vec<(u64, Flush)>> = const { RefCell::new(Vec::new()) };
    static NEXT: Cell<u64> = const { Cell::new(0) };
    static LISTENING: Cell<bool> = const { Cell::new(false) };
}

/// Writes every open form's pending draft now.
pub fn flush_all() {
    let all: Vec<Flush> = FLUSHERS.with(|f| f.borrow().iter().map(|(_, f)| f.clone()).collect());
    for f in all {
        f();
    }
}

/// Listens once for the page being hidden or closed.
fn listen() {
    if LISTENING.replace(true) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_hide = Closure::<dyn Fn()>::new(|| {
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
        if hidden {
            flush_all();
        }
    });
    let on_pagehide = Closure::<dyn Fn()>::new(flush_all);
    if let Some(doc) = window.document() {
        let _ = doc
            .add_event_listener_with_callback("visibilitychange", on_hide.as_ref().unchecked_ref());
    }
    let _ =
        window.add_event_listener_with_callback("pagehide", on_pagehide.as_ref().unchecked_ref());
    // Both live as long as the page.
    on_hide.forget();
    on_pagehide.forget();
}

/// Keeps a form's value as a draft under `key` (a record of `Kind::Draft`).
pub struct Draft<T: Body + PartialEq + Send + Sync> {
    key: StoredValue<RecordId>,
    form: RwSignal<T>,
    /// The form as it opened: a draft is written only once something differs.
    baseline: StoredValue<Option<T>>,
    /// Typed but not yet written.
    pending: StoredValue<Option<T>>,
    /// Bumped by every change (and by a save), so that only the last change of a
    /// burst of typing is written, and nothing after a save.
    generation: StoredValue<u32>,
    /// True once the form holds what it opened with (and any draft).
    pub loaded: RwSignal<bool>,
    /// True when an earlier draft was brought back.
    pub restored: RwSignal<bool>,
    /// True once a draft could not be written (said once, in plain words).
    pub failed: RwSignal<bool>,
}

impl<T: Body + PartialEq + Send + Sync> Clone for Draft<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Body + PartialEq + Send + Sync> Copy for Draft<T> {}

impl<T: Body + PartialEq + Send + Sync> Draft<T> {
    /// Starts keeping `form` as a draft; writes begin once `open` has run.
    pub fn new(key: RecordId, form: RwSignal<T>) -> Draft<T> {
        let draft = Draft {
            key: StoredValue::new(key),
            form,
            baseline: StoredValue::new(None),
            pending: StoredValue::new(None),
            generation: StoredValue::new(0),
            loaded: RwSignal::new(false),
            restored: RwSignal::new(false),
            failed: RwSignal::new(false),
        };
        Effect::new(move |_| {
            let value = form.get();
            if !draft.loaded.get_untracked()
                || draft.baseline.with_value(|b| b.as_ref() == Some(&value))
            {
                return;
            }
            draft.pending.set_value(Some(value));
            draft.generation.update_value(|g| *g += 1);
            let mine = draft.generation.get_value();
            set_timeout(
                move || {
                    // The form may be gone by now (saved, or the person moved on).
                    if draft.generation.try_get_value() == Some(mine) {
                        draft.write_pending();
                    }
                },
                std::time::Duration::from_millis(400),
            );
        });
        listen();
        let number = NEXT.with(|n| n.replace(n.get() + 1));
        let flush: Flush = Rc::new(move || draft.write_pending());
        FLUSHERS.with(|f| f.borrow_mut().push((number, flush)));
        on_cleanup(move || {
            // Leaving the screen within the pause still keeps what was just typed.
            draft.write_pending();
            FLUSHERS.with(|f| f.borrow_mut().retain(|(n, _)| *n != number));
        });
        draft
    }

    /// Writes what is typed and not yet written, if anything.
    fn write_pending(&self) {
        let Some(Some(value)) = self.pending.try_update_value(Option::take) else {
            return;
        };
        let Some(key) = self.key.try_get_value() else {
            return;
        };
        let failed = self.failed;
        leptos::task::spawn_local(async move {
            if store::put_scratch(&key, value).await.is_err() {
                let _ = failed.try_set(true);
            }
        });
    }

    /// The draft's id, to be removed in the same transaction as the save.
    pub fn key(&self) -> RecordId {
        self.key.get_value()
    }

    /// Call once the form holds what it opens with: brings back a draft if there is
    /// one, then lets the form show. Safe if the form is gone by the time the draft
    /// has been read.
    pub async fn open(&self) {
        let Some(now) = self.form.try_get_untracked() else {
            return;
        };
        self.baseline.set_value(Some(now.clone()));
        let key = self.key.get_value();
        if let Ok(Some(d)) = store::get::<T>(&key).await {
            if d.body != now {
                let _ = self.form.try_set(d.body);
                let _ = self.restored.try_set(true);
            }
        }
        let _ = self.loaded.try_set(true);
    }

    /// A save is under way: no waiting draft write may land after it.
    pub fn saving(&self) {
        let _ = self.generation.try_update_value(|g| *g += 1);
        let _ = self.pending.try_update_value(|p| *p = None);
    }

    /// Writes what is in the form now (after a failed save, in case the tab goes away).
    pub fn keep_now(&self) {
        if let Some(value) = self.form.try_get_untracked() {
            let _ = self.pending.try_set_value(Some(value));
            self.write_pending();
        }
    }

    /// Drops the draft (the person chose another version, or cleared the form).
    pub fn discard(&self) {
        self.saving();
        let key = self.key.get_value();
        leptos::task::spawn_local(async move {
            let _ = store::remove::<T>(&key).await;
        });
    }
}
