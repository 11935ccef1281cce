//! Backup and export: a full backup (locked with a passphrase by default), the journal
//! as Markdown, moods, symptoms and check-ins as CSV, and restoring from a backup
//! (preview, then add to what is here or replace it). `YourData` is Settings' section
//! about where the data lives, the last backup and "Delete all my data".

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

use crate::domain::backup::{self, BackupError, Checked, Opened, Sealed};
use crate::domain::checkin::CheckIn;
use crate::domain::journal::JournalEntry;
use crate::domain::route::Route;
use crate::store::backup::{self as store_backup, Mode};
use crate::store::{self, backup_crypto};
use crate::ui::context::Base;
use crate::ui::format::{day_long, now_ms, parse_date};
use crate::ui::widgets::{save_file, Page};

/// Shortest passphrase accepted for a backup.
const MIN_PASSPHRASE: usize = 8;

#[component]
pub fn BackupPage() -> impl IntoView {
    view! {
        <Page title=Route::Backup.title()>
            <MakeBackup/>
            <OtherFormats/>
            <Restore/>
        </Page>
    }
}

fn today_text() -> String {
    crate::domain::dates::date_text(crate::ui::format::today())
}

/// A `File` for the share sheet, when this browser can share files (phones).
fn shareable(name: &str, mime: &str, text: &str) -> Option<(js_sys::Object, js_sys::Function)> {
    use js_sys::{Array, Function, Object, Reflect};
    let navigator: JsValue = window().navigator().into();
    let can_share = Reflect::get(&navigator, &"canShare".into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    let share = Reflect::get(&navigator, &"share".into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    let options = web_sys::FilePropertyBag::new();
    options.set_type(mime);
    let file =
        web_sys::File::new_with_str_sequence_and_options(&Array::of1(&text.into()), name, &options)
            .ok()?;
    let data = Object::new();
    let _ = Reflect::set(&data, &"files".into(), &Array::of1(&file));
    let ok = can_share.call1(&navigator, &data).ok()?.as_bool() == Some(true);
    ok.then_some((data, share))
}

/// Whether this browser offers the share sheet for files.
fn can_share_files() -> bool {
    shareable("between.json", "application/json", "{}").is_some()
}

use wasm_bindgen::JsValue;

#[component]
fn MakeBackup() -> impl IntoView {
    let pass = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let plain = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let share = can_share_files();

    let make = move |to_share: bool| {
        problem.set(None);
        done.set(None);
        let plain_file = plain.get_untracked();
        let passphrase = pass.get_untracked();
        if !plain_file {
            if passphrase.chars().count() < MIN_PASSPHRASE {
                problem.set(Some(format!(
                    "Choose a passphrase of at least {MIN_PASSPHRASE} characters."
                )));
                return;
            }
            if passphrase != again.get_untracked() {
                problem.set(Some("The two passphrases are not the same.".into()));
                return;
            }
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let now = now_ms();
            let made = async {
                let (json, unreadable) = store_backup::export_json(now).await?;
                let text = if plain_file {
                    json
                } else {
                    backup_crypto::seal(&json, &passphrase).await?
                };
                Ok::<_, store::StoreError>((text, unreadable))
            }
            .await;
            let _ = busy.try_set(false);
            match made {
                Ok((text, unreadable)) => {
                    let name = format!("between-backup-{}.json", today_text());
                    let shared = to_share
                        && shareable(&name, "application/json", &text)
                            .map(|(data, share)| share.call1(&window().navigator(), &data).is_ok())
                            .unwrap_or(false);
                    if !shared {
                        save_file(&name, "application/json", &text);
                    }
                    store_backup::set_last_backup(now);
                    let mut words = if plain_file {
                        format!("Backup saved as {name}. It is not locked: keep it somewhere only you can reach.")
                    } else {
                        format!("Backup saved as {name}. Keep it somewhere safe: you need your passphrase to open it.")
                    };
                    if unreadable > 0 {
                        words.push_str(&format!(
                            " {unreadable} record(s) could not be read and are not in it."
                        ));
                    }
                    let _ = done.try_set(Some(words));
                    let _ = pass.try_set(String::new());
                    let _ = again.try_set(String::new());
                }
                Err(_) => {
                    let _ = problem.try_set(Some(
                        "The backup could not be made. Nothing was changed; please try again."
                            .into(),
                    ));
                }
            }
        });
    };

    view! {
        <section class="card" aria-labelledby="make-title">
            <h2 id="make-title">"Make a backup"</h2>
            <p>"A backup is one file with everything you keep in Between, photos included. It is locked with a passphrase you choose: without it, nobody can read the file, and nobody can open it for you if you forget it."</p>
            <form on:submit=move |ev| { ev.prevent_default(); make(false); }>
                <Show when=move || !plain.get()>
                    <div class="field">
                        <label class="field__label" for="backup-pass">"Passphrase"</label>
                        <input id="backup-pass" class="field__input" type="password" autocomplete="new-password"
                            prop:value=move || pass.get() on:input=move |ev| pass.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label class="field__label" for="backup-again">"Passphrase again"</label>
                        <input id="backup-again" class="field__input" type="password" autocomplete="new-password"
                            prop:value=move || again.get() on:input=move |ev| again.set(event_target_value(&ev))/>
                    </div>
                </Show>
                <label class="choice">
                    <input type="checkbox" prop:checked=move || plain.get()
                        on:change=move |ev| plain.set(event_target_checked(&ev))/>
                    <span>"Save without a passphrase"</span>
                </label>
                <Show when=move || plain.get()>
                    <p class="message message--problem">"Without a passphrase, anyone who gets this file (on a computer, in an email, in cloud storage) can read everything you wrote."</p>
                </Show>
                {move || problem.get().map(|p| view! { <p class="message message--problem" role="alert">{p}</p> })}
                <div class="actions">
                    <button type="submit" class="button button--primary" disabled=move || busy.get()>
                        {move || if plain.get() { "Download backup without a passphrase" } else { "Download backup" }}
                    </button>
                    {share.then(|| view! {
                        <button type="button" class="button" disabled=move || busy.get()
                            on:click=move |_| make(true)>"Share backup"</button>
                    })}
                </div>
                <p role="status">{move || busy.get().then_some("Making the backup…")}{move || done.get()}</p>
            </form>
        </section>
    }
}

#[component]
fn OtherFormats() -> impl IntoView {
    let problem = RwSignal::new(None::<String>);
    let export = move |what: &'static str| {
        problem.set(None);
        leptos::task::spawn_local(async move {
            let day = today_text();
            let made = match what {
                "checkins" => store::list::<CheckIn>().await.map(|list| {
                    let list: Vec<_> = list.into_iter().map(|r| (r.meta, r.body)).collect();
                    (
                        format!("between-checkins-{day}.csv"),
                        "text/csv",
                        backup::checkins_csv(&list),
                    )
                }),
                _ => store::list::<JournalEntry>().await.map(|list| {
                    let list: Vec<_> = list.into_iter().map(|r| (r.meta, r.body)).collect();
                    match what {
                        "moods" => (
                            format!("between-moods-{day}.csv"),
                            "text/csv",
                            backup::moods_csv(&list),
                        ),
                        "symptoms" => (
                            format!("between-symptoms-{day}.csv"),
                            "text/csv",
                            backup::symptoms_csv(&list),
                        ),
                        _ => (
                            format!("between-journal-{day}.md"),
                            "text/markdown",
                            backup::journal_markdown(&list),
                        ),
                    }
                }),
            };
            match made {
                Ok((name, mime, text)) if save_file(&name, mime, &text) => {}
                _ => {
                    let _ = problem.try_set(Some(
                        "That file could not be made. Please try again.".into(),
                    ));
                }
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="formats-title">
            <h2 id="formats-title">"Export to read or print"</h2>
            <p>"These files are not locked and are not backups: they are for reading, printing or a spreadsheet. Share them only with people you choose."</p>
            <div class="actions">
                <button type="button" class="button" on:click=move |_| export("journal")>"Journal as Markdown"</button>
                <button type="button" class="button" on:click=move |_| export("moods")>"Moods as CSV"</button>
                <button type="button" class="button" on:click=move |_| export("symptoms")>"Symptoms as CSV"</button>
                <button type="button" class="button" on:click=move |_| export("checkins")>"Check-ins as CSV"</button>
            </div>
            {move || problem.get().map(|p| view! { <p class="message message--problem" role="alert">{p}</p> })}
        </section>
    }
}

#[derive(Clone)]
enum Step {
    Choose,
    Reading,
    Locked(Arc<Sealed>),
    Ready(Arc<Checked>, Option<String>),
    Working,
}

fn range_words(p: &backup::Preview) -> String {
    match &p.range {
        Some((a, b)) => {
            let (a, b) = (
                parse_date(a).map(day_long).unwrap_or_else(|| a.clone()),
                parse_date(b).map(day_long).unwrap_or_else(|| b.clone()),
            );
            if a == b {
                format!(" Written on {a}.")
            } else {
                format!(" Written between {a} and {b}.")
            }
        }
        None => String::new(),
    }
}

#[component]
fn Restore() -> impl IntoView {
    let step = RwSignal::new(Step::Choose);
    let problem = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let pass = RwSignal::new(String::new());
    let input = NodeRef::<leptos::html::Input>::new();

    let reset_input = move || {
        if let Some(i) = input.get_untracked() {
            i.set_value("");
        }
    };

    let on_file = move |_| {
        problem.set(None);
        done.set(None);
        let Some(file) = input
            .get_untracked()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        if file.size() > backup::MAX_FILE_BYTES as f64 {
            problem.set(Some(BackupError::TooBig.to_string()));
            reset_input();
            return;
        }
        step.set(Step::Reading);
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string());
            let opened = match text {
                Some(text) => backup::open(&text),
                None => Err(BackupError::NotJson),
            };
            match opened {
                Ok(Opened::Plain(checked)) => {
                    let _ = step.try_set(Step::Ready(Arc::new(checked), None));
                }
                Ok(Opened::Sealed(sealed)) => {
                    let _ = step.try_set(Step::Locked(Arc::new(sealed)));
                }
                Err(e) => {
                    let _ = problem.try_set(Some(e.to_string()));
                    let _ = step.try_set(Step::Choose);
                    reset_input();
                }
            }
        });
    };

    let unlock = move |sealed: Arc<Sealed>| {
        problem.set(None);
        let passphrase = pass.get_untracked();
        step.set(Step::Working);
        leptos::task::spawn_local(async move {
            let opened = match backup_crypto::unseal(&sealed, &passphrase).await {
                Ok(text) => backup::check(&text),
                Err(e) => Err(e),
            };
            match opened {
                Ok(checked) => {
                    let _ = pass.try_set(String::new());
                    let _ = step.try_set(Step::Ready(Arc::new(checked), Some(passphrase)));
                }
                Err(e) => {
                    let _ = problem.try_set(Some(e.to_string()));
                    let _ = step.try_set(Step::Locked(sealed));
                }
            }
        });
    };

    let run = move |checked: Arc<Checked>, passphrase: Option<String>, mode: Mode| {
        problem.set(None);
        step.set(Step::Working);
        leptos::task::spawn_local(async move {
            let result = async {
                if mode == Mode::Replace {
                    // What is here now is saved first, locked like the file being restored.
                    let (json, _) = store_backup::export_json(now_ms()).await?;
                    let text = match &passphrase {
                        Some(p) => backup_crypto::seal(&json, p).await?,
                        None => json,
                    };
                    // Nothing is replaced unless that copy could be handed to the browser.
                    if !save_file(
                        &format!("between-before-restore-{}.json", today_text()),
                        "application/json",
                        &text,
                    ) {
                        return Err(store::StoreError::Other(
                            "the copy of what is here could not be saved".into(),
                        ));
                    }
                }
                store_backup::import(&checked, mode).await
            }
            .await;
            match result {
                Ok(out) => {
                    let words = match (mode, out.records + out.photos) {
                        (Mode::Merge, 0) => {
                            "Nothing new: everything in this backup is already here.".to_string()
                        }
                        (Mode::Merge, _) => format!(
                            "Done: {} added or updated from the backup.",
                            counted(out.records, out.photos)
                        ),
                        (Mode::Replace, _) => format!(
                            "Done: Between now holds what the backup holds ({}). A backup of what was here before was saved first.",
                            counted(out.records, out.photos)
                        ),
                    };
                    let _ = done.try_set(Some(words));
                    let _ = step.try_set(Step::Choose);
                    reset_input();
                }
                Err(e) => {
                    let words = match e {
                        store::StoreError::Conflict { .. } => "Something changed in another tab while importing. Nothing was changed; please try again.",
                        store::StoreError::QuotaExceeded => "There is not enough space on this device for this backup. Nothing was changed.",
                        _ => "The backup could not be imported. Nothing was changed; please try again.",
                    };
                    let _ = problem.try_set(Some(words.into()));
                    let _ = step.try_set(Step::Ready(checked, passphrase));
                }
            }
        });
    };

    let cancel = move |_| {
        step.set(Step::Choose);
        problem.set(None);
        reset_input();
    };

    let body = move || {
        match step.get() {
        Step::Choose | Step::Reading => ().into_any(),
        Step::Working => view! { <p role="status">"Working…"</p> }.into_any(),
        Step::Locked(sealed) => view! {
            <form on:submit=move |ev| { ev.prevent_default(); unlock(sealed.clone()); }>
                <p>"This backup is locked with a passphrase."</p>
                <div class="field">
                    <label class="field__label" for="restore-pass">"Passphrase for this backup"</label>
                    <input id="restore-pass" class="field__input" type="password" autocomplete="off"
                        prop:value=move || pass.get() on:input=move |ev| pass.set(event_target_value(&ev))/>
                </div>
                <div class="actions">
                    <button type="submit" class="button button--primary">"Open backup"</button>
                    <button type="button" class="button" on:click=cancel>"Cancel"</button>
                </div>
            </form>
        }
        .into_any(),
        Step::Ready(checked, passphrase) => {
            let preview = backup::preview(&checked);
            let words = format!(
                "This backup holds {}.{}",
                preview.words(),
                range_words(&preview)
            );
            let (c1, p1) = (checked.clone(), passphrase.clone());
            view! {
                <div>
                    <p>{words}</p>
                    <p>"Add it to what is here: what is not here yet is added, and where both have the same item, the one edited last is kept. Or replace everything here with it: a backup of what is here now is saved first."</p>
                    <div class="actions">
                        <button type="button" class="button button--primary"
                            on:click=move |_| run(c1.clone(), p1.clone(), Mode::Merge)>"Add to what is here"</button>
                        <button type="button" class="button"
                            on:click=move |_| run(checked.clone(), passphrase.clone(), Mode::Replace)>"Replace everything here"</button>
                        <button type="button" class="button" on:click=cancel>"Cancel"</button>
                    </div>
                </div>
            }
            .into_any()
        }
    }
    };

    view! {
        <section class="card" aria-labelledby="restore-title">
            <h2 id="restore-title">"Restore from a backup"</h2>
            <p>"Choose a backup file made by Between. It is checked in full before anything changes, and you see what it holds first."</p>
            <div class="field">
                <label class="field__label" for="restore-file">"Backup file"</label>
                <input id="restore-file" class="field__input" type="file" accept=".json,application/json"
                    node_ref=input on:change=on_file/>
            </div>
            {body}
            {move || problem.get().map(|p| view! { <p class="message message--problem" role="alert">{p}</p> })}
            <p role="status">{move || done.get()}</p>
        </section>
    }
}

