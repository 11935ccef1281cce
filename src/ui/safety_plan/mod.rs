//! The safety plan: the six Stanley-Brown steps and what matters most, each a list the
//! person fills. Edited here, shown on the crisis card, printable and shareable after
//! a preview.

mod plan_view;
mod share;
mod step_editor;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::route::Route;
use crate::domain::safety_plan::Step;
use crate::ui::context::Base;
use crate::ui::kit::{stored_plan, LoadProblem};
use crate::ui::widgets::Page;

pub use plan_view::PlanView;
pub use share::PlanActions;

use step_editor::StepEditor;

#[component]
pub fn SafetyPlanPage() -> impl IntoView {
    let base = expect_context::<Base>();
    let stored = stored_plan();
    let current = Memo::new(move |_| stored.get().and_then(Result::ok).flatten());
    let failed = move || stored.get().and_then(Result::err);
    let text = Signal::derive(move || current.get().map(|r| r.body.to_text()).unwrap_or_default());
    view! {
        <Page title=Route::SafetyPlan.title()>
            <p class="lead">"A plan you make while things are calmer, to follow step by step when they are not. It is shown on your help card."</p>
            <p class="muted no-print">"It is often made together with your therapist. Everything stays on this device."</p>
            {move || failed().map(|e| view! { <LoadProblem error=e/> })}
            // Editing starts only from a plan that was read: a plan that failed to load is
            // never replaced by a new one.
            <Show when=move || stored.with(|s| matches!(s, Some(Ok(_))))
                fallback=move || stored.with(Option::is_none).then(|| view! { <p class="muted" role="status">"Loading…"</p> })>
                {Step::ALL.into_iter().enumerate().map(|(i, step)| view! {
                    <StepEditor step=step number=i + 1 current=current/>
                }).collect_view()}
            </Show>
            <PlanActions text=text/>
            <p class="no-print"><A href=base.href(Route::Help) attr:class="button">"See it on my help card"</A></p>
        </Page>
    }
}
