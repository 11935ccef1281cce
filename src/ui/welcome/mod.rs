//! Welcome, a person's first visit (Today sends them here when nothing is stored and
//! they have not been welcomed): what Between is for, that it all stays on this
//! device, where to start, and the crisis region confirmed. "Skip" is one tap, the
//! shell's "Get help now" stays, and once seen it never opens again.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::route::Route;
use crate::store;
use crate::ui::context::{Base, Prefs};
use crate::ui::widgets::Page;

#[component]
pub fn Welcome() -> impl IntoView {
    // Seen is enough: a person who leaves from here by any way is not asked again.
    store::prefs::set_welcomed();
    let base = expect_context::<Base>();
    let prefs = expect_context::<Prefs>();
    let starts = [
        (base.href(Route::Write), "Write how I'm doing"),
        (base.href(Route::Coping), "Set up my coping box"),
        (base.href(Route::SafetyPlan), "Fill in my safety plan"),
        (
            format!("{}?appointment=new", base.href(Route::Sessions)),
            "Add my next session",
        ),
    ]
    .into_iter()
    .map(|(href, words)| view! { <li><A href=href attr:class="button">{words}</A></li> })
    .collect_view();
    let confirm = move |_| {
        let region = prefs.region.get_untracked();
        store::prefs::set_region(region);
        prefs.region_guessed.set(false);
    };
    let region_words = move || {
        let region = prefs.region.get().name_in_sentence();
        if prefs.region_guessed.get() {
            format!("It shows the lines for {region}. Is that where you are?")
        } else {
            format!("Showing lines for {region}.")
        }
    };
    view! {
        <Page title=Route::Welcome.title()>
            <p class="lead">"Between is a companion for the days between your therapy sessions: a place to notice how you are, keep what helps, and bring things to your next session."</p>
            <p>"Everything you write stays on this device. There is no account, and nothing is sent anywhere. It works without a connection, too."</p>
            <p><A href=base.href(Route::Today) attr:class="button">"Skip"</A></p>
            <section class="card" aria-labelledby="welcome-start">
                <h2 id="welcome-start">"Where would you like to start?"</h2>
                <ul class="welcome__starts">{starts}</ul>
            </section>
            <section class="card" aria-labelledby="welcome-help">
                <h2 id="welcome-help">"Help when you need it"</h2>
                <p>"“Get help now”, at the top of every screen, shows crisis lines for your region. "{region_words}</p>
                <crate::ui::crisis::RegionPicker/>
                {move || prefs.region_guessed.get().then(|| view! {
                    <p><button type="button" class="button" on:click=confirm>"Yes, that's right"</button></p>
                })}
            </section>
        </Page>
    }
}
