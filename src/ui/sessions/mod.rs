//! Sessions: the next session (appointments, `appointments.rs`) and the list of things
//! to bring up next time, gathered from the journal ("Bring to next session") and from
//! check-ins.

mod appointments;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::agenda::AgendaItem;
use crate::domain::record::Kind;
use crate::domain::route::Route;
use crate::domain::sensitive::is_sensitive;
use crate::domain::thought::ThoughtRecord;
use crate::store::{self, StoreError};
use crate::ui::context::journal_picked;
use crate::ui::context::Base;
use crate::ui::format::{day_long, time_of};
use crate::ui::kit::{with_deleted as records, Listing, Shown};
use crate::ui::widgets::{Page, Sensitive, StoreMessage};

#[component]
pub fn Sessions() -> impl IntoView {
    let base = expect_context::<Base>();
    let agenda = records::<AgendaItem>();
    // Only the flagged entries are read in full (their text is shown).
    let entries = journal_picked(|r| !r.meta.is_deleted() && r.body.for_session);
    let thoughts = records::<ThoughtRecord>();
    let failure = RwSignal::new(None::<StoreError>);
    let items = move || {
        let list: Vec<_> = agenda
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .filter(|r| !r.meta.is_deleted() && !r.body.done)
            .collect();
        list.into_iter()
            .map(|r| {
                let done = r.clone();
                let sensitive = is_sensitive(&r.body.text)
                    || matches!(r.body.source, Some((Kind::CheckIn, _)));
                view! {
                    <li class="card agenda-item">
                        <Sensitive text=r.body.text.clone() sensitive=sensitive/>
                        <button type="button" class="button" on:click=move |_| {
                            let mut d = done.clone();
                            d.body.done = true;
                            leptos::task::spawn_local(async move {
                                if let Err(e) = store::update(&d).await { let _ = failure.try_set(Some(e)); }
                            });
                        }>"Talked about it"</button>
                    </li>
                }
            })
            .collect_view()
    };
    let flagged = move || {
        let mut list: Vec<(i64, String, String)> = entries
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .filter(|r| !r.meta.is_deleted() && r.body.for_session)
            .map(|r| {
                let what = r.body.gist();
                (
                    r.body.at,
                    format!("{}?id={}", base.href(Route::Write), r.meta.id.as_str()),
                    what,
                )
            })
            .collect();
        list.extend(
            thoughts
                .get()
                .and_then(Result::ok)
                .unwrap_or_default()
                .into_iter()
                .filter(|r| !r.meta.is_deleted() && r.body.for_session)
                .map(|r| {
                    (
                        r.body.at,
                        format!("{}?id={}", base.href(Route::Thought), r.meta.id.as_str()),
                        format!("Thought record: {}", r.body.situation),
                    )
                }),
        );
        list.sort_unstable_by_key(|i| std::cmp::Reverse(i.0));
        list.into_iter()
            .map(|(at, href, what)| {
                let when = format!(
                    "{}, {}",
                    day_long(crate::ui::format::local_date(at)),
                    time_of(at)
                );
                let sensitive = is_sensitive(&what);
                view! {
                    <li class="card agenda-item">
                        <p class="entry__when">{when}</p>
                        <Sensitive text=what sensitive=sensitive class="entry__text entry__text--clamp"/>
                        <A href=href>"Open"</A>
                    </li>
                }
            })
            .collect_view()
    };
    let shown = Memo::new(move |_| {
        let parts = [
            agenda.with(|a| Shown::of(a.as_ref())),
            entries.with(|e| Shown::of(e.as_ref())),
            thoughts.with(|t| Shown::of(t.as_ref())),
        ];
        let any = agenda.with(|a| {
            a.iter()
                .flatten()
                .flatten()
                .any(|r| !r.meta.is_deleted() && !r.body.done)
        }) || entries.with(|e| {
            e.iter()
                .flatten()
                .flatten()
                .any(|r| !r.meta.is_deleted() && r.body.for_session)
        }) || thoughts.with(|t| {
            t.iter()
                .flatten()
                .flatten()
                .any(|r| !r.meta.is_deleted() && r.body.for_session)
        });
        Shown::combine(&parts, any)
    });
    view! {
        <Page title=Route::Sessions.title()>
            <appointments::Appointments/>
            <section aria-labelledby="agenda-title">
                <h2 id="agenda-title">"To bring up next time"</h2>
                <StoreMessage error=failure/>
                <Listing shown=shown empty=|| view! { <p class="muted">"Nothing on your list yet."</p> }>
                    <ul class="entry-list">{items}{flagged.clone()}</ul>
                </Listing>
                <p class="muted">"Mark a journal entry with “Bring to next session” and it shows up here."</p>
            </section>
        </Page>
    }
}
