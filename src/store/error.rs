use thiserror::Error;

/// Why a storage call failed. The UI turns each into plain words.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum StoreError {
    /// The device is out of space for this site.
    #[error("storage quota exceeded")]
    QuotaExceeded,
    /// Someone (another tab) changed the record since it was read.
    #[error("record changed elsewhere (stored revision {stored})")]
    Conflict { stored: u32 },
    /// The browser refused IndexedDB (private mode, blocked, closing).
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// The database on this device was opened by a newer version of Between (an
    /// older build is still open, or the host rolled back): reloading updates.
    #[error("the database is newer than this version of Between")]
    NewerVersion,
    /// The passcode lock is on and the app is locked: personal data is not read or
    /// written until the person unlocks.
    #[error("locked")]
    Locked,
    /// A stored value could not be read back.
    #[error("stored record unreadable: {0}")]
    Corrupt(String),
    #[error("storage failed: {0}")]
    Other(String),
}

impl StoreError {
    /// Classifies an `idb` error by the DOMException name inside it.
    pub(crate) fn from_idb(e: idb::Error) -> StoreError {
        let text = e.to_string();
        StoreError::from_text(text)
    }

    pub(crate) fn from_text(text: String) -> StoreError {
        if text.contains("QuotaExceeded") || text.contains("quota") {
            StoreError::QuotaExceeded
        } else if is_connection_lost(&text) {
            StoreError::Unavailable(text)
        } else {
            StoreError::Other(text)
        }
    }

    /// Whether reopening the database and trying again may help.
    pub(crate) fn is_connection_lost(&self) -> bool {
        matches!(self, StoreError::Unavailable(t) if is_connection_lost(t))
    }
}

fn is_connection_lost(text: &str) -> bool {
    text.contains("InvalidStateError")
        || text.contains("closing")
        || text.contains("closed")
        || text.contains("TransactionInactive")
        || text.contains("UnknownError")
}
