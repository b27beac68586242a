//! The store's contract, run on every backend: SQLite in a temporary file always, and
//! PostgreSQL when STYR_TEST_POSTGRES_URL names a server (`.ci/run` starts one).

use styr_domain::budget::Budget;
use styr_domain::calendar::Year;
use styr_domain::investment::{InvestmentCategory, InvestmentProject};
use styr_domain::money::Amount;
use styr_domain::operating::LineKind;
use styr_domain::organisation::UnitId;
mod backends;

use backends::{stores, stores_at};
use styr_store::{CellLine, Part, Stamp, Store, StoreError, Write};

fn example() -> Budget {
    styr_import::parse_budget(include_str!("../../../examples/alingsas-ks-2025.toml"))
        .expect("the example reads")
}

fn stamp() -> Stamp {
    Stamp::now("test")
}

fn year(number: i64) -> Year {
    Year::new(number).expect("a year in range")
}

#[tokio::test]
async fn a_stored_budget_reads_back_equal() {
    for (backend, store) in stores("round-trip").await {
        let budget = example();
        let id = store.insert(&budget, &stamp()).await.expect("it stores");
        let stored = store.load(id).await.expect("it loads");
        assert_eq!(stored.revision, 1, "{backend}");
        assert_eq!(
            stored.budget, budget,
            "{backend}: nothing is lost in the database"
        );
        let listed = store.list().await.expect("it lists");
        assert_eq!(listed.len(), 1, "{backend}");
        assert_eq!(listed[0].title, "Kommunstyrelsen budget 2025–2027");
    }
}

#[tokio::test]
async fn a_cell_write_changes_one_cell_and_the_revision() {
    for (backend, store) in stores("cell").await {
        let mut budget = example();
        let id = store.insert(&budget, &stamp()).await.expect("it stores");
        let unit = UnitId("ks".into());
        let write = Write::Cell {
            unit: unit.clone(),
            line: CellLine::Line(LineKind::OtherCosts),
            year: year(2025),
            amount: Amount::from_tkr(-47_000),
        };
        let revision = store
            .save(id, 1, &budget, &[write], &stamp())
            .await
            .expect("it saves");
        assert_eq!(revision, 2, "{backend}");
        budget.lines[0]
            .lines
            .get_mut(&LineKind::OtherCosts)
            .expect("a line")
            .insert(year(2025), Amount::from_tkr(-47_000));
        assert_eq!(
            store.load(id).await.expect("it loads").budget,
            budget,
            "{backend}"
        );
        assert_eq!(store.revision(id).await.expect("a revision"), 2);
    }
}

#[tokio::test]
async fn a_write_from_a_stale_read_is_refused_and_changes_nothing() {
    for (backend, store) in stores("stale").await {
        let budget = example();
        let id = store.insert(&budget, &stamp()).await.expect("it stores");
        let write = Write::Cell {
            unit: UnitId("ks".into()),
            line: CellLine::FinancialNet,
            year: year(2025),
            amount: Amount::from_tkr(1),
        };
        store
            .save(id, 1, &budget, std::slice::from_ref(&write), &stamp())
            .await
            .expect("the first write");
        let stale = store.save(id, 1, &budget, &[write], &stamp()).await;
        assert!(
            matches!(
                stale,
                Err(StoreError::Conflict {
                    expected: 1,
                    actual: 2
                })
            ),
            "{backend}: {stale:?}"
        );
        assert_eq!(
            store.revision(id).await.expect("a revision"),
            2,
            "{backend}"
        );
    }
}

#[tokio::test]
async fn a_failed_write_leaves_the_budget_as_it_was() {
    for (backend, store) in stores("failed").await {
        let budget = example();
        let id = store.insert(&budget, &stamp()).await.expect("it stores");
        // Two projects with one name break the primary key halfway through the rewrite.
        let mut broken = budget.clone();
        let twin =
            InvestmentProject::new("Stadsskogen", InvestmentCategory::Image, Default::default());
        broken.investment.projects.push(twin);
        let result = store
            .save(id, 1, &broken, &[Write::Part(Part::Investment)], &stamp())
            .await;
        assert!(
            matches!(result, Err(StoreError::Backend(_))),
            "{backend}: {result:?}"
        );
        let stored = store.load(id).await.expect("it loads");
        assert_eq!(stored.revision, 1, "{backend}: the revision did not move");
        assert_eq!(stored.budget, budget, "{backend}: nothing changed");
    }
}

