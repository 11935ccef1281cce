//! Small preferences in localStorage (gloo-storage). Nothing personal goes here:
//! the theme, the crisis-card region, whether persistence was asked for, whether the
//! starter deck was offered and answered.

use gloo_storage::{LocalStorage, Storage};

use crate::domain::crisis::Region;
use crate::domain::prefs::Theme;

const THEME: &str = "between.theme";
const REGION: &str = "between.region";
const PERSIST_ASKED: &str = "between.persist_asked";
const STARTER_ANSWERED: &str = "between.starter_answered";

pub fn theme() -> Theme {
    LocalStorage::get::<String>(THEME)
        .map(|s| Theme::parse(&s))
        .unwrap_or_default()
}

pub fn set_theme(theme: Theme) {
    // A full or blocked localStorage only loses the preference, never data.
    let _ = LocalStorage::set(THEME, theme.as_str());
}

/// The region the person chose, if they chose one.
pub fn region() -> Option<Region> {
    LocalStorage::get::<String>(REGION)
        .ok()
        .and_then(|s| Region::from_code(&s))
}

pub fn set_region(region: Region) {
    let _ = LocalStorage::set(REGION, region.code());
}

const SINCE: &str = "between.since";

const SINCE_PICKED: &str = "between.since_picked";

/// The date "since" summaries start from, as `YYYY-MM-DD`, if the person chose one,
/// and when they chose it (local `YYYY-MM-DDTHH:MM`; empty for a choice kept before
/// that was recorded).
pub fn since() -> Option<(String, String)> {
    let day = LocalStorage::get::<String>(SINCE).ok()?;
    Some((
        day,
        LocalStorage::get::<String>(SINCE_PICKED).unwrap_or_default(),
    ))
}

pub fn set_since(date: &str, picked_at: &str) {
    let _ = LocalStorage::set(SINCE, date);
    let _ = LocalStorage::set(SINCE_PICKED, picked_at);
}

pub(crate) fn persist_asked() -> bool {
    LocalStorage::get::<bool>(PERSIST_ASKED).unwrap_or(false)
}

pub(crate) fn set_persist_asked() {
    let _ = LocalStorage::set(PERSIST_ASKED, true);
}

/// Whether the person already answered the starter-deck offer (yes or no).
pub fn starter_answered() -> bool {
    LocalStorage::get::<bool>(STARTER_ANSWERED).unwrap_or(false)
}

pub fn set_starter_answered() {
    let _ = LocalStorage::set(STARTER_ANSWERED, true);
}

const HIDE_SENSITIVE: &str = "between.hide_sensitive";

/// Whether sensitive topics wait for a tap on Sessions and check-ins: on unless the
/// person turned it off.
pub fn hide_sensitive() -> bool {
    LocalStorage::get::<bool>(HIDE_SENSITIVE).unwrap_or(true)
}

pub fn set_hide_sensitive(hide: bool) {
    let _ = LocalStorage::set(HIDE_SENSITIVE, hide);
}

const ENTRY_DETAILS: &str = "between.entry_details";

/// Whether the person uses the entry form's "Add more detail" (left it open, or
/// their last new entry had details).
pub fn entry_details() -> bool {
    LocalStorage::get::<bool>(ENTRY_DETAILS).unwrap_or(false)
}

pub fn set_entry_details(open: bool) {
    let _ = LocalStorage::set(ENTRY_DETAILS, open);
}

const WELCOMED: &str = "between.welcomed";

/// Whether the person has seen (or skipped) the first-run welcome, or was found to
/// have records already: Today never opens it again.
pub fn welcomed() -> bool {
    LocalStorage::get::<bool>(WELCOMED).unwrap_or(false)
}

pub fn set_welcomed() {
    let _ = LocalStorage::set(WELCOMED, true);
}
