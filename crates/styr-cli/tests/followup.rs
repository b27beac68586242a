//! `styr followup` and `styr import` of the books through the real binary.

mod support;

use support::{styr, text};

fn temporary(name: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!("styr-cli-followup-{name}-{}", std::process::id()))
}

#[test]
fn followup_straight_from_a_sie_file_against_the_budget() {
    let output = styr(&[
        "followup",
        "../../examples/alingsas-ks-2025-utfall.se",
        "--budget-file",
        "../../examples/alingsas-ks-2025.toml",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let report = text(&output.stdout);
    assert!(
        report.starts_with("# Uppföljning januari–augusti 2025: Kommunstyrelsen"),
        "{report}"
    );
    assert!(
        report.contains("| Personalkostnader | -116 205 | -77 470 |"),
        "{report}"
    );
    assert!(report.contains("## Kostnadsställen utan enhet"), "{report}");
    assert!(
        !text(&output.stderr).contains("läser ["),
        "no progress bar when stderr is not a terminal"
    );
}

#[test]
fn the_interim_and_year_end_layouts_and_the_formats() {
    let file = "../../examples/alingsas-ks-2025-utfall.se";
    let budget = "../../examples/alingsas-ks-2025.toml";
    let interim = text(
        &styr(&[
            "followup",
            file,
            "--budget-file",
            budget,
            "--layout",
            "delar",
        ])
        .stdout,
    );
    assert!(
        interim.starts_with("# Delårsrapport januari–augusti 2025"),
        "{interim}"
    );
    let year_end = text(
        &styr(&[
            "followup",
            file,
            "--budget-file",
            budget,
            "--layout",
            "helar",
        ])
        .stdout,
    );
    // January–August booked: the year-end view says so and shows no year's outcome yet.
    assert!(
        year_end.starts_with(
            "# Årsbokslut 2025: Kommunstyrelsen (preliminärt, 8 av 12 månader bokförda)"
        ),
        "{year_end}"
    );
    assert!(
        !year_end.contains("| tkr | Budget | Utfall | Avvikelse |"),
        "{year_end}"
    );
    assert!(!year_end.contains("januari–december"), "{year_end}");
    assert!(year_end.contains("| september | "), "{year_end}");
    assert!(year_end.contains("ej bokfört"), "{year_end}");
    let json: serde_json::Value =
        serde_json::from_slice(&styr(&["followup", file, "--format", "json"]).stdout)
            .expect("JSON");
    assert_eq!(
        json["budget_source"], "none",
        "no budget in the file and none given"
    );
    assert_eq!(json["through"], 8);
    let csv = text(&styr(&["followup", file, "--budget-file", budget, "--format", "csv"]).stdout);
    assert!(csv.starts_with(
        "enhet;kod;rad;månad;budget_kr;utfall_kr;avvikelse_kr;bokfört;budgetversion\n"
    ));
    assert_eq!(
        csv.lines().count(),
        1 + (3 * 10 + 8) * 12,
        "the total, KS and exploateringsenheten with kommunbidrag and the result; ej fördelat without"
    );
}

#[test]
fn the_books_are_imported_once_and_followed_up_from_the_database() {
    let database = temporary("db.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", database.display()));
    }
    let database = database.to_str().expect("a UTF-8 path").to_string();
    let budget = styr(&[
        "import",
        "../../examples/alingsas-ks-2025.toml",
        "--database",
        &database,
    ]);
    assert_eq!(budget.status.code(), Some(0), "{}", text(&budget.stderr));
    let first = styr(&[
        "import",
        "../../examples/alingsas-ks-2025-utfall.se",
        "--database",
        &database,
    ]);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    assert!(
        text(&first.stdout).contains("2025-01 – 2025-08 (import 1, ersatte 0 rader)"),
        "{}",
        text(&first.stdout)
    );
    let again = styr(&[
        "import",
        "../../examples/alingsas-ks-2025-utfall.se",
        "--database",
        &database,
    ]);
    assert!(
        text(&again.stdout).contains("(import 2, ersatte 256 rader)"),
        "{}",
        text(&again.stdout)
    );
    let broken = temporary("broken.se");
    std::fs::write(&broken, "#VER A 1 20250115\n{\n#TRANS 5011 {} 1.00\n}\n").expect("written");
    let refused = styr(&[
        "import",
        broken.to_str().expect("a path"),
        "--database",
        &database,
    ]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        text(&refused.stderr).contains("ingenting är inläst"),
        "{}",
        text(&refused.stderr)
    );
    let report = styr(&["followup", "--database", &database, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&report.stdout).expect("JSON");
    assert_eq!(json["budget_source"], "budget");
    assert_eq!(json["groups"][0]["code"], "ks");
}

#[test]
fn csv_is_imported_by_a_profile_file_and_a_bad_cell_is_named() {
    let database = temporary("csv.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", database.display()));
    }
    let database = database.to_str().expect("a UTF-8 path").to_string();
    styr(&[
        "import",
        "../../examples/alingsas-ks-2025.toml",
        "--database",
        &database,
    ]);
    let profile = temporary("profil.toml");
    std::fs::write(
        &profile,
        "delimiter = \";\"\ndecimal = \",\"\ndate = \"Datum\"\naccount = \"Konto\"\ncost_centre = \"Ansvar\"\namount = \"Belopp\"\ntext = \"Text\"\n",
    )
    .expect("written");
    let csv = temporary("utfall.csv");
    std::fs::write(
        &csv,
        "Datum;Konto;Ansvar;Belopp;Text\n2025-09-15;5011;ks;125 000,00;Lön\n",
    )
    .expect("written");
    let profile = profile.to_str().expect("a path").to_string();
    let imported = styr(&[
        "import",
        csv.to_str().expect("a path"),
        "--profile",
        &profile,
        "--database",
        &database,
    ]);
    assert_eq!(
        imported.status.code(),
        Some(0),
        "{}",
        text(&imported.stderr)
    );
    std::fs::write(
        &csv,
        "Datum;Konto;Ansvar;Belopp;Text\n2025-09-15;5011;ks;125.000,00;Lön\n",
    )
    .expect("written");
    let refused = styr(&[
        "import",
        csv.to_str().expect("a path"),
        "--profile",
        &profile,
        "--database",
        &database,
    ]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        text(&refused.stderr).contains("rad 2, kolumn 20"),
        "{}",
        text(&refused.stderr)
    );
}

