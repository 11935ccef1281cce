//! The journal: write an entry, see entries newest first, edit, delete with undo.

mod entry_form;
mod entry_list;

use leptos::prelude::*;

use crate::domain::route::Route;
use crate::ui::widgets::Page;

use entry_form::EntryForm;
use entry_list::EntryList;

#[component]
pub fn Journal() -> impl IntoView {
    view! {
        <Page title=Route::Journal.title()>
            <EntryForm/>
            <EntryList/>
        </Page>
    }
}
