//! Loading journal records for the journal's screens.

use leptos::prelude::*;

use crate::domain::journal::JournalEntry;
use crate::domain::record::{Body, Record};
use crate::store::{self, StoreError};
use crate::ui::DataVersion;

pub type Loaded<T> = Result<Vec<Record<T>>, StoreError>;

/// A list shared without copying; two are equal only if they are the same list, so
/// a memo holding one never compares ten thousand records.
pub struct Shared<T>(std::sync::Arc<Vec<T>>);

impl<T> Shared<T> {
    pub fn new(list: Vec<T>) -> Shared<T> {
        Shared(std::sync::Arc::new(list))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> Default for Shared<T> {
    fn default() -> Self {
        Shared::new(Vec::new())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = Vec<T>;
    fn deref(&self) -> &Vec<T> {
        &self.0
    }
}

/// Every record of a kind (deleted ones included), reloaded whenever data changes
/// here or in another tab.
pub fn records<T: Body + Send + Sync>() -> LocalResource<Loaded<T>> {
    let version = expect_context::<DataVersion>().0;
    LocalResource::new(move || {
        version.track();
        store::list::<T>()
    })
}

/// Tags used before, most used first, from the entries that are not deleted.
pub fn used<F>(entries: &[Record<JournalEntry>], pick: F) -> Vec<String>
where
    F: Fn(&JournalEntry) -> Vec<&str>,
{
    crate::domain::patterns::used_tags(
        entries.iter().filter(|r| !r.meta.is_deleted()).flat_map(|r| pick(&r.body)),
    )
}
