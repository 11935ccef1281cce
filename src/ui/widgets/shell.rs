use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::route::Route;
use crate::pwa::Updates;
use crate::ui::context::Base;

use super::page::focus_heading;
use super::Page;

/// The main navigation. Progress joins it with its own issue.
const NAV: [Route; 5] = [
    Route::Today,
    Route::Journal,
    Route::Sessions,
    Route::Coping,
    Route::Settings,
];

/// Header with the help control, the main navigation, and the update prompt.
///
/// With large text on a small screen (see the end of style/widgets.css) the links fold
/// behind a "Menu" button, which is hidden otherwise; choosing a link closes the menu.
#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let base = expect_context::<Base>();
    let updates = expect_context::<Updates>();
    let menu_open = RwSignal::new(false);
    let links = NAV
        .into_iter()
        .map(|route| {
            let exact = route == Route::Today;
            view! {
                <li><A href=base.href(route) exact=exact>{route.title()}</A></li>
            }
        })
        .collect_view();
    view! {
        // The first Tab stop. Handled here, not by the router (which would treat
        // `#main` as a navigation) nor by the browser (which scrolls but may not move focus).
        <a class="skip-link" href="#main" on:click=move |ev| {
            ev.prevent_default();
            focus_heading();
        }>"Skip to content"</a>
        <header class="top">
            <span class="top__name">"Between"</span>
            // With the passcode lock on, locking is one tap from every screen.
            {crate::store::lock::is_on().then(|| view! {
                <button type="button" class="button top__lock" on:click=|_| crate::ui::lock::lock_now()>"Lock"</button>
            })}
            <A href=base.href(Route::Help) attr:class="help-now">"Get help now"</A>
        </header>
        <Show when=move || updates.waiting.get()>
            <section class="update" aria-label="Update">
                <p>"Update available. Your entries stay as they are."</p>
                <button type="button" class="button" on:click=move |_| updates.apply()>"Update now"</button>
            </section>
        </Show>
        <nav class="tabs" aria-label="Main" data-open=move || menu_open.get().to_string()>
            <button type="button" class="tabs__menu" aria-controls="main-links"
                aria-expanded=move || menu_open.get().to_string()
                on:click=move |_| menu_open.update(|open| *open = !*open)>"Menu"</button>
            <ul id="main-links" on:click=move |_| menu_open.set(false)>{links}</ul>
        </nav>
        {children()}
    }
}

/// The screen for an address that does not exist.
#[component]
pub fn NotFound() -> impl IntoView {
    let base = expect_context::<Base>();
    view! {
        <Page title="Page not found">
            <p>"There is nothing at this address. Everything you saved is still here."</p>
            <p><A href=base.href(Route::Today)>"Go to Today"</A></p>
        </Page>
    }
}
