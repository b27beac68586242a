//! The follow-up a delårsrapport is written from, through a real store: it compares with the
//! adopted version while a revision is a draft, months not booked are not zero, a separately
//! reported unit stays out of the board's total, forecasts are kept as a history, deviations
//! are explained, investments are followed up per project from a SIE file with project
//! objects, and the delårsrapport is written from the same figures.

use styr_app::{Actor, App, AppError, FollowupRequest, ReportRequest, Step};
use styr_domain::calendar::{Date, Year};
use styr_domain::change::Change;
use styr_domain::followup::{
    DeviationExplanation, Forecast, Month, ProjectForecast, ProjectMapping, ProjectRule,
    ReportKind, ReportTexts,
};
use styr_domain::money::Amount;
use styr_domain::operating::{LineKind, OperatingRow};
use styr_domain::organisation::UnitId;
use styr_domain::workflow::Adoption;
use styr_reports::followup::{FollowupReport, GroupFollowup};

const EXAMPLE: &str = include_str!("../../../examples/alingsas-ks-2025.toml");
const OUTCOME: &[u8] = include_bytes!("../../../examples/alingsas-ks-2025-utfall.se");

async fn app(name: &str) -> (App, i64) {
    let path = std::env::temp_dir().join(format!("styr-reports-{name}-{}.db", std::process::id()));
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
    app.import_outcome(&Actor::named("controller"), id, "utfall.se", OUTCOME, None)
        .await
        .expect("the outcome imports");
    (app, id)
}

fn year() -> Year {
    Year::new(2025).expect("a year")
}

fn row(group: &GroupFollowup, row: OperatingRow) -> &styr_reports::followup::RowFollowup {
    group.row(row).expect("the row")
}

fn personnel(group: &GroupFollowup) -> &styr_reports::followup::RowFollowup {
    row(group, OperatingRow::Line(LineKind::Personnel))
}

fn board(report: &FollowupReport) -> &GroupFollowup {
    report.group("ks").expect("the board's table")
}

#[tokio::test]
async fn the_followup_compares_with_the_adopted_version_not_the_draft_of_a_revision() {
    let (app, id) = app("versions").await;
    let actor = Actor::named("controller");
    app.step(&actor, id, None, Step::Submit, None)
        .await
        .expect("submitted");
    // Adopted with a reason for every error the check finds in the reference.
    let errors: Vec<(String, String)> = app
        .snapshot(id)
        .await
        .expect("reads")
        .report()
        .findings
        .iter()
        .filter(|finding| finding.severity == styr_domain::severity::Severity::Error)
        .map(|finding| (finding.key(), "Beslutat trots avvikelsen.".to_string()))
        .collect();
    let adoption = Adoption::new(
        "Kommunstyrelsen",
        Date::new(2024, 12, 16).expect("a date"),
        "2024.025 KS",
    )
    .expect("a decision")
    .passing_over(errors);
    app.step(&actor, id, None, Step::Adopt, Some(adoption))
        .await
        .expect("adopted");
    app.step(&actor, id, None, Step::Revise, None)
        .await
        .expect("a revision");
    let change = Change::SetLine {
        unit: UnitId("ks".into()),
        line: LineKind::Personnel,
        year: year(),
        amount: Amount::from_tkr(-115_205),
    };
    app.change(&actor, id, None, &change)
        .await
        .expect("the draft changes");
    let report = app.followup(id, None, None).await.expect("a report");
    let version = report.version.as_ref().expect("a version");
    assert_eq!(version.number, 1);
    assert_eq!(
        version.describe(),
        "fastställd version 1 (Kommunstyrelsen 2024-12-16, dnr 2024.025 KS)"
    );
    assert_eq!(
        personnel(board(&report)).year_budget,
        Amount::from_tkr(-116_205),
        "the adopted figure, not the draft's"
    );
    let draft = app
        .followup_of(
            id,
            &FollowupRequest {
                version: Some(2),
                ..FollowupRequest::default()
            },
        )
        .await
        .expect("the draft on request");
    assert_eq!(
        personnel(board(&draft)).year_budget,
        Amount::from_tkr(-115_205)
    );
    let described = draft.version.as_ref().expect("a version").describe();
    assert_eq!(described, "version 2, utkast (inte fastställd)");
    let missing = app
        .followup_of(
            id,
            &FollowupRequest {
                version: Some(7),
                ..FollowupRequest::default()
            },
        )
        .await;
    assert!(matches!(missing, Err(AppError::NotFound)), "{missing:?}");
}

