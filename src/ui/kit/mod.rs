//! The form kit: the one way to build a screen that loads, lists, edits and saves.
//!
//! - `draft`: a form's value kept on the device as it is typed, and written at once
//!   when the page is hidden or closed.
//! - `form`: `Form`, a record and its draft loaded together, saved through one local
//!   action (pending state, no double submit), the draft removed in the same
//!   transaction, a conflict shown as a choice; `enter_never_submits` for forms with
//!   more than one field.
//! - `load`: one loader per record kind (`live`, `with_deleted`) and `Listing`, the one
//!   view for loading / could not load / empty / the list.
//! - `undo`: `Removal`, delete with undo, the same on every list.
//! - `views`: the notices and problems every form shows the same way.
//!
//! A new form: describe it with a `FormSpec`, make a `Form`, render `FormNotices`,
//! the fields bound to `form.value`, then `FormProblems` and a submit button disabled
//! while `form.pending()`; the submit handler validates and calls `form.save(body)`.

pub mod draft;
pub mod form;
pub mod load;
pub mod undo;
pub mod views;

pub use draft::Draft;
pub use form::{draft_key, enter_never_submits, go_to, text_field, Form, FormSpec, Load};
pub use load::{
    live, live_cards, load_message, stored_plan, with_deleted, Listing, LoadProblem, Loaded, Shown,
};
pub use undo::Removal;
pub use views::{FormNotices, FormProblems};
