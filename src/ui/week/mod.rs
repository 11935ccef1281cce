//! "My week": the week at a glance, a day at a time (entries and their moods, the
//! session, homework due and done), moved by "Previous week" / "Next week" or by the
//! arrow and page keys. The screen is behind its own split point (`ui/lazy.rs`); only
//! `first_weekday`, which Today uses too, is in the main module.

mod page;

use std::cell::Cell;

use chrono::Weekday;
use js_sys::{Array, Function, Reflect};
use wasm_bindgen::JsCast;

pub use page::WeekPage;

thread_local! {
    static FIRST: Cell<Option<Weekday>> = const { Cell::new(None) };
}

/// The locale's first day of the week (`Intl.Locale`'s week info), read once;
/// Monday when the browser does not say.
pub fn first_weekday() -> Weekday {
    if let Some(day) = FIRST.get() {
        return day;
    }
    let day = crate::domain::week::first_weekday(locale_first_day());
    FIRST.set(Some(day));
    day
}

/// `new Intl.Locale(navigator.language)`'s `getWeekInfo?.() ?? weekInfo`, its `firstDay`.
fn locale_first_day() -> Option<u32> {
    let language = web_sys::window()?.navigator().language()?;
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let class = Reflect::get(&intl, &"Locale".into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    let locale = Reflect::construct(&class, &Array::of1(&language.into())).ok()?;
    let info = match Reflect::get(&locale, &"getWeekInfo".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    {
        Some(get) => get.call0(&locale).ok()?,
        None => Reflect::get(&locale, &"weekInfo".into()).ok()?,
    };
    let first = Reflect::get(&info, &"firstDay".into()).ok()?.as_f64()?;
    Some(first as u32)
}
