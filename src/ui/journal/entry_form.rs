//! The entry form (/write, and /write?id=… to edit): mood, emotions, symptoms,
//! triggers, text with an optional prompt, when, and "bring to next session".
//! What is typed is kept as a draft as it is typed.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::domain::journal::{
    hours_words, intensity_words, scale_of, EntryDraft, EntryError, JournalEntry, Mood, Scale,
    Symptom, EMOTIONS, MAX_TAG_CHARS, MAX_TEXT_CHARS, NEW_ENTRY_DRAFT, PROMPTS, SLEEP, SYMPTOMS,
};
use crate::domain::record::{Record, RecordId};
use crate::domain::route::Route;
use crate::store;
use crate::ui::context::Base;
use crate::ui::format::{datetime_local_value, now_ms, offset_at, parse_datetime_local};
use crate::ui::kit::{enter_never_submits, Form, FormNotices, FormProblems, FormSpec};
use crate::ui::widgets::{MoodMark, Page};

use super::data::used;
use super::tag_picker::TagPicker;
use crate::ui::context::journal_summaries;

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
        None => RecordId(NEW_ENTRY_DRAFT.into()),
    }
}

fn fresh_draft(mood: Option<Mood>) -> EntryDraft {
    let now = now_ms();
    EntryDraft {
        entry: JournalEntry {
            at: now,
            offset_min: offset_at(now),
            mood,
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

/// A few words of an entry, to tell two versions apart.
fn describe(e: &JournalEntry) -> String {
    let mood = e
        .mood
        .map(|m| format!("Mood: {}. ", m.word()))
        .unwrap_or_default();
    let text: String = e.text.chars().take(280).collect();
    let more = if e.text.chars().count() > 280 {
        "…"
    } else {
        ""
    };
    format!("{mood}{text}{more}")
}

#[component]
pub fn EntryPage() -> impl IntoView {
    let query = use_query_map();
    let editing = query.with_untracked(|q| q.get("id")).map(RecordId);
    // A mood tapped on Today (`?mood=4`): chosen already, and the writing box focused.
    let preset_mood = match editing {
        Some(_) => None,
        None => query
            .with_untracked(|q| q.get("mood"))
            .and_then(|v| v.parse().ok())
            .and_then(Mood::from_value),
    };
    let title = if editing.is_some() {
        "Edit entry"
    } else {
        "New entry"
    };
    let base = expect_context::<Base>();

    let to_journal = super::saved_to_journal();
    let kit = Form::new(FormSpec {
        draft_key: draft_id(&editing).0,
        editing,
        blank: fresh_draft(preset_mood),
        from_record: draft_of,
    })
    .on_saved(move |_| {
        crate::ui::format::mark("between:save:end");
        to_journal();
    });
    let value = kit.value;
    let problem = RwSignal::new(None::<String>);
    let prompt_index = RwSignal::new((now_ms() / 1000 % PROMPTS.len() as i64) as usize);

    // Suggestions from earlier entries, worked out when the entries change, never on
    // a keystroke.
    let entries = journal_summaries();
    let emotion_options = Memo::new(move |_| {
        let mut list: Vec<String> = EMOTIONS.iter().map(|s| s.to_string()).collect();
        entries.with(|e| {
            if let Some(Ok(all)) = e {
                for u in used(all, |e| e.emotions.iter().map(String::as_str).collect()) {
                    if !list.iter().any(|l| l.eq_ignore_ascii_case(&u)) {
                        list.push(u);
                    }
                }
            }
        });
        list
    });
    let trigger_options = Memo::new(move |_| {
        entries.with(|e| match e {
            Some(Ok(all)) => used(all, |e| e.triggers.iter().map(String::as_str).collect()),
            _ => Vec::new(),
        })
    });
    let known_symptoms = Memo::new(move |_| {
        // Sleep has a field of its own.
        let mut list: Vec<String> = SYMPTOMS
            .iter()
            .filter(|s| s.1 == Scale::Intensity)
            .map(|s| s.0.to_string())
            .collect();
        entries.with(|e| {
            if let Some(Ok(all)) = e {
                for u in used(all, |e| {
                    e.symptoms.iter().map(|s| s.name.as_str()).collect()
                }) {
                    if !list.contains(&u) && scale_of(&u) == Scale::Intensity {
                        list.push(u);
                    }
                }
            }
        });
        list
    });
    // The names in the form change only when one is added, not as values are typed.
    let form_symptoms = Memo::new(move |_| {
        value.with(|f| {
            f.symptoms
                .iter()
                .map(|(n, _)| n.clone())
                .collect::<Vec<_>>()
        })
    });
    let symptom_names = Memo::new(move |_| {
        let mut list = known_symptoms.get();
        for n in form_symptoms.get() {
            if !list.contains(&n) && scale_of(&n) == Scale::Intensity {
                list.push(n);
            }
        }
        list
    });
    let new_symptom = RwSignal::new(String::new());

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match entry_from(&value.get_untracked()) {
            Ok(entry) => {
                problem.set(None);
                // A person whose new entries have details finds them open next time.
                if kit.original.with_untracked(Option::is_none) {
                    store::prefs::set_entry_details(entry.has_details());
                }
                crate::ui::format::mark("between:save:start");
                kit.save(entry);
            }
            Err(p) => problem.set(Some(p)),
        }
    };
    let pending = kit.pending();
    let ready = move || kit.ready();
    let form = value;

    // "Add more detail": folded for a new person, open for one who uses it, and for an
    // entry or draft that has details.
    let details_open = RwSignal::new(false);
    let text_box = NodeRef::<leptos::html::Textarea>::new();
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || !kit.ready() {
            return done.unwrap_or(false);
        }
        // A mood chosen on Today goes on top of any draft brought back.
        if let Some(m) = preset_mood {
            if form.with_untracked(|f| f.entry.mood != Some(m)) {
                form.update(|f| f.entry.mood = Some(m));
            }
        }
        details_open.set(crate::domain::prefs::details_open(
            store::prefs::entry_details(),
            form.with_untracked(EntryDraft::has_details),
        ));
        if preset_mood.is_some() {
            // After the screen's own focus move to its heading, which runs on the next frame.
            request_animation_frame(move || {
                if let Some(el) = text_box.get_untracked() {
                    let _ = el.focus();
                }
            });
        }
        true
    });
    let toggle_details = move |_| {
        let open = !details_open.get_untracked();
        details_open.set(open);
        store::prefs::set_entry_details(open);
    };

    let mood_choices = Mood::ALL
        .into_iter()
        .map(|m| {
            view! {
                <label class="mood">
                    <input type="radio" name="mood" value=m.value().to_string()
                        prop:checked=move || form.with(|f| f.entry.mood == Some(m))
                        on:change=move |_| form.update(|f| f.entry.mood = Some(m))/>
                    <span class=format!("mood__face mood--{}", m.value())><MoodMark mood=m/>{m.word()}</span>
                </label>
            }
        })
        .collect_view();

    view! {
        <Page title=title>
            <FormNotices form=kit noun="entry"/>
            // The form appears once the entry and any draft are in, so nothing typed
            // is overwritten by a late load.
            <form class="entry-form" on:submit=save on:keydown=enter_never_submits novalidate hidden=move || !ready()>
                <fieldset class="card field" role="radiogroup" aria-labelledby="mood-label">
                    <legend id="mood-label" class="field__label">"Mood"</legend>
                    <div class="moods">{mood_choices}</div>
                    <button type="button" class="link-button" on:click=move |_| form.update(|f| f.entry.mood = None)
                        hidden=move || form.with(|f| f.entry.mood.is_none())>"Clear mood"</button>
                </fieldset>

                <div class="card field">
                    <label class="field__label" for="entry-text">"What's on your mind?"</label>
                    {move || form.with(|f| f.entry.prompt.clone()).map(|p| view! {
                        <p class="prompt" id="entry-prompt">{p}</p>
                    })}
                    <textarea id="entry-text" class="field__input" rows="5" maxlength=MAX_TEXT_CHARS.to_string()
                        node_ref=text_box
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

                <div class="card entry-details">
                    <button type="button" class="entry-details__toggle" aria-controls="entry-details"
                        aria-expanded=move || details_open.get().to_string() on:click=toggle_details>
                        <span class="entry-details__sign" aria-hidden="true">{move || if details_open.get() { "−" } else { "+" }}</span>
                        "Add more detail"
                    </button>
                    <p class="muted entry-details__hint" hidden=move || details_open.get()>"Sleep, emotions, symptoms and triggers, if you track them."</p>
                    <div id="entry-details" class="entry-details__body" hidden=move || !details_open.get()>
                        <div class="field">
                            <ScaleField name=SLEEP.to_string() label="Hours slept".to_string() form=form/>
                        </div>

                        <TagPicker label="Emotions" noun="emotion" options=emotion_options
                            selected=Signal::derive(move || form.with(|f| f.entry.emotions.clone()))
                            on_change=Callback::new(move |v| form.update(|f| f.entry.emotions = v))/>

                        <fieldset class="field entry-details__symptoms">
                            <legend class="field__label">"Symptoms"</legend>
                            <p class="muted">"Set the ones you track, from none to 10. Leave the rest not set."</p>
                            <div class="symptoms">
                                <For each=move || symptom_names.get() key=|n| n.clone() let(name)>
                                    <ScaleField label=name.clone() name=name form=form/>
                                </For>
                            </div>
                            <div class="tags__add">
                                <label class="visually-hidden" for="new-symptom">"Another symptom"</label>
                                <input id="new-symptom" class="field__input" type="text" placeholder="Another symptom"
                                    maxlength=MAX_TAG_CHARS.to_string() bind:value=new_symptom/>
                                <button type="button" class="button" on:click=move |_| {
                                    let name = new_symptom.get_untracked().trim().to_string();
                                    if !name.is_empty() && scale_of(&name) == Scale::Intensity {
                                        form.update(|f| if !f.symptoms.iter().any(|(n, _)| *n == name) { f.symptoms.push((name, String::new())) });
                                        new_symptom.set(String::new());
                                    }
                                }>"Add symptom"</button>
                            </div>
                        </fieldset>

                        <TagPicker label="Triggers" noun="trigger" options=trigger_options
                            selected=Signal::derive(move || form.with(|f| f.entry.triggers.clone()))
                            on_change=Callback::new(move |v| form.update(|f| f.entry.triggers = v))/>
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
                <FormProblems form=kit describe=describe/>
                <div class="actions actions--sticky">
                    <button type="submit" class="button button--primary" disabled=move || pending.get()>"Save entry"</button>
                    <A href=base.href(Route::Journal) attr:class="button">"Back to journal"</A>
                </div>
            </form>
        </Page>
    }
}

