//! `styr backup` and `styr restore` through the real binary: a round trip on SQLite (and on
//! PostgreSQL when STYR_TEST_POSTGRES_URL names a server and pg_dump is installed) gives back
//! the same budget, books, people and log; a backup taken while someone writes is whole; and
//! the refusals: an existing output file, a database in use without --replace, a file that is
//! no backup, a backup of the other kind of database.

mod support;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use support::{example, manifest_dir, styr, text};

const OUTCOME: &str = "../../examples/alingsas-ks-2025-utfall.se";

fn place(name: &str) -> PathBuf {
    let directory =
        std::env::temp_dir().join(format!("styr-cli-backup-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&directory);
    std::fs::create_dir_all(&directory).expect("a directory");
    directory
}

fn succeeds(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}{}",
        text(&output.stdout),
        text(&output.stderr)
    );
    text(&output.stdout)
}

fn fails_with(output: &Output, code: i32) -> String {
    assert_eq!(output.status.code(), Some(code), "{}", text(&output.stderr));
    text(&output.stderr)
}

/// A database with the reference budget, its books and a person.
fn filled(database: &str) {
    succeeds(&styr(&[
        "import",
        &example().display().to_string(),
        "--database",
        database,
    ]));
    succeeds(&styr(&[
        "import",
        OUTCOME,
        "--database",
        database,
        "--budget",
        "1",
    ]));
    let mut child = Command::new(env!("CARGO_BIN_EXE_styr"))
        .args([
            "user",
            "add",
            "anna",
            "--role",
            "controller",
            "--database",
            database,
        ])
        .current_dir(manifest_dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("styr runs");
    child
        .stdin
        .take()
        .expect("a standard input")
        .write_all(b"ett-langt-losenord\n")
        .expect("written");
    succeeds(&child.wait_with_output().expect("styr finishes"));
}

/// What a database holds as a person sees it: the budget file, the books and the people.
fn seen(database: &str) -> (String, String, String) {
    (
        succeeds(&styr(&["export", "--database", database, "--budget", "1"])),
        succeeds(&styr(&[
            "followup",
            "--database",
            database,
            "--budget",
            "1",
            "--format",
            "csv",
        ])),
        succeeds(&styr(&["user", "list", "--database", database])),
    )
}

/// The audit log's actions, oldest first.
fn logged(database: &str) -> Vec<String> {
    with_app(database, async |app| {
        let log = app
            .audit_log(
                &styr_app::Actor::named("test"),
                &styr_app::AuditFilter::default(),
            )
            .await
            .expect("the log");
        log.into_iter().map(|record| record.entry.action).collect()
    })
}

fn url(path: &std::path::Path) -> String {
    format!("sqlite://{}", path.display())
}

/// Runs `work` with the application on `database`.
fn with_app<T>(database: &str, work: impl AsyncFnOnce(&styr_app::App) -> T) -> T {
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    runtime.block_on(async {
        let app = styr_app::App::open(database).await.expect("opens");
        let result = work(&app).await;
        app.close().await;
        result
    })
}

#[test]
fn an_sqlite_backup_restores_the_same_budget_books_people_and_log() {
    let directory = place("sqlite");
    let original = url(&directory.join("styr.db"));
    filled(&original);
    let session = with_app(&original, async |app| {
        app.login("anna", "ett-langt-losenord", None)
            .await
            .expect("anna logs in")
            .secret
    });
    let copy = directory.join("kopia.db");
    let said = succeeds(&styr(&[
        "backup",
        "--database",
        &original,
        "--output",
        &copy.display().to_string(),
    ]));
    assert!(
        said.contains("budgetar 1, användare 1, utfallsimporter 1"),
        "{said}"
    );
    assert!(
        !directory.join("kopia.db.delvis").exists(),
        "no partial file is left"
    );
    let restored = url(&directory.join("ny.db"));
    succeeds(&styr(&[
        "restore",
        &copy.display().to_string(),
        "--database",
        &restored,
    ]));
    assert_eq!(seen(&restored), seen(&original));
    let before = logged(&original);
    let after = logged(&restored);
    assert_eq!(before.last().map(String::as_str), Some("säkerhetskopia"));
    assert_eq!(
        after[..after.len() - 1],
        before[..before.len() - 1],
        "the log as it was when copied"
    );
    assert_eq!(
        after.last().map(String::as_str),
        Some("återställ säkerhetskopia")
    );
    let live = with_app(&restored, async |app| {
        app.session(&session).await.expect("read")
    });
    assert!(
        live.is_none(),
        "a restored database starts with nobody logged in"
    );
    let live = with_app(&original, async |app| {
        app.session(&session).await.expect("read")
    });
    assert!(live.is_some(), "the original is untouched");
}

#[test]
fn a_backup_taken_while_someone_writes_is_whole() {
    let directory = place("while-writing");
    let original = url(&directory.join("styr.db"));
    filled(&original);
    let writer = {
        let original = original.clone();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Runtime::new().expect("a runtime");
            runtime.block_on(async {
                let app = styr_app::App::open(&original).await.expect("opens");
                for tkr in 1..=40 {
                    let change = styr_domain::change::Change::SetLine {
                        unit: styr_domain::organisation::UnitId("ks".into()),
                        line: styr_domain::operating::LineKind::OtherCosts,
                        year: styr_domain::calendar::Year::new(2026).expect("a year"),
                        amount: styr_domain::money::Amount::from_tkr(-tkr),
                    };
                    app.change(&styr_app::Actor::named("anna"), 1, None, &change)
                        .await
                        .expect("a write beside the backup lands");
                }
                app.close().await;
            });
        })
    };
    let copy = directory.join("kopia.db");
    succeeds(&styr(&[
        "backup",
        "--database",
        &original,
        "--output",
        &copy.display().to_string(),
    ]));
    writer.join().expect("the writer finished");
    let restored = url(&directory.join("ny.db"));
    succeeds(&styr(&[
        "restore",
        &copy.display().to_string(),
        "--database",
        &restored,
    ]));
    // Whichever moment it copied, the budget in it reads and computes.
    succeeds(&styr(&[
        "report",
        "--database",
        &restored,
        "--format",
        "json",
    ]));
}

