//! Today, the home screen: a mood in one tap (saved as a journal entry at once, with
//! "Add more" and Undo), the next session and how far off it is, homework due, the
//! day's prompt, and the ways to help. Each part shows only when it has something to
//! show or offer. A person's first visit goes to Welcome instead (`first_run`).

mod check_in;

use chrono::Datelike;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::domain::appointment::{countdown, next_session, Appointment};
use crate::domain::journal::{EntryDraft, NEW_ENTRY_DRAFT};
use crate::domain::look_forward::Plan;
use crate::domain::progress::{session_prompt, Win};
use crate::domain::record::RecordId;
use crate::domain::rest::RestLog;
use crate::domain::route::Route;
use crate::domain::today::{day_prompt, WeekSoFar};
use crate::domain::week::Week;
use crate::store;
use crate::ui::context::Base;
use crate::ui::format::{day_long, local_now, today, wall_time};
use crate::ui::kit::live;
use crate::ui::widgets::{AgendaField, Page};

use check_in::MoodCheckIn;

#[component]
pub fn Today() -> impl IntoView {
    let base = expect_context::<Base>();
    let today = js_sys::Date::new_0();
    let options = js_sys::Object::new();
    for (k, v) in [("weekday", "long"), ("day", "numeric"), ("month", "long")] {
        let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
    }
    let date: String = today.to_locale_date_string("default", &options).into();
    let ready = first_run();
    let body = move || {
        ready.get().then(|| {
            view! {
                <p class="lead">{date.clone()}</p>
                <MoodCheckIn/>
                <NextSession/>
                <crate::ui::homework::HomeworkDue/>
                <crate::ui::progress::ProgressPrompt/>
                <crate::ui::look_forward::ThisWeekPlans/>
                <DayPrompt/>
                <KeepSafe/>
                <p class="today__ways">
                    <A href=base.href(Route::Struggling) attr:class="button button--primary button--big">"I'm struggling"</A>
                    <A href=base.href(Route::Week) attr:class="button">"My week"</A>
                </p>
                <section class="card" aria-labelledby="today-write">
                    <h2 id="today-write">"Write it down"</h2>
                    <p>"A few words about how today is going can help you see patterns and bring things to your next session."</p>
                    <div class="actions">
                        <A href=base.href(Route::Write) attr:class="button button--primary">"New entry"</A>
                        <A href=base.href(Route::Journal) attr:class="button">"See my entries"</A>
                        <A href=base.href(Route::CheckIns) attr:class="button">"Check in"</A>
                    </div>
                    <UnfinishedEntry/>
                    <AgendaField label="Something to bring up next session?" id="today-agenda"/>
                </section>
            }
        })
    };
    view! {
        <Page title=Route::Today.title()>
            {body}
        </Page>
    }
}

/// Whether Today may show: at once for a person who has been welcomed; otherwise once
/// the store says whether they have any records. A person with none goes to Welcome
/// (once: Welcome remembers it was seen); a person with records is remembered as
/// welcomed and never sees it.
fn first_run() -> ReadSignal<bool> {
    let ready = RwSignal::new(store::prefs::welcomed());
    if ready.get_untracked() {
        return ready.read_only();
    }
    let navigate = use_navigate();
    let welcome = expect_context::<Base>().href(Route::Welcome);
    leptos::task::spawn_local(async move {
        match store::is_empty().await.map(|empty| !empty) {
            Ok(true) => {
                store::prefs::set_welcomed();
                let _ = ready.try_set(true);
            }
            // Only while Today is still on screen.
            Ok(false) if ready.try_get_untracked().is_some() => navigate(
                &welcome,
                NavigateOptions {
                    resolve: false,
                    replace: true,
                    ..Default::default()
                },
            ),
            // Storage could not be read: Today, and the question again next time.
            _ => {
                let _ = ready.try_set(true);
            }
        }
    });
    ready.read_only()
}

/// "Next session: Thursday 3 December, 16:00, in 6 days", when one is planned.
#[component]
fn NextSession() -> impl IntoView {
    let href = expect_context::<Base>().href(Route::Sessions);
    let loaded = live::<Appointment>();
    move || {
        let now = local_now();
        let list = loaded.get()?.ok()?;
        let (start, a) = next_session(list.iter().map(|r| &r.body), now)?;
        let text = format!(
            "Next session: {}, {}, {}",
            day_long(start.date()),
            wall_time(start),
            countdown(now, start, a.minutes)
        );
        // Before a session (when Progress asks for a win), the way to prepare for it.
        let near = session_prompt(Some((start, a.minutes)), now).is_some();
        Some(view! {
            <p class="next-session">
                <A href=href.clone()>{text}</A>
                {near.then(|| view! { " · " <crate::ui::prep::PrepareLink/> })}
            </p>
        })
    }
}

