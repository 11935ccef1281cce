use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// "Print" and "Share with someone I trust": the exact text is shown first, and only
/// sent on through the device's share sheet (or copied) when the person says so.
#[component]
pub fn PlanActions(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let previewing = RwSignal::new(false);
    let status = RwSignal::new("");
    let print = move |_| {
        let _ = window().print();
    };
    let share = move |_| {
        let text = text.get_untracked();
        leptos::task::spawn_local(async move {
            status.set(match share_text(&text).await {
                Shared::Sent => "Shared.",
                Shared::Copied => "Copied. You can paste it into a message.",
                Shared::Cancelled => "",
                Shared::Failed => "This device couldn't share or copy it. You can select the text above and copy it.",
            });
        });
    };
    view! {
        <Show when=move || !text.get().is_empty()>
            <div class="actions no-print">
                <button type="button" class="button" on:click=print>"Print"</button>
                <button type="button" class="button" on:click=move |_| { status.set(""); previewing.set(true) }>
                    "Share with someone I trust"
                </button>
            </div>
            <Show when=move || previewing.get()>
                <section class="card share-preview no-print" aria-labelledby="share-title">
                    <h2 id="share-title">"This is what will be shared"</h2>
                    <pre class="share-preview__text">{move || text.get()}</pre>
                    <p class="muted">"It leaves this device only if you send it."</p>
                    <div class="actions">
                        <button type="button" class="button button--primary" on:click=share>"Share now"</button>
                        <button type="button" class="button" on:click=move |_| previewing.set(false)>"Close"</button>
                    </div>
                </section>
            </Show>
            <p class="status no-print" role="status">{move || status.get()}</p>
        </Show>
    }
}

enum Shared {
    Sent,
    Copied,
    Cancelled,
    Failed,
}

async fn share_text(text: &str) -> Shared {
    let navigator = window().navigator();
    let share = js_sys::Reflect::get(&navigator, &"share".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(share) = share {
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&data, &"title".into(), &"My safety plan".into());
        let _ = js_sys::Reflect::set(&data, &"text".into(), &text.into());
        if let Ok(promise) = share.call1(&navigator, &data) {
            return match JsFuture::from(js_sys::Promise::from(promise)).await {
                Ok(_) => Shared::Sent,
                // The person closed the share sheet.
                Err(e) if error_name(&e) == "AbortError" => Shared::Cancelled,
                Err(_) => copy(text).await,
            };
        }
    }
    copy(text).await
}

async fn copy(text: &str) -> Shared {
    let clipboard = window().navigator().clipboard();
    if clipboard.is_undefined() {
        return Shared::Failed;
    }
    match JsFuture::from(clipboard.write_text(text)).await {
        Ok(_) => Shared::Copied,
        Err(_) => Shared::Failed,
    }
}

fn error_name(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default()
}
