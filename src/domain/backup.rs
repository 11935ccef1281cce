//! The backup file: a versioned JSON document with every record a person keeps and
//! their photos (docs/backup-format.md), checked in full before anything is written,
//! plus the journal as Markdown and moods, symptoms and check-ins as CSV.
//!
//! Plain Rust: the store reads and writes the records, `store::backup_crypto` wraps
//! the file in a passphrase; everything here is testable natively.

use std::collections::HashSet;
use std::fmt::Write as _;

use base64::Engine as _;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::record::{Kind, Meta, Millis, RecordId};

/// The `format` of a plain backup.
pub const FORMAT: &str = "between-backup";
/// The `format` of a backup wrapped in a passphrase (see `EncryptedFile`).
pub const FORMAT_ENCRYPTED: &str = "between-backup-encrypted";
/// The version this app writes. Older versions are migrated on import.
pub const VERSION: u64 = 1;

/// Largest file read at all, in bytes (10 years of daily entries and 100 photos are
/// far below this).
pub const MAX_FILE_BYTES: usize = 200 * 1024 * 1024;
/// Most records in one file.
pub const MAX_RECORDS: usize = 200_000;
/// Longest single piece of text, in bytes.
pub const MAX_TEXT_BYTES: usize = 1024 * 1024;
/// Largest photo, in bytes once decoded (kept photos are scaled to 1600 px, well below).
pub const MAX_PHOTO_BYTES: usize = 15 * 1024 * 1024;
/// Most photos in one file.
pub const MAX_PHOTOS: usize = 10_000;

/// The kinds a backup holds. Drafts are left out: they are half-typed form values tied
/// to this device's open forms, and the person's saved records are what a backup is
/// for. Month summaries (`journal_month`) are left out too: they are derived from the
/// entries and rebuilt after an import.
pub fn in_backup(kind: Kind) -> bool {
    !matches!(kind, Kind::Draft | Kind::JournalMonth)
}

/// One record as the file keeps it: the envelope and the body as JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackupRecord {
    pub kind: Kind,
    pub id: RecordId,
    pub created: Millis,
    pub updated: Millis,
    #[serde(default)]
    pub deleted: Option<Millis>,
    pub rev: u32,
    pub body: Value,
}

impl BackupRecord {
    pub fn meta(&self) -> Meta {
        Meta {
            id: self.id.clone(),
            kind: self.kind,
            created: self.created,
            updated: self.updated,
            deleted: self.deleted,
            rev: self.rev,
        }
    }

    pub fn of(meta: &Meta, body: Value) -> BackupRecord {
        BackupRecord {
            kind: meta.kind,
            id: meta.id.clone(),
            created: meta.created,
            updated: meta.updated,
            deleted: meta.deleted,
            rev: meta.rev,
            body,
        }
    }
}

/// A photo as the file keeps it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FilePhoto {
    pub id: String,
    #[serde(rename = "type")]
    pub mime: String,
    pub base64: String,
}

/// The whole file, version 1.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BackupFile {
    pub format: String,
    pub version: u64,
    pub created: Millis,
    pub app: String,
    pub records: Vec<BackupRecord>,
    #[serde(default)]
    pub photos: Vec<FilePhoto>,
}

/// A photo, checked and decoded.
#[derive(Clone, Debug, PartialEq)]
pub struct Photo {
    pub id: String,
    pub mime: String,
    pub bytes: Vec<u8>,
}

/// A backup that passed every check: safe to preview and import.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    pub created: Millis,
    pub app: String,
    pub records: Vec<BackupRecord>,
    pub photos: Vec<Photo>,
}

