//! Widgets shared by every screen: the shell (header, navigation, help control,
//! update prompt), the page frame and plain-words storage messages.

mod chart;
mod mood;
mod page;
mod people;
mod shell;
mod store_message;
mod undo_toast;

pub use chart::{LineChart, Numbers, Point};
pub use mood::MoodMark;
pub use page::Page;
pub use people::MyPeople;
pub use shell::{NotFound, Shell};
pub use store_message::{StoreMessage, NEWER_VERSION};
pub use undo_toast::UndoToast;
