//! Rest and self-care: the self-care plan (what nourishes my body and my mind, the
//! boundaries I'm practising), a rest log with a gentle, optional "real rest or
//! numbing out?", and rest next to mood from the journal, by week, in words first
//! (`domain::rest`).
//!
//! Changing a rest is `?rest=<id>`.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::domain::journal::{JournalEntry, Mood};
use crate::domain::record::{Record, RecordId};
use crate::domain::rest::{by_week, rest_sentence, Felt, RestDraft, RestLog, SelfCare};
use crate::domain::route::Route;
use crate::store::StoreError;
use crate::ui::context::{journal_summaries, Base};
use crate::ui::format::{day_long, day_short, number, today};
use crate::ui::kit::{
    draft_key, enter_never_submits, live, text_field, Form, FormNotices, FormProblems, FormSpec,
    Listing, LoadProblem, Loaded, Removal, Shown,
};
use crate::ui::look_forward::first_day;
use crate::ui::widgets::{
    ActionMenu, LineChart, MenuItem, Numbers, OpenMenu, Page, Point, StoreMessage, UndoToast,
};

#[component]
pub fn Rest() -> impl IntoView {
    OpenMenu::provide();
    let rests = live::<RestLog>();
    view! {
        <Page title="Rest and self-care">
            <p class="lead">"Therapy is hard work. Rest is part of it, not a reward for it."</p>
            <SelfCarePlan/>
            <RestPart rests=rests/>
            <RestAndMood rests=rests/>
        </Page>
    }
}