#[tokio::test]
async fn a_part_write_replaces_that_part() {
    for (backend, store) in stores("part").await {
        let mut budget = example();
        let id = store.insert(&budget, &stamp()).await.expect("it stores");
        budget.risks.retain(|risk| risk.id != "terrorhot");
        budget.document.owner = "Ny ansvarig".into();
        let writes = [Write::Part(Part::Risks), Write::Part(Part::Document)];
        store
            .save(id, 1, &budget, &writes, &stamp())
            .await
            .expect("it saves");
        assert_eq!(
            store.load(id).await.expect("it loads").budget,
            budget,
            "{backend}"
        );
    }
}

/// The reference with every detail the editor adds: a project's total budget, dates, owner,
/// status and driftkonsekvens, a risk's owner, category and residual risk, a control's
/// schedule, status and conclusion, and stated figures superseded by changes.
fn detailed() -> Budget {
    use styr_domain::calendar::Date;
    use styr_domain::change::Change;
    use styr_domain::internal_control::{ControlStatus, Frequency};
    use styr_domain::investment::{OperatingEffect, ProjectStatus};
    use styr_domain::risk::{Grade, Residual};
    let mut budget = example();
    let project = &mut budget.investment.projects[1];
    project.total_budget = Some(Amount::from_tkr(59_100));
    project.start = Date::new(2024, 3, 1).ok();
    project.end = Date::new(2027, 12, 31).ok();
    project.owner = "Mark- och exploateringsenheten".into();
    project.status = ProjectStatus::Ongoing;
    project.operating_effects.insert(
        year(2027),
        OperatingEffect {
            capital_cost: Amount::from_tkr(-1_200),
            other: Amount::from_kr(-300_500),
        },
    );
    let risk = &mut budget.risks[0];
    risk.owner = "Ekonomichef".into();
    risk.category = "Ekonomi".into();
    risk.residual = Some(Residual {
        probability: Grade::new(2).expect("a grade"),
        materiality: Grade::new(4).expect("a grade"),
    });
    let control = &mut budget.controls[0];
    control.schedule.frequency = Frequency::Tertial;
    control.schedule.planned_on = Date::new(2025, 4, 30).ok();
    control.schedule.report_by = Date::new(2025, 9, 30).ok();
    control.status = ControlStatus::Done;
    control.conclusion = "Inga avvikelser.".into();
    budget
        .apply(&Change::SetLine {
            unit: UnitId("ks".into()),
            line: LineKind::OtherCosts,
            year: year(2025),
            amount: Amount::from_tkr(-47_752),
        })
        .expect("applies");
    let mut changed = budget.investment.projects[6].clone();
    changed.amounts.insert(year(2028), Amount::from_tkr(8_000));
    budget
        .apply(&Change::PutProject {
            replacing: Some(changed.name.clone()),
            project: changed,
        })
        .expect("applies");
    budget
}

#[tokio::test]
async fn every_detail_and_every_superseded_figure_reads_back() {
    for (backend, store) in stores("details").await {
        let budget = detailed();
        assert!(!budget.operating_tables[0].superseded.is_empty());
        assert!(!budget.investment.superseded.is_empty());
        let id = store.insert(&budget, &stamp()).await.expect("it stores");
        assert_eq!(
            store.load(id).await.expect("it loads").budget,
            budget,
            "{backend}: a new budget"
        );
        // Written again part by part, as a change does, from the plain reference.
        let plain = store.insert(&example(), &stamp()).await.expect("it stores");
        let writes = [
            Write::Part(Part::Operating),
            Write::Part(Part::Investment),
            Write::Part(Part::Registers),
            Write::Part(Part::Risks),
        ];
        store
            .save(plain, 1, &budget, &writes, &stamp())
            .await
            .expect("it saves");
        assert_eq!(
            store.load(plain).await.expect("it loads").budget,
            budget,
            "{backend}: parts written anew"
        );
        store.delete(plain, &stamp()).await.expect("it deletes");
    }
}

