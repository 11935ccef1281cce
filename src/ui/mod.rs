//! Leptos components: one folder per feature plus shared widgets.
//!
//! Screens get storage through `crate::store` only; they never touch browser storage.

mod checkins;
mod coping;
mod crisis;
mod format;
mod journal;
mod patterns;
mod progress;
mod safety_plan;
mod sessions;
mod settings;
mod struggling;
mod today;
mod widgets;

use leptos::prelude::*;
use leptos_router::components::{Route as RouteView, Router, Routes};
use leptos_router::path;

use crate::domain::crisis::Region;
use crate::domain::prefs::Theme;
use crate::domain::route::{base_from_path, Route};
use crate::{pwa, store};

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
}

/// A short message for the next screen ("Saved on this device."), shown once.
#[derive(Clone, Copy)]
pub struct Flash(pub RwSignal<Option<String>>);

/// Bumped whenever stored records change, in this tab or another one.
#[derive(Clone, Copy)]
pub struct DataVersion(pub RwSignal<u64>);

#[component]
pub fn App() -> impl IntoView {
    let path = window().location().pathname().unwrap_or_default();
    let base = base_from_path(&path);

    let region = store::prefs::region().unwrap_or_else(|| {
        Region::from_language(&window().navigator().language().unwrap_or_default())
    });
    let prefs = Prefs {
        theme: RwSignal::new(store::prefs::theme()),
        region: RwSignal::new(region),
    };
    provide_context(prefs);
    Effect::new(move || {
        let theme = prefs.theme.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", theme.as_str());
        }
    });

    let version = DataVersion(RwSignal::new(0));
    provide_context(version);
    let journal = journal::JournalCache::new();
    provide_context(journal);
    store::sync::on_change(move |kind| {
        version.0.update(|v| *v += 1);
        if kind == crate::domain::record::Kind::JournalEntry {
            journal.version.update(|v| *v += 1);
        }
    });

    provide_context(pwa::register(&base));
    provide_context(Flash(RwSignal::new(None)));
    provide_context(Base(base.clone()));

    view! {
        <Router base=base>
            <widgets::Shell>
                <Routes fallback=|| view! { <widgets::NotFound/> }>
                    <RouteView path=path!("/") view=today::Today/>
                    <RouteView path=path!("/journal") view=journal::Journal/>
                    <RouteView path=path!("/sessions") view=sessions::Sessions/>
                    <RouteView path=path!("/coping") view=coping::Coping/>
                    <RouteView path=path!("/progress") view=progress::Progress/>
                    <RouteView path=path!("/settings") view=settings::Settings/>
                    <RouteView path=path!("/help") view=crisis::CrisisCard/>
                    <RouteView path=path!("/write") view=journal::EntryPage/>
                    <RouteView path=path!("/thought") view=journal::ThoughtPage/>
                    <RouteView path=path!("/trash") view=journal::TrashPage/>
                    <RouteView path=path!("/patterns") view=patterns::Patterns/>
                    <RouteView path=path!("/checkins") view=checkins::CheckIns/>
                    <RouteView path=path!("/checkin") view=checkins::TakeCheckIn/>
                    <RouteView path=path!("/struggling") view=struggling::Struggling/>
                    <RouteView path=path!("/safety-plan") view=safety_plan::SafetyPlanPage/>
                </Routes>
            </widgets::Shell>
        </Router>
    }
}
