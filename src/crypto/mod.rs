//! Encryption at rest for the passcode lock (issue 12), in plain Rust so `cargo test`
//! covers it natively. Nothing here reads the clock or makes random bytes: callers
//! pass keys, nonces and times (`web.rs` has the browser's randomness and PBKDF2).
//!
//! - A record's payload is sealed with XChaCha20-Poly1305 under a random 32-byte data
//!   key, with the record's stored key ("kind:id") as associated data: a payload moved
//!   to another record does not open. Sealed = nonce (24 bytes) || ciphertext.
//! - The data key is wrapped the same way by a key derived from the passcode (PBKDF2
//!   through WebCrypto) and kept in [`Header`], a plain, versioned JSON text. A wrong
//!   passcode is a failed unwrap; no key and no passcode is ever stored.

#[cfg(target_arch = "wasm32")]
pub mod web;

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};

pub const KEY_LEN: usize = 32;
pub const NONCE_LEN: usize = 24;
pub const SALT_LEN: usize = 16;

/// The header's format version this build writes and reads.
pub const HEADER_VERSION: u32 = 1;
/// PBKDF2-SHA256 iterations for a new passcode (OWASP 2023 figure).
pub const PBKDF2_ITERATIONS: u32 = 600_000;
/// Associated data of the wrapped data key.
const WRAP_AAD: &[u8] = b"between.lock.wrap.v1";

pub type Key = [u8; KEY_LEN];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CryptoError {
    /// Wrong key, wrong associated data, or damaged bytes: the tag did not match.
    Failed,
    /// Too short to hold a nonce and a tag.
    Truncated,
}

/// Seals `plain` under `key` with `nonce`; `aad` is bound in but not stored.
pub fn seal(key: &Key, nonce: &[u8; NONCE_LEN], aad: &[u8], plain: &[u8]) -> Vec<u8> {
    let cipher = XChaCha20Poly1305::new(key.into());
    // Encrypting into a Vec cannot fail for inputs under 256 GiB.
    let ct = cipher
        .encrypt(XNonce::from_slice(nonce), Payload { msg: plain, aad })
        .unwrap_or_default();
    let mut out = Vec::with_capacity(NONCE_LEN + ct.len());
    out.extend_from_slice(nonce);
    out.extend_from_slice(&ct);
    out
}

/// Opens what [`seal`] made, if `key` and `aad` are the ones it was sealed with.
pub fn open(key: &Key, aad: &[u8], sealed: &[u8]) -> Result<Vec<u8>, CryptoError> {
    if sealed.len() < NONCE_LEN + 16 {
        return Err(CryptoError::Truncated);
    }
    let (nonce, ct) = sealed.split_at(NONCE_LEN);
    XChaCha20Poly1305::new(key.into())
        .decrypt(XNonce::from_slice(nonce), Payload { msg: ct, aad })
        .map_err(|_| CryptoError::Failed)
}

/// `seal` as base64 text (what a record's payload holds).
pub fn seal_text(key: &Key, nonce: &[u8; NONCE_LEN], aad: &str, plain: &str) -> String {
    B64.encode(seal(key, nonce, aad.as_bytes(), plain.as_bytes()))
}

/// `open` for what [`seal_text`] made.
pub fn open_text(key: &Key, aad: &str, sealed: &str) -> Result<String, CryptoError> {
    let bytes = B64.decode(sealed).map_err(|_| CryptoError::Truncated)?;
    let plain = open(key, aad.as_bytes(), &bytes)?;
    String::from_utf8(plain).map_err(|_| CryptoError::Failed)
}

/// Where turning the lock on or off stands. Each record says how it is stored, so a
/// pass stopped halfway leaves every record readable with the key; the next unlock
/// finishes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LockState {
    TurningOn,
    On,
    TurningOff,
}

/// How the key-encryption key comes from the passcode (versioned, so it can be raised).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kdf {
    /// "pbkdf2-sha256".
    pub name: String,
    pub iterations: u32,
    /// base64 of 16 random bytes.
    pub salt: String,
}

/// The plain header kept while the lock is on: no secret in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub v: u32,
    pub kdf: Kdf,
    /// base64 of the data key sealed by the derived key.
    pub wrapped: String,
    pub state: LockState,
    /// Minutes without use (or hidden) before the app locks; `None`: never.
    #[serde(default = "default_idle")]
    pub idle_minutes: Option<u32>,
    /// The person chose to keep their safety plan and people readable, for the lock
    /// screen's "Get help now".
    #[serde(default)]
    pub plain_help: bool,
}

