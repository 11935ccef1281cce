//! A backup file locked with a passphrase, through the browser's WebCrypto:
//! PBKDF2-SHA256 (600,000 iterations, random 16-byte salt) derives an AES-GCM 256 key,
//! which encrypts the plain file with a random 12-byte IV. The parameters go in a plain
//! JSON header (`domain::backup::EncryptedFile`) so they can be raised later. Neither
//! the passphrase nor the key is kept anywhere.

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

use crate::domain::backup::{BackupError, EncryptedFile, Sealed, ITERATIONS};

use super::StoreError;

fn subtle() -> Result<(web_sys::Crypto, SubtleCrypto), StoreError> {
    let crypto = web_sys::window()
        .ok_or_else(|| StoreError::Unavailable("no window".into()))?
        .crypto()
        .map_err(|_| StoreError::Unavailable("no WebCrypto".into()))?;
    let subtle = crypto.subtle();
    Ok((crypto, subtle))
}

fn js_err(e: JsValue) -> StoreError {
    StoreError::Other(
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "WebCrypto failed".into()),
    )
}

fn random(crypto: &web_sys::Crypto, n: usize) -> Result<Vec<u8>, StoreError> {
    let mut bytes = vec![0u8; n];
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(js_err)?;
    Ok(bytes)
}

fn obj(fields: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in fields {
        // Plain properties on a fresh object: cannot fail.
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o
}

async fn derive(
    subtle: &SubtleCrypto,
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<CryptoKey, StoreError> {
    let raw = Uint8Array::from(passphrase.as_bytes());
    let usages = Array::of1(&"deriveKey".into());
    let base = JsFuture::from(
        subtle
            .import_key_with_str("raw", &raw, "PBKDF2", false, &usages)
            .map_err(js_err)?,
    )
    .await
    .map_err(js_err)?;
    let base: CryptoKey = base.unchecked_into();
    let algorithm = obj(&[
        ("name", "PBKDF2".into()),
        ("salt", Uint8Array::from(salt).into()),
        ("iterations", iterations.into()),
        ("hash", "SHA-256".into()),
    ]);
    let target = obj(&[("name", "AES-GCM".into()), ("length", 256u32.into())]);
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let key = JsFuture::from(
        subtle
            .derive_key_with_object_and_object(&algorithm, &base, &target, false, &usages)
            .map_err(js_err)?,
    )
    .await
    .map_err(js_err)?;
    Ok(key.unchecked_into())
}

/// Locks `plain` (the backup's JSON) with `passphrase`; returns the encrypted file's text.
pub async fn seal(plain: &str, passphrase: &str) -> Result<String, StoreError> {
    let (crypto, subtle) = subtle()?;
    let salt = random(&crypto, 16)?;
    let iv = random(&crypto, 12)?;
    let key = derive(&subtle, passphrase, &salt, ITERATIONS).await?;
    let algorithm = obj(&[
        ("name", "AES-GCM".into()),
        ("iv", Uint8Array::from(iv.as_slice()).into()),
    ]);
    let data = Uint8Array::from(plain.as_bytes());
    let sealed = JsFuture::from(
        subtle
            .encrypt_with_object_and_js_u8_array(&algorithm, &key, &data)
            .map_err(js_err)?,
    )
    .await
    .map_err(js_err)?;
    let bytes = Uint8Array::new(&sealed).to_vec();
    Ok(EncryptedFile::new(&salt, &iv, &bytes).to_json())
}

/// Opens a locked backup. A wrong passphrase (the tag does not match) is
/// `BackupError::WrongPassphrase`; nothing is touched either way.
pub async fn unseal(sealed: &Sealed, passphrase: &str) -> Result<String, BackupError> {
    let unavailable = |_| BackupError::WrongShape("this browser cannot open it".into());
    let (_, subtle) = subtle().map_err(unavailable)?;
    let key = derive(&subtle, passphrase, &sealed.salt, sealed.iterations)
        .await
        .map_err(unavailable)?;
    let algorithm = obj(&[
        ("name", "AES-GCM".into()),
        ("iv", Uint8Array::from(sealed.iv.as_slice()).into()),
    ]);
    let data = Uint8Array::from(sealed.data.as_slice());
    let promise = subtle
        .decrypt_with_object_and_js_u8_array(&algorithm, &key, &data)
        .map_err(|_| BackupError::WrongPassphrase)?;
    let plain = JsFuture::from(promise)
        .await
        .map_err(|_| BackupError::WrongPassphrase)?;
    String::from_utf8(Uint8Array::new(&plain).to_vec()).map_err(|_| BackupError::NotJson)
}
