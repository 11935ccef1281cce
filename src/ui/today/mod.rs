//! Today: where the week starts from. A mood in two taps (one here, Save on the entry),
//! the next session and how far off it is, and the way back to an entry left unfinished.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::appointment::{countdown, next_session, Appointment};
use crate::domain::journal::{EntryDraft, Mood, NEW_ENTRY_DRAFT};
use crate::domain::record::RecordId;
use crate::domain::route::Route;
use crate::store;
use crate::ui::context::Base;
use crate::ui::format::{day_long, local_now, wall_time};
use crate::ui::kit::live;
use crate::ui::widgets::{AgendaField, MoodMark, Page};

#[component]
pub fn Today() -> impl IntoView {
    let base = expect_context::<Base>();
    let today = js_sys::Date::new_0();
    let options = js_sys::Object::new();
    for (k, v) in [("weekday", "long"), ("day", "numeric"), ("month", "long")] {
        let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
    }
    let date: String = today.to_locale_date_string("default", &options).into();
    let write = base.href(Route::Write);
    let moods = Mood::ALL
        .into_iter()
        .map(|m| {
            view! {
                <li>
                    <A href=format!("{write}?mood={}", m.value()) attr:class=format!("mood-link mood--{}", m.value())>
                        <MoodMark mood=m/>{m.word()}
                    </A>
                </li>
            }
        })
        .collect_view();
    view! {
        <Page title=Route::Today.title()>
            <p class="lead">{date}</p>
            <NextSession/>
            <crate::ui::homework::HomeworkDue/>
            <crate::ui::progress::ProgressPrompt/>
            <p><A href=base.href(Route::Struggling) attr:class="button button--primary button--big">"I'm struggling"</A></p>
            <section class="card" aria-labelledby="today-mood">
                <h2 id="today-mood">"How are you right now?"</h2>
                <ul class="mood-links">{moods}</ul>
                <UnfinishedEntry/>
            </section>
            <section class="card" aria-labelledby="today-write">
                <h2 id="today-write">"Write it down"</h2>
                <p>"A few words about how today is going can help you see patterns and bring things to your next session."</p>
                <div class="actions">
                    <A href=base.href(Route::Write) attr:class="button button--primary">"New entry"</A>
                    <A href=base.href(Route::Journal) attr:class="button">"See my entries"</A>
                    <A href=base.href(Route::CheckIns) attr:class="button">"Check in"</A>
                </div>
                <AgendaField label="Something to bring up next session?" id="today-agenda"/>
            </section>
            <section class="card" aria-labelledby="today-private">
                <h2 id="today-private">"Private by design"</h2>
                <p>"Everything you write stays on this device. Between has no account and sends nothing anywhere. It works without a connection, too."</p>
            </section>
        </Page>
    }
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
        Some(view! { <p class="next-session"><A href=href.clone()>{text}</A></p> })
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
