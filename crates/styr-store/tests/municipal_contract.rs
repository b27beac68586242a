//! The store's contract for the municipality's budget years, on every backend (SQLite always,
//! PostgreSQL when STYR_TEST_POSTGRES_URL names a server): a year is kept as it was read, the
//! next year names the year it was opened from, a year is opened from once — a second opening
//! is a conflict that keeps nothing —, and every year kept is in the audit log.

mod backends;

use backends::stores;
use styr_store::{AuditEntry, NewMunicipalBudget, Stamp, StoreError};

fn year(budget_year: i32, source: &str, opened_from: Option<i64>) -> NewMunicipalBudget<'_> {
    NewMunicipalBudget {
        municipality_name: "Exempelby kommun",
        municipality_code: "9999",
        budget_year,
        source,
        opened_from,
    }
}

fn stamp(what: &str) -> Stamp {
    Stamp::now("test").with(AuditEntry::new(what, None, "kommun/9999".to_string()))
}

#[tokio::test]
async fn a_year_is_kept_as_read_and_opened_from_once() {
    for (backend, store) in stores("municipal-years").await {
        let first = store
            .insert_municipal_budget(&year(2026, "[kommun] # 2026 ✓ åäö", None), &stamp("inläst"))
            .await
            .expect("kept");
        let kept = store
            .municipal_budget(first)
            .await
            .expect("read")
            .expect("there");
        assert_eq!(kept.source, "[kommun] # 2026 ✓ åäö", "{backend}");
        assert_eq!(
            (kept.budget_year, kept.opened_from, kept.opened_as),
            (2026, None, None)
        );
        let next = store
            .insert_municipal_budget(
                &year(2027, "[kommun] # 2027", Some(first)),
                &stamp("öppnat"),
            )
            .await
            .expect("the next year is kept");
        let kept = store
            .municipal_budget(first)
            .await
            .expect("read")
            .expect("there");
        assert_eq!(
            kept.opened_as,
            Some(next),
            "{backend}: the year knows its successor"
        );
        assert_eq!(
            kept.source, "[kommun] # 2026 ✓ åäö",
            "{backend}: and is as it was"
        );
        let again = store
            .insert_municipal_budget(&year(2027, "[kommun] # again", Some(first)), &stamp("igen"))
            .await;
        assert!(
            matches!(again, Err(StoreError::Conflict { actual, .. }) if actual == next),
            "{backend}: {again:?}"
        );
        let years = store.municipal_budgets().await.expect("listed");
        assert_eq!(
            years
                .iter()
                .map(|row| (row.id, row.budget_year))
                .collect::<Vec<_>>(),
            vec![(first, 2026), (next, 2027)],
            "{backend}: the refused opening kept nothing"
        );
        assert!(
            store
                .municipal_budget(next + 1)
                .await
                .expect("read")
                .is_none()
        );
        let log = store
            .audit_log(&styr_store::AuditFilter::default())
            .await
            .expect("the log");
        let actions: Vec<&str> = log
            .iter()
            .map(|record| record.entry.action.as_str())
            .collect();
        assert_eq!(actions, ["inläst", "öppnat"], "{backend}");
    }
}

#[tokio::test]
async fn a_year_is_edited_on_its_revision_until_the_next_is_opened() {
    for (backend, store) in stores("municipal-edits").await {
        let first = store
            .insert_municipal_budget(&year(2026, "# 2026", None), &stamp("inläst"))
            .await
            .expect("kept");
        let read = store.municipal_budget(first).await.expect("read");
        assert_eq!(read.map(|row| row.revision), Some(1), "{backend}");
        let second = store
            .update_municipal_budget(first, 1, "# 2026 ändrad", &stamp("ändrad"))
            .await
            .expect("edited on its revision");
        assert_eq!(second, 2, "{backend}");
        let stale = store
            .update_municipal_budget(first, 1, "# 2026 gammal", &stamp("gammal"))
            .await;
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
        let missing = store
            .update_municipal_budget(first + 9, 1, "# ?", &stamp("saknas"))
            .await;
        assert!(matches!(missing, Err(StoreError::NotFound(_))), "{backend}");
        let next = store
            .insert_municipal_budget(&year(2027, "# 2027", Some(first)), &stamp("öppnat"))
            .await
            .expect("opened");
        let kept = store
            .municipal_budget(first)
            .await
            .expect("read")
            .expect("there");
        let frozen = store
            .update_municipal_budget(first, kept.revision, "# 2026 sent", &stamp("sent"))
            .await;
        assert!(
            matches!(frozen, Err(StoreError::Frozen(opened)) if opened == next),
            "{backend}: {frozen:?}"
        );
        let kept = store
            .municipal_budget(first)
            .await
            .expect("read")
            .expect("there");
        assert_eq!(
            kept.source, "# 2026 ändrad",
            "{backend}: only the edit on its revision"
        );
        let log = store
            .audit_log(&styr_store::AuditFilter::default())
            .await
            .expect("the log");
        let actions: Vec<&str> = log
            .iter()
            .map(|record| record.entry.action.as_str())
            .collect();
        assert_eq!(actions, ["inläst", "ändrad", "öppnat"], "{backend}");
    }
}

#[tokio::test]
async fn a_year_is_archived_with_who_and_when_and_brought_back() {
    for (backend, store) in stores("municipal-archive").await {
        let id = store
            .insert_municipal_budget(&year(2026, "# 2026", None), &stamp("inläst"))
            .await
            .expect("kept");
        store
            .set_municipal_archived(id, true, &stamp("arkiverad"))
            .await
            .expect("archived");
        let archived = store
            .municipal_budget(id)
            .await
            .expect("read")
            .expect("there");
        assert_eq!(archived.archived_by.as_deref(), Some("test"), "{backend}");
        assert!(archived.archived_at.is_some(), "{backend}");
        assert_eq!(
            archived.revision, 2,
            "{backend}: an edit made before is refused"
        );
        store
            .set_municipal_archived(id, false, &stamp("återställd"))
            .await
            .expect("brought back");
        let back = store
            .municipal_budget(id)
            .await
            .expect("read")
            .expect("there");
        assert_eq!(
            (back.archived_by, back.archived_at),
            (None, None),
            "{backend}"
        );
        let missing = store
            .set_municipal_archived(id + 1, true, &stamp("saknas"))
            .await;
        assert!(matches!(missing, Err(StoreError::NotFound(_))), "{backend}");
    }
}