#[tokio::test]
async fn a_year_end_view_before_the_year_is_closed_counts_the_booked_months() {
    let (app, id) = app("year-end").await;
    let report = app.followup(id, None, Some(12)).await.expect("a report");
    assert_eq!((report.period, report.through), (12, 8));
    assert!(!report.is_closed());
    let personnel = personnel(board(&report));
    assert_eq!(personnel.actual[8], None, "September is ej bokfört, not 0");
    assert_eq!(
        Ok(personnel.ytd_actual),
        Amount::try_sum(personnel.actual[..8].iter().flatten().copied())
    );
    let budget_to_august = Amount::try_sum(personnel.budget[..8].iter().copied());
    assert_eq!(
        Ok(personnel.ytd_budget),
        budget_to_august,
        "against January–August only"
    );
    assert_eq!(report.unbooked_in_period(), [9, 10, 11, 12]);
    assert_eq!(
        styr_reports::shown::interim::booked_sentence(&report),
        "Utfallet är bokfört januari–augusti 2025, 8 av 12 månader; september–december är inte bokförda."
    );
}

#[tokio::test]
async fn the_separately_reported_unit_is_not_in_the_boards_total() {
    let (app, id) = app("apart").await;
    let report = app.followup(id, None, None).await.expect("a report");
    let apart = report.group("exploateringsenheten").expect("its own table");
    assert!(apart.separately_reported);
    let unassigned = report.group("ej fördelat").expect("the unassigned");
    assert_eq!(
        Ok(personnel(&report.total).ytd_actual),
        personnel(board(&report))
            .ytd_actual
            .checked_add(personnel(unassigned).ytd_actual),
        "the board and the unassigned, not the exploateringsenhet"
    );
    assert!(!personnel(apart).ytd_actual.is_zero());
    assert_eq!(
        row(&report.total, OperatingRow::Kommunbidrag).year_budget,
        Amount::from_tkr(118_535),
        "the board's frame, without the exploateringsenhet's"
    );
    assert_eq!(
        report.total.name,
        "Kommunstyrelsen, totalt (exkl. Mark- och exploateringsenheten)"
    );
}

#[tokio::test]
async fn forecasts_are_kept_as_a_history_with_the_month_they_built_on() {
    let (app, id) = app("history").await;
    let actor = Actor::named("anna");
    let forecast = |tkr: i64, comment: &str| Forecast {
        unit: UnitId("ks".into()),
        row: OperatingRow::Line(LineKind::Personnel),
        year: year(),
        amount: Amount::from_tkr(tkr),
        comment: comment.into(),
    };
    app.set_forecast(&actor, id, forecast(-117_000, "Vikarier"))
        .await
        .expect("set");
    app.set_forecast(&actor, id, forecast(-118_000, "Fler vikarier"))
        .await
        .expect("set again");
    let history = app.forecast_history(id).await.expect("the history");
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].forecast.amount, Amount::from_tkr(-117_000));
    assert_eq!(history[1].entered.by, "anna");
    assert_eq!(
        history[1].entered.based_on,
        Month::new(year(), 8),
        "built on the outcome through August"
    );
    let report = app.followup(id, None, None).await.expect("a report");
    let row = personnel(board(&report));
    assert_eq!(row.forecast, Amount::from_tkr(-118_000));
    assert_eq!(row.forecast_comment, "Fler vikarier");
    assert!(row.significant, "1,8 mnkr is more than 1 % of 116,2 mnkr");
    assert_eq!(
        personnel(&report.total).forecast,
        Amount::from_tkr(-118_000),
        "the unassigned cost centre has no budget of its own to forecast"
    );
    // Ekonomiavdelningen has no budget of its own: its forecast would be added on top of the
    // board's, which holds the line.
    let refused = app
        .set_forecast(
            &actor,
            id,
            Forecast {
                unit: UnitId("ekonomiavdelningen".into()),
                ..forecast(-10_000, "")
            },
        )
        .await;
    assert!(
        matches!(&refused, Err(AppError::Rejected(message)) if message.contains("ingen budget")),
        "{refused:?}"
    );
    assert_eq!(
        app.forecast_history(id).await.expect("the history").len(),
        2
    );
}

