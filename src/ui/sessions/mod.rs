//! Sessions: the next session (appointments, `appointments.rs`) and the list of things
//! to bring up next time (`agenda.rs`).

mod agenda;
mod appointments;

use leptos::prelude::*;

use crate::domain::route::Route;
use crate::ui::widgets::Page;

#[component]
pub fn Sessions() -> impl IntoView {
    view! {
        <Page title=Route::Sessions.title()>
            <crate::ui::prep::PrepareSoon/>
            <appointments::Appointments/>
            <agenda::Agenda/>
            <appointments::BetweenSessions/>
        </Page>
    }
}
