//! Photos for photo cards: decoded and scaled down on the device, shown from the store.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, CanvasRenderingContext2d, File, HtmlCanvasElement, ImageBitmap, Url};

use crate::domain::coping::{check_photo, scaled_size, PhotoError, PHOTO_MAX_SIDE};
use crate::store;

/// Plain words for a photo that cannot be used.
pub fn photo_problem(e: PhotoError) -> &'static str {
    match e {
        PhotoError::NotAnImage => {
            "That file isn't a picture. Please choose a photo, for example a JPEG or PNG."
        }
        PhotoError::TooLarge => {
            "That picture is too large to keep (more than 30 MB). Please choose a smaller one."
        }
        PhotoError::Undecodable => {
            "This picture couldn't be opened on this device. Please try another one."
        }
    }
}

/// Decodes `file` and scales it to at most [`PHOTO_MAX_SIDE`] on its longest side, as JPEG.
pub async fn prepare(file: File) -> Result<Blob, PhotoError> {
    check_photo(&file.type_(), file.size())?;
    let undecodable = |_| PhotoError::Undecodable;
    let promise = window()
        .create_image_bitmap_with_blob(&file)
        .map_err(undecodable)?;
    let bitmap: ImageBitmap = JsFuture::from(promise)
        .await
        .map_err(undecodable)?
        .unchecked_into();
    let (w, h) = scaled_size(bitmap.width(), bitmap.height(), PHOTO_MAX_SIDE);
    if w == 0 || h == 0 {
        return Err(PhotoError::Undecodable);
    }
    let canvas: HtmlCanvasElement = document()
        .create_element("canvas")
        .map_err(undecodable)?
        .unchecked_into();
    canvas.set_width(w);
    canvas.set_height(h);
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .ok_or(PhotoError::Undecodable)?
        .unchecked_into();
    context
        .draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, w as f64, h as f64)
        .map_err(undecodable)?;
    bitmap.close();
    let encoded = js_sys::Promise::new(&mut |resolve, _reject| {
        let done = Closure::once_into_js(move |blob: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &blob);
        });
        let _ = canvas.to_blob_with_type_and_encoder_options(
            done.unchecked_ref(),
            "image/jpeg",
            &JsValue::from(0.85),
        );
    });
    JsFuture::from(encoded)
        .await
        .map_err(undecodable)?
        .dyn_into::<Blob>()
        .map_err(undecodable)
}

/// A picture kept in the store, shown through an object URL released when it goes.
#[component]
pub fn StoredPhoto(id: String, #[prop(into)] alt: String) -> impl IntoView {
    let url = RwSignal::new(None::<String>);
    leptos::task::spawn_local(async move {
        if let Ok(Some(blob)) = store::blobs::get(&id).await {
            if let Ok(u) = Url::create_object_url_with_blob(&blob) {
                if url.try_set(Some(u.clone())).is_some() {
                    // The card went before the picture arrived.
                    let _ = Url::revoke_object_url(&u);
                }
            }
        }
    });
    on_cleanup(move || {
        if let Some(Some(u)) = url.try_get_untracked() {
            let _ = Url::revoke_object_url(&u);
        }
    });
    move || {
        url.get()
            .map(|u| view! { <img class="photo" src=u alt=alt.clone()/> })
    }
}
