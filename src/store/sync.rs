//! Change notices between open tabs (BroadcastChannel) and within this tab.
//!
//! After every committed write the store calls `changed(kind)`. Screens subscribe
//! with `on_change` and reload what they show; since every write checks revisions,
//! a tab that reloads never overwrites what another tab saved.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{BroadcastChannel, MessageEvent};

use crate::domain::record::Kind;

const CHANNEL: &str = "between-changes";

type Listener = Rc<dyn Fn(Kind)>;

thread_local! {
    static LISTENERS: RefCell<Vec<Listener>> = const { RefCell::new(Vec::new()) };
    static CHANNEL_HANDLE: RefCell<Option<BroadcastChannel>> = const { RefCell::new(None) };
}

fn channel() -> Option<BroadcastChannel> {
    CHANNEL_HANDLE.with(|c| {
        if c.borrow().is_none() {
            let ch = BroadcastChannel::new(CHANNEL).ok()?;
            let onmessage = Closure::<dyn Fn(MessageEvent)>::new(|e: MessageEvent| {
                if let Some(kind) = e.data().as_string().and_then(|s| Kind::parse(&s)) {
                    notify(kind);
                }
            });
            ch.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
            // The channel lives as long as the page.
            onmessage.forget();
            *c.borrow_mut() = Some(ch);
        }
        c.borrow().clone()
    })
}

fn notify(kind: Kind) {
    let listeners: Vec<Listener> = LISTENERS.with(|l| l.borrow().clone());
    for l in listeners {
        l(kind);
    }
}

/// Calls `f` whenever records of any kind change, here or in another tab.
pub fn on_change(f: impl Fn(Kind) + 'static) {
    channel();
    LISTENERS.with(|l| l.borrow_mut().push(Rc::new(f)));
}

/// Tells this tab and the others that records of `kind` changed.
pub fn changed(kind: Kind) {
    if let Some(ch) = channel() {
        let _ = ch.post_message(&kind.as_str().into());
    }
    notify(kind);
}
