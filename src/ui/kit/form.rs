//! The one way a form saves: its record and draft load together, it saves through
//! one local action with a pending state (no double submit), the draft goes in the
//! same transaction as the save, and a change made in another tab meanwhile is shown
//! beside the person's own so they choose which to keep.

use leptos::prelude::*;

use crate::domain::record::{Body, Record, RecordId};
use crate::store::{self, StoreError};

use super::draft::Draft;

/// Where a form is before the person can type into it.
#[derive(Clone, Debug, PartialEq)]
pub enum Load {
    Loading,
    Ready,
    /// The record to edit is not on this device (deleted for good, a stale link).
    Missing,
    /// The record to edit could not be read: the form is never offered as a new one.
    Failed(StoreError),
}

/// Why a save did not happen.
#[derive(Clone, Debug, PartialEq)]
enum SaveError<R: Body> {
    /// Changed elsewhere since it was read: mine and the other version.
    Conflict(Box<(R, Record<R>)>),
    Store(StoreError),
}

type Saved<R> = Result<Record<R>, SaveError<R>>;

/// A save as the action sees it: the same two types for every kind of form, so the
/// action's machinery is in the wasm once rather than once per form type.
type Job = std::rc::Rc<dyn Fn() -> std::pin::Pin<Box<dyn std::future::Future<Output = Outcome>>>>;
type Outcome = std::rc::Rc<dyn std::any::Any>;
type OnSaved<R> = std::rc::Rc<dyn Fn(Record<R>)>;

/// What a form is made of. `F` is what the form holds as it is typed (kept as the
/// draft), `R` the record it saves.
pub struct FormSpec<F, R: Body> {
    /// The draft's id, one per form and record ("journal-new", "journal-<id>").
    pub draft_key: String,
    /// The record being edited, if any.
    pub editing: Option<RecordId>,
    /// A new, empty form.
    pub blank: F,
    /// The form for a stored record.
    pub from_record: fn(&Record<R>) -> F,
}

/// A form's state, shared by its parts. Copy, like a signal.
pub struct Form<F: Body + PartialEq + Send + Sync, R: Body + PartialEq + Send + Sync> {
    /// What the form holds now.
    pub value: RwSignal<F>,
    pub load: RwSignal<Load>,
    /// The record as last read or saved (None for a new one).
    pub original: RwSignal<Option<Record<R>>>,
    /// A save failed: plain words come from `StoreMessage`; what was typed stays.
    pub failure: RwSignal<Option<StoreError>>,
    /// My version and the one saved elsewhere, while the person chooses.
    pub conflict: RwSignal<Option<(R, Record<R>)>>,
    pub draft: Draft<F>,
    from_record: StoredValue<fn(&Record<R>) -> F>,
    action: Action<Job, Outcome>,
    on_saved: StoredValue<Option<OnSaved<R>>, LocalStorage>,
}

impl<F: Body + PartialEq + Send + Sync, R: Body + PartialEq + Send + Sync> Clone for Form<F, R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F: Body + PartialEq + Send + Sync, R: Body + PartialEq + Send + Sync> Copy for Form<F, R> {}

impl<F: Body + PartialEq + Send + Sync, R: Body + PartialEq + Send + Sync> Form<F, R> {
    /// Loads the record being edited and any draft; the form is `Ready` once both are in.
    pub fn new(spec: FormSpec<F, R>) -> Form<F, R> {
        let value = RwSignal::new(spec.blank);
        let draft = Draft::new(RecordId(spec.draft_key), value);
        let action: Action<Job, Outcome> = Action::new_local(|job: &Job| job());
        let form = Form {
            value,
            load: RwSignal::new(Load::Loading),
            original: RwSignal::new(None),
            failure: RwSignal::new(None),
            conflict: RwSignal::new(None),
            draft,
            from_record: StoredValue::new(spec.from_record),
            action,
            on_saved: StoredValue::new_local(None),
        };
        // Results are handled here, by an effect of this form: a form that is gone
        // by the time its save ends is never touched.
        Effect::new(move |_| {
            let Some(outcome) = action.value().get() else {
                return;
            };
            let Some(result) = outcome.downcast_ref::<Saved<R>>().cloned() else {
                return;
            };
            match result {
                Ok(saved) => {
                    // Editing goes on from the saved version; a new-record form stays a
                    // new-record form (the coping box's "Add a card" adds the next card).
                    if form.original.with_untracked(Option::is_some) {
                        form.original.set(Some(saved.clone()));
                    }
                    if let Some(callback) = form.on_saved.get_value() {
                        callback(saved);
                    }
                }
                Err(SaveError::Conflict(both)) => {
                    form.draft.keep_now();
                    form.conflict.set(Some(*both));
                }
                Err(SaveError::Store(e)) => {
                    form.draft.keep_now();
                    form.failure.set(Some(e));
                }
            }
        });
        let editing = spec.editing;
        leptos::task::spawn_local(async move {
            if let Some(id) = editing {
                match store::get::<R>(&id).await {
                    Ok(Some(r)) => {
                        let Some(from) = form.from_record.try_get_value() else {
                            return;
                        };
                        let _ = form.value.try_set(from(&r));
                        let _ = form.original.try_set(Some(r));
                    }
                    Ok(None) => {
                        let _ = form.load.try_set(Load::Missing);
                        return;
                    }
                    Err(e) => {
                        let _ = form.load.try_set(Load::Failed(e));
                        return;
                    }
                }
            }
            form.draft.open().await;
            let _ = form.load.try_set(Load::Ready);
        });
        form
    }

