//! Follow-up through a real store: re-import replaces, a bad row imports nothing, unmapped
//! accounts and cost centres are listed, forecasts and drill-down.

use styr_app::{Actor, App, AppError, Figure};
use styr_domain::calendar::Year;
use styr_domain::followup::{Forecast, Month};
use styr_domain::money::Amount;
use styr_domain::operating::{LineKind, OperatingRow};
use styr_domain::organisation::UnitId;

const EXAMPLE: &str = include_str!("../../../examples/alingsas-ks-2025.toml");
const OUTCOME: &[u8] = include_bytes!("../../../examples/alingsas-ks-2025-utfall.se");

async fn app(name: &str) -> (App, i64) {
    let path = std::env::temp_dir().join(format!("styr-followup-{name}-{}.db", std::process::id()));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let app = App::open(&format!("sqlite://{}", path.display()))
        .await
        .expect("the store opens");
    let id = app
        .import(&Actor::named("controller"), EXAMPLE)
        .await
        .expect("the example imports");
    (app, id)
}

fn personnel(report: &styr_reports::followup::FollowupReport) -> Amount {
    report.groups[0]
        .row(OperatingRow::Line(LineKind::Personnel))
        .expect("personnel")
        .ytd_actual
}

#[tokio::test]
async fn importing_the_same_months_twice_replaces_them() {
    let (app, id) = app("reimport").await;
    let actor = Actor::named("controller");
    let first = app
        .import_outcome(&actor, id, "utfall.se", OUTCOME, None)
        .await
        .expect("imports");
    assert_eq!(
        (first.first_month.as_str(), first.last_month.as_str()),
        ("2025-01", "2025-08")
    );
    assert_eq!(first.replaced_rows, 0);
    let before = app.followup(id, None, None).await.expect("a report");
    assert_eq!(before.through, 8);
    let second = app
        .import_outcome(&actor, id, "utfall.se", OUTCOME, None)
        .await
        .expect("imports again");
    assert_eq!(
        second.replaced_rows, first.rows,
        "the first import's rows were replaced"
    );
    let after = app.followup(id, None, None).await.expect("a report");
    assert_eq!(personnel(&after), personnel(&before), "never doubled");
    assert_eq!(after, before);
    let log = app.outcome_imports(id).await.expect("the log");
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].checksum, log[1].checksum);
    assert_eq!(log[0].imported_by, "controller");
}

#[tokio::test]
async fn a_bad_row_in_the_middle_imports_nothing() {
    let (app, id) = app("bad-row").await;
    let actor = Actor::named("controller");
    app.import_outcome(&actor, id, "utfall.se", OUTCOME, None)
        .await
        .expect("imports");
    let before = app.followup(id, None, None).await.expect("a report");
    let text = String::from_utf8_lossy(OUTCOME).into_owned();
    let middle = text.len() / 2;
    let line_start = text[..middle]
        .rfind("\t#TRANS 1930")
        .expect("a bank row before the middle");
    let damaged = format!(
        "{}\t#TRANS 1930 {{}} 12,50\n{}",
        &text[..line_start],
        &text[line_start..]
    );
    let error = app
        .import_outcome(&actor, id, "trasig.se", damaged.as_bytes(), None)
        .await
        .expect_err("refused");
    let AppError::Unreadable(issues) = error else {
        panic!("refused as unreadable: {error}")
    };
    assert!(
        issues
            .iter()
            .any(|issue| issue.message.contains("beloppet")),
        "{issues:?}"
    );
    assert_eq!(
        app.followup(id, None, None).await.expect("a report"),
        before,
        "nothing changed"
    );
    assert_eq!(app.outcome_imports(id).await.expect("the log").len(), 1);
}

#[tokio::test]
async fn unmapped_cost_centres_and_accounts_are_listed_with_their_amounts() {
    let (app, id) = app("unmapped").await;
    let actor = Actor::named("controller");
    let extra = b"#FLAGGA 0\n#SIETYP 4\n#RAR 0 20250101 20251231\n#KONTO 9100 \"Internt\"\n#VER A 1 20250910 \"Internt\"\n{\n#TRANS 9100 {} 250.00\n#TRANS 1930 {} -250.00\n}\n";
    app.import_outcome(&actor, id, "utfall.se", OUTCOME, None)
        .await
        .expect("imports");
    app.import_outcome(&actor, id, "internt.se", extra, None)
        .await
        .expect("imports");
    let report = app.followup(id, None, Some(9)).await.expect("a report");
    let centres: Vec<&str> = report
        .unmapped_cost_centres
        .iter()
        .map(|item| item.code.as_str())
        .collect();
    assert_eq!(centres, ["990"], "Projektkontoret matches no unit");
    assert_eq!(
        report.unmapped_cost_centres[0].amount,
        Amount::from_kr(-100_000),
        "12 500 kr a month for 8 months"
    );
    assert_eq!(report.unmapped_accounts.len(), 1);
    assert_eq!(report.unmapped_accounts[0].code, "9100");
    assert_eq!(report.unmapped_accounts[0].amount, Amount::from_kr(-250));
    // The unassigned cost centre still counts in the board's total; the separately reported
    // exploateringsenhet does not.
    let unassigned = report
        .groups
        .iter()
        .find(|group| group.code == "ej fördelat")
        .expect("the unassigned group");
    let services = |group: &styr_reports::followup::GroupFollowup| {
        group
            .row(OperatingRow::Line(LineKind::PurchasedServices))
            .expect("a row")
            .ytd_actual
    };
    assert_eq!(services(unassigned), Amount::from_kr(-100_000));
    let sum = Amount::try_sum(
        report
            .groups
            .iter()
            .filter(|group| !group.separately_reported)
            .map(services),
    );
    assert_eq!(Ok(services(&report.total)), sum);
}

