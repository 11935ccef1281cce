//! The browser's part: random bytes (`crypto.getRandomValues`) and PBKDF2-SHA256
//! through WebCrypto (`importKey` + `deriveBits`), only at unlock, set and change.

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::{Key, KEY_LEN};

fn crypto() -> Result<web_sys::Crypto, String> {
    web_sys::window()
        .ok_or("no window")?
        .crypto()
        .map_err(|_| "no crypto".to_string())
}

/// `N` random bytes from the browser's cryptographic generator.
pub fn random<const N: usize>() -> Result<[u8; N], String> {
    let mut out = [0u8; N];
    crypto()?
        .get_random_values_with_u8_array(&mut out)
        .map_err(|_| "getRandomValues failed".to_string())?;
    Ok(out)
}

/// The key-encryption key for `passcode`: PBKDF2-SHA256, `iterations`, `salt`.
pub async fn derive(passcode: &str, salt: &[u8], iterations: u32) -> Result<Key, String> {
    let subtle = crypto()?.subtle();
    let raw = Uint8Array::from(passcode.as_bytes());
    let usages = Array::of1(&"deriveBits".into());
    let base = JsFuture::from(
        subtle
            .import_key_with_str("raw", &raw, "PBKDF2", false, &usages)
            .map_err(|_| "importKey refused")?,
    )
    .await
    .map_err(|_| "importKey failed")?;
    let base: web_sys::CryptoKey = base.dyn_into().map_err(|_| "not a key")?;
    let params = Object::new();
    let _ = Reflect::set(&params, &"name".into(), &"PBKDF2".into());
    let _ = Reflect::set(&params, &"hash".into(), &"SHA-256".into());
    let _ = Reflect::set(&params, &"salt".into(), &Uint8Array::from(salt).into());
    let _ = Reflect::set(&params, &"iterations".into(), &JsValue::from(iterations));
    let bits = JsFuture::from(
        subtle
            .derive_bits_with_object(&params, &base, (KEY_LEN * 8) as u32)
            .map_err(|_| "deriveBits refused")?,
    )
    .await
    .map_err(|_| "deriveBits failed")?;
    let bytes = Uint8Array::new(&bits).to_vec();
    bytes.try_into().map_err(|_| "wrong key length".to_string())
}
