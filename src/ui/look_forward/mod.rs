//! Look forward: small enjoyable plans for this week and the next (what, when, with
//! whom), how much the person expects to enjoy each, and once its day has come, did it
//! happen and how was it. Ideas to draw from (their own past plans and a few starters),
//! and the gap between expected and real enjoyment over the weeks
//! (`domain::look_forward`), in a sentence first, then a chart with its table.
//!
//! Changing a plan, or saying how it went, is `?plan=<id>`, so a reload or the back
//! button keeps the person where they were.

mod this_week;

pub use this_week::ThisWeekPlans;

use chrono::{NaiveDate, NaiveDateTime, Weekday};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::domain::dates::parse_time;
use crate::domain::look_forward::{
    gap, gap_by_week, gap_sentence, ideas, in_order, Plan, PlanDraft, Weeks,
};
use crate::domain::record::{Record, RecordId};
use crate::domain::route::Route;
use crate::store::StoreError;
use crate::ui::context::Base;
use crate::ui::format::{day_long, day_short, local_now, number, today, wall_time};
use crate::ui::kit::{
    draft_key, enter_never_submits, live, text_field, Form, FormNotices, FormProblems, FormSpec,
    Listing, Loaded, Removal, Shown,
};
use crate::ui::widgets::{
    ActionMenu, LineChart, MenuItem, OpenMenu, Page, Point, StoreMessage, UndoToast,
};

/// The first day of a week here: the locale's, as in My week.
pub fn first_day() -> Weekday {
    crate::ui::week::first_weekday()
}

#[component]
pub fn LookForward() -> impl IntoView {
    OpenMenu::provide();
    let plans = live::<Plan>();
    view! {
        <Page title="Look forward">
            <p class="lead">"Small things to look forward to, this week and next. Afterwards, a moment to notice how they went."</p>
            <Planning plans=plans/>
            <PlanLists plans=plans/>
            <Compared plans=plans/>
        </Page>
    }
}

/// The form (a new plan, or the one being changed) and, for a new plan, the ideas.
#[component]
fn Planning(plans: LocalResource<Loaded<Plan>>) -> impl IntoView {
    let query = use_query_map();
    let editing = Memo::new(move |_| query.with(|q| q.get("plan")));
    let pick = RwSignal::new(None::<String>);
    view! {
        <section class="card" aria-labelledby="plan-title">
            {move || {
                let id = editing.get().map(RecordId);
                let is_new = id.is_none();
                view! {
                    <PlanForm editing=id pick=pick/>
                    {is_new.then(|| view! { <Ideas plans=plans pick=pick/> })}
                }
            }}
        </section>
    }
}

