//! `ActionMenu`: one button that opens a short menu of what can be done with one thing
//! (an entry, a thought record, later a session or a piece of homework), so a list
//! shows what was written rather than rows of buttons.
//!
//! It follows the WAI-ARIA menu button pattern: the button says `aria-haspopup="menu"`
//! and `aria-expanded`; Enter, Space or Down open the menu on its first item (Up on its
//! last); Up, Down, Home and End move between items; Escape closes it and gives focus
//! back to the button; Tab, a click outside or opening another menu close it.
//!
//! ```ignore
//! OpenMenu::provide(); // once per screen: one menu open at a time
//! view! {
//!     <ActionMenu label="Actions for the entry of 14:05" items=vec![
//!         MenuItem::link("Edit", edit_href),
//!         MenuItem::action("Delete", move || delete()),
//!     ]/>
//! }
//! ```

use std::cell::Cell;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

/// One choice in an [`ActionMenu`].
#[derive(Clone)]
pub enum MenuItem {
    /// Runs `on_select` once the menu has closed and focus is back on its button.
    Action {
        label: String,
        on_select: Callback<()>,
    },
    /// Goes to `href` (an address of the app, base included).
    Link { label: String, href: String },
}

impl MenuItem {
    pub fn action(label: impl Into<String>, on_select: impl Fn() + Send + Sync + 'static) -> Self {
        MenuItem::Action {
            label: label.into(),
            on_select: Callback::new(move |_| on_select()),
        }
    }

    pub fn link(label: impl Into<String>, href: impl Into<String>) -> Self {
        MenuItem::Link {
            label: label.into(),
            href: href.into(),
        }
    }
}

/// Which menu of a screen is open, if any: one at a time. A screen with many menus
/// provides it once; without it each menu keeps its own (a click outside still closes it).
#[derive(Clone, Copy)]
pub struct OpenMenu(RwSignal<Option<u32>>);

impl OpenMenu {
    pub fn provide() {
        provide_context(OpenMenu(RwSignal::new(None)));
    }
}

/// Where focus goes when the menu opens.
#[derive(Clone, Copy)]
enum Start {
    First,
    Last,
}

