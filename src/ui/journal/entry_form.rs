//! The entry form (/write, and /write?id=… to edit): mood, emotions, symptoms,
//! triggers, text with an optional prompt, when, and "bring to next session".
//! What is typed is kept as a draft as it is typed.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::domain::journal::{
    scale_of, EntryDraft, EntryError, JournalEntry, Mood, Scale, Symptom, EMOTIONS, MAX_TEXT_CHARS,
    PROMPTS, SYMPTOMS,
};
use crate::domain::record::{Record, RecordId};
use crate::domain::route::Route;
use crate::store::{self, StoreError};
use crate::ui::format::{datetime_local_value, now_ms, offset_at, parse_datetime_local};
use crate::ui::widgets::{Page, StoreMessage};
use crate::ui::{Base, Flash};

use super::data::{journal_entries, used};
use super::draft::Draft;
use super::tag_picker::TagPicker;

/// Plain words for an entry that cannot be saved as it is.
pub fn entry_problem(e: &EntryError) -> String {
    match e {
        EntryError::Empty => "There's nothing to save yet: choose a mood or write a few words.".into(),
        EntryError::TooLong => format!("That's longer than {MAX_TEXT_CHARS} characters. Please shorten it or split it into two entries."),
        EntryError::InFuture => "That date is in the future. Please choose when this happened.".into(),
        EntryError::TooOld => "That date is too long ago. Please check the year.".into(),
        EntryError::OutOfRange { name, max } => format!("{name} is rated from 0 to {max}."),
        EntryError::NameTooLong => "One of the names is very long. Please shorten it.".into(),
    }
}

fn draft_id(editing: &Option<RecordId>) -> RecordId {
    match editing {
        Some(id) => RecordId(format!("journal-{}", id.as_str())),
        None => RecordId("journal-new".into()),
    }
}

fn fresh_draft() -> EntryDraft {
    let now = now_ms();
    EntryDraft {
        entry: JournalEntry {
            at: now,
            offset_min: offset_at(now),
            ..Default::default()
        },
        when: datetime_local_value(now),
        symptoms: vec![],
    }
}

fn draft_of(record: &Record<JournalEntry>) -> EntryDraft {
    EntryDraft {
        entry: record.body.clone(),
        when: datetime_local_value(record.body.at),
        symptoms: record
            .body
            .symptoms
            .iter()
            .map(|s| (s.name.clone(), crate::ui::format::number(s.value)))
            .collect(),
    }
}

/// Builds the entry from what is in the form, or says what to fix.
fn entry_from(draft: &EntryDraft) -> Result<JournalEntry, String> {
    let mut entry = draft.entry.clone();
    entry.at =
        parse_datetime_local(&draft.when).ok_or("Please choose a date and time for this entry.")?;
    entry.offset_min = offset_at(entry.at);
    entry.symptoms = Vec::new();
    for (name, value) in &draft.symptoms {
        if value.trim().is_empty() {
            continue;
        }
        let v: f64 =
            value.trim().replace(',', ".").parse().map_err(|_| {
                format!("{name} needs a number from 0 to {}.", scale_of(name).max())
            })?;
        entry.symptoms.push(Symptom {
            name: name.clone(),
            value: v,
        });
    }
    entry.checked(now_ms()).map_err(|e| entry_problem(&e))
}

