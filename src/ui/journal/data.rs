//! What the journal's screens derive from the loaded entries.

use crate::domain::journal::JournalEntry;
use crate::domain::record::Record;

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
