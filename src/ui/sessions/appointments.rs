//! Appointments on Sessions: the next session with its countdown, each series with one
//! menu (change it, add it to the phone's calendar, skip one session, remove it), and
//! the form to add or change one (`?appointment=new` or `?appointment=<id>`, so a reload
//! or the back button keeps the person where they were).

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::domain::appointment::{countdown, Appointment, AppointmentDraft, Repeat};
use crate::domain::ics::{self, Zone};
use crate::domain::record::{Record, RecordId};
use crate::domain::route::Route;
use crate::store::{self, StoreError};
use crate::ui::context::Base;
use crate::ui::format::{day_long, local_now, now_ms, offset_on, parse_date, time_zone, wall_time};
use crate::ui::kit::{
    draft_key, enter_never_submits, go_to, live, text_field, Form, FormNotices, FormProblems,
    FormSpec, Removal,
};
use crate::ui::widgets::{save_file, ActionMenu, MenuItem, StoreMessage};

/// The next-session part of Sessions: the form while one is being added or changed,
/// otherwise the appointments to come.
#[component]
pub fn Appointments() -> impl IntoView {
    let query = use_query_map();
    let editing = Memo::new(move |_| query.with(|q| q.get("appointment")));
    view! {
        <section class="card" aria-labelledby="next-title">
            {move || match editing.get() {
                Some(which) => {
                    let id = (which != "new").then_some(RecordId(which));
                    view! { <AppointmentForm editing=id/> }.into_any()
                }
                None => view! { <Upcoming/> }.into_any(),
            }}
        </section>
    }
}

/// The ways to the rest of the therapy loop: homework, Progress, Look forward and Rest.
#[component]
pub fn BetweenSessions() -> impl IntoView {
    let base = expect_context::<Base>();
    let homework = base.href(Route::Homework);
    view! {
        <section class="card" aria-labelledby="between-title">
            <h2 id="between-title">"Between sessions"</h2>
            <crate::ui::homework::HomeworkDue/>
            <ul class="link-list">
                <li><A href=homework>"My homework"</A></li>
                <li><crate::ui::progress::ProgressLink/></li>
                <li><A href=base.href(Route::LookForward)>"Look forward: small things to plan"</A></li>
                <li><A href=base.href(Route::Rest)>"Rest and self-care"</A></li>
            </ul>
        </section>
    }
}

#[component]
fn Upcoming() -> impl IntoView {
    let base = expect_context::<Base>();
    let add = format!("{}?appointment=new", base.href(Route::Sessions));
    let loaded = live::<Appointment>();
    let failure = RwSignal::new(None::<StoreError>);
    let removed = RwSignal::new(None::<Record<Appointment>>);
    let list = move || {
        let now = local_now();
        let mut coming: Vec<_> = loaded
            .get()?
            .ok()?
            .into_iter()
            .filter_map(|r| r.body.next_after(now).map(|next| (next, r)))
            .collect();
        coming.sort_unstable_by_key(|(next, _)| *next);
        Some(coming)
    };
    let body = move || match loaded.get() {
        None => view! { <p class="muted" role="status">"Loading…"</p> }.into_any(),
        Some(Err(e)) => view! { <crate::ui::kit::LoadProblem error=e/> }.into_any(),
        Some(Ok(_)) => {
            let coming = list().unwrap_or_default();
            if coming.is_empty() {
                return view! {
                    <p>"No session planned yet. Add your next one to keep track of it, and to put it in your phone's calendar."</p>
                }
                .into_any();
            }
            let now = local_now();
            coming
                .into_iter()
                .enumerate()
                .map(|(i, (next, r))| {
                    view! { <AppointmentRow record=r next=next now=now first=i == 0 failure=failure removed=removed/> }
                })
                .collect_view()
                .into_any()
        }
    };
    let undo = move |_| {
        Removal { removed, failure }.undo();
    };
    view! {
        <h2 id="next-title">"Next session"</h2>
        {body}
        <StoreMessage error=failure/>
        <Show when=move || removed.with(Option::is_some)>
            <div class="toast" role="status">
                <p>"Appointment removed. Notes of past sessions stay."</p>
                <button type="button" class="button" on:click=undo>"Undo"</button>
            </div>
        </Show>
        <div class="actions">
            <A href=add attr:class="button">"Add a session"</A>
            <crate::ui::session_notes::AfterSessionLink/>
        </div>
    }
}

