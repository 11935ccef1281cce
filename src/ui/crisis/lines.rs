use leptos::prelude::*;

use crate::domain::crisis::{tel_href, Region, DIRECTORY_URL};
use crate::ui::context::Prefs;

/// The crisis lines and emergency number for the person's region, as call and text
/// buttons. Needs no network and no stored data.
#[component]
pub fn HelpLines() -> impl IntoView {
    let prefs = expect_context::<Prefs>();
    move || {
        let region = prefs.region.get();
        let data = region.lines();
        let lines = data
            .lines
            .iter()
            .map(|line| {
                let buttons = line
                    .reach
                    .iter()
                    .map(|r| view! { <a class="button button--call" href=r.href()>{r.label()}</a> })
                    .collect_view();
                view! {
                    <li class="card line">
                        <h3 class="line__name">{line.name}</h3>
                        <p class="line__note">{line.note}</p>
                        <div class="line__reach">{buttons}</div>
                    </li>
                }
            })
            .collect_view();
        let emergency = data
            .emergency
            .iter()
            .map(|n| view! { <a class="button button--emergency" href=tel_href(n)>{format!("Call {n}")}</a> })
            .collect_view();
        let other = (region == Region::Other).then(|| {
            view! {
                <p>
                    "To find a helpline in your country, visit "
                    <a href=DIRECTORY_URL rel="noopener noreferrer" target="_blank">"findahelpline.com"</a>
                    " when you have a connection."
                </p>
            }
        });
        view! {
            <ul class="lines">{lines}</ul>
            {other}
            <section class="card emergency" aria-labelledby="emergency-title">
                <h2 id="emergency-title">"In an emergency"</h2>
                <p>"If you might act on thoughts of hurting yourself, or you are in danger now, call emergency services."</p>
                <div class="line__reach">{emergency}</div>
                {(!data.emergency_note.is_empty()).then(|| view! { <p class="muted">{data.emergency_note}</p> })}
            </section>
        }
    }
}
