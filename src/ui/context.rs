//! The contexts every screen may use, provided once by `App`. Features import them
//! from here, never from another feature.
//!
//! - `Base`: where the app is hosted, for links.
//! - `Prefs`: theme, crisis region, and whether sensitive topics wait for a tap.
//! - `Flash`: a short message for the next screen, shown once.
//! - `DataVersion`: bumped when stored records change, here or in another tab.
//! - `JournalCache`: the journal's entries (without texts, and in full), loaded once
//!   for the app.

use leptos::prelude::*;

use crate::domain::crisis::Region;
use crate::domain::journal::JournalEntry;
use crate::domain::prefs::Theme;
use crate::domain::record::Record;
use crate::domain::route::Route;
use crate::store;

use super::kit::Loaded;

/// Where the app is hosted (`""` at a root, `/between` under a sub-path).
#[derive(Clone)]
pub struct Base(pub String);

impl Base {
    pub fn href(&self, route: Route) -> String {
        route.path(&self.0)
    }
}

/// Preferences every screen may read; settings and the crisis card change them.
#[derive(Clone, Copy)]
pub struct Prefs {
    pub theme: RwSignal<Theme>,
    pub region: RwSignal<Region>,
    /// The region was guessed from the browser language, not chosen: the crisis card
    /// says so ("Showing lines for the United States. Change").
    pub region_guessed: RwSignal<bool>,
    /// Sensitive topics (suicide, self-harm) wait for a tap on Sessions and check-ins.
    pub hide_sensitive: RwSignal<bool>,
}

/// A short message for the next screen ("Saved on this device."), shown once.
#[derive(Clone, Copy)]
pub struct Flash(pub RwSignal<Option<String>>);

impl Flash {
    pub fn set(&self, message: &str) {
        self.0.set(Some(message.to_string()));
    }

    /// The message, if any, which is then gone: a screen shows it once.
    pub fn take(&self) -> Option<String> {
        let message = self.0.get_untracked();
        if message.is_some() {
            self.0.set(None);
        }
        message
    }
}

/// Bumped whenever stored records change, in this tab or another one.
#[derive(Clone, Copy)]
pub struct DataVersion(pub RwSignal<u64>);

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

/// The journal, loaded once for the whole app and shared by every screen that needs
/// it, reloaded only when entries change: the entries without their text, from the
/// month summaries (Patterns, the form's suggestions), and the full entries (the
/// list's search and later pages), each loaded on first use. Reading ten years of
/// full entries takes a few hundred milliseconds, so it is done only where the texts
/// are needed, and not again on every screen.
#[derive(Clone, Copy)]
pub struct JournalCache {
    owner: StoredValue<Option<Owner>, LocalStorage>,
    slot: StoredValue<Option<LocalResource<Loaded<JournalEntry>>>, LocalStorage>,
    summary_slot: StoredValue<Option<LocalResource<Loaded<JournalEntry>>>, LocalStorage>,
    newest_slot: StoredValue<Option<LocalResource<Loaded<JournalEntry>>>, LocalStorage>,
    /// Bumped when journal entries change, here or in another tab.
    pub version: RwSignal<u64>,
}

impl Default for JournalCache {
    fn default() -> Self {
        JournalCache::new()
    }
}

impl JournalCache {
    /// Made in `App`, so the loaded lists outlive the screens that read them.
    pub fn new() -> JournalCache {
        JournalCache {
            owner: StoredValue::new_local(Owner::current()),
            slot: StoredValue::new_local(None),
            summary_slot: StoredValue::new_local(None),
            newest_slot: StoredValue::new_local(None),
            version: RwSignal::new(0),
        }
    }

    /// The entries in full (deleted ones included); loading starts on first use.
    pub fn entries(&self) -> LocalResource<Loaded<JournalEntry>> {
        self.cached(self.slot, store::list_chunked::<JournalEntry>)
    }

    /// Every entry (deleted ones included) with an empty text, from the month
    /// summaries; loading starts on first use.
    pub fn summaries(&self) -> LocalResource<Loaded<JournalEntry>> {
        self.cached(self.summary_slot, store::journal_summaries)
    }

    /// The newest `NEWEST` entries in full, the journal's first screen; loading starts
    /// on first use, which can be before the journal's code has arrived (`ui::lazy`).
    pub fn newest(&self) -> LocalResource<Loaded<JournalEntry>> {
        self.cached(self.newest_slot, || async {
            crate::ui::format::mark("between:first-page:start");
            let page = store::journal_newest(NEWEST).await;
            crate::ui::format::mark("between:first-page:end");
            page
        })
    }

    fn cached<Fut>(
        &self,
        slot: StoredValue<Option<LocalResource<Loaded<JournalEntry>>>, LocalStorage>,
        read: fn() -> Fut,
    ) -> LocalResource<Loaded<JournalEntry>>
    where
        Fut: std::future::Future<Output = Loaded<JournalEntry>> + 'static,
    {
        if let Some(r) = slot.get_value() {
            return r;
        }
        let version = self.version;
        let load = move || {
            LocalResource::new(move || {
                version.track();
                read()
            })
        };
        let resource = match self.owner.get_value() {
            Some(owner) => owner.with(load),
            None => load(),
        };
        slot.set_value(Some(resource));
        resource
    }

    /// Whether the full entries are already loaded (by an earlier screen).
    pub fn is_loaded(&self) -> bool {
        self.slot
            .get_value()
            .is_some_and(|r| r.with_untracked(Option::is_some))
    }
}

/// How many entries the journal's first screen reads (two of its pages).
pub const NEWEST: usize = 40;

/// The app-wide full journal entries; loading starts on first use.
pub fn journal_entries() -> LocalResource<Loaded<JournalEntry>> {
    expect_context::<JournalCache>().entries()
}

/// The app-wide journal entries without their text (see `JournalCache::summaries`).
pub fn journal_summaries() -> LocalResource<Loaded<JournalEntry>> {
    expect_context::<JournalCache>().summaries()
}

/// The entries in full whose summary `pick` chooses (the trash, Sessions), reloaded
/// when entries change here or in another tab.
pub fn journal_picked(
    pick: fn(&Record<JournalEntry>) -> bool,
) -> LocalResource<Loaded<JournalEntry>> {
    let version = expect_context::<JournalCache>().version;
    LocalResource::new(move || {
        version.track();
        store::journal_picked(pick)
    })
}
