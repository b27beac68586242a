use super::*;

#[test]
fn the_period_is_named_by_its_months_in_words_and_short() {
    assert_eq!(period_words(0), "");
    assert_eq!(period_words(1), "januari");
    assert_eq!(period_words(8), "januari–augusti");
    assert_eq!(period_words(12), "januari–december");
    assert_eq!(short_period(0), "–");
    assert_eq!(short_period(1), "jan");
    assert_eq!(short_period(8), "jan–aug");
}

#[test]
fn an_open_year_has_prognosis_columns_and_a_closed_year_only_the_outcome() {
    let open = Columns {
        period: short_period(8),
        year: "2025".into(),
        closed: false,
    };
    assert_eq!(
        open.headings(),
        [
            "Budget 2025",
            "Budget jan–aug 2025",
            "Utfall jan–aug 2025",
            "Avvikelse jan–aug 2025",
            "Prognos 2025",
            "Avvikelse prognos 2025",
        ]
    );
    let closed = Columns {
        closed: true,
        ..open
    };
    assert_eq!(
        closed.headings(),
        ["Budget 2025", "Utfall 2025", "Avvikelse 2025"]
    );
}
