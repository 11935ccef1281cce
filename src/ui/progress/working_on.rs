//! "What I'm working on in therapy": one short note in the person's own words
//! (`domain::prep::WorkingOn`), written on the form kit (the draft is kept), changed
//! and shared from its menu. It lives on Progress, beside the wins and skills, the
//! other things a person may want to tell someone they trust about.

use leptos::prelude::*;

use crate::domain::prep::{share_text, Shared, WorkingOn, WorkingOnDraft};
use crate::domain::record::{Record, RecordId};
use crate::ui::kit::{
    draft_key, enter_never_submits, live, Form, FormNotices, FormProblems, FormSpec, Shown,
};
use crate::ui::widgets::{ActionMenu, MenuItem, ShareFromMenu};

#[component]
pub fn WorkingOnNote() -> impl IntoView {
    let loaded = live::<WorkingOn>();
    // The person's note: the first one kept (there is only ever one).
    let note = Memo::new(move |_| {
        loaded
            .get()?
            .ok()?
            .into_iter()
            .min_by_key(|r| (r.meta.created, r.meta.id.0.clone()))
    });
    let changing = RwSignal::new(false);
    let sharing = RwSignal::new(None::<String>);
    let state = Memo::new(move |_| loaded.with(|l| Shown::of(l.as_ref())));
    let body = move || match state.get() {
        Shown::Loading => view! { <p class="muted" role="status">"Loading…"</p> }.into_any(),
        Shown::Failed(e) => view! { <crate::ui::kit::LoadProblem error=e/> }.into_any(),
        _ => match (note.get(), changing.get()) {
            (Some(r), false) => {
                let text = share_text(&Shared::WorkingOn { text: &r.body.text });
                let items = vec![
                    MenuItem::action("Change", move || changing.set(true)),
                    MenuItem::action("Share…", move || sharing.set(Some(text.clone()))),
                ];
                view! {
                    <div class="working-on">
                        <p class="working-on__text">{r.body.text.clone()}</p>
                        <ActionMenu label="Actions for what I'm working on" items=items/>
                    </div>
                }
                .into_any()
            }
            (r, _) => {
                let id = r.map(|r| r.meta.id);
                view! { <WorkingOnForm editing=id changing=changing/> }.into_any()
            }
        },
    };
    view! {
        <section class="card" aria-labelledby="working-on-title">
            <h2 id="working-on-title">"What I'm working on in therapy"</h2>
            {body}
            <ShareFromMenu sharing=sharing id="working-on-share-title"/>
        </section>
    }
}

#[component]
fn WorkingOnForm(editing: Option<RecordId>, changing: RwSignal<bool>) -> impl IntoView {
    let is_new = editing.is_none();
    let kit = Form::new(FormSpec {
        draft_key: draft_key("working-on", editing.as_ref()),
        editing,
        blank: WorkingOnDraft::default(),
        from_record: |r: &Record<WorkingOn>| WorkingOnDraft {
            text: r.body.text.clone(),
        },
    });
    let value = kit.value;
    let problem = RwSignal::new(None::<String>);
    let _ = kit.on_saved(move |_| {
        let _ = changing.try_set(false);
    });
    let busy = kit.pending();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match value.get_untracked().note() {
            Ok(n) => {
                problem.set(None);
                kit.save(n);
            }
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    let text = move || value.with(|d| d.text.clone());
    view! {
        <FormNotices form=kit noun="note"/>
        <form on:submit=save on:keydown=enter_never_submits hidden=move || !kit.ready()
            aria-labelledby="working-on-title" novalidate>
            <div class="field">
                <label class="field__label" for="working-on-text">"In my own words, what I'm working on"</label>
                <textarea id="working-on-text" class="field__input" rows="3" prop:value=text
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        value.update(|d| d.text = v);
                        problem.set(None);
                    }></textarea>
            </div>
            {move || problem.get().map(|p| view! { <p class="message message--problem" role="alert">{p}</p> })}
            <FormProblems form=kit describe=|w: &WorkingOn| w.text.clone()/>
            <div class="actions">
                <button type="submit" class="button button--primary" disabled=busy>"Save"</button>
                {(!is_new).then(|| view! {
                    <button type="button" class="button" on:click=move |_| changing.set(false)>"Cancel"</button>
                })}
            </div>
        </form>
    }
}
