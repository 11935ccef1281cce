//! Sharing with someone the person trusts: `SharePreview` shows the exact text first,
//! and only sends it on, through the device's share sheet (`navigator.share`) or, where
//! there is none, the clipboard, when the person presses "Share". Nothing goes to a
//! server: the share sheet hands the text to an app the person picks.
//!
//! `ShareFromMenu` is the same preview for an item's "Share…" menu entry: it opens
//! when its signal holds a text, and "Cancel" closes it having shared nothing.
//! `save_file` saves a file made on the device (a Markdown summary).

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How a share went.
#[derive(Clone, Copy, PartialEq)]
enum Outcome {
    Sent,
    Copied,
    Cancelled,
    Failed,
}

impl Outcome {
    fn words(self) -> &'static str {
        match self {
            Outcome::Sent => "Shared.",
            Outcome::Copied => "Copied. You can paste it into a message.",
            Outcome::Cancelled => "Not shared.",
            Outcome::Failed => {
                "This device couldn't share or copy it. You can select the text above and copy it yourself."
            }
        }
    }
}

/// The exact text, then "Share" (and `children`: more actions, such as Print); with
/// `on_cancel`, a "Cancel" that closes it.
#[component]
pub fn SharePreview(
    #[prop(into)] text: Signal<String>,
    /// The heading above the text.
    #[prop(default = "This is what will be shared")]
    heading: &'static str,
    /// The id of the heading (unique on the page).
    #[prop(default = "share-title")]
    id: &'static str,
    /// Classes of the section (`prep-print` marks the part that prints).
    #[prop(optional)]
    class: &'static str,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
    /// Moves focus to the heading when it appears (opened from a menu).
    #[prop(optional)]
    focus: bool,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let status = RwSignal::new(None::<Outcome>);
    let heading_ref = NodeRef::<leptos::html::H2>::new();
    if focus {
        request_animation_frame(move || {
            if let Some(h) = heading_ref.try_get_untracked().flatten() {
                let _ = h.focus();
                h.scroll_into_view();
            }
        });
    }
    let share = move |_| {
        let text = text.get_untracked();
        status.set(None);
        leptos::task::spawn_local(async move {
            let outcome = share_or_copy(&text).await;
            let _ = status.try_set(Some(outcome));
        });
    };
    view! {
        <section class=format!("card share-preview {class}") aria-labelledby=id>
            <h2 id=id tabindex="-1" node_ref=heading_ref>{heading}</h2>
            <pre class="share-preview__text">{move || text.get()}</pre>
            <p class="muted no-print">"It leaves this device only if you send it."</p>
            <div class="actions no-print">
                <button type="button" class="button button--primary" on:click=share>"Share"</button>
                {children.map(|c| c())}
                {on_cancel.map(|cancel| view! {
                    <button type="button" class="button" on:click=move |_| cancel.run(())>"Cancel"</button>
                })}
            </div>
            <p class="status no-print" role="status">{move || status.get().map(Outcome::words)}</p>
        </section>
    }
}

/// The preview for an item's "Share…" menu entry: shown while `sharing` holds a text;
/// "Cancel" empties it, sharing nothing.
#[component]
pub fn ShareFromMenu(
    sharing: RwSignal<Option<String>>,
    /// The preview heading's id (unique on the page).
    id: &'static str,
) -> impl IntoView {
    move || {
        sharing.get().map(|text| {
            view! {
                <SharePreview text=text focus=true id=id
                    on_cancel=Callback::new(move |()| sharing.set(None))/>
            }
        })
    }
}

/// Hands `text` to the share sheet, or copies it where there is none (or it fails for
/// another reason than the person closing it).
async fn share_or_copy(text: &str) -> Outcome {
    let navigator = window().navigator();
    let share = js_sys::Reflect::get(&navigator, &"share".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(share) = share {
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&data, &"text".into(), &text.into());
        if let Ok(promise) = share.call1(&navigator, &data) {
            return match JsFuture::from(js_sys::Promise::from(promise)).await {
                Ok(_) => Outcome::Sent,
                // The person closed the share sheet.
                Err(e) if error_name(&e) == "AbortError" => Outcome::Cancelled,
                Err(_) => copy(text).await,
            };
        }
    }
    copy(text).await
}

async fn copy(text: &str) -> Outcome {
    let clipboard = js_sys::Reflect::get(&window().navigator(), &"clipboard".into())
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null());
    let Some(clipboard) = clipboard else {
        return Outcome::Failed;
    };
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    match JsFuture::from(clipboard.write_text(text)).await {
        Ok(_) => Outcome::Copied,
        Err(_) => Outcome::Failed,
    }
}

fn error_name(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default()
}

/// Hands a file made on the device to the browser to save ("download"). False if the
/// browser refused to make it.
pub fn save_file(name: &str, mime: &str, text: &str) -> bool {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let Some(a) = document()
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        let _ = web_sys::Url::revoke_object_url(&url);
        return false;
    };
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoked a moment later: some browsers start reading the URL after `click` returns.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    true
}
