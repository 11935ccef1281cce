//! Loading journal records for the journal's screens.

use leptos::prelude::*;

use crate::domain::journal::JournalEntry;
use crate::domain::record::{Body, Record};
use crate::store::{self, StoreError};
use crate::ui::DataVersion;

pub type Loaded<T> = Result<Vec<Record<T>>, StoreError>;

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
