use leptos::prelude::*;

use crate::domain::coping::CardKind;
use crate::domain::crisis::{sms_href, tel_href};
use crate::domain::safety_plan::Step;
use crate::ui::safety_plan::stored_plan;

use super::live_cards;

/// The person's people, each with a call and a text button: people cards, then the
/// people and professionals on their safety plan. Nothing shows while they load, and
/// if storage fails the rest of the screen is unaffected.
#[component]
pub fn MyPeople(
    /// Shown when there is nobody yet.
    #[prop(into)]
    empty: String,
) -> impl IntoView {
    let cards = live_cards();
    let plan = stored_plan();
    let people = move || {
        let mut people: Vec<(String, String, &'static str)> = cards
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .filter(|r| r.body.kind == CardKind::Person)
            .map(|r| (r.body.title, r.body.phone, ""))
            .collect();
        if let Some(Ok(Some(plan))) = plan.get() {
            for step in [Step::AskForHelp, Step::Professionals, Step::Distraction] {
                let note = if step == Step::Professionals {
                    "Professional support"
                } else {
                    ""
                };
                for item in plan.body.items(step) {
                    if !item.phone.is_empty()
                        && !people.iter().any(|p| p.0 == item.text && p.1 == item.phone)
                    {
                        people.push((item.text.clone(), item.phone.clone(), note));
                    }
                }
            }
        }
        people
    };
    let loaded = move || cards.get().is_some();
    view! {
        <Show when=loaded>
            {
                let empty = empty.clone();
                move || {
                    let people = people();
                    if people.is_empty() {
                        return view! { <p class="muted">{empty.clone()}</p> }.into_any();
                    }
                    view! {
                        <ul class="people">
                            {people.into_iter().map(|(name, phone, note)| view! {
                                <li class="card person">
                                    <h3 class="person__name">{name.clone()}</h3>
                                    <p class="person__phone">{phone.clone()}</p>
                                    {(!note.is_empty()).then(|| view! { <p class="muted">{note}</p> })}
                                    <div class="line__reach">
                                        <a class="button button--call" href=tel_href(&phone)>{format!("Call {name}")}</a>
                                        <a class="button button--call" href=sms_href(&phone, None)>{format!("Text {name}")}</a>
                                    </div>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }
        </Show>
    }
}
