use leptos::prelude::*;

use crate::domain::crisis::{Region, DIRECTORY_NAME, DIRECTORY_URL};
use crate::ui::context::Prefs;

use super::region_picker::RegionPicker;

/// The crisis lines and emergency numbers for the person's region, as call and text
/// buttons, with the region picker. Needs no network and no stored data.
///
/// The emergency numbers come first, in one compact row, so they are on the first
/// screen. When the region was guessed from the browser language the card says so,
/// with "Change"; when it is unknown the card says "Call your local emergency number"
/// in words, points to findahelpline.com and asks for the country.
#[component]
pub fn HelpLines() -> impl IntoView {
    let prefs = expect_context::<Prefs>();
    let picker = NodeRef::<leptos::html::Select>::new();
    let change = move |_| {
        if let Some(select) = picker.get_untracked() {
            let _ = select.focus();
        }
    };
    let notice = move || {
        let region = prefs.region.get();
        let guessed = prefs.region_guessed.get();
        match (region, guessed) {
            (Region::Other, true) => Some(view! {
                <p class="region-note">
                    "We don't know which country you're in. Choose it to see its crisis lines. "
                    <button type="button" class="link-button" on:click=change>"Choose my country"</button>
                </p>
            }
            .into_any()),
            (r, true) => Some(view! {
                <p class="region-note">
                    {format!("Showing lines for {}. ", r.name_in_sentence())}
                    <button type="button" class="link-button" on:click=change>"Change"</button>
                </p>
            }
            .into_any()),
            _ => None,
        }
    };
    let emergency = move || {
        let data = prefs.region.get().lines();
        let numbers = data
            .emergency
            .iter()
            .map(|e| view! { <a class="button button--emergency" href=e.href()>{e.label()}</a> })
            .collect_view();
        let body = if data.emergency.is_empty() {
            view! {
                <p class="emergency__lead">"In an emergency:"</p>
                <p class="emergency__words">"Call your local emergency number."</p>
            }
            .into_any()
        } else {
            view! {
                <p class="emergency__lead">"In an emergency:"</p>
                <div class="emergency__reach">{numbers}</div>
            }
            .into_any()
        };
        view! {
            <section class="emergency" aria-label="In an emergency">
                {body}
                {(!data.emergency_note.is_empty()).then(|| view! { <p class="muted">{data.emergency_note}</p> })}
            </section>
        }
    };
    let directory = move || {
        let data = prefs.region.get().lines();
        data.needs_directory().then(|| {
            view! {
                <p class="directory">
                    "To find a helpline in your country, visit "
                    <a href=DIRECTORY_URL rel="noopener noreferrer" target="_blank">{DIRECTORY_NAME}</a>
                    " (it needs a connection)."
                </p>
            }
        })
    };
    let lines = move || {
        let data = prefs.region.get().lines();
        data.lines
            .iter()
            .map(|line| {
                let buttons = line
                    .reach
                    .iter()
                    .map(|r| view! { <a class="button button--call" href=r.href()>{r.label()}</a> })
                    .collect_view();
                let also = line
                    .also
                    .iter()
                    .map(|a| view! { <p class="line__also">{*a}</p> })
                    .collect_view();
                view! {
                    <li class="card line">
                        <h3 class="line__name">{line.name}</h3>
                        <p class="line__note">{line.note}</p>
                        <div class="line__reach">{buttons}</div>
                        {also}
                        <p class="line__checked muted">{line.checked_words()}</p>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="help-lines">
            {emergency}
            {directory}
            {notice}
            <ul class="lines">{lines}</ul>
            <p class="muted">"If you might act on thoughts of hurting yourself, or you are in danger now, call emergency services."</p>
            <RegionPicker select_ref=picker/>
        </div>
    }
}