/// One appointment or series: when the next session is, in words, and its menu.
#[component]
fn AppointmentRow(
    record: Record<Appointment>,
    next: chrono::NaiveDateTime,
    now: chrono::NaiveDateTime,
    first: bool,
    failure: RwSignal<Option<StoreError>>,
    removed: RwSignal<Option<Record<Appointment>>>,
) -> impl IntoView {
    let base = expect_context::<Base>();
    let a = record.body.clone();
    let when = format!("{}, {}", day_long(next.date()), wall_time(next));
    let soon = countdown(now, next, a.minutes);
    let mut details = vec![soon.clone()];
    if a.repeat != Repeat::Once {
        details.push(a.repeat.label().to_lowercase());
    }
    if !a.with.is_empty() {
        details.push(format!("with {}", a.with));
    }
    let edit = format!(
        "{}?appointment={}",
        base.href(Route::Sessions),
        record.meta.id.as_str()
    );
    let series = a.repeat != Repeat::Once;
    let mut items = vec![
        MenuItem::link("Change", edit),
        MenuItem::action(
            if series {
                "Add the series to my calendar"
            } else {
                "Add to my calendar"
            },
            {
                let r = record.clone();
                move || download_ics(&r, None)
            },
        ),
    ];
    if series {
        let r = record.clone();
        items.push(MenuItem::action(
            "Add only this session to my calendar",
            move || download_ics(&r, Some(next)),
        ));
        let r = record.clone();
        items.push(MenuItem::action("Skip this session", move || {
            let mut skipped = r.clone();
            skipped.body.skipped.push(next.date());
            leptos::task::spawn_local(async move {
                if let Err(e) = store::update(&skipped).await {
                    let _ = failure.try_set(Some(e));
                }
            });
        }));
    }
    let r = record.clone();
    items.push(MenuItem::action("Remove", move || {
        let r = r.clone();
        Removal { removed, failure }.delete(r);
    }));
    let contact = a.contact.clone();
    view! {
        <div class="appointment">
            <p class=if first { "lead appointment__when" } else { "appointment__when" }>
                <strong>{when.clone()}</strong>
            </p>
            <p class="appointment__more">{details.join(" · ")}</p>
            {(!a.place.is_empty()).then(|| view! { <p class="appointment__more">{a.place.clone()}</p> })}
            {(!contact.is_empty()).then(|| view! { <p class="appointment__more">{format!("Contact: {contact}")}</p> })}
            <ActionMenu label=format!("Actions for the session of {when}") items=items/>
        </div>
    }
}

/// Saves an .ics file of the appointment (or of one session of it) made on the device.
fn download_ics(record: &Record<Appointment>, only: Option<chrono::NaiveDateTime>) {
    let a = &record.body;
    let zone_name = time_zone();
    let zone = match &zone_name {
        Some(name) => Zone::Tzid(name),
        None => Zone::Offset(offset_on(only.unwrap_or(a.start))),
    };
    let summary = if a.with.is_empty() {
        "Therapy session".to_string()
    } else {
        format!("Therapy session with {}", a.with)
    };
    let description = if a.contact.is_empty() {
        String::new()
    } else {
        format!("Contact: {}", a.contact)
    };
    let uid = format!("{}@between", record.meta.id.as_str());
    let stamp = chrono::DateTime::from_timestamp_millis(now_ms())
        .map(|d| d.naive_utc())
        .unwrap_or_default();
    let text = ics::calendar(
        a,
        &ics::Event {
            uid: &uid,
            stamp,
            zone,
            summary: &summary,
            description: &description,
            only,
        },
    );
    save_file("therapy-session.ics", "text/calendar", &text);
}

