//! Things to bring up at the next session. The Sessions feature builds on this;
//! for now the journal and check-ins add to it.

use serde::{Deserialize, Serialize};

use super::record::{Body, Kind, RecordId};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub text: String,
    /// Where it came from (a journal entry, a check-in), to link back.
    #[serde(default)]
    pub source: Option<(Kind, RecordId)>,
    #[serde(default)]
    pub done: bool,
}

impl Body for AgendaItem {
    const KIND: Kind = Kind::AgendaItem;
}