#[test]
fn the_database_follows_up_exactly_as_the_file_read_straight() {
    let database = temporary("same.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", database.display()));
    }
    let database = database.to_str().expect("a UTF-8 path").to_string();
    styr(&[
        "import",
        "../../examples/alingsas-ks-2025.toml",
        "--database",
        &database,
    ]);
    styr(&[
        "import",
        "../../examples/alingsas-ks-2025-utfall.se",
        "--database",
        &database,
    ]);
    let stored = styr(&["followup", "--database", &database, "--format", "csv"]);
    let straight = styr(&[
        "followup",
        "../../examples/alingsas-ks-2025-utfall.se",
        "--budget-file",
        "../../examples/alingsas-ks-2025.toml",
        "--format",
        "csv",
    ]);
    // The same figures; the database also names the budget version it compares with.
    let without_version = |csv: &str| -> Vec<String> {
        csv.lines()
            .map(|line| {
                line.rsplit_once(';')
                    .map_or(line, |(rest, _)| rest)
                    .to_string()
            })
            .collect()
    };
    let stored = text(&stored.stdout);
    assert_eq!(
        without_version(&stored),
        without_version(&text(&straight.stdout))
    );
    assert!(!stored.is_empty());
    assert!(
        stored
            .lines()
            .nth(1)
            .is_some_and(|line| line.ends_with(";version 1, utkast (inte fastställd)"))
    );
}
