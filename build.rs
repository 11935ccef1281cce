//! Link step for the split build (issue 8, tools/split.mjs): the app's wasm keeps its
//! relocations (`--emit-relocs`), which wasm-split-cli needs to move a screen's code
//! into its own chunk. Only the final link of the `between` binary for wasm32 changes,
//! so no dependency is rebuilt and native builds and tests are as before.
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bin=between=--emit-relocs");
    }
}
