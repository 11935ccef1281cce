use leptos::prelude::*;

/// A screen: its one `h1` and content inside the `main` landmark, and the tab title.
#[component]
pub fn Page(
    /// The screen's name, shown as its heading and in the tab title.
    title: &'static str,
    children: Children,
) -> impl IntoView {
    document().set_title(&format!("{title} · Between"));
    view! {
        <main id="main" class="page" tabindex="-1">
            <h1 class="page__title">{title}</h1>
            {children()}
        </main>
    }
}