#[component]
pub fn EntryPage() -> impl IntoView {
    let query = use_query_map();
    let editing = query.with_untracked(|q| q.get("id")).map(RecordId);
    let title = if editing.is_some() {
        "Edit entry"
    } else {
        "New entry"
    };
    let base = expect_context::<Base>();
    let flash = expect_context::<Flash>();
    let navigate = use_navigate();

    let form = RwSignal::new(fresh_draft());
    let original = RwSignal::new(None::<Record<JournalEntry>>);
    let problem = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<StoreError>);
    let saving = RwSignal::new(false);
    let prompt_index = RwSignal::new((now_ms() / 1000 % PROMPTS.len() as i64) as usize);

    // Load the entry being edited, then any draft; the form shows once both are in.
    let draft = Draft::new(draft_id(&editing), form);
    let loaded = draft.loaded;
    let restored = draft.restored;
    {
        let editing = editing.clone();
        let draft = draft.clone();
        leptos::task::spawn_local(async move {
            if let Some(id) = &editing {
                if let Ok(Some(r)) = store::get::<JournalEntry>(id).await {
                    form.set(draft_of(&r));
                    original.set(Some(r));
                }
            }
            draft.open().await;
        });
    }

    let entries = journal_entries();
    let all = move || entries.get().and_then(Result::ok).unwrap_or_default();
    let emotion_options = Signal::derive(move || {
        let mut list: Vec<String> = EMOTIONS.iter().map(|s| s.to_string()).collect();
        for u in used(&all(), |e| e.emotions.iter().map(String::as_str).collect()) {
            if !list.iter().any(|l| l.eq_ignore_ascii_case(&u)) {
                list.push(u);
            }
        }
        list
    });
    let trigger_options =
        Signal::derive(move || used(&all(), |e| e.triggers.iter().map(String::as_str).collect()));
    let symptom_names = Signal::derive(move || {
        let mut list: Vec<String> = SYMPTOMS.iter().map(|s| s.0.to_string()).collect();
        for u in used(&all(), |e| {
            e.symptoms.iter().map(|s| s.name.as_str()).collect()
        }) {
            if !list.contains(&u) {
                list.push(u);
            }
        }
        for (n, _) in form.with(|f| f.symptoms.clone()) {
            if !list.contains(&n) {
                list.push(n);
            }
        }
        list
    });
    let new_symptom = RwSignal::new(String::new());

    let save = {
        let editing = editing.clone();
        let draft = draft.clone();
        let base = base.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if saving.get_untracked() {
                return;
            }
            let entry = match entry_from(&form.get_untracked()) {
                Ok(e) => e,
                Err(p) => {
                    problem.set(Some(p));
                    return;
                }
            };
            problem.set(None);
            saving.set(true);
            // Any draft write still waiting would bring the draft back after the save.
            draft.saving();
            let editing = editing.clone();
            let draft = draft.clone();
            let navigate = navigate.clone();
            let journal = base.href(Route::Journal);
            crate::ui::format::mark("between:save:start");
            leptos::task::spawn_local(async move {
                let result = match (&editing, original.get_untracked()) {
                    (Some(_), Some(base)) => store::update(&Record {
                        meta: base.meta.clone(),
                        body: entry,
                    })
                    .await
                    .map(|_| ()),
                    _ => store::create(entry).await.map(|_| ()),
                };
                match result {
                    Ok(()) => {
                        crate::ui::format::mark("between:save:end");
                        draft.discard().await;
                        flash.0.set(Some("Saved on this device.".into()));
                        // Our hrefs already carry the base, so the router must not add it again.
                        navigate(
                            &journal,
                            leptos_router::NavigateOptions {
                                resolve: false,
                                ..Default::default()
                            },
                        );
                    }
                    Err(e) => {
                        // Keep what was typed as a draft too, in case the tab goes away.
                        draft.keep_now(form.get_untracked()).await;
                        if let (StoreError::Conflict { .. }, Some(id)) = (&e, &editing) {
                            // Edit on top of the newer version from now on; the form keeps
                            // what the person wrote.
                            if let Ok(Some(newer)) = store::get::<JournalEntry>(id).await {
                                original.set(Some(newer));
                            }
                        }
                        let _ = failure.try_set(Some(e));
                    }
                }
                let _ = saving.try_set(false);
            });
        }
    };

    let mood_choices = Mood::ALL
        .into_iter()
        .map(|m| {
            view! {
                <label class="mood">
                    <input type="radio" name="mood" value=m.value().to_string()
                        prop:checked=move || form.with(|f| f.entry.mood == Some(m))
                        on:change=move |_| form.update(|f| f.entry.mood = Some(m))/>
                    <span class=format!("mood__face mood--{}", m.value())>{m.word()}</span>
                </label>
            }
        })
        .collect_view();

    view! {
        <Page title=title>
            {move || restored.get().then(|| view! {
                <p class="message" role="status">"We kept what you were writing."</p>
            })}
            // The form appears once the entry and any draft are in, so nothing typed
            // is overwritten by a late load.
            <p class="muted" hidden=move || loaded.get()>"Loading…"</p>
            <form class="entry-form" on:submit=save novalidate hidden=move || !loaded.get()>
                <fieldset class="card field" role="radiogroup" aria-labelledby="mood-label">
                    <legend id="mood-label" class="field__label">"Mood"</legend>
                    <div class="moods">{mood_choices}</div>
                    <button type="button" class="link-button" on:click=move |_| form.update(|f| f.entry.mood = None)
                        hidden=move || form.with(|f| f.entry.mood.is_none())>"Clear mood"</button>
                </fieldset>

                <div class="card">
                    <TagPicker label="Emotions" noun="emotion" options=emotion_options
                        selected=Signal::derive(move || form.with(|f| f.entry.emotions.clone()))
                        on_change=Callback::new(move |v| form.update(|f| f.entry.emotions = v))/>
                </div>

                <fieldset class="card field">
                    <legend class="field__label">"Symptoms"</legend>
                    <p class="muted">"Fill in the ones you track. Leave the rest empty."</p>
                    <div class="symptoms">
                        <For each=move || symptom_names.get() key=|n| n.clone() let(name)>
                            <SymptomField name=name form=form/>
                        </For>
                    </div>
                    <div class="tags__add">
                        <label class="visually-hidden" for="new-symptom">"Another symptom"</label>
                        <input id="new-symptom" class="field__input" type="text" placeholder="Another symptom" bind:value=new_symptom/>
                        <button type="button" class="button" on:click=move |_| {
                            let name = new_symptom.get_untracked().trim().to_string();
                            if !name.is_empty() {
                                form.update(|f| if !f.symptoms.iter().any(|(n, _)| *n == name) { f.symptoms.push((name, String::new())) });
                                new_symptom.set(String::new());
                            }
                        }>"Add symptom"</button>
                    </div>
                </fieldset>

                <div class="card">
                    <TagPicker label="Triggers" noun="trigger" options=trigger_options
                        selected=Signal::derive(move || form.with(|f| f.entry.triggers.clone()))
                        on_change=Callback::new(move |v| form.update(|f| f.entry.triggers = v))/>
                </div>

                <div class="card field">
                    <label class="field__label" for="entry-text">"What's on your mind?"</label>
                    {move || form.with(|f| f.entry.prompt.clone()).map(|p| view! {
                        <p class="prompt" id="entry-prompt">{p}</p>
                    })}
                    <textarea id="entry-text" class="field__input" rows="7" maxlength=MAX_TEXT_CHARS.to_string()
                        prop:value=move || form.with(|f| f.entry.text.clone())
                        on:input=move |ev| form.update(|f| f.entry.text = event_target_value(&ev))></textarea>
                    <div class="actions">
                        <button type="button" class="button" on:click=move |_| {
                            let i = prompt_index.get_untracked();
                            form.update(|f| f.entry.prompt = Some(PROMPTS[i % PROMPTS.len()].to_string()));
                            prompt_index.set(i + 1);
                        }>{move || if form.with(|f| f.entry.prompt.is_some()) { "Another prompt" } else { "Give me a prompt" }}</button>
                        <button type="button" class="button" hidden=move || form.with(|f| f.entry.prompt.is_none())
                            on:click=move |_| form.update(|f| f.entry.prompt = None)>"No prompt"</button>
                    </div>
                </div>

                <div class="card field">
                    <label class="field__label" for="entry-when">"When"</label>
                    <input id="entry-when" class="field__input" type="datetime-local"
                        prop:value=move || form.with(|f| f.when.clone())
                        on:input=move |ev| form.update(|f| f.when = event_target_value(&ev))/>
                    <label class="choice">
                        <input type="checkbox" prop:checked=move || form.with(|f| f.entry.for_session)
                            on:change=move |ev| form.update(|f| f.entry.for_session = event_target_checked(&ev))/>
                        <span>"Bring this to my next session"</span>
                    </label>
                </div>

                {move || problem.get().map(|p| view! { <p class="message message--problem" role="alert">{p}</p> })}
                <StoreMessage error=failure/>
                <div class="actions actions--sticky">
                    <button type="submit" class="button button--primary" disabled=move || saving.get()>"Save entry"</button>
                    <A href=base.href(Route::Journal) attr:class="button">"Back to journal"</A>
                </div>
            </form>
        </Page>
    }
}

#[component]
fn SymptomField(name: String, form: RwSignal<EntryDraft>) -> impl IntoView {
    let scale = scale_of(&name);
    let id = format!(
        "symptom-{}",
        name.to_lowercase()
            .replace(|c: char| !c.is_alphanumeric(), "-")
    );
    let range = match scale {
        Scale::Intensity => "0 to 10",
        Scale::Hours => "hours",
    };
    let label = if scale == Scale::Hours {
        name.clone()
    } else {
        format!("{name} ({range})")
    };
    let key = name.clone();
    let value = move || {
        form.with(|f| {
            f.symptoms
                .iter()
                .find(|(n, _)| *n == key)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        })
    };
    let set = move |v: String| {
        form.update(|f| match f.symptoms.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = v,
            None => f.symptoms.push((name.clone(), v)),
        })
    };
    view! {
        <div class="symptom">
            <label class="symptom__label" for=id.clone()>{label}</label>
            <input id=id class="field__input symptom__input" type="number" inputmode="decimal" min="0"
                max=scale.max().to_string() step=if scale == Scale::Hours { "0.5" } else { "1" }
                prop:value=value on:input=move |ev| set(event_target_value(&ev))/>
        </div>
    }
}
