//! Leptos components: one folder per feature plus shared widgets.
//!
//! Screens get storage through `crate::store` only; they never touch browser storage.

mod backup;
mod checkins;
pub mod context;
mod coping;
mod crisis;
mod format;
pub mod homework;
mod journal;
pub mod kit;
mod lazy;
// Public for `ThisWeekPlans`, which Today places.
mod lock;
pub mod look_forward;
mod patterns;
// Public for `PrepareLink`, which Today places.
pub mod prep;
mod rest;
// Public for `ProgressLink` and `ProgressPrompt`, which Today and Sessions place.
pub mod progress;
mod safety_plan;
pub(crate) mod session_notes;
mod sessions;
mod settings;
mod struggling;
mod today;
mod week;
mod welcome;
mod widgets;

use leptos::prelude::*;
use leptos_router::components::{Route as RouteView, Router, Routes};
use leptos_router::path;

use crate::domain::crisis::Region;
use crate::{pwa, store};

use context::{Base, DataVersion, Flash, JournalCache, Prefs};

#[component]
pub fn App() -> impl IntoView {
    let base = pwa::base();

    let chosen = store::prefs::region();
    let region = chosen.unwrap_or_else(|| {
        Region::from_language(&window().navigator().language().unwrap_or_default())
    });
    let prefs = Prefs {
        theme: RwSignal::new(store::prefs::theme()),
        region: RwSignal::new(region),
        region_guessed: RwSignal::new(chosen.is_none()),
        hide_sensitive: RwSignal::new(store::prefs::hide_sensitive()),
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
    let journal = JournalCache::new();
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
    // With the passcode lock on, the app starts locked; housekeeping waits for the key.
    let locked = RwSignal::new(store::lock::is_locked());
    provide_context(lock::Locked(locked));
    lock::watch();
    if !locked.get_untracked() {
        lazy::housekeeping_soon();
    }

    view! {
        <Router base=base>
            <Show when=move || !locked.get() fallback=|| view! { <lock::LockScreen/> }>
            <widgets::Shell>
                <Routes fallback=|| view! { <widgets::NotFound/> }>
                    <RouteView path=path!("/") view=today::Today/>
                    <RouteView path=path!("/journal") view=journal::Journal/>
                    <RouteView path=path!("/sessions") view=lazy::SessionsScreen/>
                    <RouteView path=path!("/coping") view=lazy::CopingScreen/>
                    <RouteView path=path!("/settings") view=lazy::SettingsScreen/>
                    <RouteView path=path!("/help") view=crisis::CrisisCard/>
                    <RouteView path=path!("/write") view=lazy::EntryScreen/>
                    <RouteView path=path!("/thought") view=lazy::ThoughtScreen/>
                    <RouteView path=path!("/trash") view=lazy::TrashScreen/>
                    <RouteView path=path!("/patterns") view=lazy::PatternsScreen/>
                    <RouteView path=path!("/checkins") view=lazy::CheckInsScreen/>
                    <RouteView path=path!("/checkin") view=lazy::TakeCheckInScreen/>
                    <RouteView path=path!("/struggling") view=lazy::StrugglingScreen/>
                    <RouteView path=path!("/safety-plan") view=lazy::SafetyPlanScreen/>
                    <RouteView path=path!("/after-session") view=lazy::AfterSessionScreen/>
                    <RouteView path=path!("/homework") view=lazy::HomeworkScreen/>
                    <RouteView path=path!("/homework-link") view=lazy::HomeworkLinkScreen/>
                    <RouteView path=path!("/progress") view=lazy::ProgressScreen/>
                    <RouteView path=path!("/prepare") view=lazy::PrepareScreen/>
                    <RouteView path=path!("/backup") view=lazy::BackupScreen/>
                    <RouteView path=path!("/week") view=lazy::WeekScreen/>
                    <RouteView path=path!("/welcome") view=lazy::WelcomeScreen/>
                    <RouteView path=path!("/look-forward") view=lazy::LookForwardScreen/>
                    <RouteView path=path!("/rest") view=lazy::RestScreen/>
                </Routes>
            </widgets::Shell>
            </Show>
        </Router>
    }
}
