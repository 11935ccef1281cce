//! The thought record (/thought, /thought?id=…): the seven CBT steps, one at a time.
//!
//! Each step is a question in plain words with a line under it naming the CBT term
//! (`domain::thought::STEPS`). "Back" and "Next" move between steps and focus the
//! step's heading; "See all steps" jumps to any of them. The step is kept in the draft,
//! so a reload opens where the person was; an existing record opens on step 1. Save
//! is on every step: a person may stop wherever they like, and the record waits in the
//! journal to be opened and carried on.

use leptos::html;
use leptos::prelude::*;

use crate::domain::record::{Record, RecordId};
use crate::domain::thought::{
    rating_words, MoodRating, Thought, ThoughtDraft, ThoughtError, ThoughtRecord, STEPS,
};
use crate::ui::format::{datetime_local_value, now_ms, offset_at, parse_datetime_local};
use crate::ui::kit::{enter_never_submits, Form, FormNotices, FormProblems, FormSpec};
use crate::ui::widgets::Page;

const LAST: usize = STEPS.len() - 1;

fn problem_text(e: &ThoughtError) -> &'static str {
    match e {
        ThoughtError::Empty => "There's nothing to save yet. Start with what happened.",
        ThoughtError::TooLong => "That's very long. Please shorten it a little.",
        ThoughtError::Rating => "Ratings go from 0 to 100.",
        ThoughtError::Date => "Please check the date in step 1.",
    }
}

fn new_mood() -> MoodRating {
    MoodRating {
        name: String::new(),
        before: 50,
        after: None,
    }
}

fn new_thought() -> Thought {
    Thought {
        text: String::new(),
        hot: false,
    }
}

fn blank() -> ThoughtDraft {
    let now = now_ms();
    ThoughtDraft {
        record: ThoughtRecord {
            at: now,
            offset_min: offset_at(now),
            moods: vec![new_mood()],
            thoughts: vec![new_thought()],
            ..Default::default()
        },
        when: datetime_local_value(now),
        step: 0,
    }
}

fn draft_of(r: &Record<ThoughtRecord>) -> ThoughtDraft {
    ThoughtDraft {
        when: datetime_local_value(r.body.at),
        record: r.body.clone(),
        step: 0,
    }
}

/// The thought that hurts most: the one marked, or the first written.
fn hot_text(r: &ThoughtRecord) -> String {
    r.thoughts
        .iter()
        .find(|t| t.hot && !t.text.trim().is_empty())
        .or(r.thoughts.iter().find(|t| !t.text.trim().is_empty()))
        .map(|t| t.text.clone())
        .unwrap_or_default()
}

/// A few words of a thought record, to tell two versions apart.
fn describe(r: &ThoughtRecord) -> String {
    format!(
        "What happened: {}. The thought that hurts most: {}. A kinder, fairer way to see it: {}",
        r.situation,
        hot_text(r),
        r.balanced
    )
}

/// A rating from 0 to 100 by slider, its value in words and number beside it
/// ("70 of 100, strong"), or "Not set yet" while `get` gives nothing (the slider then
/// rests at `resting`, and the first move sets it). Arrow keys move it by 5.
fn rating(
    id: String,
    label: impl IntoView + 'static,
    get: impl Fn() -> Option<u8> + Copy + Send + Sync + 'static,
    resting: impl Fn() -> u8 + Copy + Send + Sync + 'static,
    set: impl Fn(u8) + Copy + 'static,
) -> impl IntoView {
    let words = move || get().map_or_else(|| "Not set yet".to_string(), rating_words);
    view! {
        <div class="thought-rating">
            <label class="field__label" for=id.clone()>{label}</label>
            <input id=id type="range" min="0" max="100" step="5"
                class=move || if get().is_some() { "thought-rating__slider" } else { "thought-rating__slider thought-rating__slider--unset" }
                prop:value=move || get().unwrap_or_else(resting).to_string()
                aria-valuetext=words
                on:input=move |ev| {
                    if let Ok(v) = event_target_value(&ev).parse::<u8>() {
                        set(v.min(100));
                    }
                }/>
            <p class="thought-rating__value" aria-hidden="true">{words}</p>
        </div>
    }
}

