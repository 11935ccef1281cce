//! Sessions: the next appointment, homework and things to bring up.

use leptos::prelude::*;

use crate::domain::route::Route;
use crate::ui::widgets::Page;

#[component]
pub fn Sessions() -> impl IntoView {
    view! {
        <Page title=Route::Sessions.title()>
            <p>"This is where your next appointment, your homework and the things you want to bring up will live."</p>
            <p class="muted">"Not built yet. Your journal works today, and everything you save now will be here when this arrives."</p>
        </Page>
    }
}
