use leptos::prelude::*;

use super::steps::Steps;

use crate::domain::exercise::GROUNDING;

/// 5-4-3-2-1, one step at a time. Step 0 is a few slow breaths; the fields are optional
/// and nothing here is saved.
#[component]
pub fn Grounding() -> impl IntoView {
    let step = RwSignal::new(0usize);
    let last = GROUNDING.len() + 1;
    let body = move || {
        match step.get() {
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
    }
    };
    view! { <Steps step=step last=last>{body}</Steps> }
}
