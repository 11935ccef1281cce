//! Between: a private, offline-first companion for the week between therapy sessions.
//!
//! Layers, pointing one way: `ui` -> `store` -> `domain`, and `ui` -> `domain`.
//! `domain` is plain Rust and builds natively; the rest only for the browser.

pub mod crypto;
pub mod domain;
#[cfg(target_arch = "wasm32")]
pub mod pwa;
#[cfg(target_arch = "wasm32")]
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod ui;