#[tokio::test]
async fn a_deviation_is_explained_kept_and_removed() {
    let (app, id) = app("explained").await;
    let actor = Actor::named("controller");
    let explanation = |text: &str| DeviationExplanation {
        unit: UnitId("ekonomiavdelningen".into()),
        row: OperatingRow::Line(LineKind::Personnel),
        year: year(),
        text: text.into(),
        by: String::new(),
        at: String::new(),
    };
    app.explain_deviation(&actor, id, explanation("  Två vakanser.  "))
        .await
        .expect("written");
    let report = app.followup(id, None, None).await.expect("a report");
    let unit = report
        .unit(&UnitId("ekonomiavdelningen".into()))
        .expect("the avdelning");
    assert_eq!(
        personnel(&unit.group).explanation.as_deref(),
        Some("Två vakanser.")
    );
    let stored = app
        .deviation_explanations(id)
        .await
        .expect("the explanations");
    assert_eq!(stored[0].by, "controller");
    app.explain_deviation(&actor, id, explanation(""))
        .await
        .expect("removed");
    assert!(
        app.deviation_explanations(id)
            .await
            .expect("none")
            .is_empty()
    );
    let kommunbidrag = app
        .explain_deviation(
            &actor,
            id,
            DeviationExplanation {
                row: OperatingRow::Kommunbidrag,
                ..explanation("x")
            },
        )
        .await;
    assert!(matches!(kommunbidrag, Err(AppError::Rejected(_))));
}

/// A SIE file of two projects of the plan and one that is not, as a municipality's ledger
/// books them: on a fixed-asset account with the project object, on cost accounts with a
/// cost centre, and the bank beside them.
const PROJECTS: &str = "#FLAGGA 0\n#SIETYP 4\n#RAR 0 20250101 20251231\n#KPTYP \"KOMMUN-BAS\"\n\
#DIM 1 \"Ansvar\"\n#DIM 6 \"Projekt\"\n\
#OBJEKT 1 \"140\" \"IT- och kommunikationsavdelningen\"\n\
#OBJEKT 6 \"P140\" \"IT-Infrastruktur\"\n#OBJEKT 6 \"P900\" \"Okänt projekt\"\n\
#KONTO 1229 \"Pågående investeringar\"\n#KONTO 4010 \"Inköp\"\n#KONTO 1930 \"Bank\"\n\
#VER A 1 20250310 \"Nätverk\"\n{\n#TRANS 1229 {6 \"P140\"} 1200000.00\n#TRANS 1930 {} -1200000.00\n}\n\
#VER A 2 20250415 \"Switchar\"\n{\n#TRANS 4010 {1 \"140\" 6 \"P140\"} 300000.00\n#TRANS 1930 {} -300000.00\n}\n\
#VER A 3 20250520 \"Möbler\"\n{\n#TRANS 1229 {1 \"140\"} 450000.00\n#TRANS 1930 {} -450000.00\n}\n\
#VER A 4 20250602 \"Annat\"\n{\n#TRANS 1229 {6 \"P900\"} 75000.00\n#TRANS 1930 {} -75000.00\n}\n";