#[tokio::test]
async fn the_styrdokument_register_keeps_versions_and_refuses_a_stale_save() {
    use styr_domain::calendar::Date;
    use styr_domain::document::DocumentMetadata;
    use styr_domain::governance::GovernanceDocument;
    use styr_store::AuditEntry;
    for (backend, store) in stores("governance").await {
        let mut document = GovernanceDocument {
            id: "riktlinje-internkontroll".into(),
            municipality: "1489".into(),
            metadata: DocumentMetadata {
                title: "Riktlinje för internkontroll".into(),
                kind: "Riktlinje".into(),
                decided_by: "Kommunstyrelsen".into(),
                decision_date: Date::new(2023, 5, 8).ok(),
                revise_by: Date::new(2026, 6, 30).ok(),
                ..DocumentMetadata::default()
            },
        };
        let entry = || {
            Stamp::now("test").with(AuditEntry::new(
                "ändra styrdokument",
                None,
                "styrdokument/1489/riktlinje-internkontroll",
            ))
        };
        let first = store
            .put_governance_document(&document, None, &entry())
            .await
            .expect("a new document");
        assert_eq!(first, 1, "{backend}");
        assert!(
            matches!(
                store
                    .put_governance_document(&document, None, &entry())
                    .await,
                Err(StoreError::Conflict { actual: 1, .. })
            ),
            "{backend}: an id already taken"
        );
        document.metadata.owner = "Ekonomichef".into();
        let second = store
            .put_governance_document(&document, Some(1), &entry())
            .await
            .expect("saved from version 1");
        assert_eq!(second, 2);
        assert!(
            matches!(
                store
                    .put_governance_document(&document, Some(1), &entry())
                    .await,
                Err(StoreError::Conflict {
                    expected: 1,
                    actual: 2
                })
            ),
            "{backend}: a stale save"
        );
        let listed = store.governance_documents("1489").await.expect("lists");
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].document, document, "{backend}");
        assert!(
            store
                .governance_documents("0180")
                .await
                .expect("lists")
                .is_empty()
        );
        assert!(matches!(
            store
                .delete_governance_document("1489", &document.id, 1, &entry())
                .await,
            Err(StoreError::Conflict { .. })
        ));
        store
            .delete_governance_document("1489", &document.id, 2, &entry())
            .await
            .expect("deleted");
        assert!(
            store
                .governance_documents("1489")
                .await
                .expect("lists")
                .is_empty()
        );
    }
}

#[tokio::test]
async fn a_deleted_budget_is_gone() {
    for (backend, store) in stores("delete").await {
        let id = store.insert(&example(), &stamp()).await.expect("it stores");
        store.delete(id, &stamp()).await.expect("it deletes");
        assert!(
            matches!(store.load(id).await, Err(StoreError::NotFound(_))),
            "{backend}"
        );
        assert!(
            matches!(
                store.delete(id, &stamp()).await,
                Err(StoreError::NotFound(_))
            ),
            "{backend}"
        );
    }
}

#[tokio::test]
async fn opening_twice_migrates_once() {
    let path = std::env::temp_dir().join(format!("styr-store-twice-{}.db", std::process::id()));
    let url = format!("sqlite://{}", path.display());
    let first = Store::open(&url).await.expect("it opens");
    let id = first.insert(&example(), &stamp()).await.expect("it stores");
    drop(first);
    let second = Store::open(&url).await.expect("it opens again");
    assert_eq!(
        second.load(id).await.expect("still there").budget,
        example()
    );
    let _ = std::fs::remove_file(&path);
}

#[tokio::test]
async fn several_changes_saved_together_keep_a_revision_each() {
    for (backend, store) in stores("several").await {
        let mut budget = example();
        let id = store.insert(&budget, &stamp()).await.expect("it stores");
        let unit = UnitId("ks".into());
        let writes: Vec<Write> = [2025, 2026]
            .into_iter()
            .map(|number| Write::Cell {
                unit: unit.clone(),
                line: CellLine::Line(LineKind::Personnel),
                year: year(number),
                amount: Amount::from_tkr(-1_200),
            })
            .collect();
        store
            .save_changes(id, 1, 2, &budget, &writes, &stamp())
            .await
            .expect("it saves");
        let stored = store.load(id).await.expect("it loads");
        assert_eq!(stored.revision, 3, "{backend}: one revision per change");
        let personnel = budget.lines[0]
            .lines
            .get_mut(&LineKind::Personnel)
            .expect("a line");
        personnel.insert(year(2025), Amount::from_tkr(-1_200));
        personnel.insert(year(2026), Amount::from_tkr(-1_200));
        assert_eq!(stored.budget, budget, "{backend}");
    }
}

