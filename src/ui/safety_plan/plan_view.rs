use leptos::prelude::*;

use crate::domain::crisis::tel_href;
use crate::domain::safety_plan::{SafetyPlan, Step};

/// The plan to read in a hard moment: filled steps only, in order.
#[component]
pub fn PlanView(plan: SafetyPlan) -> impl IntoView {
    Step::ALL
        .into_iter()
        .enumerate()
        .filter(|(_, step)| !plan.items(*step).is_empty())
        .map(|(i, step)| {
            let heading = if step == Step::MattersMost {
                step.title().to_string()
            } else {
                format!("{}. {}", i + 1, step.title())
            };
            let items = plan
                .items(step)
                .iter()
                .map(|item| {
                    view! {
                        <li>
                            {item.text.clone()}
                            {(!item.phone.is_empty()).then(|| view! {
                                " " <a href=tel_href(&item.phone)>{item.phone.clone()}</a>
                            })}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="plan-view__step">
                    <h3>{heading}</h3>
                    <ul>{items}</ul>
                </div>
            }
        })
        .collect_view()
}
