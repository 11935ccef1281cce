//! The way into "Prepare for my session" that Sessions and Today place: tiny, so it
//! stays out of the prep screen's chunk.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::route::Route;
use crate::ui::context::Base;

/// "Prepare for my session", a link to the prep screen.
#[component]
pub fn PrepareLink() -> impl IntoView {
    let base = expect_context::<Base>();
    view! {
        <A href=base.href(Route::Prepare) attr:class="prep-link">"Prepare for my session"</A>
    }
}

/// The top of Sessions: with a session coming, "Your next session is in 3 days." before
/// the link; otherwise the link alone.
#[component]
pub fn PrepareSoon() -> impl IntoView {
    let appointments = crate::ui::kit::live::<crate::domain::appointment::Appointment>();
    let soon = move || {
        let list = appointments.get()?.ok()?;
        let now = crate::ui::format::local_now();
        let (start, a) =
            crate::domain::appointment::next_session(list.iter().map(|r| &r.body), now)?;
        let when = crate::domain::appointment::countdown(now, start, a.minutes);
        Some(format!("Your next session is {when}. "))
    };
    view! {
        <p class="prep-soon">{soon}<PrepareLink/></p>
    }
}