/// A small ledger: two vouchers in March and one in April, one row of which falls in May.
fn ledger() -> styr_domain::followup::LedgerImport {
    use styr_domain::calendar::Date;
    use styr_domain::followup::{LedgerImport, LedgerRow, LedgerVoucher, Month, OutcomeKey};
    let year = Year::new(2025).expect("a year");
    let month = |number| Month::new(year, number).expect("a month");
    let voucher = |number: &str, day, month_number, text: &str| LedgerVoucher {
        series: "A".into(),
        number: number.into(),
        date: Date::new(2025, month_number, day).expect("a date"),
        text: text.into(),
    };
    let row = |voucher, month, account, cost_centre: Option<&str>, ore, text: &str| LedgerRow {
        voucher,
        month,
        account,
        cost_centre: cost_centre.map(str::to_string),
        project: None,
        amount: Amount::from_ore(ore),
        text: text.into(),
    };
    LedgerImport {
        file_name: "utfall.se".into(),
        checksum: "0badc0de".into(),
        format: "SIE 4".into(),
        vouchers: vec![
            voucher("1", 10, 3, "Lön mars"),
            voucher("2", 20, 3, "Hyra \"Q2\"; tab\tinne"),
            voucher("3", 5, 4, "Avgift"),
        ],
        rows: vec![
            row(0, month(3), 5011, Some("1100"), 1_000_000, "Lön mars"),
            row(
                1,
                month(3),
                6111,
                Some("1100"),
                250_000,
                "Hyra \"Q2\"; tab\tinne",
            ),
            row(1, month(3), 6111, None, 50, "öresavrundning"),
            row(2, month(4), 3511, Some("1200"), -400_000, "Avgift"),
            row(2, month(5), 3511, Some("1200"), -100_000, "Avgift maj"),
        ],
        period_budget: vec![(
            OutcomeKey {
                account: 5011,
                cost_centre: None,
                month: month(3),
            },
            Amount::from_ore(900_000),
        )],
        account_names: [(5011, "Månadslön".to_string())].into_iter().collect(),
        cost_centre_names: [("1100".to_string(), "Ekonomi".to_string())]
            .into_iter()
            .collect(),
        project_names: Default::default(),
    }
}

#[tokio::test]
async fn an_outcome_import_sums_drills_down_and_replaces_its_months() {
    use styr_domain::followup::Month;
    for (backend, store) in stores("outcome").await {
        let id = store.insert(&example(), &stamp()).await.expect("stored");
        let record = store
            .import_outcome(id, &ledger(), &stamp())
            .await
            .expect("imported");
        assert_eq!(
            (record.first_month.as_str(), record.last_month.as_str()),
            ("2025-03", "2025-05"),
            "{backend}"
        );
        assert_eq!(
            (record.vouchers, record.rows, record.replaced_rows),
            (3, 5, 0),
            "{backend}"
        );
        assert_eq!(record.debit, Amount::from_ore(1_250_050), "{backend}");
        let outcome = store.outcome(id).await.expect("the outcome");
        assert_eq!(
            outcome.actual.len(),
            5,
            "{backend}: one sum per account, cost centre and month"
        );
        let total = Amount::try_sum(outcome.actual.values().copied()).expect("in range");
        assert_eq!(total, Amount::from_ore(750_050), "{backend}");
        assert_eq!(
            Amount::try_sum(outcome.budget.values().copied()),
            Ok(Amount::from_ore(900_000)),
            "{backend}"
        );
        assert_eq!(outcome.account_names[&5011], "Månadslön", "{backend}");
        let march = Month::new(Year::new(2025).expect("a year"), 3).expect("March");
        let rows = store.booked_rows(id, march).await.expect("March's rows");
        assert_eq!(rows.len(), 3, "{backend}");
        assert_eq!(
            rows[1].text, "Hyra \"Q2\"; tab\tinne",
            "{backend}: the voucher's own text, whole"
        );
        assert_eq!(rows[2].cost_centre, None, "{backend}");
        assert_eq!(rows[2].text, "öresavrundning", "{backend}");
        let voucher = store
            .voucher(id, rows[0].voucher_id + 2)
            .await
            .expect("the April voucher");
        assert_eq!(voucher.len(), 2, "{backend}: both months of the voucher");
        assert_eq!(voucher[1].text, "Avgift maj", "{backend}");
        // The same months again: replaced, never doubled.
        let again = store
            .import_outcome(id, &ledger(), &stamp())
            .await
            .expect("imported again");
        assert_eq!(again.replaced_rows, 5, "{backend}");
        assert_eq!(
            store.outcome(id).await.expect("the outcome"),
            outcome,
            "{backend}"
        );
        assert_eq!(
            store.outcome_imports(id).await.expect("the log").len(),
            2,
            "{backend}"
        );
    }
}

