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

/// The journal's entries, loaded once for the whole app and shared by every screen
/// that needs them (the list, Patterns, Sessions, the form's suggestions), reloaded
/// only when entries change. Reading ten years of entries takes a few hundred
/// milliseconds, so it is not done again on every screen.
#[derive(Clone, Copy)]
pub struct JournalCache {
    owner: StoredValue<Owner, leptos::prelude::LocalStorage>,
    slot: StoredValue<Option<LocalResource<Loaded<JournalEntry>>>, leptos::prelude::LocalStorage>,
    /// Bumped when journal entries change, here or in another tab.
    pub version: RwSignal<u64>,
}

impl JournalCache {
    /// Made in `App`, so the loaded list outlives the screens that read it.
    pub fn new() -> JournalCache {
        JournalCache {
            owner: StoredValue::new_local(Owner::current().expect("made inside the app")),
            slot: StoredValue::new_local(None),
            version: RwSignal::new(0),
        }
    }
}

impl JournalCache {
    /// The entries (deleted ones included); loading starts on first use.
    pub fn entries(&self) -> LocalResource<Loaded<JournalEntry>> {
        if let Some(r) = self.slot.get_value() {
            return r;
        }
        let version = self.version;
        let resource = self.owner.get_value().with(|| {
            LocalResource::new(move || {
                version.track();
                store::list::<JournalEntry>()
            })
        });
        self.slot.set_value(Some(resource));
        resource
    }

    /// Whether the entries are already loaded (by an earlier screen).
    pub fn is_loaded(&self) -> bool {
        self.slot
            .get_value()
            .is_some_and(|r| r.with_untracked(Option::is_some))
    }
}

/// The app-wide journal entries; loading starts on first use.
pub fn journal_entries() -> LocalResource<Loaded<JournalEntry>> {
    expect_context::<JournalCache>().entries()
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
        entries
            .iter()
            .filter(|r| !r.meta.is_deleted())
            .flat_map(|r| pick(&r.body)),
    )
}