/// Why a file cannot be imported, in words for the person.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BackupError {
    #[error("This file is too big to be a Between backup (over 200 MB). Nothing was changed.")]
    TooBig,
    #[error("This file is empty. Nothing was changed.")]
    Empty,
    #[error("This file is not a Between backup: it is not in the right format (JSON). Nothing was changed.")]
    NotJson,
    #[error("This backup is cut short: the file is incomplete. Try making or copying it again. Nothing was changed.")]
    Truncated,
    #[error("This file is not a Between backup. Nothing was changed.")]
    NotABackup,
    #[error("This backup was made by a newer version of Between. Update the app, then try again. Nothing was changed.")]
    Newer,
    #[error("This backup is not in the shape Between expects ({0}). Nothing was changed.")]
    WrongShape(String),
    #[error("This backup holds too many records (over 200,000). Nothing was changed.")]
    TooMany,
    #[error(
        "This backup holds a piece of text too long to be real (over 1 MB). Nothing was changed."
    )]
    TooLong,
    #[error("This backup holds the same record twice ({0}). Nothing was changed.")]
    Duplicate(String),
    #[error("This backup holds a photo that cannot be read ({0}). Nothing was changed.")]
    BadPhoto(String),
    #[error("This backup holds a photo that is too big (over 15 MB). Nothing was changed.")]
    PhotoTooBig,
    #[error("This backup holds too many photos. Nothing was changed.")]
    TooManyPhotos,
    #[error("This backup is locked with a passphrase.")]
    Encrypted,
    #[error("That passphrase does not open this backup. Nothing was changed.")]
    WrongPassphrase,
}

/// Makes the file for `records` and `photos` (records of kinds not in a backup are
/// left out).
pub fn build(
    created: Millis,
    app: &str,
    records: Vec<BackupRecord>,
    photos: &[Photo],
) -> BackupFile {
    let engine = base64::engine::general_purpose::STANDARD;
    BackupFile {
        format: FORMAT.into(),
        version: VERSION,
        created,
        app: app.into(),
        records: records.into_iter().filter(|r| in_backup(r.kind)).collect(),
        photos: photos
            .iter()
            .map(|p| FilePhoto {
                id: p.id.clone(),
                mime: p.mime.clone(),
                base64: engine.encode(&p.bytes),
            })
            .collect(),
    }
}

pub fn to_json(file: &BackupFile) -> String {
    // Serializing plain structs with string keys cannot fail.
    serde_json::to_string(file).unwrap_or_default()
}

fn parse_json(text: &str) -> Result<Value, BackupError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(BackupError::TooBig);
    }
    if text.trim().is_empty() {
        return Err(BackupError::Empty);
    }
    serde_json::from_str::<Value>(text).map_err(|e| {
        if e.is_eof() {
            BackupError::Truncated
        } else {
            BackupError::NotJson
        }
    })
}

/// Checks a plain backup in full: JSON, format, version (older ones migrated), types,
/// every body decoded as its kind's type, duplicate ids, sizes, photos. Nothing is
/// written before this says yes.
pub fn check(text: &str) -> Result<Checked, BackupError> {
    check_value(parse_json(text)?)
}