fn default_idle() -> Option<u32> {
    Some(5)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeaderError {
    /// Written by a later version of Between (a stronger KDF, say).
    Newer(u32),
    Damaged,
}

impl Header {
    /// A new header for `data_key` wrapped under `kek` (derived from the passcode with
    /// `salt` and [`PBKDF2_ITERATIONS`]).
    pub fn new(
        kek: &Key,
        salt: &[u8; SALT_LEN],
        nonce: &[u8; NONCE_LEN],
        data_key: &Key,
        state: LockState,
    ) -> Header {
        Header {
            v: HEADER_VERSION,
            kdf: Kdf {
                name: "pbkdf2-sha256".into(),
                iterations: PBKDF2_ITERATIONS,
                salt: B64.encode(salt),
            },
            wrapped: B64.encode(seal(kek, nonce, WRAP_AAD, data_key)),
            state,
            idle_minutes: default_idle(),
            plain_help: false,
        }
    }

    /// Wraps `data_key` anew under `kek` (a changed passcode): nothing else changes.
    pub fn rewrap(
        &self,
        kek: &Key,
        salt: &[u8; SALT_LEN],
        nonce: &[u8; NONCE_LEN],
        data_key: &Key,
    ) -> Header {
        Header {
            kdf: Kdf {
                name: "pbkdf2-sha256".into(),
                iterations: PBKDF2_ITERATIONS,
                salt: B64.encode(salt),
            },
            wrapped: B64.encode(seal(kek, nonce, WRAP_AAD, data_key)),
            ..self.clone()
        }
    }

    pub fn parse(text: &str) -> Result<Header, HeaderError> {
        #[derive(Deserialize)]
        struct Version {
            v: u32,
        }
        let v = serde_json::from_str::<Version>(text)
            .map_err(|_| HeaderError::Damaged)?
            .v;
        if v > HEADER_VERSION {
            return Err(HeaderError::Newer(v));
        }
        let header: Header = serde_json::from_str(text).map_err(|_| HeaderError::Damaged)?;
        if header.kdf.name != "pbkdf2-sha256" || header.kdf.iterations == 0 {
            return Err(HeaderError::Damaged);
        }
        Ok(header)
    }

    pub fn to_text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn salt(&self) -> Option<Vec<u8>> {
        B64.decode(&self.kdf.salt).ok()
    }

    /// The data key, if `kek` is the right one (a wrong passcode fails here).
    pub fn unwrap_key(&self, kek: &Key) -> Result<Key, CryptoError> {
        let sealed = B64
            .decode(&self.wrapped)
            .map_err(|_| CryptoError::Truncated)?;
        let key = open(kek, WRAP_AAD, &sealed)?;
        key.try_into().map_err(|_| CryptoError::Failed)
    }
}

/// Whether `passcode` may be set: at least 6 digits, or a passphrase of at least 8
/// characters. `Err` holds the words to show.
pub fn check_passcode(passcode: &str) -> Result<(), &'static str> {
    let p = passcode.trim();
    if p.is_empty() {
        return Err("Type a passcode.");
    }
    if p.chars().all(|c| c.is_ascii_digit()) {
        if p.len() < 6 {
            return Err("Use at least 6 digits, or a passphrase of 8 characters or more.");
        }
    } else if p.chars().count() < 8 {
        return Err("Use a passphrase of at least 8 characters, or at least 6 digits.");
    }
    Ok(())
}

/// Seconds to wait before the next try after `fails` wrong passcodes in a row: the
/// first three are free, then 30 s, 1 min, 2 min, 5 min, and 15 min from then on.
/// Never a wipe.
pub fn delay_after(fails: u32) -> u32 {
    match fails {
        0..=2 => 0,
        3 => 30,
        4 => 60,
        5 => 120,
        6 => 300,
        _ => 900,
    }
}