/// The day's prompt (plan something nice, rest, note a win), leaving out what this
/// week already has; nothing once the week has all three.
#[component]
fn DayPrompt() -> impl IntoView {
    let base = expect_context::<Base>();
    let wins = live::<Win>();
    let appointments = live::<Appointment>();
    let plans = live::<Plan>();
    let rests = live::<RestLog>();
    move || {
        let day = today();
        let week = Week::containing(day, crate::ui::week::first_weekday());
        let now = local_now();
        // Before a session, Progress's own prompt already asks for a win.
        let asked = appointments.get()?.ok().is_some_and(|list| {
            let next = next_session(list.iter().map(|r| &r.body), now).map(|(s, a)| (s, a.minutes));
            session_prompt(next, now).is_some()
        });
        let won = wins.get()?.ok()?.iter().any(|w| week.contains(w.body.day));
        let planned = plans
            .get()?
            .ok()?
            .iter()
            .any(|p| !p.meta.is_deleted() && week.contains(p.body.day));
        let rested = rests
            .get()?
            .ok()?
            .iter()
            .any(|r| !r.meta.is_deleted() && week.contains(r.body.day));
        let so_far = WeekSoFar {
            planned,
            rested,
            win: won || asked,
        };
        let nudge = day_prompt(day.weekday(), so_far)?;
        Some(view! {
            <p class="today__prompt">
                {nudge.words()}" "<A href=base.href(nudge.route())>{nudge.action()}</A>
            </p>
        })
    }
}

/// Looking after what is written, gently and one line at a time: a backup reminder
/// when the person asked for one and it is due; otherwise, once a few entries are
/// written and the lock is off, the offer of a passcode ("Not now" is kept, here and in
/// Settings alike).
#[component]
fn KeepSafe() -> impl IntoView {
    const OFFER_AFTER: usize = 5;
    let base = expect_context::<Base>();
    let backup = base.href(Route::Backup);
    let settings = base.href(Route::Settings);
    let due = store::backup::reminder_due(crate::ui::format::now_ms());
    let offered = RwSignal::new(false);
    if !due && !store::lock::is_on() && !store::lock::offer_dismissed() {
        leptos::task::spawn_local(async move {
            let few = store::list_recent::<crate::domain::journal::JournalEntry>(OFFER_AFTER)
                .await
                .is_ok_and(|l| l.len() >= OFFER_AFTER);
            let _ = offered.try_set(few);
        });
    }
    let not_now = move |_| {
        store::lock::dismiss_offer();
        offered.set(false);
    };
    move || {
        if due {
            return Some(
                view! {
                    <p class="today__safe">
                        "It has been a while since your last backup. "
                        <A href=backup.clone()>"Make a backup"</A>
                    </p>
                }
                .into_any(),
            );
        }
        offered.get().then(|| {
            view! {
                <p class="today__safe">
                    "If others can use this device, a passcode keeps what you write private. "
                    <A href=settings.clone()>"Set a passcode"</A>" "
                    <button type="button" class="link-button" on:click=not_now>"Not now"</button>
                </p>
            }
            .into_any()
        })
    }
}

/// "Continue your unfinished entry", when a new entry was started and not saved (its
/// draft holds something). Shown on Today and on the journal.
#[component]
pub fn UnfinishedEntry() -> impl IntoView {
    let base = expect_context::<Base>();
    // Read again a moment later: the entry screen just left writes what was typed in
    // its last moments as it goes, which may land after this screen's first read.
    let again = RwSignal::new(false);
    set_timeout(
        move || {
            let _ = again.try_set(true);
        },
        std::time::Duration::from_millis(300),
    );
    let draft = LocalResource::new(move || {
        again.track();
        async { store::get::<EntryDraft>(&RecordId(NEW_ENTRY_DRAFT.into())).await }
    });
    let waiting = move || draft.with(|d| matches!(d, Some(Ok(Some(r))) if !r.body.is_blank()));
    move || {
        waiting().then(|| {
            view! {
                <p class="unfinished">
                    <A href=base.href(Route::Write) attr:class="button">"Continue your unfinished entry"</A>
                </p>
            }
        })
    }
}
