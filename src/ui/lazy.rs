//! Screens whose code is loaded the first time they open (issue 8, section 1).
//!
//! `#[wasm_split(name, fallible)]` marks a function as a split point: the build's split
//! step (tools/split.mjs) moves the code only it reaches into its own `.wasm` chunk,
//! and the generated async wrapper fetches that chunk before the first call.
//!
//! Leptos's own `#[lazy]` / `#[lazy_route]` are not used: they call the split point
//! without `fallible`, so a chunk that cannot be fetched panics, and with
//! `panic = "abort"` that stops the whole app, crisis card included. Here a failed
//! load is an `Err`: the screen says so in plain words, with a retry and the way to
//! the crisis card, and a retry fetches the chunk again (a failure is not cached).

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use leptos_router::components::A;

use crate::domain::route::Route;
use crate::store::{self, StoreError};
use crate::ui::context::Base;
use crate::ui::widgets::Page;

/// A screen's code could not be fetched (offline before it was cached, a flaky network).
pub struct ChunkFailed;

impl From<SplitLoaderError> for ChunkFailed {
    fn from(_: SplitLoaderError) -> Self {
        ChunkFailed
    }
}

type Preload = Pin<Box<dyn Future<Output = Result<(), SplitLoaderError>>>>;

/// One lazy screen: its split point (all screens given the same `$chunk` share one
/// file), the function that fetches its chunk, and the route view that shows it.
macro_rules! lazy_screen {
    ($component:ident, $chunk:ident, $split:ident, $preload:ident, $route:expr, $view:expr) => {
        #[wasm_split($chunk, fallible, preload($preload), wasm_split_path = ::leptos::wasm_split)]
        fn $split() -> Result<AnyView, ChunkFailed> {
            Ok($view.into_any())
        }

        #[component]
        pub fn $component() -> impl IntoView {
            // Set once the chunk is in: only then is the wrapper polled (polling it
            // earlier would start a load and drop it half way).
            static LOADED: AtomicBool = AtomicBool::new(false);
            fn fetch() -> Preload {
                Box::pin(async {
                    let loaded = $preload().await;
                    LOADED.store(loaded.is_ok(), Ordering::Relaxed);
                    loaded
                })
            }
            fn show() -> Option<AnyView> {
                if !LOADED.load(Ordering::Relaxed) {
                    return None;
                }
                ready_now($split()).and_then(Result::ok)
            }
            view! { <LazyScreen title=$route.title() fetch=fetch show=show/> }
        }
    };
}

lazy_screen!(
    EntryScreen,
    journal,
    entry_view,
    entry_fetch,
    Route::Write,
    view! { <super::journal::BesideRecent form=|| view! { <super::journal::EntryPage/> }.into_any()/> }
);
lazy_screen!(
    ThoughtScreen,
    journal,
    thought_view,
    thought_fetch,
    Route::Thought,
    view! { <super::journal::BesideRecent form=|| view! { <super::journal::ThoughtPage/> }.into_any()/> }
);
lazy_screen!(
    TrashScreen,
    journal,
    trash_view,
    trash_fetch,
    Route::Trash,
    view! { <super::journal::TrashPage/> }
);
lazy_screen!(
    PatternsScreen,
    patterns,
    patterns_view,
    patterns_fetch,
    Route::Patterns,
    view! { <super::patterns::Patterns/> }
);
lazy_screen!(
    CopingScreen,
    care,
    coping_view,
    coping_fetch,
    Route::Coping,
    view! { <super::coping::Coping/> }
);
lazy_screen!(
    SafetyPlanScreen,
    care,
    safety_plan_view,
    safety_plan_fetch,
    Route::SafetyPlan,
    view! { <super::safety_plan::SafetyPlanPage/> }
);
lazy_screen!(
    StrugglingScreen,
    care,
    struggling_view,
    struggling_fetch,
    Route::Struggling,
    view! { <super::struggling::Struggling/> }
);
lazy_screen!(
    CheckInsScreen,
    checkins,
    checkins_view,
    checkins_fetch,
    Route::CheckIns,
    view! { <super::checkins::CheckIns/> }
);
lazy_screen!(
    TakeCheckInScreen,
    checkins,
    checkin_view,
    checkin_fetch,
    Route::CheckIn,
    view! { <super::checkins::TakeCheckIn/> }
);
lazy_screen!(
    SessionsScreen,
    more,
    sessions_view,
    sessions_fetch,
    Route::Sessions,
    view! { <super::sessions::Sessions/> }
);
lazy_screen!(
    SettingsScreen,
    more,
    settings_view,
    settings_fetch,
    Route::Settings,
    view! { <super::settings::Settings/> }
);
lazy_screen!(
    AfterSessionScreen,
    more,
    after_session_view,
    after_session_fetch,
    Route::AfterSession,
    view! { <super::session_notes::AfterSession/> }
);
// Homework has its own chunk: its screens, the link's decoding and the link maker are
// about as large as the rest of `more` (50 KB brotli), which Sessions would otherwise wait for.
lazy_screen!(
    HomeworkScreen,
    homework,
    homework_view,
    homework_fetch,
    Route::Homework,
    view! { <super::homework::HomeworkPage/> }
);
lazy_screen!(
    HomeworkLinkScreen,
    homework,
    homework_link_view,
    homework_link_fetch,
    Route::HomeworkLink,
    view! { <super::homework::link::LinkMaker/> }
);

