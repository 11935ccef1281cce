//! Adding or changing homework, on the form kit (a draft is kept as it is typed). A new
//! homework is due by the next session, or a week from today when none is planned.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::appointment::{next_session, Appointment};
use crate::domain::homework::{Homework, HomeworkDraft, HomeworkKind, Often};
use crate::domain::record::{Record, RecordId};
use crate::domain::route::Route;
use crate::ui::context::Base;
use crate::ui::format::{date_value, day_long, local_now, parse_date, today};
use crate::ui::kit::{
    draft_key, enter_never_submits, go_to, live, text_field, Form, FormNotices, FormProblems,
    FormSpec,
};

/// The day new homework is due by: the next session's, else a week from today.
pub fn default_due(appointments: &[Record<Appointment>]) -> chrono::NaiveDate {
    next_session(appointments.iter().map(|r| &r.body), local_now())
        .map(|(t, _)| t.date())
        .unwrap_or_else(|| today() + chrono::Days::new(7))
}

#[component]
pub fn HomeworkForm(editing: Option<RecordId>) -> impl IntoView {
    let base = expect_context::<Base>();
    let back = base.href(Route::Homework);
    let is_new = editing.is_none();
    let draft_key = draft_key("homework", editing.as_ref());
    let done_to = go_to(back.clone());
    let kit = Form::new(FormSpec {
        draft_key,
        editing,
        blank: HomeworkDraft::default(),
        from_record: |r: &Record<Homework>| HomeworkDraft::of(&r.body),
    })
    .on_saved(move |_| {
        done_to();
    });
    let value = kit.value;
    // A new homework's day: the next session's, once the appointments are read (a
    // kept draft keeps its own).
    let appointments = live::<Appointment>();
    let filled = StoredValue::new(!is_new);
    Effect::new(move |_| {
        let Some(Ok(all)) = appointments.get() else {
            return;
        };
        if !kit.ready() || filled.get_value() {
            return;
        }
        filled.set_value(true);
        if value.with_untracked(|d| d.due.is_empty()) && !kit.draft.restored.get_untracked() {
            let due = date_value(default_due(&all));
            value.update(|d| d.due = due);
        }
    });
    let problem = RwSignal::new(None::<String>);
    let busy = kit.pending();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let before = kit.original.get_untracked().map(|r| r.body);
        match value.get_untracked().homework(before.as_ref()) {
            Ok(h) => {
                problem.set(None);
                kit.save(h);
            }
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    let field = |get, set| text_field(value, problem, get, set);
    let (title, set_title) = field(|d| &d.title, |d, v| d.title = v);
    let (instructions, set_instructions) = field(|d| &d.instructions, |d, v| d.instructions = v);
    let (due, set_due) = field(|d| &d.due, |d, v| d.due = v);
    let (times, set_times) = field(|d| &d.times, |d, v| d.times = v);
    let kinds = HomeworkKind::ALL
        .into_iter()
        .map(|k| {
            view! {
                <label class="choice">
                    <input type="radio" name="homework-kind"
                        prop:checked=move || value.with(|d| d.kind == k)
                        on:change=move |_| value.update(|d| d.kind = k)/>
                    <span>{k.label()}</span>
                </label>
            }
        })
        .collect_view();
    let oftens = Often::ALL
        .into_iter()
        .map(|o| {
            view! {
                <label class="choice">
                    <input type="radio" name="homework-often"
                        prop:checked=move || value.with(|d| d.often == o)
                        on:change=move |_| { value.update(|d| d.often = o); problem.set(None); }/>
                    <span>{o.label()}</span>
                </label>
            }
        })
        .collect_view();
    let weekly = move || value.with(|d| d.often == Often::Weekly);
    let due_hint = move || {
        value.with(|d| parse_date(&d.due)).map_or_else(
            || "Leave it empty if there is no set day.".to_string(),
            |d| format!("Due by {}.", day_long(d)),
        )
    };
    view! {
        <section class="card" aria-labelledby="homework-form-title">
            <h2 id="homework-form-title">{if is_new { "Add homework" } else { "Change this homework" }}</h2>
            <FormNotices form=kit noun="homework"/>
            <form class="homework-form" on:submit=save on:keydown=enter_never_submits
                hidden=move || !kit.ready() aria-labelledby="homework-form-title" novalidate>
                <div class="field">
                    <label class="field__label" for="hw-title">"What to do"</label>
                    <input id="hw-title" class="field__input" type="text" autocomplete="off"
                        prop:value=title on:input=set_title/>
                </div>
                <fieldset class="choices field">
                    <legend>"Kind"</legend>
                    {kinds}
                </fieldset>
                <div class="field">
                    <label class="field__label" for="hw-instructions">"Instructions (optional)"</label>
                    <textarea id="hw-instructions" class="field__input" rows="4"
                        prop:value=instructions on:input=set_instructions></textarea>
                </div>
                <div class="field">
                    <label class="field__label" for="hw-due">"Due by"</label>
                    <input id="hw-due" class="field__input" type="date" prop:value=due on:input=set_due
                        aria-describedby="hw-due-hint"/>
                    <p id="hw-due-hint" class="muted">{due_hint}</p>
                </div>
                <fieldset class="choices field">
                    <legend>"How often"</legend>
                    {oftens}
                </fieldset>
                <Show when=weekly>
                    <div class="field">
                        <label class="field__label" for="hw-times">"Times a week"</label>
                        <input id="hw-times" class="field__input field__input--short" type="number" inputmode="numeric"
                            min="1" max="7" prop:value=times on:input=set_times/>
                    </div>
                </Show>
                {move || problem.get().map(|p| view! { <p class="message message--problem" role="alert">{p}</p> })}
                <FormProblems form=kit describe=describe/>
                <div class="actions">
                    <button type="submit" class="button button--primary" disabled=busy>"Save"</button>
                    <A href=back.clone() attr:class="button">"Cancel"</A>
                </div>
            </form>
        </section>
    }
}

fn describe(h: &Homework) -> String {
    format!(
        "{}, {}",
        h.title,
        crate::domain::homework::repeat_words(h.times_a_week).to_lowercase()
    )
}