#[tokio::test]
async fn rules_forecasts_and_profiles_read_back() {
    use styr_domain::followup::{AccountMapping, CostCentreMapping, CostCentreRule, Forecast};
    use styr_domain::operating::OperatingRow;
    for (backend, store) in stores("outcome-rules").await {
        let id = store.insert(&example(), &stamp()).await.expect("stored");
        assert_eq!(
            store.account_rules(id).await.expect("rules"),
            None,
            "{backend}: the default until set"
        );
        let mapping = AccountMapping::kommun_bas();
        store
            .set_account_rules(id, &mapping, &stamp())
            .await
            .expect("set");
        assert_eq!(
            store.account_rules(id).await.expect("rules"),
            Some(mapping),
            "{backend}"
        );
        let centres = CostCentreMapping {
            rules: vec![CostCentreRule {
                object: "1100".into(),
                unit: UnitId("klk".into()),
                valid_from: None,
                valid_to: Some(styr_domain::calendar::Date::new(2025, 6, 30).expect("a date")),
            }],
        };
        store
            .set_cost_centre_rules(id, &centres, &stamp())
            .await
            .expect("set");
        assert_eq!(
            store.cost_centre_rules(id).await.expect("rules"),
            centres,
            "{backend}"
        );
        let mut forecast = Forecast {
            unit: UnitId("ks".into()),
            row: OperatingRow::Line(LineKind::Personnel),
            year: Year::new(2025).expect("a year"),
            amount: Amount::from_tkr(-120_000),
            comment: "Vakanser".into(),
        };
        assert_eq!(
            store
                .set_forecast(id, &forecast, None, &stamp())
                .await
                .expect("set"),
            None,
            "{backend}"
        );
        forecast.amount = Amount::from_tkr(-119_000);
        let previous = store
            .set_forecast(id, &forecast, None, &stamp())
            .await
            .expect("set");
        assert_eq!(
            previous,
            Some((Amount::from_tkr(-120_000), "Vakanser".to_string())),
            "{backend}"
        );
        assert_eq!(
            store.forecasts(id).await.expect("forecasts"),
            vec![forecast],
            "{backend}"
        );
        store
            .save_import_profile("Raindance", "delimiter = \";\"", &stamp())
            .await
            .expect("saved");
        store
            .save_import_profile("Raindance", "delimiter = \",\"", &stamp())
            .await
            .expect("saved again");
        assert_eq!(
            store.import_profiles().await.expect("profiles")["Raindance"],
            "delimiter = \",\"",
            "{backend}"
        );
        assert!(
            matches!(
                store.import_outcome(99, &ledger(), &stamp()).await,
                Err(StoreError::NotFound(99))
            ),
            "{backend}"
        );
    }
}

#[tokio::test]
async fn an_import_fed_in_batches_equals_one_and_a_dropped_one_leaves_nothing() {
    for (backend, store) in stores("outcome-batches").await {
        let id = store.insert(&example(), &stamp()).await.expect("stored");
        // Dropped before finish: a file that turned out to be broken.
        let mut dropped = store.begin_outcome_import(id).await.expect("begun");
        dropped.add(&ledger()).await.expect("a batch");
        drop(dropped);
        assert!(
            store
                .outcome(id)
                .await
                .expect("the outcome")
                .actual
                .is_empty(),
            "{backend}"
        );
        assert!(
            store.outcome_imports(id).await.expect("the log").is_empty(),
            "{backend}"
        );
        // The ledger in two batches: the first voucher, then the other two.
        let whole = ledger();
        let mut first = whole.clone();
        first.vouchers.truncate(1);
        first.rows.retain(|row| row.voucher == 0);
        let mut second = whole.clone();
        second.vouchers.remove(0);
        second.rows.retain(|row| row.voucher > 0);
        for row in &mut second.rows {
            row.voucher -= 1;
        }
        let mut import = store.begin_outcome_import(id).await.expect("begun");
        import.add(&first).await.expect("a batch");
        import.add(&second).await.expect("a batch");
        let record = import.finish(&whole, &stamp()).await.expect("finished");
        assert_eq!((record.vouchers, record.rows), (3, 5), "{backend}");
        let batched = store.outcome(id).await.expect("the outcome");
        let other = store.insert(&example(), &stamp()).await.expect("stored");
        store
            .import_outcome(other, &whole, &stamp())
            .await
            .expect("imported at once");
        assert_eq!(
            store.outcome(other).await.expect("the outcome"),
            batched,
            "{backend}"
        );
        let april =
            styr_domain::followup::Month::new(Year::new(2025).expect("a year"), 4).expect("April");
        let rows = store.booked_rows(id, april).await.expect("rows");
        assert_eq!(
            rows[0].number, "3",
            "{backend}: the second batch's voucher keeps its own id"
        );
    }
}

