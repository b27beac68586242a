//! The page's stylesheet in the municipality's look: headings in its colour, table headers on
//! its table colour (with the text colour that reads on it), its typeface first with the
//! metric-compatible Windows face after it; and the logo as a `data:` URL, so the page stays
//! one file. A logo in an `<img>` runs no script, SVG or not.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use styr_domain::profile::{Logo, Typeface};

use crate::document::Document;

pub fn css(document: &Document) -> String {
    let profile = &document.profile;
    let font = match profile.font {
        Typeface::Sans => "'Liberation Sans',Arial,sans-serif",
        Typeface::Serif => "'Liberation Serif','Times New Roman',serif",
    };
    let primary = profile.primary.hex();
    let table = profile.table.hex();
    let table_text = profile.table.text_on().hex();
    let footer = if profile.footer.is_empty() {
        String::new()
    } else {
        format!(
            "@bottom-left{{content:\"{}\";font-size:8pt;color:#555}}",
            css_string(&profile.footer)
        )
    };
    format!(
        "body{{font-family:{font};font-size:10.5pt;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.45}}\
h1,h2,h3,h4,h5{{color:{primary};break-after:avoid}}h5{{font-style:italic;font-weight:normal;font-size:1em}}\
p{{hyphens:auto;text-align:justify}}\
table{{border-collapse:collapse;margin:.8rem 0;width:100%;font-size:9pt}}th,td{{border-bottom:1px solid #bbb;padding:.25rem .4rem;text-align:left;vertical-align:top;hyphens:auto}}\
thead th{{background:{table};color:{table_text};border-bottom:1.5px solid #404040}}td.number,th.number{{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}}\
tr.sum td{{font-weight:bold}}tr{{break-inside:avoid}}dl.metadata{{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}}dt{{font-weight:bold}}\
nav.contents ol{{list-style:none;padding-left:0}}nav.contents li.level-2{{padding-left:1rem}}nav.contents li.level-3{{padding-left:2rem}}nav.contents li.level-4{{padding-left:3rem;font-style:italic}}\
ul.outline{{list-style:none;padding-left:0}}\
header.letterhead{{display:flex;align-items:center;gap:1rem;border-bottom:2px solid {primary};padding-bottom:.5rem;color:{primary}}}header.letterhead img.logo{{max-height:3.5rem;max-width:12rem}}\
p.cover-text{{font-size:1.2em;color:{primary}}}footer{{border-top:1px solid #bbb;margin-top:2rem;font-size:8pt;color:#555}}\
figure{{margin:1rem 0;break-inside:avoid}}figure .chart svg{{max-width:100%;height:auto}}figcaption{{font-size:9pt;font-style:italic}}\
p.marking{{font-weight:bold;letter-spacing:.2em;color:#a00;border:2px solid #a00;display:inline-block;padding:.1rem .6rem}}\
div.watermark{{display:none}}\
@page{{size:A4;margin:2cm 2cm 2.2cm;@bottom-right{{content:\"Sida \" counter(page) \" av \" counter(pages);font-size:8pt;color:#555}}{footer}}}\
@media print{{body{{max-width:none;margin:0;padding:0}}h2.chapter,nav.contents,div.page-break{{break-before:page}}thead{{display:table-header-group}}a{{color:inherit;text-decoration:none}}\
div.watermark{{display:block;position:fixed;top:40%;left:0;right:0;text-align:center;font-size:72pt;font-weight:bold;color:rgba(160,0,0,.12);transform:rotate(-35deg);z-index:-1}}}}"
    )
}

/// The logo as a `data:` URL for an `<img>`.
pub fn data_url(logo: &Logo) -> String {
    format!(
        "data:{};base64,{}",
        logo.format.media_type(),
        STANDARD.encode(&logo.bytes)
    )
}

/// A profile text inside a CSS string: quotes, backslashes and line ends escaped, and `<`
/// written as its code so the text cannot end the `<style>` element.
fn css_string(text: &str) -> String {
    text.chars()
        .map(|character| match character {
            '"' | '\\' | '<' | '>' | '\n' | '\r' => format!("\\{:x} ", u32::from(character)),
            other => other.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_footer_text_cannot_leave_its_css_string() {
        assert_eq!(css_string("a\"b</style>"), "a\\22 b\\3c /style\\3e ");
    }
}
