//! Small preferences kept in localStorage: theme, crisis-card region, whether the
//! entry form's details start unfolded.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Follow the system's light or dark setting.
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "Match my device",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }

    pub fn parse(s: &str) -> Theme {
        Theme::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .unwrap_or_default()
    }
}

/// Whether the entry form opens with "Add more detail" unfolded: for a person who
/// uses the details (`remembered`: they left it open, or their last new entry had
/// details), and whenever the entry or draft in the form already has some.
pub fn details_open(remembered: bool, form_has_details: bool) -> bool {
    remembered || form_has_details
}

/// A storage size as a person says it: "12 KB", "350 MB", "10 GB", with one
/// decimal only under 10 ("1.5 GB"). Units of 1024, as browsers count.
pub fn storage_size(bytes: f64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if !bytes.is_finite() || bytes <= 0.0 {
        return "0 KB".into();
    }
    let mut value = bytes / 1024.0;
    let mut unit = 0;
    loop {
        // Rounded as it will be shown, so 1023.8 KB reads "1 MB", not "1024 KB".
        let shown = if value < 10.0 {
            (value * 10.0).round() / 10.0
        } else {
            value.round()
        };
        if shown >= 1024.0 && unit + 1 < UNITS.len() {
            value /= 1024.0;
            unit += 1;
            continue;
        }
        // Anything stored takes at least a little room: never "0 KB".
        let shown = if unit == 0 { shown.max(1.0) } else { shown };
        return if shown < 10.0 && shown.fract() != 0.0 {
            format!("{shown:.1} {}", UNITS[unit])
        } else {
            format!("{shown:.0} {}", UNITS[unit])
        };
    }
}

#[cfg(test)]
mod details_tests {
    use super::details_open;

    #[test]
    fn details_are_folded_unless_used() {
        assert!(!details_open(false, false), "a new person starts folded");
        assert!(details_open(true, false), "remembered open");
        assert!(
            details_open(false, true),
            "an entry with details shows them"
        );
    }
}

#[cfg(test)]
mod storage_size_tests {
    use super::storage_size;

    const KB: f64 = 1024.0;
    const MB: f64 = KB * 1024.0;
    const GB: f64 = MB * 1024.0;

    #[test]
    fn sizes_read_as_a_person_says_them() {
        assert_eq!(storage_size(10241.4 * MB), "10 GB");
        assert_eq!(storage_size(350.0 * MB), "350 MB");
        assert_eq!(storage_size(12.0 * KB), "12 KB");
        assert_eq!(storage_size(1.5 * GB), "1.5 GB");
        assert_eq!(storage_size(2.0 * GB), "2 GB");
        assert_eq!(storage_size(9.96 * MB), "10 MB");
        assert_eq!(storage_size(12.6 * MB), "13 MB");
        assert_eq!(storage_size(1023.8 * KB), "1 MB");
        assert_eq!(storage_size(300.0), "1 KB");
        assert_eq!(storage_size(0.0), "0 KB");
        assert_eq!(storage_size(f64::NAN), "0 KB");
        assert_eq!(storage_size(2.0 * 1024.0 * GB), "2 TB");
    }
}
