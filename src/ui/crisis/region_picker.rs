use leptos::prelude::*;

use crate::domain::crisis::Region;
use crate::store;
use crate::ui::context::Prefs;

/// Chooses which country's lines to show; the choice is remembered, and from then on
/// the region is no longer a guess.
#[component]
pub fn RegionPicker(
    /// Lets "Change" on the crisis card move focus here.
    #[prop(optional)]
    select_ref: NodeRef<leptos::html::Select>,
) -> impl IntoView {
    let prefs = expect_context::<Prefs>();
    let options = Region::ALL
        .into_iter()
        .map(|r| {
            view! { <option value=r.code() selected=move || prefs.region.get() == r>{r.name()}</option> }
        })
        .collect_view();
    let change = move |ev: leptos::ev::Event| {
        if let Some(region) = Region::from_code(&event_target_value(&ev)) {
            store::prefs::set_region(region);
            prefs.region.set(region);
            prefs.region_guessed.set(false);
        }
    };
    view! {
        <div class="field field--inline region-picker">
            <label class="field__label" for="region">"Your region"</label>
            <select id="region" class="field__input" node_ref=select_ref on:change=change prop:value=move || prefs.region.get().code()>
                {options}
            </select>
        </div>
    }
}
