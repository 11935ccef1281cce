use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// The address (path and query) whose screen last took focus; `None` until the
    /// first screen has shown.
    static SHOWN: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// A screen: its one `h1` and content inside the `main` landmark, and the tab title.
///
/// Focus is handled here, once for every screen: after an in-app navigation the new
/// screen's heading takes focus, so keyboard and screen-reader users start at the
/// content instead of the top of the page. The first screen of a visit leaves focus
/// where the browser put it, and a screen drawn again at the same address (a list
/// that finished loading) never takes focus from what the person is doing.
#[component]
pub fn Page(
    /// The screen's name, shown as its heading and in the tab title.
    title: &'static str,
    /// Room for two columns on a wide screen (the journal, Patterns).
    #[prop(optional)]
    wide: bool,
    children: Children,
) -> impl IntoView {
    document().set_title(&format!("{title} · Between"));
    // After mounting, so the heading is in the document.
    request_animation_frame(|| {
        let location = window().location();
        let here = format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        let navigated = SHOWN.with_borrow_mut(|shown| match shown.replace(here.clone()) {
            None => false,
            Some(before) => before != here,
        });
        if navigated {
            focus_heading();
        }
    });
    view! {
        <main id="main" class=if wide { "page page--wide" } else { "page" } tabindex="-1">
            <h1 class="page__title" tabindex="-1">{title}</h1>
            {children()}
        </main>
    }
}

/// Moves focus to the current screen's heading (or its `main` if there is none yet).
/// Does nothing when neither is in the document.
pub fn focus_heading() {
    let target = document()
        .query_selector("main h1")
        .ok()
        .flatten()
        .or_else(|| document().get_element_by_id("main"))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = target {
        let _ = el.focus();
    }
}
