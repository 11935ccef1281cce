//! One loader per record kind, and one view for "loading / could not load / empty /
//! the list", so a load error is never shown as an empty screen.

use leptos::prelude::*;

use crate::domain::coping::CopingCard;
use crate::domain::record::{Body, Record};
use crate::domain::safety_plan::SafetyPlan;
use crate::store::{self, StoreError};
use crate::ui::context::DataVersion;

pub type Loaded<T> = Result<Vec<Record<T>>, StoreError>;

/// The records of a kind that are not deleted, reloaded whenever data changes here or
/// in another tab. A failed read stays an error; it never becomes an empty list.
pub fn live<T: Body + Send + Sync>() -> LocalResource<Loaded<T>> {
    let version = expect_context::<DataVersion>().0;
    LocalResource::new(move || {
        version.track();
        async move {
            let mut all = store::list::<T>().await?;
            all.retain(|r| !r.meta.is_deleted());
            Ok(all)
        }
    })
}

/// Every record of a kind, deleted ones included (the trash).
pub fn with_deleted<T: Body + Send + Sync>() -> LocalResource<Loaded<T>> {
    let version = expect_context::<DataVersion>().0;
    LocalResource::new(move || {
        version.track();
        store::list::<T>()
    })
}

/// The person's cards that are not deleted, in their order. Refetched after any write.
pub fn live_cards() -> LocalResource<Result<Vec<Record<CopingCard>>, StoreError>> {
    let version = expect_context::<DataVersion>().0;
    LocalResource::new(move || {
        version.track();
        async move {
            let mut all = store::list::<CopingCard>().await?;
            all.retain(|r| !r.meta.is_deleted());
            // Ties are broken by creation time and then id, so an unstable sort (smaller
            // in the wasm) gives the same order every time.
            all.sort_unstable_by(|a, b| {
                (a.body.order, a.meta.created, &a.meta.id.0).cmp(&(
                    b.body.order,
                    b.meta.created,
                    &b.meta.id.0,
                ))
            });
            Ok(all)
        }
    })
}

/// The person's plan (the oldest one, should two tabs each have made one), if any.
pub fn stored_plan() -> LocalResource<Result<Option<Record<SafetyPlan>>, StoreError>> {
    let version = expect_context::<DataVersion>().0;
    LocalResource::new(move || {
        version.track();
        async move {
            let mut all = store::list::<SafetyPlan>().await?;
            all.retain(|r| !r.meta.is_deleted());
            Ok(all
                .into_iter()
                .min_by_key(|r| (r.meta.created, r.meta.id.0.clone())))
        }
    })
}

/// What a list screen can be showing.
#[derive(Clone, Debug, PartialEq)]
pub enum Shown {
    Loading,
    Failed(StoreError),
    Empty,
    Ready,
}

impl Shown {
    /// Several loads shown as one: a failure first, then still loading; ready or
    /// empty by `has_items`, which counts what the screen would show.
    pub fn combine(parts: &[Shown], has_items: bool) -> Shown {
        if let Some(Shown::Failed(e)) = parts.iter().find(|p| matches!(p, Shown::Failed(_))) {
            return Shown::Failed(e.clone());
        }
        if parts.contains(&Shown::Loading) {
            return Shown::Loading;
        }
        if has_items {
            Shown::Ready
        } else {
            Shown::Empty
        }
    }

    /// From a loaded list: `None` is still loading.
    pub fn of<T>(loaded: Option<&Result<Vec<T>, StoreError>>) -> Shown {
        match loaded {
            None => Shown::Loading,
            Some(Err(e)) => Shown::Failed(e.clone()),
            Some(Ok(list)) if list.is_empty() => Shown::Empty,
            Some(Ok(_)) => Shown::Ready,
        }
    }
}

/// Plain words for something that could not be read. Nothing is lost, and the
/// words say what to do.
pub fn load_message(error: &StoreError) -> &'static str {
    match error {
        StoreError::NewerVersion => crate::ui::widgets::NEWER_VERSION,
        StoreError::Locked => "Between is locked. Unlock it to see this.",
        StoreError::Unavailable(_) => {
            "Between couldn't reach this device's storage just now, so this can't be shown. Nothing you saved is lost. Please reload the page to try again."
        }
        StoreError::QuotaExceeded | StoreError::Conflict { .. } | StoreError::Corrupt(_) | StoreError::Other(_) => {
            "Between couldn't read this from your device just now. Nothing you saved is lost. Please reload the page to try again."
        }
    }
}

/// A load error, as an alert in place of what could not be shown.
#[component]
pub fn LoadProblem(error: StoreError) -> impl IntoView {
    view! { <p class="message message--problem" role="alert">{load_message(&error)}</p> }
}

/// The one view for a list: "Loading…", the load error in plain words, the empty
/// state, or the list itself.
#[component]
pub fn Listing(
    #[prop(into)] shown: Signal<Shown>,
    /// What an empty list says: what will be here, and how to start.
    #[prop(into)]
    empty: ViewFn,
    children: ChildrenFn,
) -> impl IntoView {
    let state = Memo::new(move |_| shown.get());
    move || match state.get() {
        Shown::Loading => view! { <p class="muted" role="status">"Loading…"</p> }.into_any(),
        Shown::Failed(e) => view! { <LoadProblem error=e/> }.into_any(),
        Shown::Empty => empty.run(),
        Shown::Ready => children().into_any(),
    }
}
