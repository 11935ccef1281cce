use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::domain::agenda::AgendaItem;
use crate::domain::checkin::{CheckIn, CheckInError, Questionnaire};
use crate::domain::record::{Kind, Record};
use crate::domain::route::Route;
use crate::store::{self, StoreError};
use crate::ui::coping::MyPeople;
use crate::ui::crisis::HelpLines;
use crate::ui::format::{now_ms, offset_at};
use crate::ui::safety_plan::{stored_plan, PlanView};
use crate::ui::widgets::{Page, StoreMessage};
use crate::ui::Base;

/// One questionnaire (/checkin?q=phq9), then its result.
#[component]
pub fn TakeCheckIn() -> impl IntoView {
    let base = expect_context::<Base>();
    let q = use_query_map()
        .with_untracked(|m| m.get("q"))
        .and_then(|c| Questionnaire::from_code(&c))
        .unwrap_or(Questionnaire::Phq9);
    let answers = RwSignal::new(vec![None::<u8>; q.items().len()]);
    let problem = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<StoreError>);
    let result = RwSignal::new(None::<Record<CheckIn>>);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let now = now_ms();
        match CheckIn::new(q, &answers.get_untracked(), now, offset_at(now)) {
            Err(CheckInError::Unanswered { unanswered }) => problem.set(Some(match unanswered {
                1 => "One question is still unanswered.".to_string(),
                n => format!("{n} questions are still unanswered."),
            })),
            Err(CheckInError::OutOfRange) => {
                problem.set(Some("One of the answers is not on the scale.".into()))
            }
            Ok(check) => {
                problem.set(None);
                leptos::task::spawn_local(async move {
                    match store::create(check).await {
                        Ok(saved) => {
                            result.set(Some(saved));
                            scroll_to_top();
                        }
                        Err(e) => failure.set(Some(e)),
                    }
                });
            }
        }
    };

    let items = move || {
        q
        .items()
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let name = format!("item-{i}");
            let legend_id = format!("{name}-legend");
            let options = q
                .options()
                .iter()
                .map(|(label, value)| {
                    let value = *value;
                    view! {
                        <label class="choice">
                            <input type="radio" name=name.clone() value=value.to_string()
                                prop:checked=move || answers.with(|a| a[i] == Some(value))
                                on:change=move |_| answers.update(|a| a[i] = Some(value))/>
                            <span>{*label}</span>
                        </label>
                    }
                })
                .collect_view();
            let labelled_by = legend_id.clone();
            view! {
                <fieldset class="card question" role="radiogroup" aria-labelledby=labelled_by>
                    <legend id=legend_id class="field__label">{format!("{}. {item}", i + 1)}</legend>
                    <div class="choices">{options}</div>
                </fieldset>
            }
        })
        .collect_view()
    };

    let result_view = move || {
        result.get().map(|saved| {
            let c = saved.body.clone();
            let band = c.band();
            let safety = c.needs_safety_response().then(|| view! { <SafetyResponse check=saved.clone()/> });
            view! {
                {safety}
                <section class="card result" aria-labelledby="result-title">
                    <h2 id="result-title">"Your result"</h2>
                    <p class="result__score">{format!("{}: {} out of {}", q.name(), c.score(), q.max_score())}</p>
                    <p><strong>{band.name}</strong>{". "}{band.meaning}</p>
                    <p>"This is not a diagnosis. A score is one way of putting the last two weeks into numbers; your therapist can help you make sense of it."</p>
                    <p class="muted">{q.attribution()}</p>
                    <p><A href=base.href(Route::CheckIns) attr:class="button">"See all check-ins"</A></p>
                </section>
            }
        })
    };

    view! {
        <Page title=q.name()>
            {result_view}
            <Show when=move || result.with(Option::is_none)>
                <p class="lead">{q.question()}</p>
                <form on:submit=submit novalidate>
                    {items()}
                    {move || problem.get().map(|p| view! { <p class="message message--problem" role="alert">{p}</p> })}
                    <StoreMessage error=failure/>
                    <div class="actions">
                        <button type="submit" class="button button--primary">"See my result"</button>
                    </div>
                    <p class="muted">{q.attribution()}</p>
                </form>
            </Show>
        </Page>
    }
}

fn scroll_to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Shown at once when PHQ-9 item 9 is above zero: help, the person's own plan, and
/// an offer to raise it at the next session. Nothing is sent anywhere.
#[component]
fn SafetyResponse(check: Record<CheckIn>) -> impl IntoView {
    let base = expect_context::<Base>();
    let added = RwSignal::new(false);
    let failure = RwSignal::new(None::<StoreError>);
    let stored = stored_plan();
    let plan = Memo::new(move |_| {
        stored
            .get()
            .and_then(Result::ok)
            .flatten()
            .map(|r| r.body)
            .filter(|p| !p.is_empty())
    });
    let add = move |_| {
        let item = AgendaItem {
            text: "Talk about the thoughts I've had of being better off dead or of hurting myself (from a check-in).".into(),
            source: Some((Kind::CheckIn, check.meta.id.clone())),
            done: false,
        };
        leptos::task::spawn_local(async move {
            match store::create(item).await {
                Ok(_) => added.set(true),
                Err(e) => failure.set(Some(e)),
            }
        });
    };
    view! {
        <section class="card safety" aria-labelledby="safety-title">
            <h2 id="safety-title">"You don't have to carry this alone"</h2>
            <p>"You said you've had thoughts of being better off dead or of hurting yourself. Thank you for being honest about it. If those thoughts are strong right now, please reach out now: these lines are free and there any time."</p>
            <HelpLines/>
            <section aria-labelledby="safety-people-title">
                <h3 id="safety-people-title">"My people"</h3>
                <MyPeople empty="People you add to your safety plan or coping box will be here to call or text."/>
            </section>
            {move || plan.get().map(|p| view! {
                <section class="plan-view" aria-labelledby="safety-plan-title">
                    <h3 id="safety-plan-title">"My safety plan"</h3>
                    <PlanView plan=p/>
                </section>
            })}
            <p><A href=base.href(Route::Help) attr:class="button">"Open my help card and safety plan"</A></p>
            <Show when=move || !added.get() fallback=|| view! { <p class="message" role="status">"Added to your list for next session."</p> }>
                <button type="button" class="button button--primary" on:click=add.clone()>"Add “talk about this” to my next session"</button>
            </Show>
            <StoreMessage error=failure/>
        </section>
    }
}
