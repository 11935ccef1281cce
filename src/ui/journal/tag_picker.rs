use leptos::prelude::*;

use crate::domain::journal::MAX_TAG_CHARS;

/// Pick tags from a list (toggle buttons) or add your own.
#[component]
pub fn TagPicker(
    /// Names the group, e.g. "Emotions".
    label: &'static str,
    /// One of them, for the add field and button: "emotion" gives "Add emotion".
    noun: &'static str,
    /// Tags offered to pick from.
    #[prop(into)]
    options: Signal<Vec<String>>,
    #[prop(into)] selected: Signal<Vec<String>>,
    on_change: Callback<Vec<String>>,
) -> impl IntoView {
    let id = format!("tags-{}", label.to_lowercase().replace(' ', "-"));
    let add_id = format!("{id}-add");
    let add_label = format!("Another {noun}");
    let new_tag = RwSignal::new(String::new());
    let all = move || {
        let mut list = options.get();
        for s in selected.get() {
            if !list.iter().any(|o| o.eq_ignore_ascii_case(&s)) {
                list.push(s);
            }
        }
        list
    };
    let toggle = move |tag: String| {
        let mut now = selected.get_untracked();
        match now.iter().position(|s| s.eq_ignore_ascii_case(&tag)) {
            Some(i) => {
                now.remove(i);
            }
            None => now.push(tag),
        }
        on_change.run(now);
    };
    let add = move || {
        let tag = new_tag.get_untracked().trim().to_string();
        if tag.is_empty() {
            return;
        }
        let mut now = selected.get_untracked();
        if !now.iter().any(|s| s.eq_ignore_ascii_case(&tag)) {
            now.push(tag);
            on_change.run(now);
        }
        new_tag.set(String::new());
    };
    view! {
        <div class="tags" role="group" aria-labelledby=id.clone()>
            <p class="field__label" id=id.clone()>{label}</p>
            <div class="tags__list">
                <For each=all key=|t| t.clone() let(tag)>
                    {
                        let t = tag.clone();
                        let pressed = move || selected.get().iter().any(|s| s.eq_ignore_ascii_case(&t));
                        let tag2 = tag.clone();
                        view! {
                            <button type="button" class="chip" aria-pressed=move || pressed().to_string()
                                on:click=move |_| toggle(tag2.clone())>{tag}</button>
                        }
                    }
                </For>
            </div>
            <div class="tags__add">
                <label class="visually-hidden" for=add_id.clone()>{add_label.clone()}</label>
                <input id=add_id class="field__input" type="text" placeholder=add_label
                    maxlength=MAX_TAG_CHARS.to_string() bind:value=new_tag
                    on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); add(); } />
                <button type="button" class="button" on:click=move |_| add()>{format!("Add {noun}")}</button>
            </div>
        </div>
    }
}
