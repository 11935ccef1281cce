//! The parts every form shows the same way: "we kept what you were writing", a draft
//! that could not be kept, a failed save, and the choice after a conflict.
//!
//! The components are generic over the form's types only in name: each hands plain
//! signals to one non-generic view, so five kinds of form share one copy of the view
//! code in the wasm.

use leptos::prelude::*;

use crate::domain::record::Body;
use crate::store::StoreError;
use crate::ui::widgets::StoreMessage;

use super::form::{Form, Load};
use super::load::LoadProblem;

/// Above a form: a restored draft, or why the form cannot be shown.
#[component]
pub fn FormNotices<F: Body + PartialEq + Send + Sync, R: Body + PartialEq + Send + Sync>(
    form: Form<F, R>,
    /// What the form edits, for "This entry is no longer on this device."
    noun: &'static str,
) -> impl IntoView {
    notices(form.load, form.draft.restored, noun)
}

fn notices(load: RwSignal<Load>, restored: RwSignal<bool>, noun: &'static str) -> AnyView {
    (move || match load.get() {
        Load::Loading => view! { <p class="muted" role="status">"Loading…"</p> }.into_any(),
        Load::Missing => view! {
            <p class="message" role="alert">
                {format!("This {noun} is no longer on this device. It may have been deleted in another tab or window.")}
            </p>
        }
        .into_any(),
        Load::Failed(e) => view! { <LoadProblem error=e/> }.into_any(),
        Load::Ready => restored
            .get()
            .then(|| view! { <p class="message" role="status">"We kept what you were writing."</p> })
            .into_any(),
    })
    .into_any()
}

/// Below a form, above its buttons: a save that failed, a draft that could not be
/// kept, and the choice between two versions.
#[component]
pub fn FormProblems<F: Body + PartialEq + Send + Sync, R: Body + PartialEq + Send + Sync>(
    form: Form<F, R>,
    /// A few words of a version, to tell the two apart.
    describe: fn(&R) -> String,
) -> impl IntoView {
    let versions = Signal::derive(move || {
        form.conflict.with(|c| {
            c.as_ref()
                .map(|(mine, theirs)| (describe(mine), describe(&theirs.body)))
        })
    });
    problems(
        form.failure,
        form.draft.failed,
        versions,
        Callback::new(move |_| form.keep_mine()),
        Callback::new(move |_| form.take_theirs()),
    )
}

fn problems(
    failure: RwSignal<Option<StoreError>>,
    draft_failed: RwSignal<bool>,
    versions: Signal<Option<(String, String)>>,
    keep_mine: Callback<()>,
    take_theirs: Callback<()>,
) -> AnyView {
    view! {
        <StoreMessage error=failure/>
        {move || draft_failed.get().then(|| view! {
            <p class="message message--problem" role="status">
                "Between couldn't keep a draft of this on your device, so if the page closes before you save, what you typed may be lost. Saving may still work."
            </p>
        })}
        {move || versions.get().map(|(mine, theirs)| view! {
            <section class="card conflict" aria-labelledby="conflict-title">
                <h2 id="conflict-title">"This changed in another tab or window"</h2>
                <p role="alert">"While you were editing, a different version was saved in another tab or window. Nothing has been saved over it. Which one would you like to keep?"</p>
                <h3>"Your version"</h3>
                <p class="conflict__text">{mine}</p>
                <h3>"The other version"</h3>
                <p class="conflict__text">{theirs}</p>
                <div class="actions">
                    <button type="button" class="button button--primary" on:click=move |_| keep_mine.run(())>"Keep my version"</button>
                    <button type="button" class="button" on:click=move |_| take_theirs.run(())>"Use the other version"</button>
                </div>
            </section>
        })}
    }
    .into_any()
}
