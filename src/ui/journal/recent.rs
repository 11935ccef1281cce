use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::domain::route::Route;
use crate::ui::context::{Base, JournalCache};
use crate::ui::format::{day_short, local_date, time_of};
use crate::ui::widgets::MoodMark;

/// How many of the newest entries sit beside the form.
const SHOWN: usize = 8;

/// A form screen with the newest entries beside it (on a wide screen). The form is
/// drawn afresh when the address names another record, as a link in the side column does.
#[component]
pub fn BesideRecent(form: fn() -> AnyView) -> impl IntoView {
    let query = use_query_map();
    let id = Memo::new(move |_| query.with(|q| q.get("id")));
    view! {
        <div class="with-side">
            // Read with `with` (a bare `track()` here did not re-run on a new id).
            {move || id.with(|_| form())}
            <RecentEntries/>
        </div>
    }
}

/// On a wide screen, the newest entries beside the entry and thought-record forms, so
/// a person writing sees what they wrote lately, and can open one. Hidden (not drawn
/// by the browser) below the wide layout: see `.with-side` in style/journal.css.
#[component]
fn RecentEntries() -> impl IntoView {
    let base = expect_context::<Base>();
    let newest = expect_context::<JournalCache>().newest();
    let write = base.href(Route::Write);
    let all = base.href(Route::Journal);
    let query = use_query_map();
    let open = move || query.with(|q| q.get("id"));
    let items = move || {
        let list = newest.get()?.ok()?;
        let mut live: Vec<_> = list.into_iter().filter(|r| !r.meta.is_deleted()).collect();
        live.sort_unstable_by_key(|r| std::cmp::Reverse(r.body.at));
        live.truncate(SHOWN);
        if live.is_empty() {
            return Some(
                view! { <p class="muted">"Your entries will show here as you write them."</p> }
                    .into_any(),
            );
        }
        let rows = live
            .into_iter()
            .map(|r| {
                let id = r.meta.id.as_str().to_string();
                let href = format!("{write}?id={id}");
                let current = move || (open().as_deref() == Some(id.as_str())).then_some("page");
                let when = format!("{}, {}", day_short(local_date(r.body.at)), time_of(r.body.at));
                let gist = r.body.text.clone();
                view! {
                    <li class="recent__item">
                        <A href=href attr:class="recent__link" attr:aria-current=current>
                            <span class="recent__when">
                                {r.body.mood.map(|m| view! { <MoodMark mood=m/> {m.word()} " · " })}
                                {when}
                            </span>
                            {(!gist.is_empty()).then(|| view! { <span class="recent__text">{gist}</span> })}
                        </A>
                    </li>
                }
            })
            .collect_view();
        Some(view! { <ul class="recent">{rows}</ul> }.into_any())
    };
    view! {
        <aside class="side" aria-labelledby="recent-title">
            <h2 id="recent-title">"Lately in your journal"</h2>
            {items}
            <p><A href=all>"All entries"</A></p>
        </aside>
    }
}
