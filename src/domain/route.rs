//! The app's screens and their URL segments.
//!
//! The app's own links are one segment deep (`journal`, `write?id=…`), so the same
//! build works at a host's root and under any sub-path. An address typed or shared
//! deeper (`journal/`, `journal/x`) still opens the right screen or "Page not found":
//! the page's first script (tools/precache.mjs) sets its `<base>` to the app's folder,
//! and the base below comes from that folder.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Today,
    Journal,
    Sessions,
    Coping,
    Progress,
    Settings,
    Help,
    Write,
    Thought,
    Trash,
    Patterns,
    CheckIns,
    CheckIn,
    Struggling,
    SafetyPlan,
    AfterSession,
    Homework,
    HomeworkLink,
    Prepare,
    LookForward,
    Rest,
    Week,
    Welcome,
    Backup,
}

impl Route {
    pub const ALL: [Route; 24] = [
        Route::Today,
        Route::Journal,
        Route::Sessions,
        Route::Coping,
        Route::Progress,
        Route::Settings,
        Route::Help,
        Route::Write,
        Route::Thought,
        Route::Trash,
        Route::Patterns,
        Route::CheckIns,
        Route::CheckIn,
        Route::Struggling,
        Route::SafetyPlan,
        Route::AfterSession,
        Route::Homework,
        Route::HomeworkLink,
        Route::Prepare,
        Route::LookForward,
        Route::Rest,
        Route::Week,
        Route::Welcome,
        Route::Backup,
    ];

    /// The URL segment after the base ("" for Today).
    pub fn segment(self) -> &'static str {
        match self {
            Route::Today => "",
            Route::Journal => "journal",
            Route::Sessions => "sessions",
            Route::Coping => "coping",
            Route::Progress => "progress",
            Route::Settings => "settings",
            Route::Help => "help",
            Route::Write => "write",
            Route::Thought => "thought",
            Route::Trash => "trash",
            Route::Patterns => "patterns",
            Route::CheckIns => "checkins",
            Route::CheckIn => "checkin",
            Route::Struggling => "struggling",
            Route::SafetyPlan => "safety-plan",
            Route::AfterSession => "after-session",
            Route::Homework => "homework",
            Route::HomeworkLink => "homework-link",
            Route::Prepare => "prepare",
            Route::LookForward => "look-forward",
            Route::Rest => "rest",
            Route::Week => "week",
            Route::Welcome => "welcome",
            Route::Backup => "backup",
        }
    }

    /// The screen's name, as in the navigation and its heading.
    pub fn title(self) -> &'static str {
        match self {
            Route::Today => "Today",
            Route::Journal => "Journal",
            Route::Sessions => "Sessions",
            Route::Coping => "Coping box",
            Route::Progress => "Progress",
            Route::Settings => "Settings",
            Route::Help => "Get help now",
            Route::Write => "New entry",
            Route::Thought => "Thought record",
            Route::Trash => "Recently deleted",
            Route::Patterns => "Patterns",
            Route::CheckIns => "Check-ins",
            Route::CheckIn => "Check-in",
            Route::Struggling => "I'm struggling",
            Route::SafetyPlan => "My safety plan",
            Route::AfterSession => "After a session",
            Route::Homework => "Homework",
            Route::HomeworkLink => "Make a homework link",
            Route::Prepare => "Prepare for my session",
            Route::LookForward => "Look forward",
            Route::Rest => "Rest and self-care",
            Route::Week => "My week",
            Route::Welcome => "Welcome",
            Route::Backup => "Backup and export",
        }
    }

    /// The path of this route under `base` (which has no trailing slash).
    pub fn path(self, base: &str) -> String {
        format!("{base}/{}", self.segment())
    }
}

/// The base path the app is hosted under, from the page's base folder (`/between/`,
/// set by the page's first script) or, without one, from a one-segment-deep page path:
/// `/between/` -> `/between`, `/between/journal` -> `/between`, `/journal` -> ``.
pub fn base_from_path(path: &str) -> String {
    // A folder ends in '/'; a page path's last segment is its route: either way the
    // base is everything before the last '/'.
    path.rsplit_once('/').map_or("", |(dir, _)| dir).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_at_root_and_under_a_sub_path() {
        assert_eq!(base_from_path("/"), "");
        assert_eq!(base_from_path("/journal"), "");
        assert_eq!(base_from_path("/index.html"), "");
        assert_eq!(base_from_path("/between/"), "/between");
        assert_eq!(base_from_path("/between/help"), "/between");
        assert_eq!(base_from_path("/a/b/settings"), "/a/b");
        assert_eq!(base_from_path("/between/nope"), "/between");
    }

    /// What the page's first script sets as `<base>` for deeper addresses: the
    /// service worker's folder when it controls the page (exact at any depth); on the
    /// host's 404.html fallback, the folder before the last screen name, a trailing
    /// slash dropped first. The base from it.
    #[test]
    fn base_for_trailing_slashes_and_deeper_addresses() {
        // (address, base folder the page script sets, base)
        let cases = [
            ("/journal/", "/", ""),
            ("/journal/x", "/", ""),
            ("/a/b/c", "/", ""),
            ("/between/journal/", "/between/", "/between"),
            ("/between/journal/x", "/between/", "/between"),
            ("/between/a/b/c", "/between/", "/between"),
            ("/between/", "/between/", "/between"),
        ];
        for (address, folder, base) in cases {
            assert_eq!(base_from_path(folder), base, "{address}");
            // Every route's path under that base is where the app's own links point.
            assert!(Route::Journal.path(base).starts_with(folder), "{address}");
        }
    }

    #[test]
    fn paths_join_base_and_segment() {
        assert_eq!(Route::Journal.path(""), "/journal");
        assert_eq!(Route::Today.path("/between"), "/between/");
        assert_eq!(Route::Help.path("/between"), "/between/help");
        assert_eq!(Route::Struggling.path(""), "/struggling");
        assert_eq!(Route::SafetyPlan.path(""), "/safety-plan");
    }
}
