//! Check-ins: optional PHQ-9, GAD-7 and WHO-5 questionnaires, their history and
//! trend. Scores are never hidden and never a diagnosis; PHQ-9 item 9 above zero
//! brings help to the screen straight away, without blocking anything.

mod take;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::checkin::{CheckIn, Questionnaire};
use crate::domain::patterns::local_time;
use crate::domain::route::Route;
use crate::ui::context::Base;
use crate::ui::format::{day_long, day_short, number};
use crate::ui::kit::{with_deleted as records, LoadProblem};
use crate::ui::widgets::{LineChart, Point};
use crate::ui::widgets::{Page, Sensitive};

pub use take::TakeCheckIn;

#[component]
pub fn CheckIns() -> impl IntoView {
    let base = expect_context::<Base>();
    let loaded = records::<CheckIn>();
    let all = Memo::new(move |_| {
        let mut list: Vec<CheckIn> = loaded
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .filter(|r| !r.meta.is_deleted())
            .map(|r| r.body)
            .collect();
        list.sort_unstable_by_key(|c| c.at);
        list
    });
    let cards = Questionnaire::ALL
        .into_iter()
        .map(|q| {
            let href = format!("{}?q={}", base.href(Route::CheckIn), q.code());
            let history = Memo::new(move |_| all.with(|a| a.iter().filter(|c| c.questionnaire == q).cloned().collect::<Vec<_>>()));
            let points = Signal::derive(move || {
                history.with(|h| {
                    h.iter()
                        .map(|c| Point { label: day_short(local_time(c.at, c.offset_min).date()), value: c.score() as f64, count: 1 })
                        .collect::<Vec<_>>()
                })
            });
            let last = move || {
                history.with(|h| h.last().cloned()).map(|c| {
                    let band = c.band();
                    view! {
                        <p>
                            <strong>{format!("Last: {} out of {} ({}), ", c.score(), q.max_score(), band.name)}</strong>
                            {day_long(local_time(c.at, c.offset_min).date())}
                        </p>
                        {question_nine(&c).map(|text| view! { <Sensitive text=text sensitive=true/> })}
                    }
                })
            };
            let score_text = Callback::new(move |v: f64| format!("{} ({})", number(v), q.band(v as u32).name));
            view! {
                <section class="card" aria-labelledby=format!("{}-title", q.code())>
                    <h2 id=format!("{}-title", q.code())>{q.name()}</h2>
                    <p>{q.about()}{". About two minutes."}</p>
                    {last}
                    <p><A href=href attr:class="button button--primary">{format!("Start {}", q.name())}</A></p>
                    <Show when=move || history.with(|h| h.len() > 1)>
                        <LineChart title=format!("{} scores over time", q.name()) points=points min=0.0
                            max=q.max_score() as f64 axis=vec![(0.0, "0"), (q.max_score() as f64, if q.higher_is_better() { "best" } else { "highest" })]
                            value_text=score_text/>
                    </Show>
                </section>
            }
        })
        .collect_view();
    view! {
        <Page title=Route::CheckIns.title() wide=true>
            <p class="lead">"Short questionnaires therapists often use. Taking them now and then can show how things are moving. They are optional, and they are not a diagnosis: talk your results over with your therapist."</p>
            {move || loaded.with(|l| match l {
                Some(Err(e)) => Some(view! { <LoadProblem error=e.clone()/> }),
                _ => None,
            })}
            <div class="columns">{cards}</div>
        </Page>
    }
}

/// What the last PHQ-9 said to question 9, when it was above "Not at all": kept in the
/// history so it can be talked over, and hidden behind a tap on a shared screen.
fn question_nine(c: &CheckIn) -> Option<String> {
    if !c.needs_safety_response() {
        return None;
    }
    let answer = c.answers.get(8).copied()?;
    let word = c
        .questionnaire
        .options()
        .iter()
        .find(|(_, v)| *v == answer)?
        .0;
    Some(format!(
        "Question 9, thoughts of being better off dead or of hurting yourself: “{word}”."
    ))
}
