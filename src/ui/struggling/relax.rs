use leptos::prelude::*;

use super::steps::Steps;

use crate::domain::exercise::{MUSCLE_GROUPS, RELEASE_SECONDS, TENSE_SECONDS};

/// Progressive muscle relaxation, one muscle group at a time, feet to face.
#[component]
pub fn Relax() -> impl IntoView {
    let step = RwSignal::new(0usize);
    let last = MUSCLE_GROUPS.len() + 1;
    let body = move || {
        match step.get() {
        0 => view! {
            <p class="exercise__step">{format!(
                "Tense one group of muscles at a time for about {TENSE_SECONDS} seconds, firmly but never to the point of pain. Then let go, and notice the difference for about {RELEASE_SECONDS} seconds."
            )}</p>
            <p class="muted">"If you have an injury, high blood pressure or heart trouble, check with your doctor before doing this."</p>
        }
        .into_any(),
        s if s <= MUSCLE_GROUPS.len() => {
            let (group, how) = MUSCLE_GROUPS[s - 1];
            view! {
                <h3>{group}</h3>
                <p class="exercise__step">{how}</p>
                <p>{format!("Hold for about {TENSE_SECONDS} seconds. Then let go, and notice the feeling for about {RELEASE_SECONDS} seconds.")}</p>
            }
            .into_any()
        }
        _ => view! { <p class="exercise__step">"Well done. Let your whole body rest for a moment."</p> }.into_any(),
    }
    };
    view! { <Steps step=step last=last>{body}</Steps> }
}