/// `check` of a file already parsed (the file is read once, however big).
fn check_value(mut value: Value) -> Result<Checked, BackupError> {
    if !value.is_object() {
        return Err(BackupError::NotABackup);
    }
    match value.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        Some(FORMAT_ENCRYPTED) => return Err(BackupError::Encrypted),
        _ => return Err(BackupError::NotABackup),
    }
    let version = value
        .get("version")
        .and_then(Value::as_u64)
        .ok_or_else(|| BackupError::WrongShape("its version is missing".into()))?;
    if version > VERSION {
        return Err(BackupError::Newer);
    }
    value = migrate(value, version)?;
    // Photos are checked on their own (their base64 is long by nature).
    let texts = [value.get("records"), value.get("app")];
    if texts
        .into_iter()
        .flatten()
        .map(longest_text)
        .max()
        .unwrap_or(0)
        > MAX_TEXT_BYTES
    {
        return Err(BackupError::TooLong);
    }
    if let Some(records) = value.get("records").and_then(Value::as_array) {
        if records.len() > MAX_RECORDS {
            return Err(BackupError::TooMany);
        }
    }
    if let Some(photos) = value.get("photos").and_then(Value::as_array) {
        if photos.len() > MAX_PHOTOS {
            return Err(BackupError::TooManyPhotos);
        }
    }
    let file: BackupFile =
        serde_json::from_value(value).map_err(|e| BackupError::WrongShape(shape_words(&e)))?;
    let mut seen = HashSet::new();
    let mut records = Vec::with_capacity(file.records.len());
    for (n, record) in file.records.into_iter().enumerate() {
        if !seen.insert((record.kind, record.id.clone())) {
            return Err(BackupError::Duplicate(format!(
                "{} {}",
                kind_words(record.kind, 1),
                record.id.as_str()
            )));
        }
        if record.id.as_str().is_empty() || record.id.as_str().len() > 200 {
            return Err(BackupError::WrongShape(format!(
                "record {} has no usable id",
                n + 1
            )));
        }
        if !in_backup(record.kind) {
            // Derived or device-only: rebuilt or left behind, never imported.
            continue;
        }
        check_body(record.kind, &record.body).map_err(|e| {
            BackupError::WrongShape(format!(
                "record {} ({}) {}",
                n + 1,
                kind_words(record.kind, 1),
                shape_words(&e)
            ))
        })?;
        records.push(record);
    }
    let engine = base64::engine::general_purpose::STANDARD;
    let mut photo_ids = HashSet::new();
    let mut photos = Vec::with_capacity(file.photos.len());
    for photo in file.photos {
        if photo.id.is_empty() || photo.id.len() > 200 {
            return Err(BackupError::BadPhoto("it has no usable id".into()));
        }
        if !photo_ids.insert(photo.id.clone()) {
            return Err(BackupError::Duplicate(format!("photo {}", photo.id)));
        }
        if !photo.mime.starts_with("image/") || photo.mime.len() > 100 {
            return Err(BackupError::BadPhoto(format!(
                "photo {} is not a picture",
                photo.id
            )));
        }
        if photo.base64.len() / 4 * 3 > MAX_PHOTO_BYTES {
            return Err(BackupError::PhotoTooBig);
        }
        let bytes = engine
            .decode(photo.base64.as_bytes())
            .map_err(|_| BackupError::BadPhoto(format!("photo {} is damaged", photo.id)))?;
        photos.push(Photo {
            id: photo.id,
            mime: photo.mime,
            bytes,
        });
    }
    Ok(Checked {
        created: file.created,
        app: file.app,
        records,
        photos,
    })
}

/// Brings a file of an older version up to the current one, one step at a time.
pub fn migrate(mut value: Value, from: u64) -> Result<Value, BackupError> {
    let mut version = from;
    while version < VERSION {
        value = match version {
            0 => migrate_v0_to_v1(value)?,
            _ => return Err(BackupError::NotABackup),
        };
        version += 1;
    }
    Ok(value)
}

/// Version 0 was the development draft of the format (never shipped): records were
/// called `items`, each with its kind under `type`, and photos were not included. This
/// step shows the pattern every later step follows: one version up, nothing lost.
pub fn migrate_v0_to_v1(mut value: Value) -> Result<Value, BackupError> {
    let obj = value.as_object_mut().ok_or(BackupError::NotABackup)?;
    let items = obj
        .remove("items")
        .ok_or_else(|| BackupError::WrongShape("its records are missing".into()))?;
    let Value::Array(items) = items else {
        return Err(BackupError::WrongShape("its records are not a list".into()));
    };
    let mut records = Vec::with_capacity(items.len());
    for mut item in items {
        if let Some(o) = item.as_object_mut() {
            if let Some(kind) = o.remove("type") {
                o.insert("kind".into(), kind);
            }
        }
        records.push(item);
    }
    obj.insert("records".into(), Value::Array(records));
    obj.entry("photos").or_insert_with(|| Value::Array(vec![]));
    obj.entry("app")
        .or_insert_with(|| Value::String(String::new()));
    obj.insert("version".into(), Value::from(1u64));
    Ok(value)
}

