//! The coping skills box.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::route::Route;
use crate::ui::widgets::Page;
use crate::ui::Base;

#[component]
pub fn Coping() -> impl IntoView {
    let base = expect_context::<Base>();
    view! {
        <Page title=Route::Coping.title()>
            <p>"Your coping cards, breathing exercises and grounding steps will be kept here, ready for the hard moments."</p>
            <p class="muted">"Not built yet. If things feel too much right now, the help card is always one tap away."</p>
            <p><A href=base.href(Route::Help) attr:class="button">"Open the help card"</A></p>
        </Page>
    }
}
