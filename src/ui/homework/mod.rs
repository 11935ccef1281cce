//! Homework (issue 10, items 4 and 5): what to do between sessions, checked off with an
//! optional reflection; homework sent in a link; the page that makes such a link.
//!
//! Only `HomeworkDue` (one line for Today or Sessions) is meant for the main module;
//! everything else is reached through the lazy screens in `ui/lazy.rs`.

mod form;
pub mod link;
mod list;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::homework::Homework;
use crate::domain::route::Route;
use crate::ui::context::Base;
use crate::ui::format::{local_date, today};
use crate::ui::kit::live;

pub use list::HomeworkPage;

/// Progress in words as of today: "1 of 3 this week", "Not done yet".
pub fn progress_now(h: &Homework) -> String {
    h.progress(h.done_in_week(today(), |d| local_date(d.at)))
}

/// One line: the open homework due soonest ("Homework: Walk, 1 of 3 this week"),
/// linking to Homework. Nothing when there is none (or while it loads).
#[component]
pub fn HomeworkDue() -> impl IntoView {
    let base = expect_context::<Base>();
    let href = base.href(Route::Homework);
    let loaded = live::<Homework>();
    move || {
        let list = loaded.get()?.ok()?;
        let soonest = list
            .into_iter()
            .filter(|r| r.body.is_open())
            .min_by_key(|r| (r.body.due.is_none(), r.body.due, r.meta.created))?;
        let words = format!(
            "Homework: {}, {}",
            soonest.body.title,
            progress_now(&soonest.body).to_lowercase()
        );
        Some(view! { <p class="homework-due"><A href=href.clone()>{words}</A></p> })
    }
}