/// The self-care plan: the person's one plan (the oldest, should two tabs each have
/// made one), always open to change.
#[component]
fn SelfCarePlan() -> impl IntoView {
    let stored = live::<SelfCare>();
    let id = Memo::new(move |_| {
        stored.get().map(|loaded| {
            loaded.map(|list| {
                list.iter()
                    .min_by_key(|r| (r.meta.created, r.meta.id.0.clone()))
                    .map(|r| r.meta.id.clone())
            })
        })
    });
    // Here, not in the form: the first save of a new plan draws the form afresh for the
    // stored plan, and "Saved" must stay.
    let saved = RwSignal::new(false);
    view! {
        <section class="card" aria-labelledby="self-care-title">
            <h2 id="self-care-title">"My self-care plan"</h2>
            <p class="muted">"What helps you feel looked after, one thing a line."</p>
            {move || match id.get() {
                None => view! { <p class="muted" role="status">"Loading…"</p> }.into_any(),
                Some(Err(e)) => view! { <LoadProblem error=e/> }.into_any(),
                Some(Ok(editing)) => view! { <SelfCareForm editing=editing saved=saved/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn SelfCareForm(editing: Option<RecordId>, saved: RwSignal<bool>) -> impl IntoView {
    let kit = Form::new(FormSpec {
        draft_key: draft_key("self-care", editing.as_ref()),
        editing,
        blank: SelfCare::default(),
        from_record: |r: &Record<SelfCare>| r.body.clone(),
    });
    let value = kit.value;
    let problem = RwSignal::new(None::<String>);
    let _ = kit.on_saved(move |_| saved.set(true));
    let busy = kit.pending();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        match value.get_untracked().checked() {
            Ok(plan) => {
                problem.set(None);
                kit.save(plan);
            }
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    let (body, set_body) = text_field(value, problem, |p| &p.body, |p, v| p.body = v);
    let (mind, set_mind) = text_field(value, problem, |p| &p.mind, |p, v| p.mind = v);
    let (bounds, set_bounds) =
        text_field(value, problem, |p| &p.boundaries, |p, v| p.boundaries = v);
    view! {
        <FormNotices form=kit noun="self-care plan"/>
        <form class="self-care-form" on:submit=save hidden=move || !kit.ready()
            aria-labelledby="self-care-title" novalidate>
            <div class="field">
                <label class="field__label" for="care-body">"Things that nourish my body"</label>
                <textarea id="care-body" class="field__input" rows="3" prop:value=body
                    on:input=move |ev| { set_body(ev); saved.set(false); }></textarea>
            </div>
            <div class="field">
                <label class="field__label" for="care-mind">"Things that nourish my mind"</label>
                <textarea id="care-mind" class="field__input" rows="3" prop:value=mind
                    on:input=move |ev| { set_mind(ev); saved.set(false); }></textarea>
            </div>
            <div class="field">
                <label class="field__label" for="care-bounds">"Boundaries I'm practising"</label>
                <textarea id="care-bounds" class="field__input" rows="3" prop:value=bounds
                    aria-describedby="care-bounds-hint"
                    on:input=move |ev| { set_bounds(ev); saved.set(false); }></textarea>
                <p id="care-bounds-hint" class="muted">"For example: not answering work messages after seven."</p>
            </div>
            {move || problem.get().map(|p| view! { <p class="message message--problem" role="alert">{p}</p> })}
            <FormProblems form=kit describe=|_: &SelfCare| "your self-care plan".to_string()/>
            <div class="actions">
                <button type="submit" class="button button--primary" disabled=busy>"Save my plan"</button>
            </div>
            <p role="status" class="muted">{move || saved.get().then_some("Saved on this device.")}</p>
        </form>
    }
}

/// The rest log: its form (a new rest, or the one being changed) and the rests.
#[component]
fn RestPart(rests: LocalResource<Loaded<RestLog>>) -> impl IntoView {
    let query = use_query_map();
    let editing = Memo::new(move |_| query.with(|q| q.get("rest")));
    view! {
        <section class="card" aria-labelledby="rest-form-title">
            {move || {
                let id = editing.get().map(RecordId);
                view! { <RestForm editing=id/> }
            }}
            <RestList rests=rests/>
        </section>
    }
}

#[component]
fn RestForm(editing: Option<RecordId>) -> impl IntoView {
    let base = expect_context::<Base>();
    let back = base.href(Route::Rest);
    let is_new = editing.is_none();
    let today = today();
    let blank = RestDraft::new_on(today);
    let kit = Form::new(FormSpec {
        draft_key: draft_key("rest", editing.as_ref()),
        editing,
        blank: blank.clone(),
        from_record: |r: &Record<RestLog>| RestDraft::of(&r.body),
    });
    let saved = RwSignal::new(false);
    let kit = kit.next_or_back(is_new, blank.clone(), saved, back.clone());
    let value = kit.value;
    let problem = RwSignal::new(None::<String>);
    let busy = kit.pending();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        match value.get_untracked().rest(today) {
            Ok(r) => {
                problem.set(None);
                kit.save(r);
            }
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    let (what, set_what) = text_field(value, problem, |d| &d.what, |d, v| d.what = v);
    let (day, set_day) = text_field(value, problem, |d| &d.day, |d, v| d.day = v);
    let (restored, set_restored) =
        text_field(value, problem, |d| &d.restored, |d, v| d.restored = v);
    let felt = Felt::ALL
        .into_iter()
        .map(|f| {
            view! {
                <label class="choice">
                    <input type="radio" name="rest-felt"
                        prop:checked=move || value.with(|d| d.felt == f.as_str())
                        on:change=move |_| value.update(|d| d.felt = f.as_str().to_string())/>
                    <span>{f.words()}</span>
                </label>
            }
        })
        .collect_view();
    let title = if is_new {
        "Log some rest"
    } else {
        "Change this rest"
    };
    view! {
        <h2 id="rest-form-title">{title}</h2>
        <FormNotices form=kit noun="rest"/>
        <form class="rest-form" on:submit=save on:keydown=enter_never_submits
            hidden=move || !kit.ready() aria-labelledby="rest-form-title" novalidate>
            <div class="field">
                <label class="field__label" for="rest-what">"What did you do?"</label>
                <input id="rest-what" class="field__input" type="text" autocomplete="off"
                    prop:value=what on:input=move |ev| { set_what(ev); saved.set(false); }/>
            </div>
            <div class="field">
                <label class="field__label" for="rest-day">"Day"</label>
                <input id="rest-day" class="field__input" type="date" prop:value=day on:input=set_day/>
            </div>
            <div class="field">
                <label class="field__label" for="rest-restored">"How restored do you feel?"</label>
                <input id="rest-restored" class="field__input field__input--short" type="number" inputmode="numeric"
                    min="0" max="10" step="1" aria-describedby="rest-scale" prop:value=restored on:input=set_restored/>
                <p id="rest-scale" class="muted">"From 0, not at all, to 10, fully restored."</p>
            </div>
            <fieldset class="choices field" aria-describedby="rest-felt-hint">
                <legend>"If you'd like to say: did it feel like real rest, or more like numbing out?"</legend>
                <p id="rest-felt-hint" class="muted">"Both happen, and both are okay. Noticing which it was can help you choose what you need next time."</p>
                {felt}
            </fieldset>
            {move || problem.get().map(|p| view! { <p class="message message--problem" role="alert">{p}</p> })}
            <FormProblems form=kit describe=|r: &RestLog| r.what.clone()/>
            <div class="actions">
                <button type="submit" class="button button--primary" disabled=busy>
                    {if is_new { "Save this rest" } else { "Save" }}
                </button>
                {(!is_new).then(|| view! { <A href=back.clone() attr:class="button">"Cancel"</A> })}
            </div>
            <p role="status" class="muted">{move || saved.get().then_some("Saved. Good for you for taking a break.")}</p>
        </form>
    }
}

#[component]
fn RestList(rests: LocalResource<Loaded<RestLog>>) -> impl IntoView {
    let here = StoredValue::new(expect_context::<Base>().href(Route::Rest));
    let failure = RwSignal::new(None::<StoreError>);
    let removed = RwSignal::new(None::<Record<RestLog>>);
    let shown = Signal::derive(move || rests.with(|l| Shown::of(l.as_ref())));
    let items = move || {
        let mut all = rests.get().and_then(Result::ok).unwrap_or_default();
        all.sort_unstable_by(|a, b| {
            (b.body.day, b.meta.created, &b.meta.id.0).cmp(&(
                a.body.day,
                a.meta.created,
                &a.meta.id.0,
            ))
        });
        all.into_iter()
            .map(|record| {
                let r = &record.body;
                let when = day_long(r.day);
                let edit = format!("{}?rest={}", here.get_value(), record.meta.id.as_str());
                let label = format!("Actions for {} on {when}", r.what);
                let gone = record.clone();
                let items = vec![
                    MenuItem::link("Change", edit),
                    MenuItem::action("Delete", move || {
                        Removal { removed, failure }.delete(gone.clone());
                    }),
                ];
                let felt = r.felt.map(|f| format!(" · {}", f.words()));
                view! {
                    <li class="plan">
                        <p class="plan__when muted">{when}</p>
                        <p class="plan__what">{r.what.clone()}</p>
                        <p class="muted">{format!("Restored: {} out of 10", r.restored)}{felt}</p>
                        <ActionMenu label=label items=items/>
                    </li>
                }
            })
            .collect_view()
    };
    let undo = Callback::new(move |()| {
        Removal { removed, failure }.undo();
    });
    view! {
        <h3 id="rest-list-title">"My rest"</h3>
        <Listing shown=shown empty=|| view! {
            <p class="muted">"Rest you log will be listed here. Ten quiet minutes count."</p>
        }>
            <ul class="plan-list" aria-labelledby="rest-list-title">{items}</ul>
        </Listing>
        <StoreMessage error=failure/>
        <UndoToast message="Rest deleted." visible=Signal::derive(move || removed.with(Option::is_some)) on_undo=undo/>
    }
}

/// Rest next to mood, by week: the sentence, the chart of how restored, the table of both.
#[component]
fn RestAndMood(rests: LocalResource<Loaded<RestLog>>) -> impl IntoView {
    let entries = journal_summaries();
    let weeks = Memo::new(move |_| {
        let rests = rests.get()?.ok()?;
        let entries = entries.get()?.ok()?;
        let r: Vec<&RestLog> = rests.iter().map(|r| &r.body).collect();
        let e: Vec<&JournalEntry> = entries
            .iter()
            .filter(|r| !r.meta.is_deleted())
            .map(|r| &r.body)
            .collect();
        Some(by_week(&r, &e, first_day()))
    });
    let sentence = move || {
        weeks.with(|w| {
            w.as_ref()
                .map_or_else(|| "Loading…".to_string(), |w| rest_sentence(w, day_long))
        })
    };
    let points = Signal::derive(move || {
        weeks
            .get()
            .unwrap_or_default()
            .into_iter()
            .filter_map(|w| {
                Some(Point {
                    label: format!("Week of {}", day_short(w.start)),
                    value: w.restored?,
                    count: w.rests,
                })
            })
            .collect::<Vec<_>>()
    });
    let rows = Signal::derive(move || {
        weeks
            .get()
            .unwrap_or_default()
            .into_iter()
            .map(|w| {
                vec![
                    format!("Week of {}", day_short(w.start)),
                    w.rests.to_string(),
                    w.restored
                        .map_or_else(|| "–".to_string(), |v| format!("{} out of 10", number(v))),
                    w.mood
                        .map_or_else(|| "–".to_string(), |m| Mood::nearest(m).word().to_string()),
                ]
            })
            .collect::<Vec<_>>()
    });
    let has_points = move || points.with(|p| !p.is_empty());
    view! {
        <section class="card" aria-labelledby="rest-mood-title">
            <h2 id="rest-mood-title">"Rest and mood"</h2>
            <p>{sentence}</p>
            <Show when=has_points>
                <LineChart
                    title="How restored you felt, by week"
                    points=points
                    min=0.0
                    max=10.0
                    axis=vec![(10.0, "10"), (5.0, "5"), (0.0, "0")]
                    value_text=Callback::new(|v: f64| format!("{} out of 10", number(v)))
                    value_head="How restored"
                    count_head="Rests logged"/>
                <Numbers caption="Rest next to mood, by week".to_string()
                    head=vec!["Week", "Rests logged", "How restored", "Mood"]
                    rows=rows
                    label="Show rest next to mood as a table"/>
            </Show>
        </section>
    }
}