#[tokio::test]
async fn a_forecast_is_kept_and_drill_down_finds_the_vouchers() {
    let (app, id) = app("forecast").await;
    let actor = Actor::named("controller");
    app.import_outcome(&actor, id, "utfall.se", OUTCOME, None)
        .await
        .expect("imports");
    let forecast = Forecast {
        unit: UnitId("ks".into()),
        row: OperatingRow::Line(LineKind::Personnel),
        year: Year::new(2025).expect("a year"),
        amount: Amount::from_tkr(-120_000),
        comment: "Vakanser".into(),
    };
    app.set_forecast(&actor, id, forecast)
        .await
        .expect("stored");
    let report = app.followup(id, None, None).await.expect("a report");
    let row = report.groups[0]
        .row(OperatingRow::Line(LineKind::Personnel))
        .expect("personnel");
    assert!(row.forecast_entered);
    assert_eq!(row.forecast, Amount::from_tkr(-120_000));
    assert_eq!(
        Ok(row.forecast_deviation),
        Amount::from_tkr(-120_000).checked_sub(row.year_budget)
    );
    let month = Month::new(Year::new(2025).expect("a year"), 3).expect("March");
    let figure = Figure {
        group: "ks".into(),
        row: OperatingRow::Line(LineKind::Personnel),
        month,
    };
    let rows = app.drill_down(id, &figure).await.expect("rows");
    assert!(!rows.is_empty());
    let total = Amount::try_sum(
        rows.iter()
            .map(|row| row.amount.checked_neg().expect("in range")),
    );
    assert_eq!(
        total,
        row.actual[2].ok_or(styr_domain::money::AmountOverflow),
        "the vouchers add up to the figure"
    );
    assert!(rows.iter().all(|row| row.account == 5011));
    let unknown = Forecast {
        unit: UnitId("finns-inte".into()),
        row: OperatingRow::Line(LineKind::Personnel),
        year: Year::new(2025).expect("a year"),
        amount: Amount::ZERO,
        comment: String::new(),
    };
    assert!(app.set_forecast(&actor, id, unknown).await.is_err());
}

/// A file of more vouchers than one batch, broken at its very end.
fn long_file_broken_at_the_end() -> Vec<u8> {
    use std::fmt::Write;
    let mut text = String::from("#FLAGGA 0\n#SIETYP 4\n#RAR 0 20250101 20251231\n");
    for number in 1..=25_000 {
        let _ = write!(
            text,
            "#VER A {number} 20250915 \"Rad {number}\"\n{{\n#TRANS 5011 {{}} 10.00\n#TRANS 1930 {{}} -10.00\n}}\n"
        );
    }
    text.push_str(
        "#VER A 25001 20250931 \"Trasig\"\n{\n#TRANS 5011 {} 1.00\n#TRANS 1930 {} -1.00\n}\n",
    );
    text.into_bytes()
}

#[tokio::test]
async fn a_file_broken_after_many_batches_were_written_leaves_nothing() {
    let (app, id) = app("streamed").await;
    let actor = Actor::named("controller");
    app.import_outcome(&actor, id, "utfall.se", OUTCOME, None)
        .await
        .expect("imports");
    let before = app.followup(id, None, Some(9)).await.expect("a report");
    let error = app
        .import_outcome(&actor, id, "lang.se", &long_file_broken_at_the_end(), None)
        .await
        .expect_err("refused");
    let AppError::Unreadable(issues) = error else {
        panic!("unreadable: {error}")
    };
    assert!(
        issues[0].message.contains("verifikationsdatumet"),
        "{issues:?}"
    );
    assert_eq!(issues[0].line, 125_004);
    assert_eq!(
        app.followup(id, None, Some(9)).await.expect("a report"),
        before
    );
    assert_eq!(app.outcome_imports(id).await.expect("the log").len(), 1);
}
