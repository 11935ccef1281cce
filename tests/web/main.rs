//! In-browser tests of the store against a real IndexedDB (headless Chromium).
//! Run by `make test-browser`: cargo test --target wasm32-unknown-unknown --test web
#![cfg(target_arch = "wasm32")]

mod migration;
mod migration_v3;
mod months;
mod records;
mod robust;