#[test]
fn a_backup_or_restore_that_would_destroy_something_is_refused() {
    let directory = place("refusals");
    let original = url(&directory.join("styr.db"));
    filled(&original);
    let copy = directory.join("kopia.db");
    let copy_text = copy.display().to_string();
    std::fs::write(&copy, "något viktigt").expect("a file");
    let refused = fails_with(
        &styr(&["backup", "--database", &original, "--output", &copy_text]),
        1,
    );
    assert!(refused.contains("finns redan"), "{refused}");
    assert_eq!(
        std::fs::read_to_string(&copy).expect("read"),
        "något viktigt"
    );
    let refused = fails_with(&styr(&["restore", &copy_text, "--database", &original]), 2);
    assert!(refused.contains("ingen säkerhetskopia"), "{refused}");
    std::fs::remove_file(&copy).expect("removed");
    succeeds(&styr(&[
        "backup",
        "--database",
        &original,
        "--output",
        &copy_text,
    ]));
    // A database in use: refused without --replace, and left as it was.
    let other = url(&directory.join("annan.db"));
    succeeds(&styr(&[
        "import",
        &example().display().to_string(),
        "--database",
        &other,
    ]));
    succeeds(&styr(&[
        "import",
        &example().display().to_string(),
        "--database",
        &other,
    ]));
    let before = seen(&other);
    let refused = fails_with(&styr(&["restore", &copy_text, "--database", &other]), 1);
    assert!(
        refused.contains("--replace") && refused.contains("budgetar 2"),
        "{refused}"
    );
    assert_eq!(seen(&other).0, before.0);
    succeeds(&styr(&[
        "restore",
        &copy_text,
        "--database",
        &other,
        "--replace",
    ]));
    assert_eq!(seen(&other), seen(&original));
    // A backup of SQLite does not go into PostgreSQL.
    let refused = fails_with(
        &styr(&[
            "restore",
            &copy_text,
            "--database",
            "postgres://ingen@127.0.0.1:1/ingen",
        ]),
        1,
    );
    assert!(refused.contains("SQLite"), "{refused}");
}

/// A database of its own on the test server, through psql (which comes with the server).
fn fresh_postgres(url: &str, name: &str) -> String {
    let (server, database) = url.rsplit_once('/').expect("a URL that names a database");
    let test_database = format!("{database}_cli_{name}");
    let status = Command::new("psql")
        .args([
            url,
            "-q",
            "-c",
            &format!("DROP DATABASE IF EXISTS {test_database}"),
        ])
        .args(["-c", &format!("CREATE DATABASE {test_database}")])
        .env("PGOPTIONS", "-c client_min_messages=warning")
        .status()
        .expect("psql runs");
    assert!(status.success(), "the test database is made");
    format!("{server}/{test_database}")
}

#[test]
fn a_postgres_backup_restores_the_same_and_refuses_a_database_in_use() {
    let Ok(server) = std::env::var("STYR_TEST_POSTGRES_URL") else {
        eprintln!("PostgreSQL skipped: STYR_TEST_POSTGRES_URL is not set");
        return;
    };
    if Command::new("pg_dump").arg("--version").output().is_err() {
        eprintln!("PostgreSQL skipped: pg_dump is not installed");
        return;
    }
    let directory = place("postgres");
    let original = fresh_postgres(&server, "backup_a");
    filled(&original);
    let dump = directory.join("styr.dump").display().to_string();
    let said = succeeds(&styr(&[
        "backup",
        "--database",
        &original,
        "--output",
        &dump,
    ]));
    assert!(said.contains("pg_dump"), "{said}");
    let restored = fresh_postgres(&server, "backup_b");
    succeeds(&styr(&["restore", &dump, "--database", &restored]));
    assert_eq!(seen(&restored), seen(&original));
    let after = logged(&restored);
    assert_eq!(
        after.last().map(String::as_str),
        Some("återställ säkerhetskopia")
    );
    let refused = fails_with(&styr(&["restore", &dump, "--database", &original]), 1);
    assert!(refused.contains("--replace"), "{refused}");
    succeeds(&styr(&[
        "restore",
        &dump,
        "--database",
        &original,
        "--replace",
    ]));
    assert_eq!(seen(&original).0, seen(&restored).0);
    let refused = fails_with(
        &styr(&[
            "restore",
            &dump,
            "--database",
            &url(&directory.join("ny.db")),
        ]),
        1,
    );
    assert!(refused.contains("PostgreSQL"), "{refused}");
}
