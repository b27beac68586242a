//! The stores a contract test runs on: a fresh SQLite file always, and a fresh PostgreSQL
//! database when STYR_TEST_POSTGRES_URL names a server (`.ci/run` starts one).

use styr_store::Store;

/// A fresh store per backend, each named after the test (`name`).
pub async fn stores(name: &str) -> Vec<(String, Store)> {
    let mut stores = Vec::new();
    let path = std::env::temp_dir().join(format!("styr-store-{name}-{}.db", std::process::id()));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let sqlite = Store::open(&format!("sqlite://{}", path.display()))
        .await
        .expect("SQLite opens");
    stores.push(("sqlite".to_string(), sqlite));
    if let Ok(url) = std::env::var("STYR_TEST_POSTGRES_URL") {
        use sqlx::Connection;
        sqlx::any::install_default_drivers();
        let (server, database) = url.rsplit_once('/').expect("a URL that names a database");
        let test_database = format!("{database}_{}", name.replace('-', "_"));
        let mut admin = sqlx::AnyConnection::connect(&url)
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
        let postgres = Store::open(&format!("{server}/{test_database}"))
            .await
            .expect("PostgreSQL opens");
        stores.push(("postgres".to_string(), postgres));
    } else {
        eprintln!("PostgreSQL skipped: STYR_TEST_POSTGRES_URL is not set");
    }
    stores
}
