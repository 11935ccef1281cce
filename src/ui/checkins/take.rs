use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use wasm_bindgen::JsCast;

use crate::domain::agenda::AgendaItem;
use crate::domain::checkin::{
    item9_answered, unanswered, unanswered_words, CheckIn, CheckInDraft, CheckInError,
    Questionnaire,
};
use crate::domain::record::{Kind, Record, RecordId};
use crate::domain::route::Route;
use crate::store::{self, StoreError};
use crate::ui::context::Base;
use crate::ui::crisis::HelpLines;
use crate::ui::format::{now_ms, offset_at};
use crate::ui::kit::stored_plan;
use crate::ui::kit::{enter_never_submits, Form, FormNotices, FormProblems, FormSpec};
use crate::ui::safety_plan::PlanView;
use crate::ui::widgets::MyPeople;
use crate::ui::widgets::{BringToSession, Page, StoreMessage};

/// One questionnaire (/checkin?q=phq9), then its result. Answers in progress are
/// kept as a draft; the item 9 help shows from the live answers.
#[component]
pub fn TakeCheckIn() -> impl IntoView {
    let base = expect_context::<Base>();
    let q = use_query_map()
        .with_untracked(|m| m.get("q"))
        .and_then(|c| Questionnaire::from_code(&c))
        .unwrap_or(Questionnaire::Phq9);
    let result = RwSignal::new(None::<Record<CheckIn>>);
    let kit = Form::new(FormSpec {
        draft_key: format!("checkin-{}", q.code()),
        editing: None,
        blank: CheckInDraft {
            answers: vec![None; q.items().len()],
        },
        from_record: |r: &Record<CheckIn>| CheckInDraft {
            answers: r.body.answers.iter().map(|a| Some(*a)).collect(),
        },
    })
    .on_saved(move |saved| {
        result.set(Some(saved));
        scroll_to_top();
    });
    let draft = kit.value;
    let answers = Memo::new(move |_| {
        draft.with(|d| {
            let mut a = d.answers.clone();
            // A draft from another version of the questionnaire: as many answers as items.
            a.resize(q.items().len(), None);
            a
        })
    });
    let set_answer = move |i: usize, v: u8| {
        draft.update(|d| {
            d.answers.resize(q.items().len(), None);
            d.answers[i] = Some(v);
        })
    };
    let problem = RwSignal::new(None::<String>);
    // After a first "See my result": questions still unanswered say so.
    let checked = RwSignal::new(false);
    let needs_help = Memo::new(move |_| answers.with(|a| item9_answered(q, a)));
    let pending = kit.pending();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let now = now_ms();
        match CheckIn::new(q, &answers.get_untracked(), now, offset_at(now)) {
            Err(CheckInError::Unanswered { .. }) => {
                let missing = answers.with_untracked(|a| unanswered(q, a));
                problem.set(Some(unanswered_words(&missing)));
                // Straight to the first one, for keyboard and screen-reader users too.
                if let Some(first) = missing.first() {
                    let id = format!("item-{first}-0");
                    request_animation_frame(move || {
                        if let Some(el) = document()
                            .get_element_by_id(&id)
                            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
                        {
                            let _ = el.focus();
                        }
                    });
                }
                checked.set(true);
            }
            Err(CheckInError::OutOfRange) => {
                problem.set(Some("One of the answers is not on the scale.".into()))
            }
            Ok(check) => {
                problem.set(None);
                kit.save(check);
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
                .enumerate()
                .map(|(k, (label, value))| {
                    let value = *value;
                    view! {
                        <label class="choice">
                            <input type="radio" id=format!("{name}-{k}") name=name.clone() value=value.to_string()
                                prop:checked=move || answers.with(|a| a.get(i).copied().flatten() == Some(value))
                                on:change=move |_| set_answer(i, value)/>
                            <span>{*label}</span>
                        </label>
                    }
                })
                .collect_view();
            let labelled_by = legend_id.clone();
            view! {
                <fieldset class="card question" role="radiogroup" aria-labelledby=labelled_by>
                    <legend id=legend_id class="field__label">{format!("{}. {item}", i + 1)}</legend>
                    {move || (checked.get() && answers.with(|a| a.get(i).copied().flatten().is_none())).then(|| view! {
                        <p class="question__missing">"Not answered yet"</p>
                    })}
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
            let topic = format!("My {} check-in: {} out of {} ({})", q.name(), c.score(), q.max_score(), band.name);
            let item9 = c.needs_safety_response().then(|| view! {
                <p><strong>"Question 9."</strong>" You said you've had thoughts of being better off dead or of hurting yourself. Whatever the total, that answer matters on its own: please tell your therapist about it, and use the help on this page if the thoughts are strong."</p>
            });
            view! {
                <section class="card result" aria-labelledby="result-title">
                    <h2 id="result-title">"Your result"</h2>
                    <p class="result__score">{format!("{}: {} out of {}", q.name(), c.score(), q.max_score())}</p>
                    <p><strong>{band.name}</strong>{". "}{band.meaning}</p>
                    {item9}
                    <p>"This is not a diagnosis. A score is one way of putting the last two weeks into numbers; your therapist can help you make sense of it."</p>
                    <BringToSession text=topic source={None::<(Kind, RecordId)>}/>
                    <p class="muted">{q.attribution()}</p>
                    <p><A href=base.href(Route::CheckIns) attr:class="button">"See all check-ins"</A></p>
                </section>
            }
        })
    };

    let saved_id = Signal::derive(move || result.with(|r| r.as_ref().map(|r| r.meta.id.clone())));
    let help = move || {
        needs_help
            .get()
            .then(|| view! { <SafetyResponse check=saved_id/> })
    };
    view! {
        <Page title=q.name()>
            <Show when=move || result.with(Option::is_some)>{help}</Show>
            {result_view}
            <Show when=move || result.with(Option::is_none)>
                <p class="lead">{q.question()}</p>
                <FormNotices form=kit noun="check-in"/>
                <form on:submit=submit on:keydown=enter_never_submits novalidate hidden=move || !kit.ready()>
                    {items()}
                    {help}
                    {move || problem.get().map(|p| view! { <p class="message message--problem" role="alert">{p}</p> })}
                    <FormProblems form=kit describe=|_| String::new()/>
                    <div class="actions">
                        <button type="submit" class="button button--primary" disabled=move || pending.get()>"See my result"</button>
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
fn SafetyResponse(
    /// The check-in, once saved: the agenda item points to it.
    check: Signal<Option<RecordId>>,
) -> impl IntoView {
    let base = expect_context::<Base>();
    // It appears while the person is answering: say so, and take focus to it.
    let heading = NodeRef::<leptos::html::H2>::new();
    request_animation_frame(move || {
        if let Some(h) = heading.get_untracked() {
            let _ = h.focus();
        }
    });
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
            source: check.get_untracked().map(|id| (Kind::CheckIn, id)),
            ..AgendaItem::default()
        };
        leptos::task::spawn_local(async move {
            match store::create(item).await {
                Ok(_) => {
                    let _ = added.try_set(true);
                }
                Err(e) => {
                    let _ = failure.try_set(Some(e));
                }
            }
        });
    };
    view! {
        <section class="card safety" aria-labelledby="safety-title">
            <p class="visually-hidden" role="alert">"Help is shown below your answers."</p>
            <h2 id="safety-title" tabindex="-1" node_ref=heading>"You don't have to carry this alone"</h2>
            <p>"You said you've had thoughts of being better off dead or of hurting yourself. Thank you for being honest about it. If those thoughts are strong right now, please reach out now. Someone is there to listen."</p>
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
                <button type="button" class="button button--primary" on:click=add>"Add “talk about this” to my next session"</button>
            </Show>
            <StoreMessage error=failure/>
        </section>
    }
}
