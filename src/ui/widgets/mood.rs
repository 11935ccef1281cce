use leptos::prelude::*;

use crate::domain::journal::Mood;

/// A mood's mark: its own shape in its own colour, so moods are told apart without
/// colour (down triangle, square, circle, diamond, up triangle). It is decoration: the
/// mood's word always stands beside it.
#[component]
pub fn MoodMark(mood: Mood) -> impl IntoView {
    view! {
        <svg class=format!("mood-mark mood-mark--{}", mood.value()) viewBox="0 0 16 16"
            width="16" height="16" aria-hidden="true" focusable="false">
            {shape(mood)}
        </svg>
    }
}

fn shape(mood: Mood) -> AnyView {
    match mood {
        Mood::VeryLow => view! { <path d="M1 3h14L8 15z"/> }.into_any(),
        Mood::Low => view! { <rect x="2" y="2" width="12" height="12" rx="1"/> }.into_any(),
        Mood::Okay => view! { <circle cx="8" cy="8" r="6.5"/> }.into_any(),
        Mood::Good => view! { <path d="M8 0.5 15.5 8 8 15.5 0.5 8z"/> }.into_any(),
        Mood::VeryGood => view! { <path d="M8 1 15 13H1z"/> }.into_any(),
    }
}
