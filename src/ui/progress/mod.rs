//! Progress: wins, skills learned, how far you have come.

use leptos::prelude::*;

use crate::domain::route::Route;
use crate::ui::widgets::Page;

#[component]
pub fn Progress() -> impl IntoView {
    view! {
        <Page title=Route::Progress.title()>
            <p>"Wins, skills you've learned and a timeline of how far you've come will gather here."</p>
            <p class="muted">"Not built yet."</p>
        </Page>
    }
}
