//! Stage 8: each page's HTML, from its template (index.html, group.html) rewritten as HTML
//! by lol_html: the Content Security Policy, the stylesheet and scripts with their
//! integrity, the preloads of the glue, the loader and the wasm, and the copy of the first
//! question; then a check that no inline script or style is left for the policy to refuse.

use std::cell::Cell;

use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, RewriteStrSettings};

use crate::dist::File;
use crate::Result;

/// The policy every page carries: scripts and styles from the app's own origin only,
/// WebAssembly compilation allowed ('wasm-unsafe-eval'), no network but to the app's own
/// origin (for its files), no forms sent anywhere, no plugins, no <base>. A host's header
/// adds `frame-ancestors` (deploy/headers.mjs), which a <meta> cannot carry.
pub const POLICY: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
img-src 'self' data:; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'";

/// What a page's head links, in the order it loads them.
pub struct Head<'a> {
    pub css: &'a File,
    /// The script that picks the first question's copy before the page is drawn.
    pub shell_script: Option<&'a File>,
    pub boot: &'a File,
    /// ES modules the boot script imports: the glue, then the split's loader.
    pub modules: Vec<&'a File>,
    pub wasm: &'a File,
}

/// A page's HTML: `template` with `head`'s tags, the policy, `shell` (the first question's
/// copies) at the start of its body, and `embed_origins` as its embed allow-list.
pub fn page(template: &str, head: &Head, shell: Option<&str>, embed_origins: Option<&str>) -> Result<String> {
    let mut tags =
        format!("<link rel=\"stylesheet\" href=\"./{}\" integrity=\"{}\" />\n", head.css.name, head.css.integrity);
    if let Some(script) = head.shell_script {
        tags += &format!("    <script src=\"./{}\"></script>\n", script.name);
    }
    tags += &format!("    <script type=\"module\" src=\"./{}\"></script>\n", head.boot.name);
    for module in &head.modules {
        tags += &format!(
            "    <link rel=\"modulepreload\" href=\"./{}\" crossorigin=\"anonymous\" integrity=\"{}\" />\n",
            module.name, module.integrity
        );
    }
    tags += &format!(
        "    <link rel=\"preload\" href=\"./{}\" crossorigin=\"anonymous\" integrity=\"{}\" as=\"fetch\" type=\"application/wasm\" />\n  ",
        head.wasm.name, head.wasm.integrity
    );
    let policy = format!("\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{POLICY}\" />");
    let shell = shell.map(|s| format!("\n    <div id=\"kzvisa-shell\" aria-hidden=\"true\" inert>{s}</div>"));
    let (inline, trunk, charset) = (Cell::new(0), Cell::new(0), Cell::new(0));
    let html = rewrite_str(
        template,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!("meta[charset]", |el| {
                    charset.set(charset.get() + 1);
                    el.after(&policy, ContentType::Html);
                    Ok(())
                }),
                element!("head", |el| {
                    el.append(&tags, ContentType::Html);
                    Ok(())
                }),
                element!("body", |el| {
                    if let Some(shell) = &shell {
                        el.prepend(shell, ContentType::Html);
                    }
                    Ok(())
                }),
                element!("meta[name=kzvisa-embed-origins]", |el| {
                    if let Some(origins) = embed_origins {
                        el.set_attribute("content", origins)?;
                    }
                    Ok(())
                }),
                element!("[data-trunk]", |_| {
                    trunk.set(trunk.get() + 1);
                    Ok(())
                }),
                element!("script:not([src]), style, [style]", |_| {
                    inline.set(inline.get() + 1);
                    Ok(())
                }),
            ],
            ..RewriteStrSettings::default()
        },
    )?;
    if charset.get() != 1 {
        return Err("the template needs one <meta charset>, for the policy to follow it".into());
    }
    if trunk.get() > 0 {
        return Err("the template links assets for Trunk (data-trunk): the build adds them itself".into());
    }
    if inline.get() > 0 {
        return Err("the template has an inline script or style, which the policy refuses".into());
    }
    Ok(html)
}

/// The embed allow-list a page's template sets (`<meta name="kzvisa-embed-origins">`).
pub fn embed_origins(template: &str) -> Result<String> {
    let found = std::cell::RefCell::new(None);
    rewrite_str(
        template,
        RewriteStrSettings {
            element_content_handlers: vec![element!("meta[name=kzvisa-embed-origins]", |el| {
                *found.borrow_mut() = el.get_attribute("content");
                Ok(())
            })],
            ..RewriteStrSettings::default()
        },
    )?;
    found.into_inner().ok_or_else(|| "index.html has no <meta name=\"kzvisa-embed-origins\">".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "<!doctype html><html><head><meta charset=\"utf-8\" />\
        <meta name=\"kzvisa-embed-origins\" content=\"*\" /><title>t</title></head><body><noscript>n</noscript></body></html>";

    fn file(name: &str) -> File {
        File { name: name.into(), integrity: format!("sha384-{name}") }
    }

    #[test]
    fn the_page_carries_the_policy_its_files_with_their_integrity_and_the_shell() {
        let (css, boot, glue, wasm) = (file("main.css"), file("boot.js"), file("glue.js"), file("glue_bg.wasm"));
        let head = Head { css: &css, shell_script: None, boot: &boot, modules: vec![&glue], wasm: &wasm };
        let html = page(TEMPLATE, &head, Some("<p>copy</p>"), Some("https://embassy.example")).unwrap();
        assert!(html.contains("<meta charset=\"utf-8\" />\n    <meta http-equiv=\"Content-Security-Policy\""));
        assert!(html.contains("href=\"./main.css\" integrity=\"sha384-main.css\""));
        assert!(html.contains(
            "<link rel=\"modulepreload\" href=\"./glue.js\" crossorigin=\"anonymous\" integrity=\"sha384-glue.js\""
        ));
        assert!(html
            .contains("<body>\n    <div id=\"kzvisa-shell\" aria-hidden=\"true\" inert><p>copy</p></div><noscript>"));
        assert!(html.contains("content=\"https://embassy.example\""));
        assert_eq!(embed_origins(TEMPLATE).unwrap(), "*");
    }

    #[test]
    fn a_template_with_an_inline_script_or_trunks_links_is_refused() {
        let (css, boot, wasm) = (file("main.css"), file("boot.js"), file("w.wasm"));
        let head = Head { css: &css, shell_script: None, boot: &boot, modules: vec![], wasm: &wasm };
        for bad in [
            "<script>alert(1)</script>",
            "<p style=\"color: red\">x</p>",
            "<link data-trunk rel=\"css\" href=\"a.css\" />",
        ] {
            let template = TEMPLATE.replace("<noscript>", &format!("{bad}<noscript>"));
            assert!(page(&template, &head, None, None).is_err(), "{bad}");
        }
    }
}