fn counted(records: usize, photos: usize) -> String {
    let r = if records == 1 {
        "1 item".to_string()
    } else {
        format!("{records} items")
    };
    match photos {
        0 => r,
        1 => format!("{r} and 1 photo"),
        n => format!("{r} and {n} photos"),
    }
}

/// Settings' "Your data": where it lives, the last backup, the reminder, a link to
/// Backup and export, and "Delete all my data".
#[component]
pub fn YourData() -> impl IntoView {
    let base = expect_context::<Base>();
    let link = base.href(Route::Backup);
    let home = base.href(Route::Today);
    let reminder = RwSignal::new(store_backup::reminder_days());
    let last = store_backup::last_backup();
    let last_words = match last {
        Some(at) => {
            let day = chrono::DateTime::from_timestamp_millis(
                at + crate::ui::format::offset_at(at) as i64 * 60_000,
            )
            .map(|t| day_long(t.date_naive()))
            .unwrap_or_default();
            format!("Last backup: {day}.")
        }
        None => "Last backup: none made on this device yet.".into(),
    };
    let due = move || {
        reminder.track();
        store_backup::reminder_due(now_ms()).then(|| view! {
            <p class="message" role="status">"It has been a while since your last backup. Making one takes a minute."</p>
        })
    };
    let confirm = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let erase = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if confirm.get_untracked().trim() != "DELETE" {
            problem.set(Some(
                "To delete everything, type DELETE in capital letters in the box first.".into(),
            ));
            return;
        }
        problem.set(None);
        busy.set(true);
        let home = home.clone();
        leptos::task::spawn_local(async move {
            match store_backup::delete_everything().await {
                Ok(()) => {
                    let _ = window().location().set_href(&home);
                }
                Err(_) => {
                    let _ = busy.try_set(false);
                    let _ = problem.try_set(Some("Not everything could be deleted. Close Between in any other tab, then try again.".into()));
                }
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="your-data-title">
            <h2 id="your-data-title">"Your data"</h2>
            <h3>"Where your data lives"</h3>
            <p>"Everything you write is kept in this browser, on this device, and nowhere else. Another browser, or another device, does not see it."</p>
            <p>"On an iPhone or iPad, a journal started in Safari is separate from the one in Between added to the Home Screen: they do not share anything."</p>
            <p>"Clearing this site's data (or browsing history with site data) in the browser's settings deletes it all. A backup file is the way to keep it safe or move it."</p>
            <p>{last_words}</p>
            {due}
            <div class="field">
                <label class="field__label" for="backup-reminder">"Remind me to make a backup"</label>
                <select id="backup-reminder" class="field__input"
                    on:change=move |ev| {
                        let days = event_target_value(&ev).parse::<u32>().ok().filter(|d| *d > 0);
                        store_backup::set_reminder_days(days);
                        reminder.set(days);
                    }>
                    <option value="0" selected=move || reminder.get().is_none()>"Never"</option>
                    <option value="7" selected=move || reminder.get() == Some(7)>"Every week"</option>
                    <option value="14" selected=move || reminder.get() == Some(14)>"Every two weeks"</option>
                    <option value="30" selected=move || reminder.get() == Some(30)>"Every month"</option>
                </select>
            </div>
            <p><A href=link>"Backup and export"</A></p>
            <h3>"Delete all my data"</h3>
            <p>"This deletes every entry, photo, plan and setting Between keeps on this device. It cannot be undone: make a backup first if you may want any of it back."</p>
            <form on:submit=erase>
                <div class="field">
                    <label class="field__label" for="delete-confirm">"Type DELETE to confirm"</label>
                    <input id="delete-confirm" class="field__input" type="text" autocomplete="off"
                        prop:value=move || confirm.get() on:input=move |ev| confirm.set(event_target_value(&ev))/>
                </div>
                {move || problem.get().map(|p| view! { <p class="message message--problem" role="alert">{p}</p> })}
                <div class="actions">
                    <button type="submit" class="button" disabled=move || busy.get()>"Delete all my data"</button>
                </div>
            </form>
        </section>
    }
}
