//! The municipality's budget years kept in the database, through the real binary: the demo
//! municipality imported as a year (all or nothing), its Mål och budget written from the
//! database the same as from its file, the next year opened there with this year kept as it
//! was and opened from once, on SQLite and — when STYR_TEST_POSTGRES_URL names a server — on
//! PostgreSQL.

mod support;

use support::{styr, text};

const DEMO: &str = "../../examples/demo/exempelby-kommun.toml";

/// The databases to run against: a fresh SQLite file, and a fresh PostgreSQL database.
fn databases(name: &str) -> Vec<String> {
    let path = std::env::temp_dir().join(format!("styr-cli-{name}-{}.db", std::process::id()));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let mut databases = vec![path.display().to_string()];
    match std::env::var("STYR_TEST_POSTGRES_URL") {
        Ok(url) => {
            let (server, database) = url.rsplit_once('/').expect("a URL that names a database");
            let test_database = format!("{database}_{}", name.replace('-', "_"));
            let created = std::process::Command::new("psql")
                .arg(&url)
                .args([
                    "-q",
                    "-c",
                    &format!("DROP DATABASE IF EXISTS {test_database}"),
                ])
                .args(["-c", &format!("CREATE DATABASE {test_database}")])
                .output()
                .expect("psql runs");
            assert!(created.status.success(), "{}", text(&created.stderr));
            databases.push(format!("{server}/{test_database}"));
        }
        Err(_) => eprintln!("PostgreSQL skipped: STYR_TEST_POSTGRES_URL is not set"),
    }
    databases
}

#[test]
fn a_year_is_kept_reported_and_the_next_opened_from_it_once() {
    let from_file = text(&styr(&["report", "--municipality", DEMO]).stdout);
    assert!(from_file.contains("## Resultatbudget"));
    for database in databases("municipal-years") {
        let imported = styr(&["import", "--municipality", DEMO, "--database", &database]);
        assert!(
            imported.status.success(),
            "{database}: {}",
            text(&imported.stderr)
        );
        assert!(
            text(&imported.stdout).contains("inläst som nummer 1"),
            "{}",
            text(&imported.stdout)
        );
        let reported = styr(&["report", "--database", &database, "--municipality", "1"]);
        assert!(reported.status.success(), "{}", text(&reported.stderr));
        assert_eq!(
            text(&reported.stdout),
            from_file,
            "{database}: the same as from the file"
        );

        let arguments = [
            "next-year",
            "--database",
            &database,
            "--municipality",
            "1",
            "--index-vintage",
            "Prov, oktober 2026",
            "--pkv",
            "2027=3,0 2028=3,1 2029=2,9",
        ];
        let opened = styr(&arguments);
        assert!(
            opened.status.success(),
            "{database}: {}",
            text(&opened.stderr)
        );
        assert!(
            text(&opened.stdout).contains("Budgetåret 2027 är öppnat som budgetår nummer 2"),
            "{}",
            text(&opened.stdout)
        );
        let next = text(&styr(&["report", "--database", &database, "--municipality", "2"]).stdout);
        assert!(
            next.contains("Ramberäkning 2027"),
            "{database}: the next year's frames"
        );
        let kept = text(&styr(&["report", "--database", &database, "--municipality", "1"]).stdout);
        assert_eq!(kept, from_file, "{database}: this year is kept as it was");

        let again = styr(&arguments);
        assert_eq!(again.status.code(), Some(2), "{database}: opened once");
        assert!(
            text(&again.stderr).contains("redan öppnat från den här budgeten, som nr 2"),
            "{}",
            text(&again.stderr)
        );
        let missing = styr(&["report", "--database", &database, "--municipality", "3"]);
        assert_eq!(missing.status.code(), Some(2), "{database}: no third year");
        assert!(text(&missing.stderr).contains("inget budgetår för kommunen med nummer 3"));
    }
}

#[test]
fn a_municipality_file_that_does_not_read_keeps_nothing() {
    let directory =
        std::env::temp_dir().join(format!("styr-cli-municipal-bad-{}", std::process::id()));
    std::fs::create_dir_all(&directory).expect("a directory");
    let demo = std::fs::read_to_string(support::manifest_dir().join(DEMO)).expect("the demo");
    let broken = directory.join("trasig.toml");
    std::fs::write(&broken, demo.replacen("[[board]]", "[[board]\n", 1)).expect("written");
    for database in databases("municipal-refused") {
        let refused = styr(&[
            "import",
            "--municipality",
            broken.to_str().expect("a path"),
            "--database",
            &database,
        ]);
        assert_eq!(
            refused.status.code(),
            Some(2),
            "{database}: {}",
            text(&refused.stdout)
        );
        assert!(
            text(&refused.stderr).contains("ingenting är inläst"),
            "{}",
            text(&refused.stderr)
        );
        let none = styr(&["report", "--database", &database, "--municipality", "1"]);
        assert_eq!(none.status.code(), Some(2), "{database}: nothing was kept");
    }
    let _ = std::fs::remove_dir_all(&directory);
}