#[component]
fn PlanForm(editing: Option<RecordId>, pick: RwSignal<Option<String>>) -> impl IntoView {
    let base = expect_context::<Base>();
    let back = base.href(Route::LookForward);
    let is_new = editing.is_none();
    let today = today();
    let blank = PlanDraft::new_on(today);
    let kit = Form::new(FormSpec {
        draft_key: draft_key("plan", editing.as_ref()),
        editing,
        blank: blank.clone(),
        from_record: |r: &Record<Plan>| PlanDraft::of(&r.body),
    });
    let saved = RwSignal::new(false);
    let kit = kit.next_or_back(is_new, blank.clone(), saved, back.clone());
    let value = kit.value;
    let problem = RwSignal::new(None::<String>);
    // An idea tapped: it becomes this plan's "what", and the field takes focus.
    Effect::new(move |_| {
        if let Some(idea) = pick.get() {
            value.update(|d| d.what = idea);
            problem.set(None);
            saved.set(false);
            pick.set(None);
            if let Some(field) = document().get_element_by_id("plan-what") {
                use wasm_bindgen::JsCast;
                if let Ok(f) = field.dyn_into::<web_sys::HtmlElement>() {
                    let _ = f.focus();
                }
            }
        }
    });
    let busy = kit.pending();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        match value.get_untracked().plan(today) {
            Ok(p) => {
                problem.set(None);
                kit.save(p);
            }
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    let (what, set_what) = text_field(value, problem, |d| &d.what, |d, v| d.what = v);
    let (day, set_day) = text_field(value, problem, |d| &d.day, |d, v| d.day = v);
    let (time, set_time) = text_field(value, problem, |d| &d.time, |d, v| d.time = v);
    let (with, set_with) = text_field(value, problem, |d| &d.with, |d, v| d.with = v);
    let (expected, set_expected) =
        text_field(value, problem, |d| &d.expected, |d, v| d.expected = v);
    let (enjoyed, set_enjoyed) = text_field(value, problem, |d| &d.enjoyed, |d, v| d.enjoyed = v);
    // Its day has come: ask how it went. A new plan asks only for a day already past
    // (logged as done); one made for today is asked about once it is saved.
    let due = move || {
        value.with(|d| {
            d.day(today)
                .is_some_and(|day| day < today || (!is_new && day == today))
        })
    };
    let happened = move || value.with(|d| d.happened.clone());
    let answer = move |a: &'static str, label: &'static str| {
        view! {
            <label class="choice">
                <input type="radio" name="plan-happened" prop:checked=move || happened() == a
                    on:change=move |_| { value.update(|d| d.happened = a.to_string()); problem.set(None); }/>
                <span>{label}</span>
            </label>
        }
    };
    let title = if is_new {
        "Plan something"
    } else {
        "Change this plan"
    };
    view! {
        <h2 id="plan-title">{title}</h2>
        <FormNotices form=kit noun="plan"/>
        <form class="plan-form" on:submit=save on:keydown=enter_never_submits
            hidden=move || !kit.ready() aria-labelledby="plan-title" novalidate>
            <div class="field">
                <label class="field__label" for="plan-what">"What would you like to do?"</label>
                <input id="plan-what" class="field__input" type="text" autocomplete="off"
                    prop:value=what on:input=move |ev| { set_what(ev); saved.set(false); }/>
            </div>
            <div class="field">
                <label class="field__label" for="plan-day">"Day"</label>
                <input id="plan-day" class="field__input" type="date" prop:value=day on:input=set_day/>
            </div>
            <div class="field">
                <label class="field__label" for="plan-time">"Time (optional)"</label>
                <input id="plan-time" class="field__input field__input--short" type="time" prop:value=time on:input=set_time/>
            </div>
            <div class="field">
                <label class="field__label" for="plan-with">"With whom (optional)"</label>
                <input id="plan-with" class="field__input" type="text" autocomplete="off" prop:value=with on:input=set_with/>
            </div>
            <div class="field">
                <label class="field__label" for="plan-expected">"How much do you expect to enjoy it?"</label>
                <input id="plan-expected" class="field__input field__input--short" type="number" inputmode="numeric"
                    min="0" max="10" step="1" aria-describedby="plan-scale" prop:value=expected on:input=set_expected/>
                <p id="plan-scale" class="muted">"From 0, not at all, to 10, very much. A guess is fine."</p>
            </div>
            <Show when=due>
                <fieldset class="choices field">
                    <legend>"Did it happen?"</legend>
                    {answer("yes", "Yes")}
                    {answer("no", "No, not this time")}
                </fieldset>
                <Show when=move || happened() != "no">
                    <div class="field">
                        <label class="field__label" for="plan-enjoyed">"How was it?"</label>
                        <input id="plan-enjoyed" class="field__input field__input--short" type="number" inputmode="numeric"
                            min="0" max="10" step="1" aria-describedby="plan-enjoyed-scale" prop:value=enjoyed on:input=set_enjoyed/>
                        <p id="plan-enjoyed-scale" class="muted">"From 0, not at all enjoyable, to 10, very."</p>
                    </div>
                </Show>
            </Show>
            {move || problem.get().map(|p| view! { <p class="message message--problem" role="alert">{p}</p> })}
            <FormProblems form=kit describe=|p: &Plan| p.what.clone()/>
            <div class="actions">
                <button type="submit" class="button button--primary" disabled=busy>
                    {if is_new { "Save this plan" } else { "Save" }}
                </button>
                {(!is_new).then(|| view! { <A href=back.clone() attr:class="button">"Cancel"</A> })}
            </div>
            <p role="status" class="muted">
                {move || saved.get().then_some("Saved. Something to look forward to.")}
            </p>
        </form>
    }
}

/// Ideas to draw from: the person's own past plans, then starters. One tap starts a
/// plan with it.
#[component]
fn Ideas(plans: LocalResource<Loaded<Plan>>, pick: RwSignal<Option<String>>) -> impl IntoView {
    let all = move || {
        plans
            .get()
            .and_then(Result::ok)
            .map(|list| ideas(&list))
            .unwrap_or_else(|| ideas(&[]))
    };
    let group = move |own: bool| {
        all()
            .into_iter()
            .filter(|i| i.own == own)
            .take(8)
            .map(|i| {
                let text = i.text.clone();
                view! {
                    <li><button type="button" class="chip" on:click=move |_| pick.set(Some(text.clone()))>{i.text}</button></li>
                }
            })
            .collect_view()
    };
    let has_own = move || all().iter().any(|i| i.own);
    view! {
        <div class="ideas">
            <h3 id="ideas-title">"Ideas"</h3>
            <p class="muted">"Tap one to start a plan with it."</p>
            <Show when=has_own>
                <h4 id="ideas-own">"From your own plans"</h4>
                <ul class="chips" aria-labelledby="ideas-own">{move || group(true)}</ul>
            </Show>
            <h4 id="ideas-starters">"Some ideas to start with"</h4>
            <ul class="chips" aria-labelledby="ideas-starters">{move || group(false)}</ul>
        </div>
    }
}

/// When a plan is, in words: "Friday 27 November, 18:30".
fn when_words(p: &Plan) -> String {
    match parse_time(&p.time) {
        Some(t) => format!("{}, {}", day_long(p.day), wall_time(p.day.and_time(t))),
        None => day_long(p.day),
    }
}

/// The plans by week: this week, next week, later, and earlier ones (newest first).
#[component]
fn PlanLists(plans: LocalResource<Loaded<Plan>>) -> impl IntoView {
    let failure = RwSignal::new(None::<StoreError>);
    let removed = RwSignal::new(None::<Record<Plan>>);
    let shown = Signal::derive(move || plans.with(|l| Shown::of(l.as_ref())));
    let now = local_now();
    let weeks = Weeks::of(now.date(), first_day());
    let group = move |title: &'static str,
                      id: &'static str,
                      keep: fn(&Weeks, NaiveDate) -> bool,
                      newest_first: bool| {
        let weeks = weeks.clone();
        move || {
            let list = plans.get().and_then(Result::ok).unwrap_or_default();
            let mut mine: Vec<&Record<Plan>> =
                list.iter().filter(|r| keep(&weeks, r.body.day)).collect();
            if mine.is_empty() {
                return None;
            }
            in_order(&mut mine);
            if newest_first {
                mine.reverse();
            }
            let items = mine
                .into_iter()
                .map(|r| view! { <PlanItem record=r.clone() now=now failure=failure removed=removed/> })
                .collect_view();
            Some(view! {
                <section class="card" aria-labelledby=id>
                    <h2 id=id>{title}</h2>
                    <ul class="plan-list" aria-labelledby=id>{items}</ul>
                </section>
            })
        }
    };
    let undo = Callback::new(move |()| {
        Removal { removed, failure }.undo();
    });
    view! {
        <Listing shown=shown empty=|| view! {
            <p class="muted card">"Plans you make will be listed here, week by week."</p>
        }>
            {group("This week", "plans-this-week", |w, d| d >= w.this_week.0 && d <= w.this_week.1, false)}
            {group("Next week", "plans-next-week", |w, d| d >= w.next_week.0 && d <= w.next_week.1, false)}
            {group("Later", "plans-later", |w, d| d > w.next_week.1, false)}
            {group("Earlier", "plans-earlier", |w, d| d < w.this_week.0, true)}
        </Listing>
        <StoreMessage error=failure/>
        <UndoToast message="Plan deleted." visible=Signal::derive(move || removed.with(Option::is_some)) on_undo=undo/>
    }
}

#[component]
fn PlanItem(
    record: Record<Plan>,
    now: NaiveDateTime,
    failure: RwSignal<Option<StoreError>>,
    removed: RwSignal<Option<Record<Plan>>>,
) -> impl IntoView {
    let base = expect_context::<Base>();
    let p = &record.body;
    let when = when_words(p);
    let edit = format!(
        "{}?plan={}",
        base.href(Route::LookForward),
        record.meta.id.as_str()
    );
    let before = p.expected.map(|e| format!("You expected {e} out of 10."));
    let after = match (p.happened, p.enjoyed) {
        (Some(true), Some(j)) => Some(format!("It happened. How it was: {j} out of 10.")),
        (Some(true), None) => Some("It happened.".to_string()),
        (Some(false), _) => Some("It didn't happen this time.".to_string()),
        (None, _) => None,
    };
    let which = format!(" ({})", p.what);
    let ask = p.awaits_looking_back(now).then(|| {
        view! {
            <p><A href=edit.clone()>"How did it go?"<span class="visually-hidden">{which}</span></A></p>
        }
    });
    let r = record.clone();
    let items = vec![
        MenuItem::link("Change", edit.clone()),
        MenuItem::action("Delete", move || {
            Removal { removed, failure }.delete(r.clone());
        }),
    ];
    view! {
        <li class="plan">
            <p class="plan__when muted">{when.clone()}</p>
            <p class="plan__what">{p.what.clone()}</p>
            {(!p.with.is_empty()).then(|| view! { <p class="muted">{format!("With {}", p.with)}</p> })}
            {before.map(|b| view! { <p class="muted">{b}</p> })}
            {after.map(|a| view! { <p>{a}</p> })}
            {ask}
            <ActionMenu label=format!("Actions for {} on {when}", p.what) items=items/>
        </li>
    }
}

/// Expected against real enjoyment: the sentence, then the chart of the gap by week.
#[component]
fn Compared(plans: LocalResource<Loaded<Plan>>) -> impl IntoView {
    let bodies = move || {
        plans
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .map(|r| r.body)
            .collect::<Vec<Plan>>()
    };
    let sentence = move || gap_sentence(&gap(&bodies()));
    let points = Signal::derive(move || {
        gap_by_week(&bodies(), first_day())
            .into_iter()
            .map(|w| Point {
                label: format!("Week of {}", day_short(w.start)),
                value: w.enjoyed - w.expected,
                count: w.rated,
            })
            .collect::<Vec<_>>()
    });
    let has_points = move || points.with(|p| !p.is_empty());
    view! {
        <section class="card" aria-labelledby="compared-title">
            <h2 id="compared-title">"Expected and how it was"</h2>
            <p class="compared__sentence">{sentence}</p>
            <p class="muted">"It often works this way round: act first, and motivation follows."</p>
            <Show when=has_points>
                <LineChart
                    title="How it was compared with what you expected, by week"
                    points=points
                    min=-10.0
                    max=10.0
                    axis=vec![(10.0, "+10"), (0.0, "0"), (-10.0, "-10")]
                    value_text=Callback::new(gap_words)
                    value_head="How it was, against expected"
                    count_head="Plans rated"/>
            </Show>
        </section>
    }
}

fn gap_words(v: f64) -> String {
    if v.abs() < 0.05 {
        "as expected".to_string()
    } else if v > 0.0 {
        format!("{} more than expected", number(v))
    } else {
        format!("{} less than expected", number(-v))
    }
}
