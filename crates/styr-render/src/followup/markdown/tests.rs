use super::*;
use styr_domain::calendar::Year;
use styr_domain::money::Amount;
use styr_domain::operating::{LineKind, OperatingRow};
use styr_reports::followup::{BudgetSource, KommunbidragSource, RowFollowup};

fn row(row: OperatingRow, booked: usize) -> RowFollowup {
    RowFollowup {
        row,
        label: row.label(),
        budget: [Amount::from_tkr(-10); 12],
        actual: std::array::from_fn(|index| (index < booked).then_some(Amount::from_tkr(-11))),
        year_budget: Amount::from_tkr(-120),
        ytd_budget: Amount::from_tkr(-10 * booked as i64),
        ytd_actual: Amount::from_tkr(-11 * booked as i64),
        ytd_deviation: Amount::from_tkr(-(booked as i64)),
        forecast: Amount::from_tkr(-120),
        forecast_entered: false,
        forecast_comment: String::new(),
        forecast_deviation: Amount::ZERO,
        explanation: Some("Två vikarier".into()),
        significant: false,
    }
}

fn group(name: &str, code: &str, booked: usize) -> GroupFollowup {
    GroupFollowup {
        code: code.into(),
        unit: None,
        name: name.into(),
        separately_reported: code == "hamn",
        rows: vec![
            row(OperatingRow::Line(LineKind::Personnel), booked),
            row(OperatingRow::NetCost, booked),
        ],
    }
}

fn report(booked: u8, period: u8) -> FollowupReport {
    FollowupReport {
        title: "Kommunstyrelsen".into(),
        year: Year::new(2025).expect("a year"),
        version: None,
        period,
        through: booked,
        booked: std::array::from_fn(|index| index < usize::from(booked)),
        budget_source: BudgetSource::Budget,
        kommunbidrag: KommunbidragSource::Allocated,
        groups: vec![
            group("<script>alert(1)</script>", "k1", usize::from(booked)),
            group("Hamnen", "hamn", usize::from(booked)),
        ],
        total: group("Kommunstyrelsen, totalt", "", usize::from(booked)),
        units: Vec::new(),
        unmapped_accounts: Vec::new(),
        unmapped_cost_centres: vec![UnmappedAmount {
            code: "9|9".into(),
            name: "[klicka](javascript:alert(1))".into(),
            amount: Amount::from_tkr(-5),
        }],
        excluded: Amount::ZERO,
    }
}

#[test]
fn names_from_the_books_read_as_text() {
    let text = markdown(&report(8, 8), Layout::Month).expect("the figures fit");
    assert!(
        text.contains("## \\<script\\>alert(1)\\</script\\>\n"),
        "{text}"
    );
    assert!(
        text.contains("| 9\\|9 | \\[klicka\\](javascript:alert(1)) | -5 |"),
        "{text}"
    );
    assert!(!text.contains("<script>"));
    assert!(
        text.contains("## Hamnen (särredovisas, ingår inte i totalen)"),
        "{text}"
    );
    assert!(
        text.contains("- *Avvikelse, Personalkostnader*: Två vikarier"),
        "{text}"
    );
}

#[test]
fn a_year_end_before_the_year_is_closed_says_what_is_booked_and_shows_no_full_years_outcome() {
    let text = markdown(&report(8, 12), Layout::YearEnd).expect("the figures fit");
    assert!(
        text.starts_with(
            "# Årsbokslut 2025: Kommunstyrelsen (preliminärt, 8 av 12 månader bokförda)"
        ),
        "{text}"
    );
    assert!(
        text.contains("september–december är inte bokförda"),
        "{text}"
    );
    assert!(text.contains("| Utfall jan–aug |"), "{text}");
    assert!(
        !text.contains("| tkr | Budget | Utfall | Avvikelse |"),
        "{text}"
    );
    assert!(
        text.contains(
            "| september | -10 | ej bokfört | ej bokfört | -90 | ej bokfört | ej bokfört |"
        ),
        "{text}"
    );
    let closed = markdown(&report(12, 12), Layout::YearEnd).expect("the figures fit");
    assert!(
        closed.starts_with("# Årsbokslut 2025: Kommunstyrelsen\n"),
        "{closed}"
    );
    assert!(
        closed.contains("| tkr | Budget | Utfall | Avvikelse |"),
        "{closed}"
    );
    assert!(
        closed.contains("| Personalkostnader | -120 | -132 | -12 |"),
        "{closed}"
    );
}