#[tokio::test]
async fn investments_are_followed_up_per_project_from_a_sie_file_with_project_objects() {
    let (app, id) = app("projects").await;
    let actor = Actor::named("controller");
    let record = app
        .import_outcome(&actor, id, "projekt.se", PROJECTS.as_bytes(), None)
        .await
        .expect("the projects import");
    assert_eq!(
        record.rows, 4,
        "the investment accounts are kept, the bank is not"
    );
    let rule = ProjectRule {
        project: "Inventarier".into(),
        object: None,
        account_prefix: Some("12".into()),
        cost_centre: Some("140".into()),
    };
    let mapping = ProjectMapping::new(vec![rule.clone()], ProjectMapping::default().accounts)
        .expect("valid rules");
    app.set_project_mapping(&actor, id, &mapping)
        .await
        .expect("saved");
    assert_eq!(app.project_mapping(id).await.expect("read"), mapping);
    let unknown = ProjectMapping::new(
        vec![ProjectRule {
            project: "Simhall".into(),
            ..rule
        }],
        ProjectMapping::default().accounts,
    )
    .expect("valid as rules");
    assert!(matches!(
        app.set_project_mapping(&actor, id, &unknown).await,
        Err(AppError::Rejected(_))
    ));
    app.set_project_forecast(
        &actor,
        id,
        ProjectForecast {
            project: "IT-Infrastruktur".into(),
            year: year(),
            amount: Amount::from_tkr(4_000),
            comment: "Upphandlingen är försenad".into(),
        },
    )
    .await
    .expect("a project forecast");
    let followed = app
        .investment_followup(id, &FollowupRequest::default())
        .await
        .expect("the investment follow-up");
    let project = |name: &str| {
        followed
            .projects
            .iter()
            .find(|project| project.name == name)
            .expect("a project of the plan")
    };
    let infrastructure = project("IT-Infrastruktur");
    assert_eq!(
        infrastructure.actual,
        Amount::from_kr(1_500_000),
        "1229 and 4010, not the bank"
    );
    assert_eq!(infrastructure.months[2], Some(Amount::from_kr(1_200_000)));
    assert_eq!(infrastructure.months[8], None, "September is not booked");
    assert_eq!(infrastructure.year_budget, Amount::from_tkr(5_000));
    assert_eq!(infrastructure.forecast, Amount::from_tkr(4_000));
    assert_eq!(infrastructure.deviation, Amount::from_tkr(1_000));
    assert_eq!(infrastructure.total_budget, Amount::from_tkr(30_000));
    assert_eq!(
        project("Inventarier").actual,
        Amount::from_kr(450_000),
        "by the rule"
    );
    assert_eq!(followed.unplaced.len(), 1);
    assert_eq!(
        (
            followed.unplaced[0].code.as_str(),
            followed.unplaced[0].amount
        ),
        ("P900", Amount::from_kr(75_000))
    );
    let history = app.project_forecast_history(id).await.expect("the history");
    assert_eq!(history[0].entered.based_on, Month::new(year(), 8));
}

/// The sum of the 44_sie4.se rows that carry `project` on the accounts an investment counts
/// (10–12 and 3–7), read straight from the file's lines: what the follow-up must arrive at.
fn by_hand(bytes: &[u8], project: &[u8]) -> Amount {
    let mut ore = 0i64;
    for line in bytes.split(|byte| *byte == b'\n') {
        let text: Vec<u8> = line.iter().copied().filter(|byte| *byte != b'\r').collect();
        let fields: Vec<&[u8]> = text
            .split(|byte| *byte == b'\t' || *byte == b' ')
            .filter(|field| !field.is_empty())
            .collect();
        if fields.first() != Some(&&b"#TRANS"[..])
            || !text.windows(project.len()).any(|window| window == project)
        {
            continue;
        }
        let account = std::str::from_utf8(fields[1]).expect("digits");
        let counted = ["10", "11", "12", "3", "4", "5", "6", "7"]
            .iter()
            .any(|prefix| account.starts_with(prefix));
        if !counted {
            continue;
        }
        let amount_field = fields
            .iter()
            .skip(2)
            .find(|field| {
                field
                    .iter()
                    .all(|byte| byte.is_ascii_digit() || *byte == b'.' || *byte == b'-')
            })
            .expect("an amount");
        let amount = std::str::from_utf8(amount_field).expect("ASCII");
        let (whole, fraction) = amount.split_once('.').unwrap_or((amount, "0"));
        let sign = if whole.starts_with('-') { -1 } else { 1 };
        let whole: i64 = whole.trim_start_matches('-').parse().expect("kronor");
        let fraction: i64 = format!("{fraction:0<2}")[..2].parse().expect("öre");
        ore += sign * (whole * 100 + fraction);
    }
    Amount::from_ore(ore)
}

