use leptos::prelude::*;

use crate::ui::context::Prefs;

/// A text that may name a sensitive topic (suicide, self-harm). While the Settings
/// option is on and the text is sensitive, it waits behind "Sensitive topic: show",
/// so someone glancing at the screen does not read it; the button then hides it again.
/// Otherwise the text shows as it is.
#[component]
pub fn Sensitive(
    text: String,
    sensitive: bool,
    /// Classes for the text's paragraph.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let prefs = expect_context::<Prefs>();
    let shown = RwSignal::new(false);
    let id = format!("sensitive-{}", next_id());
    let hidden = move || sensitive && prefs.hide_sensitive.get();
    let control = id.clone();
    view! {
        <Show when=hidden>
            <button type="button" class="button sensitive__toggle"
                aria-expanded=move || shown.get().to_string() aria-controls=control.clone()
                on:click=move |_| shown.update(|s| *s = !*s)>
                {move || if shown.get() { "Hide this sensitive topic" } else { "Sensitive topic: show" }}
            </button>
        </Show>
        <p id=id class=class hidden=move || hidden() && !shown.get()>{text}</p>
    }
}

fn next_id() -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}
