//! Settings: theme, region, storage on this device, privacy, version.

use leptos::prelude::*;

use crate::domain::prefs::{storage_size, Theme};
use crate::domain::route::Route;
use crate::store::{self, persist::StorageStatus};
use crate::ui::context::{DataVersion, Prefs};
use crate::ui::crisis::RegionPicker;
use crate::ui::widgets::Page;

#[component]
pub fn Settings() -> impl IntoView {
    view! {
        <Page title=Route::Settings.title()>
            <ThemeChoice/>
            <section class="card" aria-labelledby="region-title">
                <h2 id="region-title">"Help card"</h2>
                <p>"Choose the country whose crisis lines the help card shows."</p>
                <RegionPicker/>
            </section>
            <StorageSection/>
            <crate::ui::lock::PasscodeSection/>
            <crate::ui::backup::YourData/>
            <section class="card" aria-labelledby="privacy-title">
                <h2 id="privacy-title">"Your privacy"</h2>
                <p>"Everything you write is kept only in this browser, on this device. Between has no account and no server, and sends nothing anywhere: no analytics, no tracking. Something leaves this device only when you share it yourself, after seeing exactly what will be shared."</p>
                <SensitiveChoice/>
            </section>
            <section class="card" aria-labelledby="about-title">
                <h2 id="about-title">"About"</h2>
                <p>{format!("Between version {}, build {}", env!("CARGO_PKG_VERSION"), crate::pwa::build_id())}</p>
            </section>
        </Page>
    }
}

#[component]
fn ThemeChoice() -> impl IntoView {
    let prefs = expect_context::<Prefs>();
    let choices = Theme::ALL
        .into_iter()
        .map(|t| {
            view! {
                <label class="choice">
                    <input
                        type="radio"
                        name="theme"
                        value=t.as_str()
                        prop:checked=move || prefs.theme.get() == t
                        on:change=move |_| {
                            store::prefs::set_theme(t);
                            prefs.theme.set(t);
                        }
                    />
                    <span>{t.label()}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="theme-title">
            <h2 id="theme-title">"Appearance"</h2>
            <fieldset class="choices">
                <legend>"Theme"</legend>
                {choices}
            </fieldset>
        </section>
    }
}

/// Whether sensitive topics wait for a tap on Sessions and check-ins (on by default).
#[component]
fn SensitiveChoice() -> impl IntoView {
    let prefs = expect_context::<Prefs>();
    view! {
        <label class="choice">
            <input type="checkbox" aria-describedby="sensitive-about"
                prop:checked=move || prefs.hide_sensitive.get()
                on:change=move |ev| {
                    let hide = event_target_checked(&ev);
                    store::prefs::set_hide_sensitive(hide);
                    prefs.hide_sensitive.set(hide);
                }/>
            <span>"Hide sensitive topics until I tap them"</span>
        </label>
        <p id="sensitive-about" class="muted">"On Sessions and Check-ins, words about suicide or self-harm wait behind a “Sensitive topic: show” button, so someone glancing at your screen doesn't read them."</p>
    }
}

#[component]
fn StorageSection() -> impl IntoView {
    let version = expect_context::<DataVersion>().0;
    let asked = RwSignal::new(0u32);
    let refused = RwSignal::new(false);
    let status = LocalResource::new(move || {
        version.track();
        asked.track();
        store::persist::status()
    });
    let ask = move |_| {
        leptos::task::spawn_local(async move {
            let granted = store::persist::request().await.unwrap_or(false);
            refused.set(!granted);
            asked.update(|n| *n += 1);
        });
    };
    let body = move || {
        let StorageStatus {
            usage,
            quota,
            persisted,
        } = status.get()?;
        let used = match (usage, quota) {
            (Some(u), Some(q)) => format!(
                "Using {} of about {} this browser allows.",
                storage_size(u),
                storage_size(q)
            ),
            _ => "This browser does not say how much space is used.".into(),
        };
        let kept = match persisted {
            Some(true) => "Kept: this browser has agreed not to clear Between's data when space runs low.",
            Some(false) => "Not yet kept for sure: if the device runs very low on space, the browser could clear it. Installing Between to your home screen helps.",
            None => "This browser does not say whether it keeps Between's data.",
        };
        Some(view! {
            <p>{used}</p>
            <p>{kept}</p>
            {(persisted == Some(false)).then(|| view! {
                <button type="button" class="button" on:click=ask>"Ask to keep my data"</button>
            })}
        })
    };
    // Records this version cannot read: said only when there are some.
    let unreadable = LocalResource::new(move || {
        version.track();
        store::unreadable()
    });
    let unreadable_note = move || {
        let count = unreadable.get()?.ok()?.count;
        (count > 0).then(|| view! { <p>{unreadable_words(count)}</p> })
    };
    view! {
        <section class="card" aria-labelledby="storage-title">
            <h2 id="storage-title">"Storage on this device"</h2>
            {body}
            {unreadable_note}
            {move || refused.get().then(|| view! {
                <p class="message" role="status">"The browser said no for now. Browsers often agree once Between is installed to the home screen or used for a while. Your data is still saved."</p>
            })}
        </section>
    }
}

fn unreadable_words(count: usize) -> String {
    if count == 1 {
        "1 record could not be read. It is kept as it is, so a later version of Between can still read it.".into()
    } else {
        format!("{count} records could not be read. They are kept as they are, so a later version of Between can still read them.")
    }
}
