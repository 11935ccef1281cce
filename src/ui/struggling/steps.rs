use leptos::prelude::*;

/// A guided exercise one step at a time: "Step n of m", the step itself, and
/// Back, Next and Start again. `step` runs from 0 to `last` (finished).
#[component]
pub fn Steps(step: RwSignal<usize>, last: usize, children: ChildrenFn) -> impl IntoView {
    view! {
        <p class="muted" aria-live="polite">{move || if step.get() < last { format!("Step {} of {}", step.get() + 1, last) } else { "Finished".to_string() }}</p>
        <div class="exercise">{children()}</div>
        <div class="actions">
            <Show when=move || { step.get() > 0 && step.get() < last }>
                <button type="button" class="button" on:click=move |_| step.update(|s| *s -= 1)>"Back"</button>
            </Show>
            <Show when=move || step.get() < last fallback=move || view! {
                <button type="button" class="button" on:click=move |_| step.set(0)>"Start again"</button>
            }>
                <button type="button" class="button button--primary button--big" on:click=move |_| step.update(|s| *s += 1)>"Next"</button>
            </Show>
        </div>
    }
}
