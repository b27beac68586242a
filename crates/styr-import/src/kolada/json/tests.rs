use super::*;

const PAGE: &str = r#"{"count": 3, "next_url": "http://127.0.0.1/v3/data/kpi/N00097/municipality/1489/year/2024?page=2",
 "values": [
  {"kpi": "N00097", "municipality": "1489", "period": 2024,
   "values": [{"gender": "T", "count": 1, "status": "", "value": -1.2},
              {"gender": "K", "count": 0, "status": "", "value": null}]},
  {"kpi": "N00097", "municipality": "1441", "period": 2024,
   "values": [{"gender": "T", "count": 1, "status": "", "value": 12.30}]}
 ]}"#;

#[test]
fn a_page_gives_every_gender_value_exactly_and_the_next_address() {
    let page = read_data_page(PAGE.as_bytes(), &Limits::default()).expect("a page");
    assert_eq!(page.values.len(), 3);
    assert_eq!(
        page.values[0].value,
        Some(Decimal::parse("-1.2").expect("a value"))
    );
    assert_eq!(page.values[1].gender, Gender::K);
    assert_eq!(page.values[1].value, None, "null stays missing, never zero");
    assert_eq!(
        page.values[2].value.map(|value| value.to_string()),
        Some("12.3".into())
    );
    assert!(page.next.is_some_and(|next| next.ends_with("page=2")));
}

#[test]
fn a_truncated_answer_is_refused_with_its_place() {
    let cut = &PAGE[..PAGE.len() / 2];
    let issues = read_data_page(cut.as_bytes(), &Limits::default()).expect_err("cut short");
    assert!(
        issues[0].message.contains("tar slut"),
        "{}",
        issues[0].message
    );
}

#[test]
fn a_malformed_row_is_placed_by_line_and_column() {
    let bad = PAGE.replace(r#""municipality": "1441""#, r#""municipality": "14/41""#);
    let issues = read_data_page(bad.as_bytes(), &Limits::default()).expect_err("a bad id");
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].line, 6);
    assert!(issues[0].message.contains("14/41"), "{}", issues[0].message);
    let no_values = r#"{"count": 0}"#;
    let issues = read_data_page(no_values.as_bytes(), &Limits::default()).expect_err("no values");
    assert_eq!(issues[0].message, "fältet ”values” saknas");
}

#[test]
fn an_answer_past_the_limits_is_refused_naming_the_limit() {
    let defaults = Limits::default();
    let huge = vec![b' '; defaults.file_bytes as usize + 1];
    let issues = read_data_page(&huge, &defaults).expect_err("too large");
    assert_eq!(
        issues[0].message,
        "svaret från Kolada är större än 32 MiB (gränsen file_bytes = 32 MiB); hämta färre nyckeltal, kommuner eller år åt gången"
    );
    let row = r#"{"kpi":"N00097","municipality":"1489","period":2024,"values":[]}"#;
    let many = format!(
        "{{\"values\":[{}]}}",
        vec![row; defaults.value_rows as usize + 1].join(",")
    );
    let issues = read_data_page(many.as_bytes(), &defaults).expect_err("too many rows");
    assert_eq!(
        issues[0].message,
        "svaret från Kolada har fler rader än 200 000 (gränsen value_rows = 200 000); hämta färre nyckeltal, kommuner eller år åt gången"
    );
}

#[test]
fn a_smaller_configured_limit_refuses_an_answer_the_defaults_read() {
    let fewer_rows = Limits {
        value_rows: 1,
        ..Limits::default()
    };
    assert!(read_data_page(PAGE.as_bytes(), &Limits::default()).is_ok());
    let issues = read_data_page(PAGE.as_bytes(), &fewer_rows).expect_err("two rows, one allowed");
    assert!(
        issues[0]
            .message
            .starts_with("svaret från Kolada har fler rader än 1 (gränsen value_rows = 1)"),
        "{}",
        issues[0].message
    );
    assert_eq!(issues[0].line, 2, "at the list of rows");
    let fewer_bytes = Limits {
        file_bytes: 100,
        ..Limits::default()
    };
    let issues = read_data_page(PAGE.as_bytes(), &fewer_bytes).expect_err("past 100 bytes");
    assert!(
        issues[0].message.starts_with(
            "svaret från Kolada är större än 100 byte (gränsen file_bytes = 100 byte)"
        ),
        "{}",
        issues[0].message
    );
    let group = r#"{"values": [{"id": "G1", "title": "A", "members": []}, {"id": "G2", "title": "B", "members": []}]}"#;
    assert!(read_groups(group.as_bytes(), &Limits::default()).is_ok());
    assert!(
        read_groups(group.as_bytes(), &fewer_rows).is_err(),
        "groups are rows too"
    );
}

#[test]
fn a_group_lists_its_members_in_either_form() {
    let groups = read_groups(
        r#"{"values": [{"id": "G37411", "title": "Liknande kommuner, Alingsås",
            "members": [{"member_id": "1441", "member_title": "Lerum"}, {"id": "1402", "title": "Partille"}, "1482"]}]}"#
            .as_bytes(),
        &Limits::default(),
    )
    .expect("a group");
    let ids: Vec<&str> = groups[0]
        .members
        .iter()
        .map(|member| member.id.as_str())
        .collect();
    assert_eq!(ids, ["1441", "1402", "1482"]);
    assert_eq!(groups[0].members[0].title, "Lerum");
}

#[test]
fn kpi_metadata_reads_its_flag_as_a_number_or_a_truth_value() {
    let kpis = read_kpi_metadata(
        r#"{"values": [{"id": "N00097", "title": "Nettokostnadsavvikelse totalt (exkl. LSS), %", "is_divided_by_gender": 0, "operating_area": "Kommunen, \u00f6vergripande"},
                       {"id": "U09400", "title": "Elever", "is_divided_by_gender": true}]}"#.as_bytes(),
        &Limits::default(),
    )
    .expect("metadata");
    assert!(!kpis[0].divided_by_gender);
    assert!(kpis[1].divided_by_gender);
    assert_eq!(kpis[0].operating_area, "Kommunen, övergripande");
}
