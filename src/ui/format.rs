//! Local dates and times for display and for form fields, through the browser's
//! own clock and locale (no formatting tables shipped in the app).

use chrono::{Datelike, NaiveDate, Timelike};
use js_sys::{Date, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::domain::patterns::local_time;
use crate::domain::record::Millis;

pub fn now_ms() -> Millis {
    Date::now() as Millis
}

/// The local offset from UTC at `at`, in minutes east (UTC+1 is 60).
pub fn offset_at(at: Millis) -> i32 {
    -(Date::new(&JsValue::from_f64(at as f64)).get_timezone_offset() as i32)
}

/// Today's local date.
pub fn today() -> NaiveDate {
    let now = now_ms();
    local_time(now, offset_at(now)).date()
}

/// The value of an `<input type=datetime-local>` for an instant.
pub fn datetime_local_value(at: Millis) -> String {
    let t = local_time(at, offset_at(at));
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute()
    )
}

/// Parses a datetime-local value ("2026-11-27T14:30") as local time.
pub fn parse_datetime_local(value: &str) -> Option<Millis> {
    if value.len() < 16 {
        return None;
    }
    let ms = Date::new(&JsValue::from_str(value)).get_time();
    ms.is_finite().then_some(ms as Millis)
}

pub fn date_value(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

pub fn parse_date(value: &str) -> Option<NaiveDate> {
    let mut parts = value.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    NaiveDate::from_ymd_opt(y as i32, m as u32, d as u32)
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &(*k).into(), &(*v).into());
    }
    o
}

fn noon_utc(d: NaiveDate) -> Date {
    Date::new(&JsValue::from_f64(
        d.and_hms_opt(12, 0, 0)
            .unwrap_or_default()
            .and_utc()
            .timestamp_millis() as f64,
    ))
}

/// "Friday 27 November" (with the year when it is not this year).
pub fn day_long(d: NaiveDate) -> String {
    let mut o = vec![
        ("weekday", "long"),
        ("day", "numeric"),
        ("month", "long"),
        ("timeZone", "UTC"),
    ];
    if d.year() != today().year() {
        o.push(("year", "numeric"));
    }
    noon_utc(d)
        .to_locale_date_string("default", &options(&o))
        .into()
}

/// "27 Nov".
pub fn day_short(d: NaiveDate) -> String {
    noon_utc(d)
        .to_locale_date_string(
            "default",
            &options(&[("day", "numeric"), ("month", "short"), ("timeZone", "UTC")]),
        )
        .into()
}

/// "November 2026".
pub fn month_name(d: NaiveDate) -> String {
    noon_utc(d)
        .to_locale_date_string(
            "default",
            &options(&[("month", "long"), ("year", "numeric"), ("timeZone", "UTC")]),
        )
        .into()
}

/// "14:05" or "2:05 PM", as the person's locale writes it.
pub fn time_of(at: Millis) -> String {
    Date::new(&JsValue::from_f64(at as f64))
        .to_locale_time_string_with_options(
            "default",
            &options(&[("hour", "numeric"), ("minute", "2-digit")]),
        )
        .into()
}

/// One decimal, without a trailing ".0".
pub fn number(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// The local date of an instant, in this browser's time zone.
pub fn local_date(at: Millis) -> NaiveDate {
    local_time(at, offset_at(at)).date()
}

/// A named moment on the browser's performance timeline, read by `make bench`.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Now, as local wall-clock time.
pub fn local_now() -> chrono::NaiveDateTime {
    let now = now_ms();
    local_time(now, offset_at(now))
}

/// The local offset, in minutes east of UTC, in force at a local wall-clock time.
pub fn offset_on(t: chrono::NaiveDateTime) -> i32 {
    let d = Date::new_with_year_month_day_hr_min_sec(
        t.year() as u32,
        t.month0() as i32,
        t.day() as i32,
        t.hour() as i32,
        t.minute() as i32,
        0,
    );
    -(d.get_timezone_offset() as i32)
}

/// A local wall-clock time as the person's locale writes it ("16:00", "4:00 PM").
pub fn wall_time(t: chrono::NaiveDateTime) -> String {
    Date::new(&JsValue::from_f64(t.and_utc().timestamp_millis() as f64))
        .to_locale_time_string_with_options(
            "default",
            &options(&[
                ("hour", "numeric"),
                ("minute", "2-digit"),
                ("timeZone", "UTC"),
            ]),
        )
        .into()
}

/// The browser's IANA time zone ("Europe/London"), when it says.
pub fn time_zone() -> Option<String> {
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &Object::new());
    Reflect::get(&format.resolved_options(), &"timeZone".into())
        .ok()?
        .as_string()
}
