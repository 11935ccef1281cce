//! The thought record (/thought, /thought?id=…): the seven CBT steps on one page.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::domain::record::{Record, RecordId};
use crate::domain::route::Route;
use crate::domain::thought::{
    MoodRating, Thought, ThoughtDraft, ThoughtError, ThoughtRecord, STEPS,
};
use crate::ui::context::Base;
use crate::ui::format::{datetime_local_value, now_ms, offset_at, parse_datetime_local};
use crate::ui::kit::{enter_never_submits, Form, FormNotices, FormProblems, FormSpec};
use crate::ui::widgets::Page;

fn problem_text(e: &ThoughtError) -> &'static str {
    match e {
        ThoughtError::Empty => "There's nothing to save yet. Start with the situation.",
        ThoughtError::TooLong => "That's very long. Please shorten it a little.",
        ThoughtError::Rating => "Ratings go from 0 to 100.",
        ThoughtError::Date => "Please check the date.",
    }
}

fn step(i: usize) -> impl IntoView {
    let (name, ask) = STEPS[i];
    view! {
        <h2 class="step__title">{format!("{}. {name}", i + 1)}</h2>
        <p class="muted">{ask}</p>
    }
}

fn blank() -> ThoughtDraft {
    let now = now_ms();
    ThoughtDraft {
        record: ThoughtRecord {
            at: now,
            offset_min: offset_at(now),
            moods: vec![MoodRating {
                name: String::new(),
                before: 50,
                after: None,
            }],
            thoughts: vec![Thought {
                text: String::new(),
                hot: false,
            }],
            ..Default::default()
        },
        when: datetime_local_value(now),
    }
}

fn draft_of(r: &Record<ThoughtRecord>) -> ThoughtDraft {
    ThoughtDraft {
        when: datetime_local_value(r.body.at),
        record: r.body.clone(),
    }
}

/// A few words of a thought record, to tell two versions apart.
fn describe(r: &ThoughtRecord) -> String {
    let hot = r
        .thoughts
        .iter()
        .find(|t| t.hot)
        .or(r.thoughts.first())
        .map(|t| t.text.as_str())
        .unwrap_or("");
    format!(
        "What happened: {}. The thought: {}. A balanced thought: {}",
        r.situation, hot, r.balanced
    )
}

