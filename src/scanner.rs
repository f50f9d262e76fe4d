//! A keyboard-wedge passport reader: it types the MRZ as very fast key presses while any
//! field, or none, has focus. The engine's `Keystrokes` tells a reader's burst from a
//! person's typing; here the page lets it see every key, keeps Tab and Enter of a burst
//! from moving focus or submitting, puts back what the burst typed into fields, and hands
//! the MRZ to the nationality screen as if it had been typed into its `mrz` field.

use kzvisa_rules::mrz::{KeyAction, Keystrokes};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::flow::Step;
use crate::state::Store;

/// An MRZ that a reader has just typed, waiting for the nationality screen to take it.
#[derive(Clone, Copy)]
pub struct Scanned(pub RwSignal<Option<String>>);

/// A field the current burst typed into, and its value before the burst.
struct Typed {
    field: web_sys::HtmlElement,
    before: String,
}

fn value_of(el: &web_sys::HtmlElement) -> Option<String> {
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        return Some(input.value());
    }
    el.dyn_ref::<web_sys::HtmlTextAreaElement>().map(web_sys::HtmlTextAreaElement::value)
}

/// Puts `value` back and tells the field's listeners, so the screen's state follows.
fn restore(t: &Typed) {
    if let Some(input) = t.field.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(&t.before);
    } else if let Some(area) = t.field.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.set_value(&t.before);
    }
    if let Ok(event) = web_sys::Event::new("input") {
        let _ = t.field.dispatch_event(&event);
    }
}

/// Listens for a reader on every screen; provides [`Scanned`].
pub fn listen(store: Store) -> Scanned {
    let scanned = Scanned(RwSignal::new(None));
    let keys = StoredValue::new(Keystrokes::default());
    let typed = StoredValue::new(Vec::<Typed>::new());
    let started = StoredValue::new(None::<f64>);
    let listener = window_event_listener(leptos::ev::keydown, move |ev| {
        // A held key repeats at the keyboard's rate; no reader does that.
        if ev.repeat() {
            return;
        }
        let at = ev.time_stamp();
        let Some((action, burst)) = keys.try_update_value(|k| (k.key(&ev.key(), at), k.burst_started_at())) else {
            return;
        };
        if burst != started.get_value() {
            // A new burst: what an earlier one typed is a person's now.
            started.set_value(burst);
            typed.update_value(Vec::clear);
        }
        let focused = document().active_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(field) = focused {
            if let Some(before) = value_of(&field) {
                typed.update_value(|t| {
                    if !t.iter().any(|x| x.field == field) {
                        t.push(Typed { field, before });
                    }
                });
            }
        }
        match action {
            KeyAction::Pass => {}
            KeyAction::Swallow => ev.prevent_default(),
            KeyAction::Complete(text) => {
                ev.prevent_default();
                typed.update_value(|t| t.drain(..).for_each(|x| restore(&x)));
                scanned.0.set(Some(text));
                store.go(Some(Step::Nationality), false);
            }
        }
    });
    on_cleanup(move || listener.remove());
    scanned
}