/// A wait in words ("30 seconds", "2 minutes", "1 minute").
pub fn wait_words(seconds: u32) -> String {
    if seconds < 60 {
        let s = seconds.max(1);
        format!("{s} second{}", if s == 1 { "" } else { "s" })
    } else {
        let m = seconds.div_ceil(60);
        format!("{m} minute{}", if m == 1 { "" } else { "s" })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const K: Key = [7; KEY_LEN];
    const N: [u8; NONCE_LEN] = [9; NONCE_LEN];

    #[test]
    fn round_trip() {
        let sealed = seal_text(&K, &N, "journal_entry:abc", "{\"text\":\"dear diary\"}");
        assert!(!sealed.contains("diary"));
        assert_eq!(
            open_text(&K, "journal_entry:abc", &sealed).as_deref(),
            Ok("{\"text\":\"dear diary\"}")
        );
    }

    #[test]
    fn wrong_key_fails() {
        let sealed = seal(&K, &N, b"a:1", b"secret");
        let mut other = K;
        other[0] ^= 1;
        assert_eq!(open(&other, b"a:1", &sealed), Err(CryptoError::Failed));
    }

    #[test]
    fn payload_moved_to_another_record_fails() {
        let sealed = seal_text(&K, &N, "journal_entry:one", "secret");
        assert_eq!(
            open_text(&K, "journal_entry:two", &sealed),
            Err(CryptoError::Failed)
        );
        assert_eq!(
            open_text(&K, "coping_card:one", &sealed),
            Err(CryptoError::Failed)
        );
    }

    #[test]
    fn tampered_or_short_fails() {
        let mut sealed = seal(&K, &N, b"a:1", b"secret");
        let last = sealed.len() - 1;
        sealed[last] ^= 0x80;
        assert_eq!(open(&K, b"a:1", &sealed), Err(CryptoError::Failed));
        assert_eq!(open(&K, b"a:1", &[0; 30]), Err(CryptoError::Truncated));
    }

    #[test]
    fn header_round_trip_and_unwrap() {
        let kek = [3; KEY_LEN];
        let data = [5; KEY_LEN];
        let h = Header::new(&kek, &[1; SALT_LEN], &N, &data, LockState::TurningOn);
        let parsed = Header::parse(&h.to_text()).unwrap();
        assert_eq!(parsed, h);
        assert_eq!(parsed.kdf.iterations, 600_000);
        assert_eq!(parsed.salt().unwrap(), vec![1; SALT_LEN]);
        assert_eq!(parsed.unwrap_key(&kek), Ok(data));
        // A wrong passcode's key fails to unwrap.
        assert_eq!(parsed.unwrap_key(&[4; KEY_LEN]), Err(CryptoError::Failed));
        // No key in the clear.
        assert!(!h.to_text().contains(&B64.encode(data)));
    }

    #[test]
    fn rewrap_keeps_the_data_key() {
        let data = [5; KEY_LEN];
        let h = Header::new(&[3; KEY_LEN], &[1; SALT_LEN], &N, &data, LockState::On);
        let h2 = h.rewrap(&[8; KEY_LEN], &[2; SALT_LEN], &[4; NONCE_LEN], &data);
        assert_eq!(h2.unwrap_key(&[8; KEY_LEN]), Ok(data));
        assert!(h2.unwrap_key(&[3; KEY_LEN]).is_err());
        assert_eq!(h2.state, LockState::On);
    }

    #[test]
    fn header_versions() {
        let h = Header::new(
            &[3; KEY_LEN],
            &[1; SALT_LEN],
            &N,
            &[5; KEY_LEN],
            LockState::On,
        );
        let newer = h.to_text().replace("\"v\":1", "\"v\":2");
        assert_eq!(Header::parse(&newer), Err(HeaderError::Newer(2)));
        assert_eq!(Header::parse("not json"), Err(HeaderError::Damaged));
        assert_eq!(Header::parse("{\"v\":1}"), Err(HeaderError::Damaged));
        // A version-1 header written before the optional fields existed.
        let old = format!(
            "{{\"v\":1,\"kdf\":{{\"name\":\"pbkdf2-sha256\",\"iterations\":600000,\"salt\":\"{}\"}},\"wrapped\":\"{}\",\"state\":\"turning_on\"}}",
            h.kdf.salt, h.wrapped
        );
        let parsed = Header::parse(&old).unwrap();
        assert_eq!(parsed.state, LockState::TurningOn);
        assert_eq!(parsed.idle_minutes, Some(5));
        assert!(!parsed.plain_help);
    }

    #[test]
    fn passcode_rules() {
        assert!(check_passcode("12345").is_err());
        assert!(check_passcode("123456").is_ok());
        assert!(check_passcode("short").is_err());
        assert!(check_passcode("long enough words").is_ok());
        assert!(check_passcode("      ").is_err());
    }

    #[test]
    fn delay_grows_and_never_wipes() {
        assert_eq!(delay_after(0), 0);
        assert_eq!(delay_after(2), 0);
        assert_eq!(delay_after(3), 30);
        let mut last = 0;
        for n in 0..50 {
            assert!(delay_after(n) >= last);
            last = delay_after(n);
        }
        assert_eq!(delay_after(1000), 900);
        assert_eq!(wait_words(30), "30 seconds");
        assert_eq!(wait_words(60), "1 minute");
        assert_eq!(wait_words(120), "2 minutes");
        assert_eq!(wait_words(1), "1 second");
    }
}
