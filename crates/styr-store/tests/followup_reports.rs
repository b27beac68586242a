//! The store's contract for what a delårsrapport is written from, on every backend (SQLite
//! always, PostgreSQL when STYR_TEST_POSTGRES_URL names a server): every forecast kept with
//! who, when and its month, explanations and report texts replaced and removed, the project
//! rules and forecasts, the bookings an investment follow-up reads, and the months the books
//! cover — a period budget alone books no month.

mod backends;

use styr_domain::calendar::{Date, Year};
use styr_domain::followup::{
    DeviationExplanation, Forecast, InvestmentKey, LedgerImport, LedgerRow, LedgerVoucher, Month,
    OutcomeKey, ProjectForecast, ProjectMapping, ProjectRule, ReportKind, ReportPeriod,
    ReportTexts,
};
use styr_domain::money::Amount;
use styr_domain::operating::{LineKind, OperatingRow};
use styr_domain::organisation::UnitId;
use styr_store::{Stamp, Store};

async fn stores(name: &str) -> Vec<(String, Store, i64)> {
    let budget = styr_import::parse_budget(include_str!("../../../examples/alingsas-ks-2025.toml"))
        .expect("the example reads");
    let stores = backends::stores(name).await;
    let mut with_budgets = Vec::new();
    for (backend, store) in stores {
        let id = store
            .insert(&budget, &Stamp::now("test"))
            .await
            .expect("stored");
        with_budgets.push((backend, store, id));
    }
    with_budgets
}

fn year() -> Year {
    Year::new(2025).expect("a year")
}

fn month(number: u8) -> Month {
    Month::new(year(), number).expect("a month")
}

#[tokio::test]
async fn every_forecast_is_kept_with_who_when_and_its_month() {
    for (backend, store, id) in stores("history").await {
        let mut forecast = Forecast {
            unit: UnitId("ks".into()),
            row: OperatingRow::Line(LineKind::Personnel),
            year: year(),
            amount: Amount::from_tkr(-117_000),
            comment: "Vikarier".into(),
        };
        let first = store
            .set_forecast(id, &forecast, Some(month(3)), &Stamp::now("anna"))
            .await
            .expect("set");
        assert_eq!(first, None, "{backend}");
        forecast.amount = Amount::from_tkr(-118_000);
        let replaced = store
            .set_forecast(id, &forecast, None, &Stamp::now("erik"))
            .await
            .expect("set again");
        assert_eq!(
            replaced.map(|(amount, _)| amount),
            Some(Amount::from_tkr(-117_000)),
            "{backend}"
        );
        let history = store.forecast_history(id).await.expect("the history");
        assert_eq!(history.len(), 2, "{backend}");
        assert_eq!(history[0].entered.by, "anna", "{backend}");
        assert_eq!(history[0].entered.based_on, Some(month(3)), "{backend}");
        assert_eq!(history[1].entered.based_on, None, "{backend}");
        assert_eq!(history[1].forecast, forecast, "{backend}");
        assert_eq!(
            store.forecasts(id).await.expect("in force"),
            vec![forecast],
            "{backend}"
        );
    }
}

#[tokio::test]
async fn explanations_and_report_texts_are_replaced_and_removed() {
    for (backend, store, id) in stores("commentary").await {
        let mut explanation = DeviationExplanation {
            unit: UnitId("ekonomiavdelningen".into()),
            row: OperatingRow::Line(LineKind::Personnel),
            year: year(),
            text: "Två vakanser.".into(),
            by: "anna".into(),
            at: String::new(),
        };
        store
            .set_deviation_explanation(id, &explanation, &Stamp::now("anna"))
            .await
            .expect("written");
        explanation.text = "Två vakanser, tillsatta i augusti.".into();
        store
            .set_deviation_explanation(id, &explanation, &Stamp::now("anna"))
            .await
            .expect("replaced");
        let stored = store.deviation_explanations(id).await.expect("read");
        assert_eq!(stored.len(), 1, "{backend}");
        assert_eq!(stored[0].text, explanation.text, "{backend}");
        assert_eq!(stored[0].by, "anna", "{backend}");
        explanation.text = String::new();
        store
            .set_deviation_explanation(id, &explanation, &Stamp::now("anna"))
            .await
            .expect("removed");
        assert!(
            store
                .deviation_explanations(id)
                .await
                .expect("read")
                .is_empty(),
            "{backend}"
        );
        let period = ReportPeriod {
            kind: ReportKind::Interim,
            through: month(8),
        };
        let texts = ReportTexts {
            events: "Kommunhuset togs i bruk.".into(),
            outlook: "Ett nytt verksamhetssystem.".into(),
        };
        store
            .set_report_texts(id, period, &texts, &Stamp::now("anna"))
            .await
            .expect("saved");
        assert_eq!(
            store.report_texts(id, period).await.expect("read"),
            texts,
            "{backend}"
        );
        let other = ReportPeriod {
            kind: ReportKind::Annual,
            through: month(12),
        };
        assert_eq!(
            store.report_texts(id, other).await.expect("read"),
            ReportTexts::default(),
            "{backend}: each report has its own"
        );
        let fewer = ReportTexts {
            events: texts.events.clone(),
            outlook: String::new(),
        };
        store
            .set_report_texts(id, period, &fewer, &Stamp::now("anna"))
            .await
            .expect("saved");
        assert_eq!(
            store.report_texts(id, period).await.expect("read"),
            fewer,
            "{backend}"
        );
    }
}

