//! `ThisWeekPlans`, for Today: this week's plans, shown only when there are any, with
//! a link to Look forward. Small, so it can sit in the main module.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::look_forward::{between, Plan, Weeks};
use crate::domain::route::Route;
use crate::ui::context::Base;
use crate::ui::format::{day_short, today};
use crate::ui::kit::live;

/// This week's plans (weeks from `super::first_day()`), each "what · day", then "Look
/// forward". Nothing at all while loading, on a failed read, or with no plans this week.
#[component]
pub fn ThisWeekPlans() -> impl IntoView {
    let base = expect_context::<Base>();
    let href = base.href(Route::LookForward);
    let plans = live::<Plan>();
    move || {
        let list = plans.get()?.ok()?;
        let week = Weeks::of(today(), super::first_day()).this_week;
        let items: Vec<(String, String)> = between(&list, week.0, week.1)
            .into_iter()
            .map(|r| (r.body.what.clone(), day_short(r.body.day)))
            .collect();
        if items.is_empty() {
            return None;
        }
        Some(view! {
            <section class="card" aria-labelledby="this-week-plans">
                <h2 id="this-week-plans">"This week's plans"</h2>
                <ul class="plan-list plan-list--short" aria-labelledby="this-week-plans">
                    {items.into_iter().map(|(what, day)| view! {
                        <li><span class="plan__what">{what}</span><span class="muted">{format!(" · {day}")}</span></li>
                    }).collect_view()}
                </ul>
                <p><A href=href.clone()>"Look forward"</A></p>
            </section>
        })
    }
}