/// Adding or changing an appointment.
#[component]
fn AppointmentForm(editing: Option<RecordId>) -> impl IntoView {
    let base = expect_context::<Base>();
    let back = base.href(Route::Sessions);
    let is_new = editing.is_none();
    let draft_key = draft_key("appointment", editing.as_ref());
    let done_to = go_to(back.clone());
    let kit = Form::new(FormSpec {
        draft_key,
        editing,
        blank: AppointmentDraft::default(),
        from_record: |r: &Record<Appointment>| AppointmentDraft::of(&r.body),
    })
    .on_saved(move |_| {
        done_to();
    });
    let value = kit.value;
    let problem = RwSignal::new(None::<String>);
    let busy = kit.pending();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let before = kit.original.get_untracked().map(|r| r.body);
        match value
            .get_untracked()
            .appointment(before.as_ref(), local_now())
        {
            Ok(a) => {
                problem.set(None);
                kit.save(a);
            }
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    let field = |get, set| text_field(value, problem, get, set);
    let (date, set_date) = field(|d| &d.date, |d, v| d.date = v);
    let (time, set_time) = field(|d| &d.time, |d, v| d.time = v);
    let (minutes, set_minutes) = field(|d| &d.minutes, |d, v| d.minutes = v);
    let (until, set_until) = field(|d| &d.until, |d, v| d.until = v);
    let (with, set_with) = field(|d| &d.with, |d, v| d.with = v);
    let (contact, set_contact) = field(|d| &d.contact, |d, v| d.contact = v);
    let (place, set_place) = field(|d| &d.place, |d, v| d.place = v);
    let repeats = Repeat::ALL
        .into_iter()
        .map(|r| {
            view! {
                <label class="choice">
                    <input type="radio" name="repeat" value=r.label()
                        prop:checked=move || value.with(|d| d.repeat == r)
                        on:change=move |_| value.update(|d| d.repeat = r)/>
                    <span>{r.label()}</span>
                </label>
            }
        })
        .collect_view();
    let series = move || value.with(|d| d.repeat != Repeat::Once);
    let until_hint = move || {
        value
            .with(|d| parse_date(&d.until))
            .map(|u| format!("The last session is on or before {}.", day_long(u)))
    };
    view! {
        <h2 id="next-title">{if is_new { "Add a session" } else { "Change this session" }}</h2>
        <FormNotices form=kit noun="appointment"/>
        <form class="appointment-form" on:submit=save on:keydown=enter_never_submits
            hidden=move || !kit.ready() aria-labelledby="next-title" novalidate>
            <div class="field-row">
                <div class="field">
                    <label class="field__label" for="appt-date">"Day"</label>
                    <input id="appt-date" class="field__input" type="date" prop:value=date on:input=set_date/>
                </div>
                <div class="field">
                    <label class="field__label" for="appt-time">"Starts at"</label>
                    <input id="appt-time" class="field__input" type="time" prop:value=time on:input=set_time/>
                </div>
                <div class="field">
                    <label class="field__label" for="appt-minutes">"Minutes"</label>
                    <input id="appt-minutes" class="field__input" type="number" inputmode="numeric" min="1" max="720"
                        prop:value=minutes on:input=set_minutes/>
                </div>
            </div>
            <fieldset class="choices field">
                <legend>"Repeats"</legend>
                {repeats}
            </fieldset>
            <Show when=series>
                <div class="field">
                    <label class="field__label" for="appt-until">"Last session of the series (optional)"</label>
                    <input id="appt-until" class="field__input" type="date" prop:value=until on:input=set_until
                        aria-describedby="appt-until-hint"/>
                    <p id="appt-until-hint" class="muted">{move || until_hint().unwrap_or_else(|| "Leave it empty if the sessions go on.".into())}</p>
                </div>
            </Show>
            <div class="field">
                <label class="field__label" for="appt-with">"With (optional)"</label>
                <input id="appt-with" class="field__input" type="text" autocomplete="off" prop:value=with on:input=set_with/>
            </div>
            <div class="field">
                <label class="field__label" for="appt-contact">"Their phone or email (optional)"</label>
                <input id="appt-contact" class="field__input" type="text" autocomplete="off" prop:value=contact on:input=set_contact/>
            </div>
            <div class="field">
                <label class="field__label" for="appt-place">"Where (optional)"</label>
                <input id="appt-place" class="field__input" type="text" autocomplete="off" prop:value=place on:input=set_place
                    placeholder="A room, an address, a video call"/>
            </div>
            {move || problem.get().map(|p| view! { <p class="message message--problem" role="alert">{p}</p> })}
            <FormProblems form=kit describe=describe/>
            <div class="actions">
                <button type="submit" class="button button--primary" disabled=busy>"Save"</button>
                <A href=back.clone() attr:class="button">"Cancel"</A>
            </div>
        </form>
    }
}

fn describe(a: &Appointment) -> String {
    format!(
        "{}, {}, {}",
        day_long(a.start.date()),
        wall_time(a.start),
        a.repeat.label().to_lowercase()
    )
}