/// Decodes a body as its kind's domain type, so a wrong type is caught before import.
fn check_body(kind: Kind, body: &Value) -> Result<(), serde_json::Error> {
    use super::{
        agenda::AgendaItem, appointment::Appointment, checkin::CheckIn, coping::CopingCard,
        homework::Homework, journal::JournalEntry, progress::Win, safety_plan::SafetyPlan,
        session_note::SessionNote, thought::ThoughtRecord,
    };
    fn is<T: serde::de::DeserializeOwned>(body: &Value) -> Result<(), serde_json::Error> {
        T::deserialize(body).map(|_| ())
    }
    match kind {
        Kind::JournalEntry => is::<JournalEntry>(body),
        Kind::ThoughtRecord => is::<ThoughtRecord>(body),
        Kind::CheckIn => is::<CheckIn>(body),
        Kind::Homework => is::<Homework>(body),
        Kind::AgendaItem => is::<AgendaItem>(body),
        Kind::Session => is::<SessionNote>(body),
        Kind::Win => is::<Win>(body),
        Kind::CopingCard => is::<CopingCard>(body),
        Kind::SafetyPlan => is::<SafetyPlan>(body),
        Kind::Appointment => is::<Appointment>(body),
        Kind::WorkingOn => is::<crate::domain::prep::WorkingOn>(body),
        Kind::LookForward => is::<crate::domain::look_forward::Plan>(body),
        Kind::RestLog => is::<crate::domain::rest::RestLog>(body),
        Kind::SelfCare => is::<crate::domain::rest::SelfCare>(body),
        // A kind with no body type of its own yet: any JSON object.
        Kind::SupportPerson => is::<serde_json::Map<String, Value>>(body),
        Kind::Draft | Kind::JournalMonth => Ok(()),
    }
}

fn shape_words(e: &serde_json::Error) -> String {
    // serde's message names the type expected; the position is of no use to a person.
    let text = e.to_string();
    let text = text.split(" at line").next().unwrap_or("").trim();
    let mut short: String = text.chars().take(120).collect();
    if short.is_empty() {
        short = "a wrong type".into();
    }
    short
}

/// The longest string anywhere in `value`, in bytes.
fn longest_text(value: &Value) -> usize {
    let mut stack = vec![value];
    let mut longest = 0;
    while let Some(v) = stack.pop() {
        match v {
            Value::String(s) => longest = longest.max(s.len()),
            Value::Array(a) => stack.extend(a.iter()),
            Value::Object(o) => {
                for (k, v) in o {
                    longest = longest.max(k.len());
                    stack.push(v);
                }
            }
            _ => {}
        }
    }
    longest
}

/// A kind in words, singular or plural.
pub fn kind_words(kind: Kind, n: usize) -> &'static str {
    let one = n == 1;
    match kind {
        Kind::JournalEntry if one => "journal entry",
        Kind::JournalEntry => "journal entries",
        Kind::ThoughtRecord if one => "thought record",
        Kind::ThoughtRecord => "thought records",
        Kind::CheckIn if one => "check-in",
        Kind::CheckIn => "check-ins",
        Kind::Homework if one => "homework",
        Kind::Homework => "homework items",
        Kind::AgendaItem if one => "thing to bring up",
        Kind::AgendaItem => "things to bring up",
        Kind::Session if one => "session note",
        Kind::Session => "session notes",
        Kind::Win if one => "win",
        Kind::Win => "wins",
        Kind::CopingCard if one => "coping card",
        Kind::CopingCard => "coping cards",
        Kind::SafetyPlan if one => "safety plan",
        Kind::SafetyPlan => "safety plans",
        Kind::SupportPerson if one => "support person",
        Kind::SupportPerson => "support people",
        Kind::LookForward if one => "thing to look forward to",
        Kind::LookForward => "things to look forward to",
        Kind::RestLog if one => "rest note",
        Kind::RestLog => "rest notes",
        Kind::Draft if one => "draft",
        Kind::Draft => "drafts",
        Kind::JournalMonth if one => "month summary",
        Kind::JournalMonth => "month summaries",
        Kind::Appointment if one => "appointment",
        Kind::Appointment => "appointments",
        Kind::WorkingOn if one => "note on what I'm working on",
        Kind::WorkingOn => "notes on what I'm working on",
        Kind::SelfCare if one => "self-care plan",
        Kind::SelfCare => "self-care plans",
    }
}

/// What a backup holds, for the preview before import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    /// Each kind present with its count, in `Kind::ALL` order (deleted ones left out).
    pub counts: Vec<(Kind, usize)>,
    pub photos: usize,
    /// First and last day anything was written (UTC dates, `YYYY-MM-DD`).
    pub range: Option<(String, String)>,
}

