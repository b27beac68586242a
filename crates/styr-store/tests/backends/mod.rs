//! The stores a contract test runs on: a fresh SQLite file always, and a fresh PostgreSQL
//! database when STYR_TEST_POSTGRES_URL names a server (`.ci/run` starts one). Each test binary
//! uses the part it needs.

#![allow(dead_code, reason = "each test binary uses part of the shared helpers")]

use styr_store::Store;

/// A fresh, empty store on each available backend, named after the test (`name`).
pub async fn stores(name: &str) -> Vec<(String, Store)> {
    stores_at(name)
        .await
        .into_iter()
        .map(|(backend, store, _)| (backend, store))
        .collect()
}

/// Like [`stores`], with each database's URL (to reach it past the store, as an attacker
/// with SQL access might).
pub async fn stores_at(name: &str) -> Vec<(String, Store, String)> {
    let mut stores = Vec::new();
    let path = std::env::temp_dir().join(format!("styr-store-{name}-{}.db", std::process::id()));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let sqlite_url = format!("sqlite://{}", path.display());
    let sqlite = Store::open(&sqlite_url).await.expect("SQLite opens");
    stores.push(("sqlite".to_string(), sqlite, sqlite_url));
    if let Ok(url) = std::env::var("STYR_TEST_POSTGRES_URL") {
        let postgres_url = fresh_postgres_database(&url, name).await;
        let postgres = Store::open(&postgres_url).await.expect("PostgreSQL opens");
        stores.push(("postgres".to_string(), postgres, postgres_url));
    } else {
        eprintln!("PostgreSQL skipped: STYR_TEST_POSTGRES_URL is not set");
    }
    stores
}

/// A database of its own for one test, so tests running at once do not see each other's rows.
async fn fresh_postgres_database(url: &str, name: &str) -> String {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let (server, database) = url.rsplit_once('/').expect("a URL that names a database");
    let test_database = format!("{database}_{}", name.replace('-', "_"));
    let mut admin = sqlx::AnyConnection::connect(url)
        .await
        .expect("the test server answers");
    for statement in [
        format!("DROP DATABASE IF EXISTS {test_database}"),
        format!("CREATE DATABASE {test_database}"),
    ] {
        sqlx::query(sqlx::AssertSqlSafe(statement))
            .execute(&mut admin)
            .await
            .expect("the test database is made");
    }
    format!("{server}/{test_database}")
}