#[tokio::test]
async fn the_audit_log_is_written_with_the_change_and_cannot_be_altered() {
    use sqlx::Connection;
    use styr_store::{AuditEntry, AuditFilter};
    for (backend, store, url) in stores_at("audit").await {
        let id = store
            .insert(
                &example(),
                &Stamp::now("anna").with(AuditEntry::new("importera budget", None, "budget")),
            )
            .await
            .expect("it stores");
        let budget = example();
        let stamp = Stamp::now("bertil").with(
            AuditEntry::new("ändra driftrad", Some(id), "drift/ks/personnel/2025")
                .values(Some("1 kr".into()), Some("2 kr".into())),
        );
        store
            .save(id, 1, &budget, &[Write::Part(Part::Operating)], &stamp)
            .await
            .expect("it saves");
        // A refused write (a stale revision) records nothing.
        let stale = Stamp::now("cecilia").with(AuditEntry::new("ändra driftrad", Some(id), "x"));
        assert!(
            store.save(id, 1, &budget, &[], &stale).await.is_err(),
            "{backend}"
        );
        let log = store
            .audit_log(&AuditFilter::default())
            .await
            .expect("the log");
        assert_eq!(log.len(), 2, "{backend}: {log:?}");
        assert_eq!(
            log[0].entry.budget,
            Some(id),
            "{backend}: an import names its budget"
        );
        assert_eq!(log[1].actor, "bertil", "{backend}");
        assert_eq!(log[1].entry.old_value.as_deref(), Some("1 kr"), "{backend}");
        let filtered = store
            .audit_log(&AuditFilter {
                actor: Some("bertil".into()),
                entity: Some("personnel".into()),
                ..AuditFilter::default()
            })
            .await
            .expect("the log");
        assert_eq!(filtered.len(), 1, "{backend}");
        let today = &log[0].at[..10];
        let dated = AuditFilter {
            from: Some(today.into()),
            to: Some(today.into()),
            ..AuditFilter::default()
        };
        assert_eq!(
            store.audit_log(&dated).await.expect("the log").len(),
            2,
            "{backend}"
        );
        // Past the store, with plain SQL: the database itself refuses.
        sqlx::any::install_default_drivers();
        let mut connection = sqlx::AnyConnection::connect(&url)
            .await
            .expect("it connects");
        for statement in [
            "UPDATE audit_log SET new_value = 'förfalskat'",
            "DELETE FROM audit_log",
        ] {
            assert!(
                sqlx::query(statement)
                    .execute(&mut connection)
                    .await
                    .is_err(),
                "{backend}: {statement} must be refused"
            );
        }
        assert_eq!(
            store
                .audit_log(&AuditFilter::default())
                .await
                .expect("the log"),
            log,
            "{backend}: the log is as it was"
        );
    }
}

#[tokio::test]
async fn people_sessions_and_tokens_are_kept_as_hashes() {
    for (backend, store) in stores("access").await {
        let id = store
            .add_user(
                "anna",
                "$argon2id$hash",
                "budgetansvarig",
                Some("ks"),
                &stamp(),
            )
            .await
            .expect("added")
            .expect("a new user");
        assert_eq!(
            store
                .add_user("anna", "x", "admin", None, &stamp())
                .await
                .expect("answered"),
            None,
            "{backend}: a taken name"
        );
        store
            .open_session(
                "hash-of-secret",
                id,
                "csrf",
                "2999-01-01T00:00:00Z",
                &stamp(),
            )
            .await
            .expect("a session");
        let session = store
            .session("hash-of-secret", "2026-01-01T00:00:00Z")
            .await
            .expect("read")
            .expect("live");
        assert_eq!(session.user.scope_unit.as_deref(), Some("ks"), "{backend}");
        assert!(
            store
                .session("hash-of-secret", "3000-01-01T00:00:00Z")
                .await
                .expect("read")
                .is_none(),
            "{backend}: an expired session is not live"
        );
        let token = store
            .add_api_token(id, "skript", "hash-of-token", &stamp())
            .await
            .expect("a token");
        assert!(
            store
                .token_user("hash-of-token")
                .await
                .expect("read")
                .is_some(),
            "{backend}"
        );
        assert!(
            store
                .revoke_api_token(id, token, &stamp())
                .await
                .expect("revoked"),
            "{backend}"
        );
        assert!(
            store
                .token_user("hash-of-token")
                .await
                .expect("read")
                .is_none(),
            "{backend}"
        );
        store
            .set_password(id, "$argon2id$new", None, &stamp())
            .await
            .expect("set");
        assert!(
            store
                .session("hash-of-secret", "2026-01-01T00:00:00Z")
                .await
                .expect("read")
                .is_none(),
            "{backend}: a new password ends the sessions"
        );
    }
}

