//! "I'm struggling": a calm screen with one thing at a time: draw a card, breathe,
//! ground, relax, look at photos and reasons, reach a person, or the crisis card.

mod draw;
mod grounding;
mod pacer;
mod relax;
mod steps;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::coping::CardKind;
use crate::domain::route::Route;
use crate::ui::coping::{live_cards, CardFace, MyPeople};
use crate::ui::widgets::Page;
use crate::ui::Base;

#[derive(Clone, Copy, PartialEq)]
enum Activity {
    Draw,
    Breathe,
    Ground,
    Relax,
    Reasons,
    People,
}

impl Activity {
    const ALL: [Activity; 6] = [
        Activity::Draw,
        Activity::Breathe,
        Activity::Ground,
        Activity::Relax,
        Activity::Reasons,
        Activity::People,
    ];

    fn label(self) -> &'static str {
        match self {
            Activity::Draw => "Draw a card",
            Activity::Breathe => "Breathe with me",
            Activity::Ground => "Ground myself: 5-4-3-2-1",
            Activity::Relax => "Relax my muscles",
            Activity::Reasons => "My photos and reasons",
            Activity::People => "My people",
        }
    }
}

/// One thing at a time: the choices, or the one chosen with a way back to the choices.
/// The crisis card stays one tap away throughout.
#[component]
pub fn Struggling() -> impl IntoView {
    let base = expect_context::<Base>();
    let chosen = RwSignal::new(None::<Activity>);
    let heading = NodeRef::<leptos::html::H2>::new();
    let choices_list = NodeRef::<leptos::html::Ul>::new();
    // Focus follows what is on screen, so a screen reader or keyboard is never lost.
    let choose = move |a: Option<Activity>| {
        chosen.set(a);
        request_animation_frame(move || {
            let target: Option<web_sys::HtmlElement> = match a {
                Some(_) => heading.get_untracked().map(Into::into),
                None => choices_list
                    .get_untracked()
                    .and_then(|ul| ul.query_selector("button").ok().flatten())
                    .and_then(|b| wasm_bindgen::JsCast::dyn_into(b).ok()),
            };
            if let Some(t) = target {
                let _ = t.focus();
            }
        });
    };
    let choices = Activity::ALL
        .into_iter()
        .map(|a| {
            view! {
                <li>
                    <button type="button" class="button button--big" on:click=move |_| choose(Some(a))>{a.label()}</button>
                </li>
            }
        })
        .collect_view();
    let crisis = base.href(Route::Help);
    view! {
        <Page title=Route::Struggling.title()>
            <div class="struggling">
                <p class="lead">"You're not alone. Take a slow breath, then pick one thing. There's no wrong choice."</p>
                <ul class="struggling__choices" node_ref=choices_list hidden=move || chosen.get().is_some()>
                    {choices}
                </ul>
                {move || chosen.get().map(|a| {
                    let panel = match a {
                        Activity::Draw => view! { <draw::DrawCard/> }.into_any(),
                        Activity::Breathe => view! { <pacer::Pacer/> }.into_any(),
                        Activity::Ground => view! { <grounding::Grounding/> }.into_any(),
                        Activity::Relax => view! { <relax::Relax/> }.into_any(),
                        Activity::Reasons => view! { <Reasons/> }.into_any(),
                        Activity::People => view! {
                            <MyPeople empty="You haven't added anyone yet. You can add people in your coping box or your safety plan."/>
                        }.into_any(),
                    };
                    view! {
                        <section class="card struggling__panel" aria-labelledby="activity-title">
                            <h2 id="activity-title" tabindex="-1" node_ref=heading>{a.label()}</h2>
                            {panel}
                        </section>
                        <p>
                            <button type="button" class="button button--big struggling__back" on:click=move |_| choose(None)>
                                "Choose something else"
                            </button>
                        </p>
                    }
                })}
                <p><A href=crisis attr:class="button button--big button--emergency struggling__crisis">"My crisis card"</A></p>
            </div>
        </Page>
    }
}

/// The person's photos and reasons for living.
#[component]
fn Reasons() -> impl IntoView {
    let cards = live_cards();
    move || {
        let mine: Vec<_> = cards
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .filter(|r| matches!(r.body.kind, CardKind::Photo | CardKind::Reason))
            .collect();
        if cards.get().is_none() {
            return view! { <p class="muted">"Loading…"</p> }.into_any();
        }
        if mine.is_empty() {
            return view! {
                <p class="muted">"You haven't added any photos or reasons yet. You can add them in your coping box when you feel up to it."</p>
            }
            .into_any();
        }
        view! {
            <ul class="coping-list">
                {mine.into_iter().map(|r| view! { <li class="card coping-card"><CardFace card=r.body/></li> }).collect_view()}
            </ul>
        }
        .into_any()
    }
}