// Its own chunk: its timeline reads most kinds of record, so in `more` it would
// make Sessions and Settings about 29 KB (brotli) heavier to open.
lazy_screen!(
    ProgressScreen,
    progress,
    progress_view,
    progress_fetch,
    Route::Progress,
    view! { <super::progress::Progress/> }
);

// Its own chunk: it reads nearly every kind of record and brings the chart and the
// Markdown writer; in `more` it would make Sessions and Settings heavier to open.
lazy_screen!(
    PrepareScreen,
    prep,
    prepare_view,
    prepare_fetch,
    Route::Prepare,
    view! { <super::prep::Prepare/> }
);
// Its own chunk: the backup format, its checks and the exports are needed only here.
lazy_screen!(
    BackupScreen,
    backup,
    backup_view,
    backup_fetch,
    Route::Backup,
    view! { <super::backup::BackupPage/> }
);
// Own chunks: the week view reads the journal's summaries, sessions and homework;
// Welcome is seen once.
lazy_screen!(
    WeekScreen,
    week,
    week_view,
    week_fetch,
    Route::Week,
    view! { <super::week::WeekPage/> }
);
lazy_screen!(
    WelcomeScreen,
    welcome,
    welcome_view,
    welcome_fetch,
    Route::Welcome,
    view! { <super::welcome::Welcome/> }
);
// Look forward and Rest share the `week` chunk: they are used together, week by week,
// and in `more` they would make Sessions and Settings wait for code they do not show.
lazy_screen!(
    LookForwardScreen,
    week,
    look_forward_view,
    look_forward_fetch,
    Route::LookForward,
    view! { <super::look_forward::LookForward/> }
);
lazy_screen!(
    RestScreen,
    week,
    rest_view,
    rest_fetch,
    Route::Rest,
    view! { <super::rest::Rest/> }
);

type Tidy = Pin<Box<dyn Future<Output = Result<store::housekeeping::Done, StoreError>>>>;

/// Start-up housekeeping (the trash's expired records, unused photos) is its own chunk:
/// the first screen never waits for it.
#[wasm_split(housekeeping, fallible, wasm_split_path = ::leptos::wasm_split)]
fn tidy() -> Result<Tidy, ChunkFailed> {
    Ok(Box::pin(store::housekeeping()))
}

/// Runs the housekeeping once, a few seconds from now (after the first screen has shown
/// and loaded). What it did is not shown; a failure, its chunk's included, changes nothing
/// and it runs again at the next start.
pub fn housekeeping_soon() {
    leptos::task::spawn_local(async {
        let wait = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 3_000);
            }
        });
        if wasm_bindgen_futures::JsFuture::from(wait).await.is_err() {
            return;
        }
        let outcome = match tidy().await {
            Ok(run) => run.await.map_err(|e| e.to_string()),
            Err(ChunkFailed) => Err("its code could not be loaded".to_string()),
        };
        if let Err(e) = outcome {
            web_sys::console::warn_1(&format!("housekeeping: {e}").into());
        }
    });
}

/// Polls a future once: its output if it is ready at once. A split point's wrapper is
/// ready at once when its chunk is loaded, so a loaded screen is drawn like any other,
/// in the same frame (its own "Loading…" state, focus on its heading, and so on).
fn ready_now<F: Future>(future: F) -> Option<F::Output> {
    let mut future = std::pin::pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(output) => Some(output),
        Poll::Pending => None,
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Chunk {
    Loading,
    Loaded,
    Failed,
}

/// "Opening…" while the screen's chunk loads, then the screen; if it cannot be
/// fetched, a plain message with a retry and the way to the crisis card.
#[component]
fn LazyScreen(
    title: &'static str,
    fetch: fn() -> Preload,
    show: fn() -> Option<AnyView>,
) -> impl IntoView {
    let chunk = RwSignal::new(Chunk::Loading);
    let load = move || {
        chunk.set(Chunk::Loading);
        leptos::task::spawn_local(async move {
            let loaded = fetch().await.is_ok();
            // The screen may be gone by now (the person went elsewhere).
            let _ = chunk.try_set(if loaded { Chunk::Loaded } else { Chunk::Failed });
        });
    };
    // Already loaded (a later visit): drawn at once, no "Opening…" frame.
    match show() {
        Some(screen) => return screen,
        None => load(),
    }
    (move || match chunk.get() {
        Chunk::Loading => view! {
            <main id="main" class="page" tabindex="-1"><p class="muted" role="status">"Opening…"</p></main>
        }
        .into_any(),
        Chunk::Loaded => show().unwrap_or_else(|| view! { <ChunkProblem title=title retry=load/> }.into_any()),
        Chunk::Failed => view! { <ChunkProblem title=title retry=load/> }.into_any(),
    })
    .into_any()
}

/// A screen whose code could not be fetched: what happened, a retry, and help.
#[component]
fn ChunkProblem(
    title: &'static str,
    retry: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let base = expect_context::<Base>();
    view! {
        <Page title=title>
            <p class="message message--problem" role="alert">
                "This screen could not open, maybe because the connection dropped. "
                "Your entries are safe on this device."
            </p>
            <p>
                <button type="button" class="button" on:click=move |_| retry()>"Try again"</button>
                " "
                <A href=base.href(Route::Help)>"Get help now"</A>
            </p>
        </Page>
    }
}
