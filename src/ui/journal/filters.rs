use leptos::prelude::*;

use crate::domain::journal::{JournalEntry, Mood};
use crate::domain::patterns::Filter;
use crate::domain::record::Record;
use crate::ui::format::{date_value, parse_date};

use super::data::{used, Shared};

/// Search and filters for the journal list. Every filter combines with the others.
#[component]
pub fn Filters(
    filter: RwSignal<Filter>,
    entries: Memo<Shared<Record<JournalEntry>>>,
) -> impl IntoView {
    let emotions = Memo::new(move |_| {
        entries.with(|e| used(e, |x| x.emotions.iter().map(String::as_str).collect()))
    });
    let triggers = Memo::new(move |_| {
        entries.with(|e| used(e, |x| x.triggers.iter().map(String::as_str).collect()))
    });
    let symptoms = Memo::new(move |_| {
        entries.with(|e| used(e, |x| x.symptoms.iter().map(|s| s.name.as_str()).collect()))
    });
    let choose = |list: Memo<Vec<String>>, current: Signal<Option<String>>| {
        move || {
            list.get()
                .into_iter()
                .map(|t| {
                    let selected = current.get().as_deref() == Some(t.as_str());
                    view! { <option value=t.clone() selected=selected>{t.clone()}</option> }
                })
                .collect_view()
        }
    };
    let opt = |v: String| if v.is_empty() { None } else { Some(v) };
    view! {
        <div role="search" class="card filters">
            <label class="field__label" for="search">"Search entries"</label>
            <input id="search" type="search" class="field__input" autocomplete="off"
                prop:value=move || filter.with(|f| f.query.clone())
                on:input=move |ev| filter.update(|f| f.query = event_target_value(&ev))/>
            <details class="filters__more">
                <summary>"Filters"</summary>
                <div class="filters__grid">
                    <div class="field">
                        <label class="field__label" for="filter-mood">"Mood"</label>
                        <select id="filter-mood" class="field__input" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            filter.update(|f| f.mood = v.parse::<u8>().ok().and_then(Mood::from_value));
                        }>
                            <option value="">"Any mood"</option>
                            {Mood::ALL.into_iter().map(|m| view! {
                                <option value=m.value().to_string() selected=move || filter.with(|f| f.mood == Some(m))>{m.word()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label class="field__label" for="filter-emotion">"Emotion"</label>
                        <select id="filter-emotion" class="field__input" on:change=move |ev| filter.update(|f| f.emotion = opt(event_target_value(&ev)))>
                            <option value="">"Any emotion"</option>
                            {choose(emotions, Signal::derive(move || filter.with(|f| f.emotion.clone())))}
                        </select>
                    </div>
                    <div class="field">
                        <label class="field__label" for="filter-symptom">"Symptom"</label>
                        <select id="filter-symptom" class="field__input" on:change=move |ev| filter.update(|f| f.symptom = opt(event_target_value(&ev)))>
                            <option value="">"Any symptom"</option>
                            {choose(symptoms, Signal::derive(move || filter.with(|f| f.symptom.clone())))}
                        </select>
                    </div>
                    <div class="field">
                        <label class="field__label" for="filter-trigger">"Trigger"</label>
                        <select id="filter-trigger" class="field__input" on:change=move |ev| filter.update(|f| f.trigger = opt(event_target_value(&ev)))>
                            <option value="">"Any trigger"</option>
                            {choose(triggers, Signal::derive(move || filter.with(|f| f.trigger.clone())))}
                        </select>
                    </div>
                    <div class="field">
                        <label class="field__label" for="filter-from">"From"</label>
                        <input id="filter-from" type="date" class="field__input"
                            prop:value=move || filter.with(|f| f.from.map(date_value).unwrap_or_default())
                            on:change=move |ev| filter.update(|f| f.from = parse_date(&event_target_value(&ev)))/>
                    </div>
                    <div class="field">
                        <label class="field__label" for="filter-to">"To"</label>
                        <input id="filter-to" type="date" class="field__input"
                            prop:value=move || filter.with(|f| f.to.map(date_value).unwrap_or_default())
                            on:change=move |ev| filter.update(|f| f.to = parse_date(&event_target_value(&ev)))/>
                    </div>
                </div>
                <button type="button" class="button" on:click=move |_| filter.set(Filter::default())>"Clear filters"</button>
            </details>
        </div>
    }
}
