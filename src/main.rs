//! Mounts the app, and makes sure a person never faces a blank page.
//!
//! index.html has a loading block (`#boot`) with a link to help.html, the static page
//! of crisis lines. It is hidden once the app has mounted. If the app stops (a Rust
//! panic; with `panic = "abort"` everything stops), the panic hook shows the block
//! again over the app, saying so in plain words. If the app cannot start at all,
//! src/boot.mjs (Trunk's initializer) shows it.
//!
//! For tests: opening the app with `?panic-test` in the address panics on purpose
//! right after mounting. It writes nothing and reading the address is all it does;
//! a reload without it starts the app normally.

#[cfg(target_arch = "wasm32")]
fn main() {
    std::panic::set_hook(Box::new(|info| {
        leptos::logging::error!("Between stopped: {info}");
        boot::set_state("stopped");
    }));
    // The database starts opening while the first screen is built.
    between::store::warm();
    leptos::mount::mount_to_body(between::ui::App);
    boot::set_state("mounted");
    if boot::panic_test() {
        panic!("a panic on purpose (?panic-test), to test the message shown when Between stops");
    }
}

#[cfg(target_arch = "wasm32")]
mod boot {
    use wasm_bindgen::JsCast;

    const STOPPED: &str = concat!(
        r#"<p class="boot__stopped" role="alert">Something went wrong and Between stopped. "#,
        r#"Your entries are safe on this device. Reload the page to try again.</p>"#,
        r#"<p class="boot__help">Need help now? <a href="help.html" rel="external">See crisis lines</a></p>"#,
    );

    /// Sets the loading block's state ("mounted", "stopped"). Never panics: it also
    /// runs inside the panic hook. If the block is missing, a new one is made.
    pub fn set_state(state: &str) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let boot = match document.get_element_by_id("boot") {
            Some(el) => el,
            None if state == "stopped" => {
                let Ok(el) = document.create_element("div") else {
                    return;
                };
                el.set_id("boot");
                el.set_class_name("boot");
                el.set_inner_html(STOPPED);
                if let Some(body) = document.body() {
                    let _ = body.append_child(&el);
                }
                el
            }
            None => return,
        };
        let _ = boot.set_attribute("data-state", state);
        if state == "stopped" {
            // Move focus off the stopped app onto the message's link.
            if let Some(link) = boot
                .query_selector("a")
                .ok()
                .flatten()
                .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = link.focus();
            }
        }
    }

    /// Whether the address asks for the test panic (`?panic-test`).
    pub fn panic_test() -> bool {
        web_sys::window()
            .and_then(|w| w.location().search().ok())
            .is_some_and(|s| {
                s.trim_start_matches('?')
                    .split('&')
                    .any(|p| p == "panic-test")
            })
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Between runs in the browser: `make run` builds and serves it.");
}