#[component]
pub fn ThoughtPage() -> impl IntoView {
    let query = use_query_map();
    let editing = query.with_untracked(|q| q.get("id")).map(RecordId);
    let base = expect_context::<Base>();
    let to_journal = super::saved_to_journal();
    let draft_key = match &editing {
        Some(id) => format!("thought-{}", id.as_str()),
        None => "thought-new".into(),
    };
    let kit = Form::new(FormSpec {
        draft_key,
        editing,
        blank: blank(),
        from_record: draft_of,
    })
    .on_saved(move |_| to_journal());
    let record = kit.value;
    let problem = RwSignal::new(None::<&'static str>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = record.get_untracked();
        let mut body = form.record.clone();
        match parse_datetime_local(&form.when) {
            Some(at) => {
                body.at = at;
                body.offset_min = offset_at(at);
            }
            None => return problem.set(Some("Please check the date.")),
        }
        match body.checked(now_ms()) {
            Ok(b) => {
                problem.set(None);
                kit.save(b);
            }
            Err(e) => problem.set(Some(problem_text(&e))),
        }
    };
    let pending = kit.pending();

    let text_area = move |id: &'static str,
                          label: &'static str,
                          get: fn(&ThoughtRecord) -> String,
                          set: fn(&mut ThoughtRecord, String)| {
        view! {
            <label class="field__label" for=id>{label}</label>
            <textarea id=id class="field__input" rows="4"
                prop:value=move || record.with(|r| get(r))
                on:input=move |ev| record.update(|r| set(r, event_target_value(&ev)))></textarea>
        }
    };

    let moods = move || {
        let count = record.with(|r| r.moods.len());
        (0..count)
            .map(|i| {
                view! {
                    <div class="rating">
                        <label class="field__label" for=format!("mood-name-{i}")>{format!("Mood {}", i + 1)}</label>
                        <input id=format!("mood-name-{i}") class="field__input" type="text"
                            prop:value=move || record.with(|r| r.moods.get(i).map(|m| m.name.clone()).unwrap_or_default())
                            on:input=move |ev| record.update(|r| if let Some(m) = r.moods.get_mut(i) { m.name = event_target_value(&ev) })/>
                        <label class="field__label" for=format!("mood-before-{i}")>{format!("How strong, 0 to 100 (mood {})", i + 1)}</label>
                        <input id=format!("mood-before-{i}") class="field__input" type="number" min="0" max="100"
                            prop:value=move || record.with(|r| r.moods.get(i).map(|m| m.before.to_string()).unwrap_or_default())
                            on:input=move |ev| {
                                let v = event_target_value(&ev).parse::<u8>().unwrap_or(101);
                                record.update(|r| if let Some(m) = r.moods.get_mut(i) { m.before = v })
                            }/>
                    </div>
                }
            })
            .collect_view()
    };
    let rerate = move || {
        let count = record.with(|r| r.moods.len());
        (0..count)
            .map(|i| {
                let name = move || record.with(|r| r.moods.get(i).map(|m| m.name.clone()).unwrap_or_default());
                view! {
                    <div class="rating">
                        <label class="field__label" for=format!("mood-after-{i}")>{move || format!("{} now, 0 to 100", name())}</label>
                        <input id=format!("mood-after-{i}") class="field__input" type="number" min="0" max="100"
                            prop:value=move || record.with(|r| r.moods.get(i).and_then(|m| m.after).map(|a| a.to_string()).unwrap_or_default())
                            on:input=move |ev| {
                                let text = event_target_value(&ev);
                                let v = if text.is_empty() { None } else { Some(text.parse::<u8>().unwrap_or(101)) };
                                record.update(|r| if let Some(m) = r.moods.get_mut(i) { m.after = v })
                            }/>
                    </div>
                }
            })
            .collect_view()
    };
    let thoughts = move || {
        let count = record.with(|r| r.thoughts.len());
        (0..count)
            .map(|i| {
                view! {
                    <div class="thought">
                        <label class="field__label" for=format!("thought-{i}")>{format!("Thought {}", i + 1)}</label>
                        <textarea id=format!("thought-{i}") class="field__input" rows="2"
                            prop:value=move || record.with(|r| r.thoughts.get(i).map(|t| t.text.clone()).unwrap_or_default())
                            on:input=move |ev| record.update(|r| if let Some(t) = r.thoughts.get_mut(i) { t.text = event_target_value(&ev) })></textarea>
                        <label class="choice">
                            <input type="radio" name="hot"
                                prop:checked=move || record.with(|r| r.thoughts.get(i).is_some_and(|t| t.hot))
                                on:change=move |_| record.update(|r| for (j, t) in r.thoughts.iter_mut().enumerate() { t.hot = j == i })/>
                            <span>{format!("Thought {} is the hot thought", i + 1)}</span>
                        </label>
                    </div>
                }
            })
            .collect_view()
    };

    view! {
        <Page title="Thought record">
            <p class="lead">"Slow a difficult moment down, one step at a time. Skip any step you like."</p>
            <FormNotices form=kit noun="thought record"/>
            <form class="thought-form" on:submit=save on:keydown=enter_never_submits novalidate hidden=move || !kit.ready()>
                <section class="card step">
                    {step(0)}
                    {text_area("situation", "What happened", |r| r.situation.clone(), |r, v| r.situation = v)}
                    <label class="field__label" for="thought-when">"When"</label>
                    <input id="thought-when" class="field__input" type="datetime-local"
                        prop:value=move || record.with(|r| r.when.clone())
                        on:input=move |ev| record.update(|r| r.when = event_target_value(&ev))/>
                </section>
                <section class="card step">
                    {step(1)}
                    {moods}
                    <button type="button" class="button" on:click=move |_| record.update(|r| r.moods.push(MoodRating { name: String::new(), before: 50, after: None }))>"Add a mood"</button>
                </section>
                <section class="card step">
                    {step(2)}
                    {thoughts}
                    <button type="button" class="button" on:click=move |_| record.update(|r| r.thoughts.push(Thought { text: String::new(), hot: false }))>"Add a thought"</button>
                </section>
                <section class="card step">
                    {step(3)}
                    {text_area("evidence-for", "Evidence for the hot thought", |r| r.evidence_for.clone(), |r, v| r.evidence_for = v)}
                </section>
                <section class="card step">
                    {step(4)}
                    {text_area("evidence-against", "Evidence against it", |r| r.evidence_against.clone(), |r, v| r.evidence_against = v)}
                </section>
                <section class="card step">
                    {step(5)}
                    {text_area("balanced", "A balanced thought", |r| r.balanced.clone(), |r, v| r.balanced = v)}
                </section>
                <section class="card step">
                    {step(6)}
                    {rerate}
                    <label class="choice">
                        <input type="checkbox" prop:checked=move || record.with(|r| r.for_session)
                            on:change=move |ev| record.update(|r| r.for_session = event_target_checked(&ev))/>
                        <span>"Bring this to my next session"</span>
                    </label>
                </section>
                {move || problem.get().map(|p| view! { <p class="message message--problem" role="alert">{p}</p> })}
                <FormProblems form=kit describe=describe/>
                <div class="actions actions--sticky">
                    <button type="submit" class="button button--primary" disabled=move || pending.get()>"Save thought record"</button>
                    <A href=base.href(Route::Journal) attr:class="button">"Back to journal"</A>
                </div>
            </form>
        </Page>
    }
}
