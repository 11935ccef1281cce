use leptos::prelude::*;

use crate::domain::crisis::{tel_href, PhoneError};
use crate::domain::drafts::PlanItemDraft;
use crate::domain::record::{Record, RecordId};
use crate::domain::safety_plan::{ItemError, PlanItem, SafetyPlan, Step, MAX_ITEM_CHARS};
use crate::store::{self, StoreError};
use crate::ui::kit::Draft;
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

/// Applies `change` to the plan `current` (or to a new plan) and saves it, removing
/// the draft `draft` in the same transaction. Adding or removing an item merges: if
/// another tab changed the plan meanwhile, the change is applied again to that newer
/// plan, so neither tab's change is lost or overwritten unseen.
async fn save(
    current: Option<Record<SafetyPlan>>,
    change: impl Fn(&mut SafetyPlan),
    draft: Option<RecordId>,
) -> Result<(), StoreError> {
    let mut base = current;
    for _ in 0..3 {
        let result = match base.clone() {
            Some(mut r) => {
                change(&mut r.body);
                store::update_clearing(&r, draft.as_ref()).await.map(|_| ())
            }
            None => {
                let mut plan = SafetyPlan::default();
                change(&mut plan);
                store::create_clearing(plan, draft.as_ref())
                    .await
                    .map(|_| ())
            }
        };
        match (result, &base) {
            (Err(StoreError::Conflict { .. }), Some(r)) => {
                base = store::get::<SafetyPlan>(&r.meta.id).await?
            }
            (result, _) => return result,
        }
    }
    Err(StoreError::Conflict { stored: 0 })
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
    // What is typed for a new item is kept as a draft until it is added.
    let value = RwSignal::new(PlanItemDraft::default());
    let draft = Draft::new(RecordId(format!("plan-step-{number}")), value);
    leptos::task::spawn_local(async move { draft.open().await });
    let text = Signal::derive(move || value.with(|d| d.text.clone()));
    let phone = Signal::derive(move || value.with(|d| d.phone.clone()));
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
        saving.set(true);
        draft.saving();
        leptos::task::spawn_local(async move {
            let key = draft.key();
            match save(
                existing,
                move |plan| plan.items_mut(step).push(item.clone()),
                Some(key),
            )
            .await
            {
                Ok(()) => {
                    let _ = failure.try_set(None);
                    let _ = value.try_set(PlanItemDraft::default());
                }
                Err(e) => {
                    draft.keep_now();
                    let _ = failure.try_set(Some(e));
                }
            }
            let _ = saving.try_set(false);
        });
    };
    let remove = move |index: usize| {
        let Some(existing) = current.get_untracked() else {
            return;
        };
        let Some(gone) = existing.body.items(step).get(index).cloned() else {
            return;
        };
        saving.set(true);
        leptos::task::spawn_local(async move {
            // The item itself is removed, wherever it now is in a newer plan.
            let remove_it = move |plan: &mut SafetyPlan| {
                if let Some(i) = plan.items(step).iter().position(|it| *it == gone) {
                    plan.items_mut(step).remove(i);
                }
            };
            let _ = failure.try_set(save(Some(existing), remove_it, None).await.err());
            let _ = saving.try_set(false);
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
                    <input id=text_id.clone() class="field__input" type="text" maxlength=MAX_ITEM_CHARS.to_string()
                        prop:value=text on:input=move |ev| value.update(|d| d.text = event_target_value(&ev))/>
                </div>
                {step.has_phone().then(|| view! {
                    <div class="field">
                        <label class="field__label" for=phone_id.clone()>"Phone (optional)"</label>
                        <input id=phone_id.clone() class="field__input" type="tel"
                            prop:value=phone on:input=move |ev| value.update(|d| d.phone = event_target_value(&ev))/>
                    </div>
                })}
                {move || problem.get().map(|p| view! { <p class="message message--problem" role="alert">{p}</p> })}
                <StoreMessage error=failure/>
                {move || draft.failed.get().then(|| view! {
                    <p class="message message--problem" role="status">"Between couldn't keep a draft of this on your device, so if the page closes before you add it, what you typed may be lost."</p>
                })}
                <button type="submit" class="button" disabled=move || saving.get()>"Add"</button>
            </form>
        </section>
    }
}
