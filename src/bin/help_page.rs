//! Writes `help.html`, the static page of crisis lines: plain HTML and `help.css`, no
//! wasm and no script, so a person can see a line before the app has loaded, or when
//! it cannot start. Built from `between::domain::crisis`, the one table of lines.
//!
//! Run by Trunk as a pre_build hook (Trunk.toml) into target/help-page/; index.html
//! copies it into dist/, where tools/precache.mjs adds it to the service worker's
//! precache, so it opens offline:
//!   cargo run --offline --quiet --bin help_page -- DIR
//! With no directory it prints the page.
//!
//! For wasm32 (clippy checks every target) it is an empty program.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let dir = std::env::args().nth(1);
    let html = page::render();
    match dir {
        Some(dir) => {
            let path = std::path::Path::new(&dir).join("help.html");
            if let Err(e) = std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&path, html))
            {
                eprintln!("help_page: could not write {}: {e}", path.display());
                std::process::exit(1);
            }
            println!("help_page: wrote {}", path.display());
        }
        None => print!("{html}"),
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod page {
    use std::fmt::Write;

    use between::domain::crisis::{Region, RegionLines, DIRECTORY_NAME, DIRECTORY_URL};

    /// Escapes text for HTML content and attribute values.
    fn esc(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&#39;"),
                c => out.push(c),
            }
        }
        out
    }

    const DIRECTORY: &str = "To find a helpline in your country, visit";

    fn region(out: &mut String, data: &RegionLines) {
        let r = data.region;
        let id = r.code();
        let _ = writeln!(out, r#"<section id="{id}" aria-labelledby="{id}-title">"#);
        let _ = writeln!(out, r#"<h2 id="{id}-title">{}</h2>"#, esc(r.name()));
        if data.emergency.is_empty() {
            let _ = writeln!(
                out,
                r#"<p class="emergency"><strong>In an emergency:</strong> Call your local emergency number.</p>"#
            );
        } else {
            let _ = write!(
                out,
                r#"<p class="emergency"><strong>In an emergency:</strong>"#
            );
            for e in data.emergency {
                let _ = write!(
                    out,
                    r#" <a class="call call--emergency" href="{}">{}</a>"#,
                    esc(&e.href()),
                    esc(&e.label())
                );
            }
            let _ = writeln!(out, "</p>");
        }
        if !data.emergency_note.is_empty() {
            let _ = writeln!(out, r#"<p class="muted">{}</p>"#, esc(data.emergency_note));
        }
        if data.needs_directory() {
            let _ = writeln!(
                out,
                r#"<p>{DIRECTORY} <a href="{DIRECTORY_URL}" rel="noopener noreferrer">{DIRECTORY_NAME}</a> (it needs a connection).</p>"#
            );
        }
        if !data.lines.is_empty() {
            let _ = writeln!(out, r#"<ul class="lines">"#);
            for line in data.lines {
                let _ = writeln!(
                    out,
                    "<li>\n<h3>{}</h3>\n<p>{}</p>",
                    esc(line.name),
                    esc(line.note)
                );
                let _ = write!(out, r#"<p class="reach">"#);
                for reach in line.reach {
                    let _ = write!(
                        out,
                        r#"<a class="call" href="{}">{}</a>"#,
                        esc(&reach.href()),
                        esc(reach.label())
                    );
                }
                let _ = writeln!(out, "</p>");
                for also in line.also {
                    let _ = writeln!(out, "<p>{}</p>", esc(also));
                }
                let _ = writeln!(
                    out,
                    r#"<p class="muted">{}</p>"#,
                    esc(&line.checked_words())
                );
                let _ = writeln!(out, "</li>");
            }
            let _ = writeln!(out, "</ul>");
        }
        let _ = writeln!(out, "</section>");
    }

    /// The whole page.
    pub fn render() -> String {
        let mut out = String::with_capacity(64 * 1024);
        out.push_str(concat!(
            "<!doctype html>\n",
            "<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'\">\n",
            "<meta name=\"color-scheme\" content=\"light dark\">\n",
            "<meta name=\"description\" content=\"Crisis lines and emergency numbers, by country. Works without the app and offline.\">\n",
            "<title>Crisis lines · Between</title>\n",
            "<link rel=\"stylesheet\" href=\"help.css\">\n",
            "<link rel=\"icon\" href=\"icons/icon.svg\" type=\"image/svg+xml\">\n",
            "</head>\n<body>\n<main>\n",
            "<p><a href=\"./\">Back to Between</a></p>\n",
            "<h1>Crisis lines</h1>\n",
            "<p class=\"lead\">You don't have to get through this alone. If you are in danger now, call your local emergency number. ",
            "Tap a number to call or text it.</p>\n",
        ));
        let _ = writeln!(out, r#"<nav aria-label="Countries"><ul class="countries">"#);
        for r in Region::ALL {
            let _ = writeln!(
                out,
                r##"<li><a href="#{}">{}</a></li>"##,
                r.code(),
                esc(r.name())
            );
        }
        let _ = writeln!(out, "</ul></nav>");
        for r in Region::ALL.into_iter().filter(|r| *r != Region::Other) {
            region(&mut out, r.lines());
        }
        // Anywhere else: no number is guessed.
        let _ = writeln!(out, r#"<section id="other" aria-labelledby="other-title">"#);
        let _ = writeln!(out, r#"<h2 id="other-title">Another country</h2>"#);
        let _ = writeln!(
            out,
            r#"<p class="emergency"><strong>In an emergency:</strong> Call your local emergency number.</p>"#
        );
        let _ = writeln!(
            out,
            r#"<p>{DIRECTORY} <a href="{DIRECTORY_URL}" rel="noopener noreferrer">{DIRECTORY_NAME}</a> (it needs a connection).</p>"#
        );
        let _ = writeln!(out, "</section>");
        out.push_str("<p><a href=\"./\">Back to Between</a></p>\n</main>\n</body>\n</html>\n");
        out
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn every_line_is_a_link_and_there_is_no_script() {
            let html = render();
            assert!(!html.contains("<script"), "no script");
            assert!(
                !html.contains("style="),
                "no inline style (the CSP forbids it)"
            );
            assert!(html.contains(r#"<link rel="stylesheet" href="help.css">"#));
            assert!(html.contains(r#"<a href="./">Back to Between</a>"#));
            for r in Region::ALL {
                let data = r.lines();
                assert!(
                    html.contains(&format!(
                        r#"<h2 id="{}-title">{}</h2>"#,
                        r.code(),
                        esc(r.name())
                    )),
                    "{r:?}"
                );
                for e in data.emergency {
                    assert!(
                        html.contains(&format!(r#"href="{}">{}</a>"#, e.href(), esc(&e.label()))),
                        "{r:?} {}",
                        e.number
                    );
                }
                for line in data.lines {
                    assert!(html.contains(&esc(line.name)));
                    assert!(html.contains(&esc(&line.checked_words())));
                    for reach in line.reach {
                        assert!(html.contains(&format!(
                            r#"href="{}">{}</a>"#,
                            esc(&reach.href()),
                            esc(reach.label())
                        )));
                    }
                }
            }
            assert!(html.contains(r#"href="tel:988">Call 988</a>"#));
            assert!(html.contains(r#"href="sms:741741?&amp;body=HOME">Text HOME to 741741</a>"#));
            assert!(html.contains(r#"href="tel:*4141">Call *4141</a>"#));
            assert!(html.contains("findahelpline.com</a>"));
        }

        #[test]
        fn text_is_escaped() {
            assert_eq!(
                esc("988 Suicide & Crisis <Lifeline>"),
                "988 Suicide &amp; Crisis &lt;Lifeline&gt;"
            );
        }
    }
}
