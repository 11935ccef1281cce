//! The small ways into Progress that other screens place (Today, Sessions): a link,
//! and the gentle prompt before a session. Both are tiny, so they stay out of the
//! Progress screen's chunk.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::appointment::{next_session, Appointment};
use crate::domain::progress::session_prompt;
use crate::domain::route::Route;
use crate::ui::context::Base;
use crate::ui::format::local_now;
use crate::ui::kit::live;

/// "Progress: wins and how far you have come", a link to the Progress screen.
#[component]
pub fn ProgressLink() -> impl IntoView {
    let base = expect_context::<Base>();
    view! {
        <A href=base.href(Route::Progress)>"Progress: wins and how far you have come"</A>
    }
}

/// Within two days of the next session: "Your session is tomorrow. Anything you're
/// pleased with this week?" and a link to note a win. Nothing otherwise.
#[component]
pub fn ProgressPrompt() -> impl IntoView {
    let base = expect_context::<Base>();
    let href = base.href(Route::Progress);
    let appointments = live::<Appointment>();
    let prompt = move || {
        let loaded = appointments.get()?.ok()?;
        let now = local_now();
        let next = next_session(loaded.iter().map(|r| &r.body), now).map(|(s, a)| (s, a.minutes));
        session_prompt(next, now)
    };
    move || {
        prompt().map(|p| {
            view! {
                <p class="progress__prompt">
                    {p}" "<A href=href.clone()>"Note a win"</A>
                </p>
            }
        })
    }
}
