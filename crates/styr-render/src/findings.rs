//! The check's findings as a Swedish text report for a terminal or a log.
//!
//! ```text
//! fel  Investeringsbudget › Anpassningsinvesteringar, Plan 2028
//!      anges 10 000 tkr, beräknas 7 000 tkr
//! ```

use std::fmt::Write;

use styr_reports::check::{Finding, FindingKind, Severity};

pub fn findings_text(findings: &[Finding]) -> String {
    let mut text = String::new();
    for finding in findings {
        let _ = writeln!(
            text,
            "{:<10} {} › {}",
            finding.severity.swedish(),
            finding.section,
            finding.place
        );
        let _ = writeln!(text, "{:<10} {}", "", comparison(finding));
        if !finding.note.is_empty() {
            let _ = writeln!(text, "{:<10} {}", "", finding.note);
        }
    }
    let _ = write!(text, "{}", summary(findings));
    text
}

/// "anges 10 000 tkr, beräknas 7 000 tkr", or for names "heter ”Energibrist” här, ”Energibrist/effektbrist” i …".
pub fn comparison(finding: &Finding) -> String {
    match (finding.kind, finding.computed.ore) {
        (FindingKind::Name, _) => format!(
            "heter ”{}” här men ”{}” på andra ställen",
            finding.stated.text, finding.computed.text
        ),
        (FindingKind::Figure, None) if finding.computed.text == "kan inte beräknas" => {
            format!("anges {}, men kan inte beräknas", finding.stated.text)
        }
        (FindingKind::Figure, _) => format!(
            "anges {}, beräknas {}",
            finding.stated.text, finding.computed.text
        ),
        (FindingKind::Balance, _) => format!(
            "årets resultat ska vara {}, beräknas {}",
            finding.stated.text, finding.computed.text
        ),
    }
}

/// "3 fel, 1 varning, 4 avrundningar" or "Inga avvikelser."
pub fn summary(findings: &[Finding]) -> String {
    let count = |severity| {
        findings
            .iter()
            .filter(|finding| finding.severity == severity)
            .count()
    };
    if findings.is_empty() {
        return "Inga avvikelser: alla angivna siffror stämmer med det som beräknas.\n".into();
    }
    let (errors, warnings, rounding) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Rounding),
    );
    let plural = |count: usize, one: &str, many: &str| {
        format!("{count} {}", if count == 1 { one } else { many })
    };
    format!(
        "\n{}, {}, {}.\n",
        plural(errors, "fel", "fel"),
        plural(warnings, "varning", "varningar"),
        plural(rounding, "avrundningsdifferens", "avrundningsdifferenser")
    )
}

/// The findings as JSON: `{"findings": [...], "errors": 3, "warnings": 1, "rounding": 4}`.
pub fn findings_json(findings: &[Finding]) -> String {
    let count = |severity| {
        findings
            .iter()
            .filter(|finding| finding.severity == severity)
            .count()
    };
    let value = serde_json::json!({
        "findings": findings,
        "errors": count(Severity::Error),
        "warnings": count(Severity::Warning),
        "rounding": count(Severity::Rounding),
    });
    serde_json::to_string_pretty(&value).expect("findings serialise to JSON")
}
