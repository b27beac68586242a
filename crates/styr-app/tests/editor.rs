//! The editor's use cases through a real store (issue 16): ordinary edits supersede the
//! stated figures they change, so the check keeps only what still disagrees; an adoption
//! passes over an error only with a reason, which the audit log keeps; the register of
//! styrdokument with the budget's own document overdue; the comparison year stays as decided.

use styr_app::{Actor, Adoption, App, AppError, Role, Step};
use styr_domain::calendar::{Date, Year};
use styr_domain::change::{Change, ChangeError};
use styr_domain::document::DocumentMetadata;
use styr_domain::governance::{GovernanceDocument, RevisionState};
use styr_domain::money::Amount;
use styr_domain::operating::LineKind;
use styr_domain::organisation::UnitId;
use styr_reports::Severity;
use styr_store::AuditFilter;

const EXAMPLE: &str = include_str!("../../../examples/alingsas-ks-2025.toml");

async fn app(name: &str) -> (App, String) {
    let path =
        std::env::temp_dir().join(format!("styr-app-editor-{name}-{}.db", std::process::id()));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let url = format!("sqlite://{}", path.display());
    (App::open(&url).await.expect("the store opens"), url)
}

fn operator() -> Actor {
    Actor::named("controller")
}

fn year(number: i64) -> Year {
    Year::new(number).expect("a year in range")
}

fn cell(line: LineKind, number: i64, tkr: i64) -> Change {
    Change::SetLine {
        unit: UnitId("ks".into()),
        line,
        year: year(number),
        amount: Amount::from_tkr(tkr),
    }
}

#[tokio::test]
async fn three_edits_are_three_revisions_and_the_check_keeps_only_what_still_disagrees() {
    let (app, url) = app("superseded").await;
    let id = app.import(&operator(), EXAMPLE).await.expect("imports");
    let before = app
        .snapshot(id)
        .await
        .expect("reads")
        .report()
        .findings
        .clone();
    // Three ordinary edits in the budget year and the plan years.
    for change in [
        cell(LineKind::OtherCosts, 2025, -47_752),
        cell(LineKind::Personnel, 2026, -119_210),
        cell(LineKind::Revenue, 2027, 115_559),
    ] {
        app.change(&operator(), id, None, &change)
            .await
            .expect("applies");
    }
    let after = app.snapshot(id).await.expect("reads");
    assert_eq!(after.revision, 4, "one revision per edit");
    let findings = &after.report().findings;
    // What the document stated of 2025's costs, net cost and result is superseded: the
    // rounding findings of 2025 are gone; 2024 (not edited) and the investment plan stand.
    let places: Vec<String> = findings.iter().map(|finding| finding.key()).collect();
    assert!(
        !places
            .iter()
            .any(|place| place.ends_with("› Årets resultat, Budget 2025")),
        "{places:#?}"
    );
    for kept in before.iter().filter(|finding| {
        finding.key().contains("Budget 2024") || finding.section == "Investeringsbudget"
    }) {
        assert!(
            places.contains(&kept.key()),
            "{} stands: {places:#?}",
            kept.key()
        );
    }
    // No new error comes of the edits but the deficits they make: 2025 is now 99 tkr short
    // and 2026 100 tkr; 2027 has 100 tkr more revenue.
    let new_errors: Vec<String> = findings
        .iter()
        .filter(|finding| finding.severity == Severity::Error)
        .map(|finding| finding.key())
        .filter(|key| !before.iter().any(|old| old.key() == *key))
        .collect();
    assert_eq!(
        new_errors,
        [
            "Ekonomiska ramar, kommunstyrelsen (exkl. exploateringsenheten) › Årets resultat, Budget 2025: underskott mot ramen",
            "Ekonomiska ramar, kommunstyrelsen (exkl. exploateringsenheten) › Årets resultat, Plan 2026: underskott mot ramen",
        ]
    );
    // The superseded figures are kept through a reload from the database.
    let reopened = App::open(&url).await.expect("opens again");
    let reloaded = reopened.snapshot(id).await.expect("reads");
    assert_eq!(reloaded.budget, after.budget);
    assert!(!reloaded.budget.operating_tables[0].superseded.is_empty());
}

#[tokio::test]
async fn the_comparison_year_is_refused_through_the_application() {
    let (app, _) = app("comparison").await;
    let id = app.import(&operator(), EXAMPLE).await.expect("imports");
    let refused = app
        .change(&operator(), id, None, &cell(LineKind::OtherCosts, 2024, -1))
        .await;
    assert!(
        matches!(
            refused,
            Err(AppError::Invalid(ChangeError::ComparisonYear { .. }))
        ),
        "{refused:?}"
    );
}