#[tokio::test]
async fn a_real_files_project_objects_reach_the_investment_followup() {
    // ../shared beside the project, or STYR_SHARED where the checkout sits elsewhere.
    let path = std::env::var_os("STYR_SHARED")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
        .join("fixtures/sie/44_sie4.se");
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!(
            "skipped: {} is not here (../shared is absent)",
            path.display()
        );
        return;
    };
    let (app, id) = app("fixture-projects").await;
    let actor = Actor::named("controller");
    app.import_outcome(&actor, id, "44_sie4.se", &bytes, None)
        .await
        .expect("SIE-gruppen's example imports");
    // The file's project "SÄLJ" (Försäljning), CP437, placed on a project of the plan.
    let mapping = ProjectMapping::new(
        vec![ProjectRule {
            project: "Tjänstekatalog".into(),
            object: Some("SÄLJ".into()),
            account_prefix: None,
            cost_centre: None,
        }],
        ProjectMapping::default().accounts,
    )
    .expect("valid rules");
    app.set_project_mapping(&actor, id, &mapping)
        .await
        .expect("saved");
    let names = app.project_names(id).await.expect("the names");
    assert_eq!(names.get("SÄLJ").map(String::as_str), Some("Försäljning"));
    let followed = app
        .investment_followup(
            id,
            &FollowupRequest {
                year: Some(Year::new(2010).expect("a year")),
                ..FollowupRequest::default()
            },
        )
        .await
        .expect("the investment follow-up of 2010");
    let catalogue = followed
        .projects
        .iter()
        .find(|project| project.name == "Tjänstekatalog")
        .expect("the project");
    assert_eq!(followed.through, 12, "the example books all of 2010");
    let expected = by_hand(&bytes, b"\"6\"\t\"S\x8eLJ\"");
    assert!(!expected.is_zero());
    assert_eq!(catalogue.actual, expected);
    assert!(
        followed.unplaced.iter().any(|item| item.code == "VERK"),
        "the file's other project is listed as not in the plan: {:?}",
        followed.unplaced
    );
}

#[tokio::test]
async fn the_delarsrapport_is_written_from_the_same_figures_as_the_followup() {
    let (app, id) = app("interim").await;
    let actor = Actor::named("controller");
    let through = Month::new(year(), 8).expect("August");
    app.set_report_texts(
        &actor,
        id,
        ReportKind::Interim,
        through,
        &ReportTexts {
            events: "Kommunhuset togs i bruk i maj.".into(),
            outlook: String::new(),
        },
    )
    .await
    .expect("the texts are saved");
    app.set_forecast(
        &actor,
        id,
        Forecast {
            unit: UnitId("ks".into()),
            row: OperatingRow::Line(LineKind::Personnel),
            year: year(),
            amount: Amount::from_tkr(-118_000),
            comment: String::new(),
        },
    )
    .await
    .expect("a forecast");
    app.explain_deviation(
        &actor,
        id,
        DeviationExplanation {
            unit: UnitId("ks".into()),
            row: OperatingRow::Line(LineKind::Personnel),
            year: year(),
            text: "Vikarier under sjukskrivningar.".into(),
            by: String::new(),
            at: String::new(),
        },
    )
    .await
    .expect("an explanation");
    let shown = app
        .interim_report(
            id,
            &ReportRequest {
                kind: ReportKind::Interim,
                through,
                version: None,
            },
        )
        .await
        .expect("the report");
    assert_eq!(
        shown.title,
        "Delårsrapport januari–augusti 2025, Kommunstyrelsen"
    );
    assert_eq!(shown.texts.events, "Kommunhuset togs i bruk i maj.");
    let report = app
        .followup(id, None, Some(8))
        .await
        .expect("the follow-up");
    let page = styr_reports::shown::followup::table(&report.total).expect("shown");
    let table = &shown.tables[0];
    assert_eq!(
        table
            .rows
            .iter()
            .map(|(_, _, row)| *row)
            .collect::<Vec<_>>(),
        page.rows,
        "the report's table is the follow-up's, figure for figure"
    );
    assert!(
        table.sentences.iter().any(|sentence| sentence
            .starts_with("Kommunstyrelsen prognostiserar ett underskott om 1,8 mnkr")),
        "{:?}",
        table.sentences
    );
    let personnel = shown
        .deviations
        .iter()
        .find(|deviation| {
            deviation.unit == "Kommunstyrelsen" && deviation.row == "Personalkostnader"
        })
        .expect("the significant deviation");
    assert_eq!(
        personnel.sentence,
        "Personalkostnaderna beräknas bli 1,8 mnkr högre än budget för helåret."
    );
    assert_eq!(
        personnel.explanation.as_deref(),
        Some("Vikarier under sjukskrivningar.")
    );
    assert!(shown.tables[1].heading.ends_with("(särredovisas)"));
}
