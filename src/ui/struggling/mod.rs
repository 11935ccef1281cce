//! "I'm struggling": a calm screen with one thing at a time: draw a card, breathe,
//! ground, relax, look at photos and reasons, reach a person, or the crisis card.

mod draw;
mod grounding;
mod pacer;
mod relax;

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
    const ALL: [Activity; 6] =
        [Activity::Draw, Activity::Breathe, Activity::Ground, Activity::Relax, Activity::Reasons, Activity::People];

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

#[component]
pub fn Struggling() -> impl IntoView {
    let base = expect_context::<Base>();
    let chosen = RwSignal::new(None::<Activity>);
    let choices = Activity::ALL
        .into_iter()
        .map(|a| {
            view! {
                <li>
                    <button type="button" class="button button--big" aria-pressed=move || (chosen.get() == Some(a)).to_string()
                        on:click=move |_| chosen.set(Some(a))>{a.label()}</button>
                </li>
            }
        })
        .collect_view();
    view! {
        <Page title=Route::Struggling.title()>
            <div class="struggling">
                <p class="lead">"You're not alone. Take a slow breath, then pick one thing. There's no wrong choice."</p>
                <ul class="struggling__choices">
                    {choices}
                    <li><A href=base.href(Route::Help) attr:class="button button--big button--emergency">"My crisis card"</A></li>
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
                            <h2 id="activity-title">{a.label()}</h2>
                            {panel}
                        </section>
                    }
                })}
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