#[tokio::test]
async fn adoption_freezes_a_version_and_a_revision_starts_the_next() {
    use styr_domain::workflow::Status;
    for (backend, store) in stores("workflow").await {
        let id = store.insert(&example(), &stamp()).await.expect("it stores");
        let budget = example();
        let revision = store
            .step(id, 1, Status::Submitted, false, None, &stamp())
            .await
            .expect("submitted");
        let version = styr_store::AdoptedVersion {
            version_number: 1,
            decided_by: "Kommunfullmäktige".into(),
            decision_date: "2024-11-27".into(),
            registry_number: "KS 2024/1".into(),
            adopted_by: "anna".into(),
            adopted_at: "2024-11-27T10:00:00Z".into(),
            content: "innehåll".into(),
        };
        assert!(
            matches!(
                store
                    .step(
                        id,
                        revision - 1,
                        Status::Adopted,
                        false,
                        Some((&version, &budget)),
                        &stamp()
                    )
                    .await,
                Err(StoreError::Conflict { .. })
            ),
            "{backend}: a step from a stale read changes nothing"
        );
        let revision = store
            .step(
                id,
                revision,
                Status::Adopted,
                false,
                Some((&version, &budget)),
                &stamp(),
            )
            .await
            .expect("adopted");
        let state = store.workflow(id).await.expect("state");
        assert_eq!(
            (state.status, state.version_number),
            (Status::Adopted, 1),
            "{backend}"
        );
        store
            .step(id, revision, Status::Draft, true, None, &stamp())
            .await
            .expect("revised");
        let state = store.workflow(id).await.expect("state");
        assert_eq!(
            (state.status, state.version_number),
            (Status::Draft, 2),
            "{backend}"
        );
        assert_eq!(
            store.adopted_versions(id).await.expect("versions"),
            vec![version],
            "{backend}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn imports_to_one_budget_at_once_each_land_whole_and_leave_one_imports_outcome() {
    for (backend, store) in stores("outcome-at-once").await {
        let id = store.insert(&example(), &stamp()).await.expect("stored");
        let tasks: Vec<_> = (0..9)
            .map(|_| {
                let store = store.clone();
                tokio::spawn(async move { store.import_outcome(id, &ledger(), &stamp()).await })
            })
            .collect();
        for task in tasks {
            let record = task.await.expect("ran").unwrap_or_else(|error| {
                panic!("{backend}: an import at the same time as others failed: {error}")
            });
            assert_eq!((record.vouchers, record.rows), (3, 5), "{backend}");
        }
        let imports = store.outcome_imports(id).await.expect("the log");
        assert_eq!(imports.len(), 9, "{backend}");
        let mut numbers: Vec<i64> = imports.iter().map(|record| record.id).collect();
        numbers.dedup();
        assert_eq!(numbers.len(), 9, "{backend}: each import its own number");
        let other = store.insert(&example(), &stamp()).await.expect("stored");
        store
            .import_outcome(other, &ledger(), &stamp())
            .await
            .expect("imported once");
        assert_eq!(
            store.outcome(id).await.expect("the outcome"),
            store.outcome(other).await.expect("the outcome"),
            "{backend}: nine imports of one file are one import's outcome"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_cell_written_while_an_import_is_open_waits_and_both_land() {
    for (backend, store) in stores("outcome-beside-cell").await {
        let budget = example();
        let id = store.insert(&budget, &stamp()).await.expect("stored");
        // The import has read (its numbers) before the cell is written.
        let mut import = store.begin_outcome_import(id).await.expect("begun");
        let writer = store.clone();
        let cell = tokio::spawn(async move {
            let write = Write::Cell {
                unit: UnitId("ks".into()),
                line: CellLine::Line(LineKind::OtherCosts),
                year: Year::new(2025).expect("a year"),
                amount: Amount::from_tkr(-1),
            };
            writer
                .save(id, 1, &example(), &[write], &Stamp::now("test"))
                .await
        });
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        import.add(&ledger()).await.unwrap_or_else(|error| {
            panic!("{backend}: the import failed beside a cell write: {error}")
        });
        import
            .finish(&ledger(), &stamp())
            .await
            .unwrap_or_else(|error| panic!("{backend}: the import did not commit: {error}"));
        let revision = cell
            .await
            .expect("ran")
            .unwrap_or_else(|error| panic!("{backend}: the cell write failed: {error}"));
        assert_eq!(revision, 2, "{backend}");
        assert_eq!(
            store.outcome_imports(id).await.expect("the log").len(),
            1,
            "{backend}"
        );
    }
}

#[tokio::test]
async fn the_audit_log_refuses_replace_upsert_and_rows_slipped_in_before_its_end() {
    use sqlx::Connection;
    use styr_store::{AuditEntry, AuditFilter};
    for (backend, store, url) in stores_at("audit-replace").await {
        let stamp = || Stamp::now("anna").with(AuditEntry::new("importera budget", None, "budget"));
        for _ in 0..3 {
            store.record(&stamp()).await.expect("recorded");
        }
        let log = store
            .audit_log(&AuditFilter::default())
            .await
            .expect("the log");
        let (first, last) = (log[0].id, log[2].id);
        sqlx::any::install_default_drivers();
        let mut connection = sqlx::AnyConnection::connect(&url)
            .await
            .expect("it connects");
        let columns = "(id, at, actor, action, entity)";
        let row = |id: i64| format!("({id}, '2020-01-01T00:00:00Z', 'mallory', 'förfalskat', 'x')");
        let mut statements = vec![
            // A row slipped in with a number before the end: history written afterwards.
            format!(
                "INSERT INTO audit_log {columns} {} VALUES {}",
                overriding(&backend),
                row(first - 1_000)
            ),
        ];
        if backend == "sqlite" {
            statements.extend([
                format!("REPLACE INTO audit_log {columns} VALUES {}", row(first)),
                format!("INSERT OR REPLACE INTO audit_log {columns} VALUES {}", row(last)),
                format!(
                    "INSERT INTO audit_log {columns} VALUES {} ON CONFLICT (id) DO UPDATE SET actor = 'mallory'",
                    row(last)
                ),
                format!("UPDATE OR REPLACE audit_log SET id = {first} WHERE id = {last}"),
                format!("INSERT INTO audit_log {columns} VALUES {}", row(0)),
            ]);
        } else {
            statements.extend([
                format!(
                    "INSERT INTO audit_log {columns} OVERRIDING SYSTEM VALUE VALUES {} ON CONFLICT (id) DO UPDATE SET actor = 'mallory'",
                    row(first)
                ),
                format!(
                    "INSERT INTO audit_log {columns} OVERRIDING SYSTEM VALUE VALUES {} ON CONFLICT (id) DO UPDATE SET actor = excluded.actor",
                    row(last)
                ),
                "MERGE INTO audit_log USING (SELECT 1 AS one) AS source ON true WHEN MATCHED THEN UPDATE SET actor = 'mallory'".to_string(),
                "MERGE INTO audit_log USING (SELECT 1 AS one) AS source ON true WHEN MATCHED THEN DELETE".to_string(),
                "TRUNCATE audit_log".to_string(),
            ]);
        }
        for statement in &statements {
            assert!(
                sqlx::query(sqlx::AssertSqlSafe(statement.clone()))
                    .execute(&mut connection)
                    .await
                    .is_err(),
                "{backend}: {statement} must be refused"
            );
        }
        assert_eq!(
            store
                .audit_log(&AuditFilter::default())
                .await
                .expect("the log"),
            log,
            "{backend}: the log is as it was"
        );
        // Appending is what stays allowed.
        store.record(&stamp()).await.expect("recorded");
        assert_eq!(
            store
                .audit_log(&AuditFilter::default())
                .await
                .expect("the log")
                .len(),
            4,
            "{backend}"
        );
    }
}

/// PostgreSQL numbers the log itself and takes a number from outside only when told to.
fn overriding(backend: &str) -> &'static str {
    if backend == "postgres" {
        "OVERRIDING SYSTEM VALUE"
    } else {
        ""
    }
}
