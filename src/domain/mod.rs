//! Plain Rust types and rules. No web APIs, no clock, no storage: every function
//! takes `now`/`today` as an argument, so `cargo test` covers it natively.

pub mod agenda;
pub mod appointment;
pub mod backup;
pub mod checkin;
pub mod coping;
pub mod crisis;
pub mod dates;
pub mod drafts;
pub mod exercise;
pub mod homework;
pub mod ics;
pub mod journal;
pub mod journal_month;
pub mod look_forward;
pub mod patterns;
pub mod prefs;
pub mod prep;
pub mod progress;
pub mod record;
pub mod rest;
pub mod route;
pub mod safety_plan;
pub mod sensitive;
pub mod session_note;
pub mod thought;
pub mod today;
pub mod week;
