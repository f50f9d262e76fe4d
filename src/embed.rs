//! Running inside another site's page (an iframe made by `public/embed.js`, or a plain
//! one): check that the host may embed us, tell it our height and the outcome (codes only,
//! never an answer), and take a validated theme colour and display mode from the URL.

use kzvisa_rules::Assessment;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// The host page's origin, when the app is framed and the host is allowed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Host {
    /// Not in a frame: a page of its own.
    TopLevel,
    /// Framed by an origin the operator allows.
    Allowed(String),
    /// Framed by an origin the operator does not allow (or one that cannot be known).
    Refused(String),
}

/// The origins allowed to embed the app, from `<meta name="kzvisa-embed-origins">` in
/// index.html (space-separated; `*` allows any): operators set it without touching code.
fn allowed_origins() -> Vec<String> {
    document()
        .query_selector("meta[name='kzvisa-embed-origins']")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .map(|c| c.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default()
}

/// The embedding page's origin: `location.ancestorOrigins`, which the page cannot forge,
/// else the referrer's origin.
fn parent_origin() -> Option<String> {
    let location = window().location();
    let from_ancestors = js_sys::Reflect::get(&location, &"ancestorOrigins".into())
        .ok()
        .and_then(|list| js_sys::Reflect::get(&list, &"0".into()).ok())
        .and_then(|o| o.as_string());
    from_ancestors.or_else(|| {
        let referrer = document().referrer();
        web_sys::Url::new(&referrer).ok().map(|u| u.origin()).filter(|o| o != "null")
    })
}

pub fn detect() -> Host {
    let framed = window().parent().ok().flatten().is_some_and(|p| p != window());
    if !framed {
        return Host::TopLevel;
    }
    let origin = parent_origin().unwrap_or_default();
    let allowed = allowed_origins();
    if !origin.is_empty() && allowed.iter().any(|a| a == "*" || *a == origin) {
        Host::Allowed(origin)
    } else {
        Host::Refused(origin)
    }
}

fn post(host: &Host, message: &[(&str, JsValue)]) {
    let Host::Allowed(origin) = host else { return };
    let object = js_sys::Object::new();
    for (key, value) in message {
        let _ = js_sys::Reflect::set(&object, &(*key).into(), value);
    }
    if let Ok(Some(parent)) = window().parent() {
        let _ = parent.post_message(&object, origin);
    }
}

fn codes<'a>(items: impl Iterator<Item = &'a str>) -> JsValue {
    items.map(JsValue::from_str).collect::<js_sys::Array>().into()
}

/// Tells the host the outcome: the route and the codes, nothing the traveller typed.
pub fn announce_result(host: &Host, a: &Assessment) {
    post(
        host,
        &[
            ("type", "kzvisa:result".into()),
            ("route", a.route.as_str().into()),
            ("allowed", a.allowed().into()),
            ("issues", codes(a.issues.iter().map(|i| i.code.as_str()))),
            ("deadlines", codes(a.deadlines.iter().map(|d| d.code.as_str()))),
            ("documents", codes(a.documents.iter().map(|d| d.code.as_str()))),
            ("steps", codes(a.steps.iter().map(|s| s.code.as_str()))),
        ],
    );
}

/// Keeps the host's iframe as tall as the content, through a `ResizeObserver`.
pub fn report_height(host: Host) {
    if !matches!(host, Host::Allowed(_)) {
        return;
    }
    let send = move || {
        let height = document().document_element().map_or(0, |e| e.scroll_height());
        post(&host, &[("type", "kzvisa:resize".into()), ("height", height.into())]);
    };
    send();
    let callback = wasm_bindgen::closure::Closure::<dyn Fn()>::new(send);
    if let (Ok(observer), Some(body)) =
        (web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()), document().body())
    {
        observer.observe(&body);
        std::mem::forget(observer); // observes for the page's whole life
    }
    callback.forget();
}

/// A theme colour from the URL, accepted only as `#rrggbb` (never raw CSS).
pub fn theme_colour(value: &str) -> Option<String> {
    let hex = value.strip_prefix('#')?;
    (hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit())).then(|| format!("#{}", hex.to_ascii_lowercase()))
}

/// Applies the URL's display options: a validated theme colour (through the CSS object
/// model, which the Content Security Policy allows) and a mode class.
pub fn apply_display(theme: Option<&str>, mode: Option<&str>) {
    let Some(root) = document().document_element() else { return };
    if let Some(colour) = theme.and_then(theme_colour) {
        if let Ok(el) = root.clone().dyn_into::<web_sys::HtmlElement>() {
            let _ = el.style().set_property("--brand", &colour);
        }
    }
    for m in ["compact", "kiosk"] {
        let _ = root.class_list().toggle_with_force(&format!("mode-{m}"), mode == Some(m));
    }
}

#[cfg(test)]
mod tests {
    use super::theme_colour;

    #[test]
    fn only_plain_hex_colours_pass() {
        assert_eq!(theme_colour("#00617F").as_deref(), Some("#00617f"));
        for bad in ["00617f", "#00617", "#00617fz", "red", "#fff", "#000000;background:url(x)", "", "#ｆｆｆｆｆｆ"]
        {
            assert_eq!(theme_colour(bad), None, "{bad}");
        }
    }
}