/// A symptom (0 to 10) or the hours slept (0 to 24 in half hours), set with a slider
/// and said in words. Until it is touched it is "not set" and not saved; "Clear" makes
/// it not set again. The value is kept in the draft as text, as before.
#[component]
fn ScaleField(name: String, label: String, form: RwSignal<EntryDraft>) -> impl IntoView {
    let scale = scale_of(&name);
    let id = format!(
        "symptom-{}",
        name.to_lowercase()
            .replace(|c: char| !c.is_alphanumeric(), "-")
    );
    let key = name.clone();
    let value = Memo::new(move |_| {
        form.with(|f| {
            f.symptoms
                .iter()
                .find(|(n, _)| *n == key)
                .and_then(|(_, v)| v.trim().replace(',', ".").parse::<f64>().ok())
        })
    });
    let set = StoredValue::new(move |v: Option<String>| {
        let v = v.unwrap_or_default();
        form.update(|f| match f.symptoms.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = v,
            None => f.symptoms.push((name.clone(), v)),
        })
    });
    let words = move || match (value.get(), scale) {
        (None, _) => "not set".to_string(),
        (Some(v), Scale::Intensity) => intensity_words(v),
        (Some(v), Scale::Hours) => hours_words(v),
    };
    // Where the slider rests while not set: none, or a usual night's sleep.
    let resting = match scale {
        Scale::Intensity => 0.0,
        Scale::Hours => 8.0,
    };
    let take = move |ev: &web_sys::Event| set.with_value(|s| s(Some(event_target_value(ev))));
    let clear_label = format!("Clear {}", label.to_lowercase());
    view! {
        <div class="scale-field" class:scale-field--unset=move || value.get().is_none()>
            <div class="scale-field__head">
                <label class="scale-field__label" for=id.clone()>{label}</label>
                <span class="scale-field__words">{words}</span>
            </div>
            <div class="scale-field__row">
                <input id=id type="range" class="scale-field__input" min="0" max=scale.max().to_string()
                    step=if scale == Scale::Hours { "0.5" } else { "1" }
                    prop:value=move || crate::ui::format::number(value.get().unwrap_or(resting))
                    aria-valuetext=words
                    on:input=move |ev| take(&ev)
                    // A tap or a key on the value it rests on sets it too (no input event then).
                    on:click=move |ev| take(&ev)
                    on:keyup=move |ev| if matches!(ev.key().as_str(), "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" | "Home" | "End" | "PageUp" | "PageDown") { take(&ev) }/>
                <button type="button" class="link-button" aria-label=clear_label
                    hidden=move || value.get().is_none()
                    on:click=move |_| set.with_value(|s| s(None))>"Clear"</button>
            </div>
        </div>
    }
}