impl Preview {
    /// "12 journal entries, 1 check-in and 2 photos".
    pub fn words(&self) -> String {
        let mut parts: Vec<String> = self
            .counts
            .iter()
            .map(|(k, n)| format!("{n} {}", kind_words(*k, *n)))
            .collect();
        if self.photos > 0 {
            let s = if self.photos == 1 { "photo" } else { "photos" };
            parts.push(format!("{} {s}", self.photos));
        }
        match parts.len() {
            0 => "nothing".into(),
            1 => parts.remove(0),
            _ => {
                let last = parts.pop().unwrap_or_default();
                format!("{} and {last}", parts.join(", "))
            }
        }
    }
}

pub fn preview(checked: &Checked) -> Preview {
    let live: Vec<&BackupRecord> = checked
        .records
        .iter()
        .filter(|r| r.deleted.is_none())
        .collect();
    let counts = Kind::ALL
        .into_iter()
        .filter_map(|k| {
            let n = live.iter().filter(|r| r.kind == k).count();
            (n > 0).then_some((k, n))
        })
        .collect();
    let first = live.iter().map(|r| r.created).min();
    let last = live.iter().map(|r| r.updated.max(r.created)).max();
    let range = first.zip(last).map(|(a, b)| (day_of(a), day_of(b)));
    Preview {
        counts,
        photos: checked.photos.len(),
        range,
    }
}

fn day_of(ms: Millis) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| super::dates::date_text(t.date_naive()))
        .unwrap_or_default()
}

/// What stands already: a record's kind, id, updated time and revision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Existing {
    pub kind: Kind,
    pub id: RecordId,
    pub updated: Millis,
    pub rev: u32,
}

/// A record to write in a merge: its index in `Checked::records` and the revision
/// to store (above both the stored and the file's, so a tab holding the old one sees a
/// conflict instead of overwriting it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Write {
    pub index: usize,
    pub rev: u32,
}

/// Merge by id: a record not stored yet is added; one stored already is replaced only
/// when the file's copy was edited later. Importing the same file twice writes nothing
/// the second time.
pub fn merge_plan(existing: &[Existing], incoming: &[BackupRecord]) -> Vec<Write> {
    let stored: std::collections::HashMap<(Kind, &str), (Millis, u32)> = existing
        .iter()
        .map(|e| ((e.kind, e.id.as_str()), (e.updated, e.rev)))
        .collect();
    incoming
        .iter()
        .enumerate()
        .filter_map(|(index, r)| match stored.get(&(r.kind, r.id.as_str())) {
            None => Some(Write {
                index,
                rev: r.rev.max(1),
            }),
            Some(&(updated, rev)) if r.updated > updated => Some(Write {
                index,
                rev: rev.max(r.rev) + 1,
            }),
            Some(_) => None,
        })
        .collect()
}

// ---------------------------------------------------------------------------------
// The passphrase wrapper's plain header.

/// Key derivation parameters, kept in the clear so they can be raised later.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kdf {
    /// "PBKDF2".
    pub name: String,
    /// "SHA-256".
    pub hash: String,
    pub iterations: u32,
    /// base64, 16 bytes.
    pub salt: String,
}

/// A backup wrapped in a passphrase: AES-GCM 256 over the plain file's bytes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EncryptedFile {
    pub format: String,
    pub version: u64,
    pub kdf: Kdf,
    /// "AES-GCM".
    pub cipher: String,
    /// base64, 12 bytes.
    pub iv: String,
    /// base64 of the ciphertext (with its tag).
    pub data: String,
}

/// Iterations written today (OWASP's figure for PBKDF2-HMAC-SHA256).
pub const ITERATIONS: u32 = 600_000;
/// Most iterations accepted when reading, so a made-up file cannot hang the app.
pub const MAX_ITERATIONS: u32 = 10_000_000;

/// The parts of an encrypted file, decoded and checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sealed {
    pub iterations: u32,
    pub salt: Vec<u8>,
    pub iv: Vec<u8>,
    pub data: Vec<u8>,
}

