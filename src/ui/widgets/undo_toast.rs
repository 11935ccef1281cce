use leptos::prelude::*;

/// "Entry deleted. Undo": shown while `visible`, its button calls `on_undo`.
#[component]
pub fn UndoToast(
    /// What happened, e.g. "Entry deleted."
    message: &'static str,
    #[prop(into)] visible: Signal<bool>,
    on_undo: Callback<()>,
) -> impl IntoView {
    move || {
        visible.get().then(|| {
            view! {
                <div class="toast" role="status">
                    <span>{message}</span>
                    <button type="button" class="button" on:click=move |_| on_undo.run(())>"Undo"</button>
                </div>
            }
        })
    }
}
