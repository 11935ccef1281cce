use leptos::prelude::*;

use crate::domain::exercise::GROUNDING;

/// 5-4-3-2-1, one step at a time. Step 0 is a few slow breaths; the fields are optional
/// and nothing here is saved.
#[component]
pub fn Grounding() -> impl IntoView {
    let step = RwSignal::new(0usize);
    let last = GROUNDING.len() + 1;
    let body = move || match step.get() {
        0 => view! {
            <p class="exercise__step">"First, take a few slow breaths. In through your nose, and a long breath out."</p>
        }
        .into_any(),
        s if s <= GROUNDING.len() => {
            let g = GROUNDING[s - 1];
            let id = format!("ground-{}", g.sense);
            view! {
                <p class="exercise__count" aria-hidden="true">{g.count}</p>
                <p class="exercise__step">{g.prompt}</p>
                <label class="field__label" for=id.clone()>{format!("Things I can {} (optional)", g.sense)}</label>
                <textarea id=id class="field__input" rows="2"></textarea>
            }
            .into_any()
        }
        _ => view! {
            <p class="exercise__step">"Well done. You are here, right now. Notice how you feel."</p>
        }
        .into_any(),
    };
    view! {
        <p class="muted" aria-live="polite">{move || if step.get() < last { format!("Step {} of {}", step.get() + 1, last) } else { "Finished".to_string() }}</p>
        <div class="exercise">{body}</div>
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
