//! Delete with undo, the same on every list: a deleted record goes to the trash and is
//! kept in `removed` for the screen's Undo; a failure is kept in `failure` for its
//! `StoreMessage`. Both are written with `try_set`: the screen may be gone by then.

use leptos::prelude::*;

use crate::domain::record::{Body, Record};
use crate::store::{self, StoreError};

/// Where a list keeps its last deletion and its last failure.
pub struct Removal<T: Body + Send + Sync> {
    pub removed: RwSignal<Option<Record<T>>>,
    pub failure: RwSignal<Option<StoreError>>,
}

impl<T: Body + Send + Sync> Clone for Removal<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Body + Send + Sync> Copy for Removal<T> {}

impl<T: Body + Send + Sync> Removal<T> {
    /// Moves `record` to the trash; Undo can bring it back.
    pub fn delete(self, record: Record<T>) {
        leptos::task::spawn_local(async move {
            match store::delete(&record).await {
                Ok(gone) => {
                    let _ = self.removed.try_set(Some(gone));
                }
                Err(e) => {
                    let _ = self.failure.try_set(Some(e));
                }
            }
        });
    }

    /// Brings back the last record deleted, if any.
    pub fn undo(self) {
        let Some(record) = self.removed.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            match store::restore(&record).await {
                Ok(_) => {
                    let _ = self.removed.try_set(None);
                }
                Err(e) => {
                    let _ = self.failure.try_set(Some(e));
                }
            }
        });
    }
}
