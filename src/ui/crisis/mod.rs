//! The crisis card: the lines for the person's region, one tap from every screen.
//! The lines need no network and no stored data beyond the chosen region; the
//! person's own people and safety plan load after them from this device (no network
//! either), and if storage fails the lines are still there.

mod lines;
mod region_picker;

use leptos::prelude::*;

use crate::domain::route::Route;
use crate::ui::context::Base;
use crate::ui::kit::stored_plan;
use crate::ui::safety_plan::{PlanActions, PlanView};
use crate::ui::widgets::MyPeople;
use crate::ui::widgets::Page;
use leptos_router::components::A;

pub use lines::HelpLines;
pub use region_picker::RegionPicker;

#[component]
pub fn CrisisCard() -> impl IntoView {
    view! {
        <Page title=Route::Help.title()>
            <p class="lead">"You don't have to get through this alone. Someone is there to listen."</p>
            <HelpLines/>
            <section aria-labelledby="my-people-title">
                <h2 id="my-people-title">"My people"</h2>
                <MyPeople empty="Add your therapist and people you trust to your safety plan, and they will be here to call or text."/>
            </section>
            <MyPlan/>
        </Page>
    }
}

/// The person's safety plan, read from this device, with Print and Share.
#[component]
fn MyPlan() -> impl IntoView {
    let base = expect_context::<Base>();
    let stored = stored_plan();
    let plan = Memo::new(move |_| stored.get().and_then(Result::ok).flatten().map(|r| r.body));
    let text = Signal::derive(move || plan.get().map(|p| p.to_text()).unwrap_or_default());
    view! {
        <section class="card plan-view" aria-labelledby="my-plan-title">
            <h2 id="my-plan-title">"My safety plan"</h2>
            {move || match plan.get() {
                Some(p) if !p.is_empty() => view! { <PlanView plan=p/> }.into_any(),
                _ => view! { <p class="muted">"You haven't made a safety plan yet. It's a short list of steps to follow when things get hard."</p> }.into_any(),
            }}
            <PlanActions text=text/>
            <p class="no-print"><A href=base.href(Route::SafetyPlan) attr:class="button">"Edit my safety plan"</A></p>
        </section>
    }
}