    /// Runs `f` with each saved record (after the draft is gone with it).
    pub fn on_saved(self, f: impl Fn(Record<R>) + 'static) -> Self {
        self.on_saved.set_value(Some(std::rc::Rc::new(f)));
        self
    }

    /// How a screen that both adds and changes records ends a save: a new record empties
    /// the form back to `blank` (so no empty draft is written) and sets `saved`, ready for
    /// the next one; a changed record goes back to `back`.
    pub fn next_or_back(self, is_new: bool, blank: F, saved: RwSignal<bool>, back: String) -> Self
    where
        F: Clone + 'static,
    {
        let value = self.value;
        let done_to = go_to(back);
        self.on_saved(move |_| {
            if is_new {
                value.set(blank.clone());
                saved.set(true);
            } else {
                done_to();
            }
        })
    }

    /// True while a save is under way: the save button is disabled and a second
    /// submit does nothing.
    pub fn pending(&self) -> Memo<bool> {
        self.action.pending()
    }

    pub fn ready(&self) -> bool {
        self.load.with(|l| *l == Load::Ready)
    }

    /// Saves `body` (new, or on top of the record being edited). Does nothing while
    /// another save of this form is under way, before the form has loaded, or while
    /// the person is choosing between two versions.
    pub fn save(&self, body: R) {
        if self.action.pending().get_untracked()
            || self.load.with_untracked(|l| *l != Load::Ready)
            || self.conflict.with_untracked(Option::is_some)
        {
            return;
        }
        self.failure.set(None);
        self.draft.saving();
        let (original, key) = (self.original.get_untracked(), self.draft.key());
        let job: Job = std::rc::Rc::new(move || {
            let (original, body, key) = (original.clone(), body.clone(), key.clone());
            Box::pin(async move { std::rc::Rc::new(save(original, body, &key).await) as Outcome })
        });
        self.action.dispatch_local(job);
    }

    /// Keeps my version: saved on top of the other one, which the person has seen.
    pub fn keep_mine(&self) {
        let Some((mine, theirs)) = self.conflict.get_untracked() else {
            return;
        };
        let mut base = theirs;
        // Mine was not deleted: keeping it brings it back out of the trash.
        base.meta.deleted = None;
        self.original.set(Some(base));
        self.conflict.set(None);
        self.save(mine);
    }

    /// Takes the other version into the form; my unsaved changes are dropped.
    pub fn take_theirs(&self) {
        let Some((_, theirs)) = self.conflict.get_untracked() else {
            return;
        };
        let from = self.from_record.get_value();
        self.value.set(from(&theirs));
        self.original.set(Some(theirs));
        self.conflict.set(None);
        self.draft.discard();
    }
}

async fn save<R: Body>(original: Option<Record<R>>, body: R, draft: &RecordId) -> Saved<R> {
    let result = match &original {
        Some(o) => {
            store::update_clearing(
                &Record {
                    meta: o.meta.clone(),
                    body: body.clone(),
                },
                Some(draft),
            )
            .await
        }
        None => store::create_clearing(body.clone(), Some(draft)).await,
    };
    match (result, original) {
        (Err(StoreError::Conflict { .. }), Some(o)) => match store::get::<R>(&o.meta.id).await {
            Ok(Some(theirs)) => Err(SaveError::Conflict(Box::new((body, theirs)))),
            // Removed for good elsewhere: save mine as it was, as a new revision of nothing.
            Ok(None) => Err(SaveError::Store(StoreError::Conflict { stored: 0 })),
            Err(e) => Err(SaveError::Store(e)),
        },
        (result, _) => result.map_err(SaveError::Store),
    }
}

/// For a form's keydown: Enter in a one-line field (a phone's "Go" key too) never
/// submits a form that has more to fill in. Enter still works in text areas and on
/// buttons.
pub fn enter_never_submits(ev: leptos::ev::KeyboardEvent) {
    use wasm_bindgen::JsCast;
    if ev.key() != "Enter" {
        return;
    }
    let in_field = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|i| {
            !matches!(
                i.type_().as_str(),
                "submit" | "button" | "checkbox" | "radio"
            )
        });
    if in_field {
        ev.prevent_default();
    }
}

/// A form's draft key: `"<name>-new"` for a new record, `"<name>-<id>"` for the record
/// being edited.
pub fn draft_key(name: &str, editing: Option<&RecordId>) -> String {
    match editing {
        Some(id) => format!("{name}-{}", id.as_str()),
        None => format!("{name}-new"),
    }
}

/// A text field bound to one `String` of a form's value: what it shows, and the input
/// handler that writes it and clears the form's problem message (the person is fixing it).
pub fn text_field<F: Send + Sync + 'static>(
    value: RwSignal<F>,
    problem: RwSignal<Option<String>>,
    get: fn(&F) -> &String,
    set: fn(&mut F, String),
) -> (
    impl Fn() -> String + Copy + Send + Sync + 'static,
    impl Fn(leptos::ev::Event) + Copy + 'static,
) {
    (
        move || value.with(|f| get(f).clone()),
        move |ev| {
            let text = event_target_value(&ev);
            value.update(|f| set(f, text));
            problem.set(None);
        },
    )
}

/// Goes to `href`, an address of this app with its base already in it (so the router
/// must not add the base again): where a form goes once it is saved.
pub fn go_to(href: String) -> impl Fn() + Clone + 'static {
    let navigate = leptos_router::hooks::use_navigate();
    move || {
        let options = leptos_router::NavigateOptions {
            resolve: false,
            ..Default::default()
        };
        navigate(&href, options);
    }
}
