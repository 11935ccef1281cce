use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

/// "Entry deleted. Undo": shown while `visible`, its button calls `on_undo`.
///
/// When it appears, focus moves to Undo (the deleted item's own button is gone), and
/// the button is described by the message, so a screen reader says both.
#[component]
pub fn UndoToast(
    /// What happened, e.g. "Entry deleted."
    message: &'static str,
    #[prop(into)] visible: Signal<bool>,
    on_undo: Callback<()>,
) -> impl IntoView {
    let id = NEXT_ID.with(|n| {
        n.set(n.get().wrapping_add(1));
        format!("undo-{}", n.get())
    });
    move || {
        visible.get().then(|| {
            let id = id.clone();
            let button_id = format!("{id}-button");
            let target = button_id.clone();
            // After mounting, so the button is in the document; nothing if it is gone.
            request_animation_frame(move || {
                if let Some(b) = document()
                    .get_element_by_id(&target)
                    .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = b.focus();
                }
            });
            view! {
                <div class="toast" role="status">
                    <span id=id.clone()>{message}</span>
                    <button type="button" class="button" id=button_id aria-describedby=id
                        on:click=move |_| on_undo.run(())>"Undo"</button>
                </div>
            }
        })
    }
}