impl EncryptedFile {
    pub fn new(salt: &[u8], iv: &[u8], data: &[u8]) -> EncryptedFile {
        let engine = base64::engine::general_purpose::STANDARD;
        EncryptedFile {
            format: FORMAT_ENCRYPTED.into(),
            version: 1,
            kdf: Kdf {
                name: "PBKDF2".into(),
                hash: "SHA-256".into(),
                iterations: ITERATIONS,
                salt: engine.encode(salt),
            },
            cipher: "AES-GCM".into(),
            iv: engine.encode(iv),
            data: engine.encode(data),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads and checks an encrypted file's header.
    pub fn parse(text: &str) -> Result<Sealed, BackupError> {
        Self::parse_value(parse_json(text)?)
    }

    fn parse_value(value: Value) -> Result<Sealed, BackupError> {
        if value.get("format").and_then(Value::as_str) != Some(FORMAT_ENCRYPTED) {
            return Err(BackupError::NotABackup);
        }
        match value.get("version").and_then(Value::as_u64) {
            Some(1) => {}
            Some(v) if v > 1 => return Err(BackupError::Newer),
            _ => return Err(BackupError::WrongShape("its version is missing".into())),
        }
        let file: EncryptedFile =
            serde_json::from_value(value).map_err(|e| BackupError::WrongShape(shape_words(&e)))?;
        if file.kdf.name != "PBKDF2" || file.kdf.hash != "SHA-256" || file.cipher != "AES-GCM" {
            return Err(BackupError::Newer);
        }
        if !(100_000..=MAX_ITERATIONS).contains(&file.kdf.iterations) {
            return Err(BackupError::WrongShape(
                "its key settings are out of range".into(),
            ));
        }
        let engine = base64::engine::general_purpose::STANDARD;
        let bad = |_| BackupError::WrongShape("its lock is damaged".into());
        let salt = engine.decode(&file.kdf.salt).map_err(bad)?;
        let iv = engine.decode(&file.iv).map_err(bad)?;
        let data = engine.decode(&file.data).map_err(bad)?;
        if salt.len() != 16 || iv.len() != 12 || data.len() < 16 {
            return Err(BackupError::WrongShape("its lock is damaged".into()));
        }
        Ok(Sealed {
            iterations: file.kdf.iterations,
            salt,
            iv,
            data,
        })
    }
}

// ---------------------------------------------------------------------------------
// Markdown and CSV.

use super::checkin::CheckIn;
use super::journal::JournalEntry;

fn local(at: Millis, offset_min: i32) -> (String, String) {
    let t = chrono::DateTime::from_timestamp_millis(at + offset_min as i64 * 60_000)
        .map(|t| t.naive_utc())
        .unwrap_or_default();
    (
        super::dates::date_text(t.date()),
        super::dates::time_text(t.time()),
    )
}

/// The person's text made safe in Markdown: it reads as they wrote it and never turns
/// into a link, a heading, a list or HTML.
pub fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            // A hard line break keeps the person's lines.
            out.push_str("  \n");
        }
        let trimmed = line.trim_start();
        let lead = &line[..line.len() - trimmed.len()];
        out.push_str(lead);
        // What would start a block at the start of a line.
        let mut chars = trimmed.chars().peekable();
        if let Some(&c) = chars.peek() {
            if matches!(c, '-' | '+' | '=' | '>') {
                out.push('\\');
            }
            let digits: String = trimmed.chars().take_while(|c| c.is_ascii_digit()).collect();
            if !digits.is_empty() {
                let rest = &trimmed[digits.len()..];
                if rest.starts_with('.') || rest.starts_with(')') {
                    out.push_str(&digits);
                    out.push('\\');
                    out.push_str(&escape_inline(rest));
                    continue;
                }
            }
        }
        out.push_str(&escape_inline(trimmed));
    }
    out
}

fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// The journal as Markdown, oldest first, deleted entries left out.
pub fn journal_markdown(entries: &[(Meta, JournalEntry)]) -> String {
    let mut list: Vec<&(Meta, JournalEntry)> = entries
        .iter()
        .filter(|(m, _)| m.deleted.is_none())
        .collect();
    list.sort_by_key(|(_, e)| e.at);
    let mut out = String::from("# My journal\n\nFrom Between.\n");
    for (_, e) in list {
        let (date, time) = local(e.at, e.offset_min);
        let _ = write!(out, "\n## {date} {time}\n\n");
        if let Some(mood) = e.mood {
            let _ = writeln!(out, "Mood: {}  ", mood.word());
        }
        if !e.emotions.is_empty() {
            let _ = writeln!(out, "Feelings: {}  ", escape_inline(&e.emotions.join(", ")));
        }
        if !e.triggers.is_empty() {
            let _ = writeln!(
                out,
                "What set it off: {}  ",
                escape_inline(&e.triggers.join(", "))
            );
        }
        for s in &e.symptoms {
            let _ = writeln!(out, "{}: {}  ", escape_inline(&s.name), s.value);
        }
        if let Some(prompt) = &e.prompt {
            let _ = write!(out, "\n*{}*\n", escape_inline(prompt));
        }
        if !e.text.trim().is_empty() {
            let _ = write!(out, "\n{}\n", markdown_escape(e.text.trim()));
        }
    }
    out
}