/// A button ("Actions", or `text`) that opens a menu of `items`.
#[component]
pub fn ActionMenu(
    /// The button's accessible name, naming what it acts on, e.g. "Actions for the entry
    /// of 14:05". It starts with the visible text, so speech input finds it.
    #[prop(into)]
    label: String,
    /// The choices, in order.
    items: Vec<MenuItem>,
    /// The visible text of the button ("Actions" if not given).
    #[prop(optional, into)]
    text: Option<String>,
    /// The button takes focus when it appears (its item was just changed from the menu
    /// and drawn again, so focus stays where the person was).
    #[prop(optional)]
    focus: bool,
) -> impl IntoView {
    let id = NEXT_ID.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    });
    let button_id = format!("menu-{id}-button");
    let list_id = format!("menu-{id}");
    let open = use_context::<OpenMenu>()
        .map(|m| m.0)
        .unwrap_or_else(|| RwSignal::new(None));
    let is_open = Memo::new(move |_| open.get() == Some(id));
    let wrapper = NodeRef::<leptos::html::Div>::new();
    let button = NodeRef::<leptos::html::Button>::new();
    let list = NodeRef::<leptos::html::Ul>::new();

    let focus_button = move || {
        if let Some(b) = button.try_get_untracked().flatten() {
            let _ = b.focus();
        }
    };
    let close = move || {
        if open.try_get_untracked() == Some(Some(id)) {
            let _ = open.try_set(None);
        }
    };
    // Items are drawn once the menu is open, so focus moves on the next frame.
    let show = move |start: Start| {
        open.set(Some(id));
        request_animation_frame(move || {
            let items = menu_items(list);
            let target = match start {
                Start::First => items.first(),
                Start::Last => items.last(),
            };
            if let Some(el) = target {
                let _ = el.focus();
            }
            // The whole menu in view, clear of the bars that stay on screen (the page's
            // scroll-padding), when it opened near the bottom.
            if let Some(l) = list.try_get_untracked().flatten() {
                scroll_into_view_nearest(&l);
            }
        });
    };

    // While open, a press anywhere outside closes it.
    let listener = StoredValue::new(None::<WindowListenerHandle>);
    Effect::new(move |_| {
        if is_open.get() {
            let handle = window_event_listener(ev::pointerdown, move |e| {
                if !inside(wrapper, e.target()) {
                    close();
                }
            });
            listener.set_value(Some(handle));
        } else if let Some(h) = listener.try_update_value(Option::take).flatten() {
            h.remove();
        }
    });
    on_cleanup(move || {
        if let Some(h) = listener.try_update_value(Option::take).flatten() {
            h.remove();
        }
        close();
    });

    if focus {
        request_animation_frame(focus_button);
    }

    let on_button_key = move |e: ev::KeyboardEvent| match e.key().as_str() {
        "ArrowDown" => {
            e.prevent_default();
            show(Start::First);
        }
        "ArrowUp" => {
            e.prevent_default();
            show(Start::Last);
        }
        "Escape" if is_open.get_untracked() => {
            e.prevent_default();
            close();
        }
        _ => {}
    };
    let on_menu_key = move |e: ev::KeyboardEvent| {
        let items = menu_items(list);
        let active = document().active_element();
        let now = items
            .iter()
            .position(|el| active.as_ref().is_some_and(|a| a == el.as_ref()));
        let n = items.len();
        let target = match (e.key().as_str(), now) {
            ("ArrowDown", Some(i)) => Some((i + 1) % n),
            ("ArrowDown", None) => Some(0),
            ("ArrowUp", Some(i)) => Some((i + n - 1) % n),
            ("ArrowUp", None) => Some(n.saturating_sub(1)),
            ("Home", _) => Some(0),
            ("End", _) => Some(n.saturating_sub(1)),
            ("Escape", _) => {
                e.prevent_default();
                e.stop_propagation();
                close();
                focus_button();
                None
            }
            ("Tab", _) => {
                close();
                None
            }
            // A link does not follow Space by itself; a menu item does.
            (" ", Some(i)) => {
                if items[i].tag_name().eq_ignore_ascii_case("a") {
                    e.prevent_default();
                    items[i].click();
                }
                None
            }
            _ => None,
        };
        if let Some(el) = target.and_then(|i| items.get(i)) {
            e.prevent_default();
            let _ = el.focus();
        }
    };

    let items = StoredValue::new(items);
    let controls = list_id.clone();
    let own_id = button_id.clone();
    // Drawn only while open: a long list of closed menus costs one button each.
    let menu = move || {
        is_open.get().then(|| {
            let choices = items
                .get_value()
                .into_iter()
                .map(|item| match item {
                    MenuItem::Action { label, on_select } => view! {
                        <li role="none">
                            <button type="button" role="menuitem" tabindex="-1" class="menu__item"
                                on:click=move |_| {
                                    close();
                                    focus_button();
                                    on_select.run(());
                                }>{label}</button>
                        </li>
                    }
                    .into_any(),
                    MenuItem::Link { label, href } => view! {
                        <li role="none">
                            <a role="menuitem" tabindex="-1" class="menu__item" href=href
                                on:click=move |_| close()>{label}</a>
                        </li>
                    }
                    .into_any(),
                })
                .collect_view();
            view! {
                <ul class="menu__list" role="menu" id=list_id.clone() aria-labelledby=button_id.clone()
                    node_ref=list on:keydown=on_menu_key>
                    {choices}
                </ul>
            }
        })
    };

    view! {
        <div class="menu" node_ref=wrapper
            on:focusout=move |e: ev::FocusEvent| {
                // Focus moved on to something outside (not to nowhere: a click inside
                // may blur first in some browsers).
                if e.related_target().is_some() && !inside(wrapper, e.related_target()) {
                    close();
                }
            }>
            <button type="button" class="button menu__button" id=own_id node_ref=button
                aria-haspopup="menu" aria-label=label
                aria-expanded=move || is_open.get().to_string()
                aria-controls=move || is_open.get().then(|| controls.clone())
                on:click=move |_| if is_open.get_untracked() { close() } else { show(Start::First) }
                on:keydown=on_button_key>
                <svg class="menu__icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                    <circle cx="3" cy="8" r="1.6"/><circle cx="8" cy="8" r="1.6"/><circle cx="13" cy="8" r="1.6"/>
                </svg>
                {text.unwrap_or_else(|| "Actions".to_string())}
            </button>
            {menu}
        </div>
    }
}

/// The menu's items, in order (each the one child of an `li`).
fn menu_items(list: NodeRef<leptos::html::Ul>) -> Vec<web_sys::HtmlElement> {
    let mut out = Vec::new();
    let mut li = list
        .try_get_untracked()
        .flatten()
        .and_then(|l| l.first_element_child());
    while let Some(l) = li {
        if let Some(item) = l
            .first_element_child()
            .and_then(|i| i.dyn_into::<web_sys::HtmlElement>().ok())
        {
            out.push(item);
        }
        li = l.next_element_sibling();
    }
    out
}

/// `el.scrollIntoView({ block: "nearest" })`: scrolls only if part of it is out of view.
fn scroll_into_view_nearest(el: &web_sys::Element) {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"block".into(), &"nearest".into());
    if let Ok(f) = js_sys::Reflect::get(el, &"scrollIntoView".into()) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = f.call1(el, &options);
        }
    }
}

/// Whether `target` is inside the menu.
fn inside(wrapper: NodeRef<leptos::html::Div>, target: Option<web_sys::EventTarget>) -> bool {
    let (Some(w), Some(t)) = (wrapper.try_get_untracked().flatten(), target) else {
        return false;
    };
    t.dyn_ref::<web_sys::Node>()
        .is_some_and(|n| w.contains(Some(n)))
}
