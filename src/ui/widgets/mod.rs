//! Widgets shared by every screen: the shell (header, navigation, help control,
//! update prompt), the page frame, plain-words storage messages and the action menu.

mod agenda;
mod chart;
mod menu;
mod mood;
mod page;
mod people;
mod sensitive;
mod share;
mod shell;
mod store_message;
mod undo_toast;

pub use agenda::{AgendaField, BringToSession};
pub use chart::{LineChart, Numbers, Point};
pub use menu::{ActionMenu, MenuItem, OpenMenu};
pub use mood::MoodMark;
pub use page::Page;
pub use people::MyPeople;
pub use sensitive::Sensitive;
pub use share::{save_file, ShareFromMenu, SharePreview};
pub use shell::{NotFound, Shell};
pub use store_message::{StoreMessage, NEWER_VERSION};
pub use undo_toast::UndoToast;