#[component]
pub fn ThoughtPage() -> impl IntoView {
    let query = leptos_router::hooks::use_query_map();
    let editing = query.with_untracked(|q| q.get("id")).map(RecordId);
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
    // Memos, so typing in a field never draws its list again (and never takes focus).
    let step = Memo::new(move |_| record.with(ThoughtDraft::step));
    let mood_count = Memo::new(move |_| record.with(|r| r.moods.len()));
    let thought_count = Memo::new(move |_| record.with(|r| r.thoughts.len()));
    let heading = NodeRef::<html::H2>::new();
    let all_steps = NodeRef::<html::Details>::new();

    // Moves to step `to` and puts focus on its heading, once it says the new step.
    let go = move |to: usize| {
        record.update(|d| d.step = to.min(LAST) as u8);
        if let Some(list) = all_steps.get_untracked() {
            list.set_open(false);
        }
        request_animation_frame(move || {
            if let Some(h) = heading.get_untracked() {
                let _ = h.focus();
            }
        });
    };

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = record.get_untracked();
        let mut body = form.record.clone();
        match parse_datetime_local(&form.when) {
            Some(at) => {
                body.at = at;
                body.offset_min = offset_at(at);
            }
            None => {
                problem.set(Some("Please check the date in step 1."));
                return go(0);
            }
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
    let section = move |i: usize, body: AnyView| {
        view! {
            <div class="thought-step" hidden=move || step.get() != i>
                {body}
            </div>
        }
    };

    let moods = move || {
        (0..mood_count.get())
            .map(|i| {
                let before = move || record.with(|r| r.moods.get(i).map(|m| m.before));
                view! {
                    <div class="thought-mood">
                        <label class="field__label" for=format!("mood-name-{i}")>{format!("Mood {}", i + 1)}</label>
                        <input id=format!("mood-name-{i}") class="field__input" type="text"
                            prop:value=move || record.with(|r| r.moods.get(i).map(|m| m.name.clone()).unwrap_or_default())
                            on:input=move |ev| record.update(|r| if let Some(m) = r.moods.get_mut(i) { m.name = event_target_value(&ev) })/>
                        {rating(
                            format!("mood-before-{i}"),
                            format!("How strong it was (mood {})", i + 1),
                            before,
                            || 50,
                            move |v| record.update(|r| if let Some(m) = r.moods.get_mut(i) { m.before = v }),
                        )}
                    </div>
                }
            })
            .collect_view()
    };
    let rerate = move || {
        (0..mood_count.get())
            .map(|i| {
                let label = move || {
                    record.with(|r| match r.moods.get(i).map(|m| m.name.trim()) {
                        Some(name) if !name.is_empty() => format!("{name} now"),
                        _ => format!("Mood {} now", i + 1),
                    })
                };
                let before = move || record.with(|r| r.moods.get(i).map_or(50, |m| m.before));
                view! {
                    <div class="thought-mood">
                        {rating(
                            format!("mood-after-{i}"),
                            label,
                            move || record.with(|r| r.moods.get(i).and_then(|m| m.after)),
                            before,
                            move |v| record.update(|r| if let Some(m) = r.moods.get_mut(i) { m.after = Some(v) }),
                        )}
                        <p class="muted thought-mood__before">{move || format!("Before: {}", rating_words(before()))}</p>
                    </div>
                }
            })
            .collect_view()
    };
    let no_moods = move || record.with(|r| r.moods.iter().all(|m| m.name.trim().is_empty()));
    let thoughts = move || {
        (0..thought_count.get())
            .map(|i| {
                view! {
                    <div class="thought-thought">
                        <label class="field__label" for=format!("thought-{i}")>{format!("Thought {}", i + 1)}</label>
                        <textarea id=format!("thought-{i}") class="field__input" rows="2"
                            prop:value=move || record.with(|r| r.thoughts.get(i).map(|t| t.text.clone()).unwrap_or_default())
                            on:input=move |ev| record.update(|r| if let Some(t) = r.thoughts.get_mut(i) { t.text = event_target_value(&ev) })></textarea>
                        <label class="choice" hidden=move || thought_count.get() < 2>
                            <input type="radio" name="hot"
                                prop:checked=move || record.with(|r| r.thoughts.get(i).is_some_and(|t| t.hot))
                                on:change=move |_| record.update(|r| for (j, t) in r.thoughts.iter_mut().enumerate() { t.hot = j == i })/>
                            <span>{format!("Thought {} hurts most", i + 1)}</span>
                        </label>
                    </div>
                }
            })
            .collect_view()
    };
    // Steps 4 and 5 look at the thought that hurts most: it is shown above them.
    let hot = move || {
        let text = record.with(|r| hot_text(r));
        if text.is_empty() {
            view! { <p class="muted">"You haven't written a thought yet. You can go back to step 3, or write here anyway."</p> }.into_any()
        } else {
            view! {
                <p class="thought-hot"><span class="thought-hot__label">"The thought that hurts most: "</span>{text}</p>
            }
            .into_any()
        }
    };

    view! {
        <Page title="Thought record">
            <p class="lead">"Slow a difficult moment down, one step at a time. Skip any step you like: what you write is kept as you go."</p>
            <FormNotices form=kit noun="thought record"/>
            <form class="thought-form" on:submit=save on:keydown=enter_never_submits novalidate hidden=move || !kit.ready()>
                <h2 id="thought-step" class="thought-step__heading" tabindex="-1" node_ref=heading>
                    <span class="thought-step__count">{move || format!("Step {} of {}: ", step.get() + 1, STEPS.len())}</span>
                    {move || STEPS[step.get()].0}
                </h2>
                <p class="thought-step__about">{move || STEPS[step.get()].1}</p>
                <details class="thought-steps" node_ref=all_steps>
                    <summary>"See all steps"</summary>
                    <ol class="thought-steps__list">
                        {STEPS.iter().enumerate().map(|(i, (name, _))| view! {
                            <li>
                                <button type="button" class="link-button"
                                    aria-current=move || (step.get() == i).then_some("step")
                                    on:click=move |_| go(i)>{format!("{}. {name}", i + 1)}</button>
                            </li>
                        }).collect_view()}
                    </ol>
                </details>
                {section(0, view! {
                    {text_area("situation", "What happened", |r| r.situation.clone(), |r, v| r.situation = v)}
                    <label class="field__label" for="thought-when">"When"</label>
                    <input id="thought-when" class="field__input" type="datetime-local"
                        prop:value=move || record.with(|r| r.when.clone())
                        on:input=move |ev| record.update(|r| r.when = event_target_value(&ev))/>
                }.into_any())}
                {section(1, view! {
                    {moods}
                    <button type="button" class="button" on:click=move |_| record.update(|r| r.moods.push(new_mood()))>"Add a mood"</button>
                }.into_any())}
                {section(2, view! {
                    {thoughts}
                    <button type="button" class="button" on:click=move |_| record.update(|r| r.thoughts.push(new_thought()))>"Add a thought"</button>
                }.into_any())}
                {section(3, view! {
                    {hot}
                    {text_area("evidence-for", "What makes it feel true", |r| r.evidence_for.clone(), |r, v| r.evidence_for = v)}
                }.into_any())}
                {section(4, view! {
                    {hot}
                    {text_area("evidence-against", "What doesn't fit it", |r| r.evidence_against.clone(), |r, v| r.evidence_against = v)}
                }.into_any())}
                {section(5, view! {
                    {text_area("balanced", "A kinder, fairer way to see it", |r| r.balanced.clone(), |r, v| r.balanced = v)}
                }.into_any())}
                {section(6, view! {
                    <p class="muted" hidden=move || !no_moods()>"You didn't name a mood in step 2. You can go back and add one, or leave this."</p>
                    {rerate}
                    <label class="choice">
                        <input type="checkbox" prop:checked=move || record.with(|r| r.for_session)
                            on:change=move |ev| record.update(|r| r.for_session = event_target_checked(&ev))/>
                        <span>"Bring this to my next session"</span>
                    </label>
                }.into_any())}
                {move || problem.get().map(|p| view! { <p class="message message--problem" role="alert">{p}</p> })}
                <FormProblems form=kit describe=describe/>
                <div class="actions actions--sticky thought-actions">
                    <button type="button" class="button" hidden=move || step.get() == 0
                        on:click=move |_| go(step.get_untracked().saturating_sub(1))>"Back"</button>
                    <button type="button" class="button button--primary" hidden=move || step.get() == LAST
                        on:click=move |_| go(step.get_untracked() + 1)>"Next"</button>
                    <button type="submit" disabled=move || pending.get()
                        class=move || if step.get() == LAST { "button button--primary" } else { "button" }>"Save thought record"</button>
                </div>
            </form>
        </Page>
    }
}
