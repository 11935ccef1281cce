//! Mounts the app, nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    leptos::mount::mount_to_body(between::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Between runs in the browser: `make run` builds and serves it.");
}
