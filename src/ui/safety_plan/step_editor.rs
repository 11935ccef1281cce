use leptos::prelude::*;

use crate::domain::crisis::{tel_href, PhoneError};
use crate::domain::record::Record;
use crate::domain::safety_plan::{ItemError, PlanItem, SafetyPlan, Step, MAX_ITEM_CHARS};
use crate::store::{self, StoreError};
use crate::ui::widgets::StoreMessage;

fn item_problem(e: ItemError) -> &'static str {
    match e {
        ItemError::Empty => "Write something first.",
        ItemError::TooLong => "That's a bit long. Please shorten it.",
        ItemError::Phone(PhoneError::NotANumber) => {
            "A phone number can have digits, spaces, dashes, brackets and a + at the start, but no letters."
        }
        ItemError::Phone(PhoneError::Empty) => "That phone number looks too short.",
    }
}

/// Saves `plan` on top of `current` (or as the first plan).
async fn save(current: Option<Record<SafetyPlan>>, plan: SafetyPlan) -> Result<(), StoreError> {
    match current {
        Some(mut r) => {
            r.body = plan;
            store::update(&r).await.map(|_| ())
        }
        None => store::create(plan).await.map(|_| ()),
    }
}

/// One step of the plan: its guidance, its items (each removable) and a way to add one.
/// Every change is saved straight away.
#[component]
pub fn StepEditor(
    step: Step,
    number: usize,
    current: Memo<Option<Record<SafetyPlan>>>,
) -> impl IntoView {
    let key = format!("plan-{number}");
    let title_id = format!("{key}-title");
    let text_id = format!("{key}-text");
    let phone_id = format!("{key}-phone");
    let text = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<&'static str>);
    let failure = RwSignal::new(None::<StoreError>);
    let saving = RwSignal::new(false);

    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let item = match PlanItem::new(step, &text.get_untracked(), &phone.get_untracked()) {
            Ok(item) => item,
            Err(e) => return problem.set(Some(item_problem(e))),
        };
        problem.set(None);
        let existing = current.get_untracked();
        let mut plan = existing
            .as_ref()
            .map(|r| r.body.clone())
            .unwrap_or_default();
        plan.items_mut(step).push(item);
        saving.set(true);
        leptos::task::spawn_local(async move {
            match save(existing, plan).await {
                Ok(()) => {
                    failure.set(None);
                    text.set(String::new());
                    phone.set(String::new());
                }
                Err(e) => failure.set(Some(e)),
            }
            saving.set(false);
        });
    };
    let remove = move |index: usize| {
        let Some(existing) = current.get_untracked() else {
            return;
        };
        let mut plan = existing.body.clone();
        if index < plan.items(step).len() {
            plan.items_mut(step).remove(index);
        }
        saving.set(true);
        leptos::task::spawn_local(async move {
            failure.set(save(Some(existing), plan).await.err());
            saving.set(false);
        });
    };
    let items = move || {
        current
            .get()
            .map(|r| r.body.items(step).clone())
            .unwrap_or_default()
    };
    let heading = if step == Step::MattersMost {
        step.title().to_string()
    } else {
        format!("{number}. {}", step.title())
    };

    view! {
        <section class="card plan-step" aria-labelledby=title_id.clone()>
            <h2 id=title_id.clone()>{heading}</h2>
            <p class="muted">{step.guidance()}</p>
            <ul class="plan-items">
                {move || items().into_iter().enumerate().map(|(i, item)| {
                    let label = format!("Remove {}", item.text);
                    view! {
                        <li class="plan-item">
                            <span class="plan-item__text">{item.text.clone()}</span>
                            {(!item.phone.is_empty()).then(|| view! {
                                <a class="plan-item__phone" href=tel_href(&item.phone)>{item.phone.clone()}</a>
                            })}
                            <button type="button" class="button no-print" aria-label=label on:click=move |_| remove(i)
                                disabled=move || saving.get()>"Remove"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <form class="plan-add no-print" on:submit=add>
                <div class="field">
                    <label class="field__label" for=text_id.clone()>{step.item_label()}</label>
                    <input id=text_id.clone() class="field__input" type="text" maxlength=MAX_ITEM_CHARS.to_string() bind:value=text/>
                </div>
                {step.has_phone().then(|| view! {
                    <div class="field">
                        <label class="field__label" for=phone_id.clone()>"Phone (optional)"</label>
                        <input id=phone_id.clone() class="field__input" type="tel" bind:value=phone/>
                    </div>
                })}
                {move || problem.get().map(|p| view! { <p class="message message--problem" role="alert">{p}</p> })}
                <StoreMessage error=failure/>
                <button type="submit" class="button" disabled=move || saving.get()>"Add"</button>
            </form>
        </section>
    }
}
