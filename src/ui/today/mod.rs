//! Today: where the week starts from.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::route::Route;
use crate::ui::context::Base;
use crate::ui::widgets::Page;

#[component]
pub fn Today() -> impl IntoView {
    let base = expect_context::<Base>();
    let today = js_sys::Date::new_0();
    let options = js_sys::Object::new();
    for (k, v) in [("weekday", "long"), ("day", "numeric"), ("month", "long")] {
        let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
    }
    let date: String = today.to_locale_date_string("default", &options).into();
    view! {
        <Page title=Route::Today.title()>
            <p class="lead">{date}</p>
            <p><A href=base.href(Route::Struggling) attr:class="button button--primary button--big">"I'm struggling"</A></p>
            <section class="card" aria-labelledby="today-write">
                <h2 id="today-write">"Write it down"</h2>
                <p>"A few words about how today is going can help you see patterns and bring things to your next session."</p>
                <div class="actions">
                    <A href=base.href(Route::Write) attr:class="button button--primary">"New entry"</A>
                    <A href=base.href(Route::Journal) attr:class="button">"See my entries"</A>
                    <A href=base.href(Route::CheckIns) attr:class="button">"Check in"</A>
                </div>
            </section>
            <section class="card" aria-labelledby="today-private">
                <h2 id="today-private">"Private by design"</h2>
                <p>"Everything you write stays on this device. Between has no account and sends nothing anywhere. It works without a connection, too."</p>
            </section>
        </Page>
    }
}