/// One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break; a cell
/// that a spreadsheet would read as a formula (starting with = + - @, tab or carriage
/// return) gets a leading apostrophe.
pub fn csv_cell(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

fn csv_row(out: &mut String, cells: &[String]) {
    let row: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
    out.push_str(&row.join(","));
    out.push_str("\r\n");
}

fn sorted_entries(entries: &[(Meta, JournalEntry)]) -> Vec<&JournalEntry> {
    let mut list: Vec<&JournalEntry> = entries
        .iter()
        .filter(|(m, _)| m.deleted.is_none())
        .map(|(_, e)| e)
        .collect();
    list.sort_by_key(|e| e.at);
    list
}

/// Moods as CSV: date, time, mood in words, mood 1-5, feelings, what set it off.
pub fn moods_csv(entries: &[(Meta, JournalEntry)]) -> String {
    let mut out = String::new();
    csv_row(
        &mut out,
        &[
            "date",
            "time",
            "mood",
            "mood (1-5)",
            "feelings",
            "what set it off",
        ]
        .map(String::from),
    );
    for e in sorted_entries(entries) {
        let Some(mood) = e.mood else { continue };
        let (date, time) = local(e.at, e.offset_min);
        csv_row(
            &mut out,
            &[
                date,
                time,
                mood.word().into(),
                mood.value().to_string(),
                e.emotions.join("; "),
                e.triggers.join("; "),
            ],
        );
    }
    out
}

/// Symptoms as CSV: date, time, symptom, value.
pub fn symptoms_csv(entries: &[(Meta, JournalEntry)]) -> String {
    let mut out = String::new();
    csv_row(
        &mut out,
        &["date", "time", "symptom", "value"].map(String::from),
    );
    for e in sorted_entries(entries) {
        let (date, time) = local(e.at, e.offset_min);
        for s in &e.symptoms {
            csv_row(
                &mut out,
                &[
                    date.clone(),
                    time.clone(),
                    s.name.clone(),
                    s.value.to_string(),
                ],
            );
        }
    }
    out
}

/// Check-ins as CSV: date, time, questionnaire, score, what it means, answers.
pub fn checkins_csv(checkins: &[(Meta, CheckIn)]) -> String {
    let mut out = String::new();
    csv_row(
        &mut out,
        &["date", "time", "questionnaire", "score", "band", "answers"].map(String::from),
    );
    let mut list: Vec<&(Meta, CheckIn)> = checkins
        .iter()
        .filter(|(m, _)| m.deleted.is_none())
        .collect();
    list.sort_by_key(|(_, c)| c.at);
    for (_, c) in list {
        let (date, time) = local(c.at, c.offset_min);
        let answers: Vec<String> = c.answers.iter().map(|a| a.to_string()).collect();
        csv_row(
            &mut out,
            &[
                date,
                time,
                c.questionnaire.name().into(),
                c.score().to_string(),
                c.band().name.into(),
                answers.join(" "),
            ],
        );
    }
    out
}

#[cfg(test)]
#[path = "backup_tests.rs"]
mod tests;

/// A file as first read: a plain backup checked in full, or the parts of an encrypted
/// one, to be opened with the passphrase and then checked with `check`.
#[derive(Clone, Debug, PartialEq)]
pub enum Opened {
    Plain(Checked),
    Sealed(Sealed),
}

pub fn open(text: &str) -> Result<Opened, BackupError> {
    let value = parse_json(text)?;
    match value.get("format").and_then(Value::as_str) {
        Some(FORMAT) => check_value(value).map(Opened::Plain),
        Some(FORMAT_ENCRYPTED) => EncryptedFile::parse_value(value).map(Opened::Sealed),
        _ => Err(BackupError::NotABackup),
    }
}