#[tokio::test]
async fn project_rules_and_forecasts_read_back() {
    for (backend, store, id) in stores("projects").await {
        assert_eq!(
            store.project_mapping(id).await.expect("the default"),
            ProjectMapping::default(),
            "{backend}"
        );
        let mapping = ProjectMapping::new(
            vec![ProjectRule {
                project: "IT-Infrastruktur".into(),
                object: Some("P140".into()),
                account_prefix: None,
                cost_centre: Some("140".into()),
            }],
            vec!["11".into(), "12".into()],
        )
        .expect("valid");
        store
            .set_project_mapping(id, &mapping, &Stamp::now("anna"))
            .await
            .expect("saved");
        assert_eq!(
            store.project_mapping(id).await.expect("read"),
            mapping,
            "{backend}"
        );
        let forecast = ProjectForecast {
            project: "IT-Infrastruktur".into(),
            year: year(),
            amount: Amount::from_tkr(4_000),
            comment: "Försenad".into(),
        };
        store
            .set_project_forecast(id, &forecast, Some(month(8)), &Stamp::now("anna"))
            .await
            .expect("set");
        let history = store.project_forecast_history(id).await.expect("read");
        assert_eq!(history.len(), 1, "{backend}");
        assert_eq!(history[0].forecast, forecast, "{backend}");
        assert_eq!(history[0].entered.based_on, Some(month(8)), "{backend}");
    }
}

fn ledger() -> LedgerImport {
    let voucher = |number: &str, day: u8, month_number: u8| LedgerVoucher {
        series: "A".into(),
        number: number.into(),
        date: Date::new(2025, month_number, day).expect("a date"),
        text: "Investering".into(),
    };
    let row = |voucher, month_of, account, project: Option<&str>, ore| LedgerRow {
        voucher,
        month: month_of,
        account,
        cost_centre: Some("140".into()),
        project: project.map(String::from),
        amount: Amount::from_ore(ore),
        text: "Investering".into(),
    };
    LedgerImport {
        file_name: "projekt.se".into(),
        checksum: "0".into(),
        format: "SIE 4".into(),
        vouchers: vec![voucher("1", 10, 3), voucher("2", 12, 5)],
        rows: vec![
            row(0, month(3), 1229, Some("P140"), 120_000_000),
            row(0, month(3), 1930, None, -120_000_000),
            row(1, month(5), 4010, Some("P140"), 3_000_000),
            row(1, month(5), 1110, None, 500_000),
        ],
        // A period budget through December: it books no month.
        period_budget: vec![(
            OutcomeKey {
                account: 4010,
                cost_centre: None,
                month: month(12),
            },
            Amount::from_kr(100),
        )],
        project_names: [("P140".to_string(), "IT-Infrastruktur".to_string())].into(),
        ..LedgerImport::default()
    }
}

#[tokio::test]
async fn an_import_keeps_what_the_investment_followup_reads_and_the_months_it_books() {
    for (backend, store, id) in stores("investment").await {
        let record = store
            .import_outcome(id, &ledger(), &Stamp::now("anna"))
            .await
            .expect("imported");
        assert_eq!(
            record.last_month, "2025-12",
            "{backend}: the period budget's month"
        );
        let outcome = store.outcome(id).await.expect("read");
        let covered: Vec<Month> = outcome.covered.iter().copied().collect();
        assert_eq!(covered, (3..=5).map(month).collect::<Vec<_>>(), "{backend}");
        assert!(
            outcome.is_booked(month(4)),
            "{backend}: a month between is booked"
        );
        assert!(
            !outcome.is_booked(month(12)),
            "{backend}: a period budget books nothing"
        );
        let key = |account, project: Option<&str>, month_of| InvestmentKey {
            account,
            cost_centre: Some("140".into()),
            project: project.map(String::from),
            month: month_of,
        };
        assert_eq!(
            outcome.investment.get(&key(1229, Some("P140"), month(3))),
            Some(&Amount::from_ore(120_000_000)),
            "{backend}"
        );
        assert_eq!(
            outcome.investment.get(&key(4010, Some("P140"), month(5))),
            Some(&Amount::from_ore(3_000_000)),
            "{backend}: a cost with a project"
        );
        assert_eq!(
            outcome.investment.get(&key(1110, None, month(5))),
            Some(&Amount::from_ore(500_000)),
            "{backend}: a fixed asset without a project"
        );
        assert_eq!(
            outcome.investment.len(),
            3,
            "{backend}: the bank is no investment"
        );
        assert_eq!(
            outcome.actual.len(),
            1,
            "{backend}: only 4010 is a result account"
        );
        assert_eq!(
            outcome.project_names["P140"], "IT-Infrastruktur",
            "{backend}"
        );
        let rows = store.booked_rows(id, month(3)).await.expect("March");
        assert_eq!(rows[0].project.as_deref(), Some("P140"), "{backend}");
        assert_eq!(rows[1].project, None, "{backend}");
        // Again: replaced, never doubled.
        store
            .import_outcome(id, &ledger(), &Stamp::now("anna"))
            .await
            .expect("again");
        assert_eq!(store.outcome(id).await.expect("read"), outcome, "{backend}");
    }
}