#[tokio::test]
async fn an_adoption_passes_over_an_error_only_with_a_reason_on_record() {
    let (app, _) = app("adoption").await;
    let id = app.import(&operator(), EXAMPLE).await.expect("imports");
    app.step(&operator(), id, None, Step::Submit, None)
        .await
        .expect("submitted");
    let date = Date::new(2024, 12, 16).expect("a date");
    let decision = Adoption::new("Kommunstyrelsen", date, "2024.025 KS").expect("a decision");
    let refused = app
        .step(&operator(), id, None, Step::Adopt, Some(decision.clone()))
        .await;
    let Err(AppError::Rejected(message)) = refused else {
        panic!("adopted without reasons: {refused:?}");
    };
    assert!(
        message.starts_with("9 fel i kontrollen saknar motivering"),
        "{message}"
    );
    let errors: Vec<String> = app
        .snapshot(id)
        .await
        .expect("reads")
        .report()
        .findings
        .iter()
        .filter(|finding| finding.severity == Severity::Error)
        .map(|finding| finding.key())
        .collect();
    // One reason short is still refused.
    let almost = decision.clone().passing_over(
        errors
            .iter()
            .skip(1)
            .map(|key| (key.clone(), "Källdokumentets fel; beslutat så.".to_string())),
    );
    assert!(matches!(
        app.step(&operator(), id, None, Step::Adopt, Some(almost))
            .await,
        Err(AppError::Rejected(_))
    ));
    let reasons = decision.passing_over(
        errors
            .iter()
            .map(|key| (key.clone(), format!("Beslutat trots {key}"))),
    );
    let adopted = app
        .step(&operator(), id, None, Step::Adopt, Some(reasons))
        .await
        .expect("adopted with a reason for every error");
    assert_eq!(adopted.status, styr_app::Status::Adopted);
    let log = app
        .audit_log(
            &operator(),
            &AuditFilter {
                entity: Some("kontroll/".into()),
                ..AuditFilter::default()
            },
        )
        .await
        .expect("the log reads");
    assert_eq!(log.len(), errors.len(), "one entry per error passed over");
    for record in &log {
        assert_eq!(record.entry.action, "fastställd trots fel");
        assert!(
            record
                .entry
                .new_value
                .as_deref()
                .is_some_and(|reason| reason.starts_with("Beslutat trots")),
            "{record:?}"
        );
    }
}

#[tokio::test]
async fn the_register_lists_the_budgets_own_document_overdue_and_refuses_a_stale_save() {
    let (app, _) = app("register").await;
    let id = app.import(&operator(), EXAMPLE).await.expect("imports");
    let today = app.today();
    let soon = today.plus_days(30).expect("a date");
    let mut document = GovernanceDocument {
        id: "riktlinje-internkontroll".into(),
        municipality: "1489".into(),
        metadata: DocumentMetadata {
            title: "Riktlinje för internkontroll".into(),
            kind: "Riktlinje".into(),
            revise_by: Some(soon),
            ..DocumentMetadata::default()
        },
    };
    let version = app
        .put_governance_document(&operator(), &document, None)
        .await
        .expect("added");
    let registers = app.registers().await.expect("lists");
    assert_eq!(registers.len(), 1);
    let register = &registers[0];
    assert_eq!(register.name, "Alingsås kommun");
    let budget_row = register
        .rows
        .iter()
        .find(|row| row.budget == Some(id))
        .expect("the budget's own document is a row");
    assert!(
        matches!(budget_row.revision, RevisionState::Overdue { .. }),
        "revideras senast 2025-12-31 has passed: {:?}",
        budget_row.revision
    );
    let due: Vec<&str> = register
        .due()
        .iter()
        .map(|row| row.document.metadata.title.as_str())
        .collect();
    assert_eq!(
        due,
        [
            "Kommunstyrelsen budget 2025–2027",
            "Riktlinje för internkontroll"
        ]
    );
    document.metadata.owner = "Ekonomichef".into();
    app.put_governance_document(&operator(), &document, Some(version))
        .await
        .expect("saved");
    assert!(matches!(
        app.put_governance_document(&operator(), &document, Some(version))
            .await,
        Err(AppError::Stale { .. })
    ));
    let reader = Actor {
        user_id: Some(9),
        name: "läsare".into(),
        role: Role::Reader,
    };
    assert!(matches!(
        app.put_governance_document(&reader, &document, None).await,
        Err(AppError::Forbidden(_))
    ));
    document.municipality = "0180".into();
    assert!(matches!(
        app.put_governance_document(&operator(), &document, None)
            .await,
        Err(AppError::Rejected(_))
    ));
}
