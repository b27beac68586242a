//! Who may do what, through the real router: every role against every kind of change (by API
//! token, as the matrix in docs/roles.md says), a budgetansvarig crafting requests for another
//! subtree, sessions with and without their CSRF token, the audit log's contents and its
//! immutability, and a budget frozen by adoption.

mod support;

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::{Value, json};
use styr_app::App;
use support::{PASSWORD, add_user, log_in, send, token_for};

const OUTCOME: &[u8] = include_bytes!("../../../examples/alingsas-ks-2025-utfall.se");

/// A request with a personal API token.
async fn with_token(
    router: &Router,
    token: &str,
    method: Method,
    uri: &str,
    body: Option<Value>,
) -> support::Answer {
    let mut request = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::AUTHORIZATION, format!("Bearer {token}"));
    let body = match body {
        Some(body) => {
            request = request.header(header::CONTENT_TYPE, "application/json");
            Body::from(body.to_string())
        }
        None => Body::empty(),
    };
    send(router, request.body(body).expect("a request")).await
}

/// Every open error of budget 1's check with a reason, as an adoption that passes over them
/// sends it (issue 16: no error is passed over without one).
async fn reasons(router: &Router, token: &str) -> Value {
    let findings = with_token(
        router,
        token,
        Method::GET,
        "/api/v1/budgets/1/findings",
        None,
    )
    .await
    .json();
    Value::Array(
        findings["findings"]
            .as_array()
            .expect("the findings")
            .iter()
            .filter(|finding| finding["severity"] == "fel")
            .map(|finding| json!({ "finding": finding["key"], "reason": "Beslutat trots avvikelsen." }))
            .collect(),
    )
}

/// The application and router over the reference budget, with one user per role.
async fn site(name: &str) -> (Arc<App>, Router) {
    let app = support::app_with_example(name).await;
    for (username, role, scope) in USERS {
        add_user(&app, username, role, scope).await;
    }
    let router = styr_web::router(Arc::clone(&app));
    (app, router)
}

const USERS: [(&str, &str, Option<&str>); 7] = [
    ("admin", "admin", None),
    ("controller", "controller", None),
    ("ks-chef", "budgetansvarig", Some("ks")),
    (
        "exploatering",
        "budgetansvarig",
        Some("exploateringsenheten"),
    ),
    ("internkontroll", "internkontroll", None),
    ("lasare", "lasare", None),
    ("revisor", "revisor", None),
];

/// One state-changing request of each kind: (name, method, path, body).
fn attempts() -> Vec<(&'static str, Method, String, Option<Value>)> {
    vec![
        (
            "driftrad ks",
            Method::PUT,
            "/api/v1/budgets/1/operating/ks/lines/other_costs/2025".into(),
            Some(json!({ "amount": "-47 700" })),
        ),
        (
            "driftrad exploatering",
            Method::PUT,
            "/api/v1/budgets/1/operating/exploateringsenheten/lines/other_costs/2025".into(),
            Some(json!({ "amount": "-5 000" })),
        ),
        (
            "förklaring ks",
            Method::PUT,
            "/api/v1/budgets/1/operating/ks/explanations/personnel".into(),
            Some(json!({ "text": "Fler tjänster." })),
        ),
        (
            "ram",
            Method::PUT,
            "/api/v1/budgets/1/frames/ks/2025".into(),
            Some(json!({ "amount": "120 000" })),
        ),
        (
            "investering",
            Method::POST,
            "/api/v1/budgets/1/investments".into(),
            Some(
                json!({ "name": "Ny skola", "category": "expansion", "amounts": [{ "year": 2027, "amount": "50 000" }] }),
            ),
        ),
        (
            "risk",
            Method::POST,
            "/api/v1/budgets/1/risks".into(),
            Some(
                json!({ "name": "Skred vid Mjörn", "probability": 2, "materiality": 4, "handling": "action" }),
            ),
        ),
        (
            "kontrollresultat",
            Method::POST,
            "/api/v1/budgets/1/controls/valfardsbrottslighet/results".into(),
            Some(
                json!({ "performed_on": "2025-09-01", "sample": "Tio ärenden", "deviations_found": 0 }),
            ),
        ),
        (
            "mål",
            Method::POST,
            "/api/v1/budgets/1/goals".into(),
            Some(json!({ "kind": "board", "title": "Hållbar arbetsmiljö" })),
        ),
        (
            "prognos ks",
            Method::PUT,
            "/api/v1/budgets/1/followup/forecasts/ks/personnel".into(),
            Some(json!({ "amount": "-120 000", "comment": "Vakanser" })),
        ),
        (
            "prognos exploatering",
            Method::PUT,
            "/api/v1/budgets/1/followup/forecasts/exploateringsenheten/personnel".into(),
            Some(json!({ "amount": "-3 000", "comment": "" })),
        ),
        (
            "kontoregler",
            Method::PUT,
            "/api/v1/budgets/1/followup/account-rules".into(),
            Some(json!([{ "prefix": "3", "row": "revenue" }])),
        ),
        ("ändringslogg", Method::GET, "/api/v1/audit".into(), None),
        (
            "lämna in",
            Method::POST,
            "/api/v1/budgets/1/workflow".into(),
            Some(json!({ "step": "submit" })),
        ),
    ]
}

/// The expected answer, role by role, in the order of [`attempts`]: true = allowed.
fn expected(username: &str) -> [bool; 13] {
    match username {
        "admin" | "controller" => [true; 13],
        // Exploateringsenheten lies outside the board's tree (it moved in 2025) and is reported
        // in the board's budget on its own: the board's budgetansvarig does not answer for it.
        "ks-chef" => [
            true, false, true, false, true, true, false, false, true, false, false, false, true,
        ],
        "exploatering" => [
            false, true, false, false, false, false, false, false, false, true, false, false, false,
        ],
        "internkontroll" => [
            false, false, false, false, false, true, true, false, false, false, false, false, false,
        ],
        "lasare" => [false; 13],
        "revisor" => [
            false, false, false, false, false, false, false, false, false, false, false, true,
            false,
        ],
        other => panic!("no expectations for {other}"),
    }
}

#[tokio::test]
async fn every_role_may_do_what_the_matrix_says_and_nothing_else() {
    for (username, _, _) in USERS {
        // A budget of its own per role, so one role's changes do not decide another's answers.
        let (app, router) = site(&format!("access-matrix-{username}")).await;
        let token = token_for(&app, username).await;
        for ((name, method, uri, body), allowed) in attempts().into_iter().zip(expected(username)) {
            let answer = with_token(&router, &token, method, &uri, body).await;
            if allowed {
                assert!(
                    answer.status.is_success(),
                    "{username} may {name}: {} {}",
                    answer.status,
                    answer.body
                );
            } else {
                assert_eq!(
                    answer.status,
                    StatusCode::FORBIDDEN,
                    "{username} may not {name}: {}",
                    answer.body
                );
                assert_eq!(answer.json()["error"], "forbidden", "{username} {name}");
            }
        }
        // Everybody reads.
        let read = with_token(&router, &token, Method::GET, "/api/v1/budgets/1", None).await;
        assert_eq!(read.status, StatusCode::OK, "{username} reads");
    }
}

#[tokio::test]
async fn the_role_table_in_docs_is_the_one_the_code_enforces() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/roles.md");
    if std::env::var_os("STYR_UPDATE_DOCS").is_some() {
        std::fs::write(path, styr_domain::access::matrix_markdown())
            .expect("docs/roles.md is written");
    }
    let documented = std::fs::read_to_string(path).expect("docs/roles.md");
    assert_eq!(
        documented,
        styr_domain::access::matrix_markdown(),
        "docs/roles.md is written by styr_domain::access::matrix_markdown; regenerate it"
    );
}

#[tokio::test]
async fn a_budget_holder_cannot_reach_another_subtree_by_crafting_requests() {
    let (app, router) = site("access-crafted").await;
    let token = token_for(&app, "exploatering").await;
    // Through the API, the page form and the forecast, for the board's own table.
    let api = with_token(
        &router,
        &token,
        Method::PUT,
        "/api/v1/budgets/1/operating/ks/lines/personnel/2025",
        Some(json!({ "amount": "1" })),
    )
    .await;
    assert_eq!(api.status, StatusCode::FORBIDDEN);
    let session = log_in(&router, "exploatering", PASSWORD).await;
    let form = session
        .post_form(&router, "/budget/1/drift/ks", &[("personnel:2025", "1")])
        .await;
    assert_eq!(form.status, StatusCode::FORBIDDEN, "{}", form.body);
    let before = app.snapshot(1).await.expect("the budget");
    assert_ne!(
        before.report().operating[0].rows[1].values[1],
        styr_domain::money::Amount::from_ore(100_000),
        "nothing was written"
    );
    // Its own unit works.
    let own = session
        .post_form(
            &router,
            "/budget/1/drift/exploateringsenheten",
            &[("other_costs:2025", "-5 000")],
        )
        .await;
    assert_eq!(own.status, StatusCode::SEE_OTHER, "{}", own.body);
}

#[tokio::test]
async fn nobody_unknown_gets_in_and_a_session_needs_its_csrf_token() {
    let (_, router) = site("access-session").await;
    let page = support::get(&router, "/budget/1/drift").await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(
        page.location.as_deref(),
        Some("/logga-in?till=/budget/1/drift")
    );
    let api = support::get(&router, "/api/v1/budgets").await;
    assert_eq!(api.status, StatusCode::UNAUTHORIZED);
    let forged = with_token(&router, "styr_0000", Method::GET, "/api/v1/budgets", None).await;
    assert_eq!(forged.status, StatusCode::UNAUTHORIZED);
    let login = support::get(&router, "/logga-in").await;
    assert_eq!(login.status, StatusCode::OK);
    assert!(login.body.contains("Logga in"));

    let session = log_in(&router, "controller", PASSWORD).await;
    assert!(
        session
            .get(&router, "/budget/1/drift")
            .await
            .status
            .is_success()
    );
    // A form post without the token, or with another, is refused and changes nothing.
    for token in [None, Some("0".repeat(64))] {
        let mut fields = vec![("other_costs:2025", "-1")];
        if let Some(token) = &token {
            fields.push(("_csrf", token.as_str()));
        }
        let refused = session
            .post_form_without_token(&router, "/budget/1/drift/ks", &fields)
            .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
    }
    let json_without = session
        .json(
            &router,
            Method::PUT,
            "/api/v1/budgets/1/operating/ks/lines/other_costs/2025",
            json!({ "amount": "-1" }),
            false,
        )
        .await;
    assert_eq!(json_without.status, StatusCode::FORBIDDEN);
    assert_eq!(json_without.json()["error"], "csrf");
    let unchanged = session.get(&router, "/api/v1/budgets/1/operating/ks").await;
    assert!(
        !unchanged.body.contains("\"tkr\":\"-1\""),
        "nothing was written"
    );
    // A multipart upload without the token first is refused before it is read.
    let boundary = "XyZ";
    let upload = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"fil\"; filename=\"a.se\"\r\n\r\n#FLAGGA 0\r\n--{boundary}--\r\n"
    );
    let multipart = send(
        &router,
        Request::post("/budget/1/uppfoljning/import")
            .header(header::COOKIE, &session.cookie)
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(Body::from(upload))
            .expect("a request"),
    )
    .await;
    assert_eq!(multipart.status, StatusCode::FORBIDDEN);
    // With the token everything works.
    let saved = session
        .json(
            &router,
            Method::PUT,
            "/api/v1/budgets/1/operating/ks/lines/other_costs/2025",
            json!({ "amount": "-47 700" }),
            true,
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let posted = session
        .post_form(
            &router,
            "/budget/1/drift/ks",
            &[("other_costs:2025", "-47 600")],
        )
        .await;
    assert_eq!(posted.status, StatusCode::SEE_OTHER);
    // Logging out ends the session.
    let out = session.post_form(&router, "/logga-ut", &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert_eq!(
        session.get(&router, "/budget/1").await.status,
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn responses_carry_the_security_headers_and_the_cookie_is_guarded() {
    let (_, router) = site("access-headers").await;
    let page = send(
        &router,
        Request::get("/logga-in")
            .body(Body::empty())
            .expect("a request"),
    )
    .await;
    let answer = router.clone().oneshot_headers("/logga-in").await;
    let policy = answer
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(
        policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"),
        "{policy}"
    );
    assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    assert_eq!(
        answer
            .get(header::X_CONTENT_TYPE_OPTIONS)
            .map(|value| value.as_bytes()),
        Some(&b"nosniff"[..])
    );
    assert!(page.set_cookie.unwrap_or_default().contains("HttpOnly"));
    let login = support::get(&router, "/logga-in").await;
    let token = support::between(&login.body, "name=\"_csrf\" value=\"", "\"");
    let request = Request::post("/logga-in")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(
            header::COOKIE,
            login
                .set_cookie
                .unwrap_or_default()
                .split(';')
                .next()
                .unwrap_or_default()
                .to_string(),
        )
        .header("x-forwarded-proto", "https")
        .body(Body::from(format!(
            "_csrf={token}&username=admin&password={}",
            support::encode(PASSWORD)
        )))
        .expect("a request");
    let session = send(&router, request).await.set_cookie.unwrap_or_default();
    for attribute in ["HttpOnly", "SameSite=Lax", "Secure", "Path=/"] {
        assert!(session.contains(attribute), "{session} has {attribute}");
    }
    // No inline script or style on any page: the policy would block it.
    let session = log_in(&router, "admin", PASSWORD).await;
    for path in [
        "/",
        "/budget/1",
        "/budget/1/drift",
        "/budget/1/risker",
        "/budget/1/versioner",
        "/konto",
        "/anvandare",
        "/logg",
        "/budget/1/uppfoljning",
    ] {
        let body = session.get(&router, path).await.body;
        assert!(
            !body.contains("style=\"") && !body.contains("<script>"),
            "{path} has inline style or script"
        );
    }
}

trait Headers {
    async fn oneshot_headers(self, uri: &str) -> axum::http::HeaderMap;
}

impl Headers for Router {
    async fn oneshot_headers(self, uri: &str) -> axum::http::HeaderMap {
        use tower::ServiceExt;
        self.oneshot(Request::get(uri).body(Body::empty()).expect("a request"))
            .await
            .expect("an answer")
            .headers()
            .clone()
    }
}

#[tokio::test]
async fn failed_logins_are_recorded_and_throttled() {
    let (app, router) = site("access-throttle").await;
    for _ in 0..styr_app::accounts::THROTTLE_ATTEMPTS {
        assert!(matches!(
            app.login("controller", "fel lösenord", None).await,
            Err(styr_app::AppError::LoginFailed)
        ));
    }
    // The right password is not even tried now.
    assert!(matches!(
        app.login("controller", PASSWORD, None).await,
        Err(styr_app::AppError::Throttled)
    ));
    let login = support::get(&router, "/logga-in").await;
    assert!(login.status.is_success());
    let revisor = app
        .login("revisor", PASSWORD, None)
        .await
        .expect("another user logs in");
    let log = app
        .audit_log(&revisor.actor, &styr_app::AuditFilter::default())
        .await
        .expect("the log");
    let failed = log
        .iter()
        .filter(|record| record.entry.action == "misslyckad inloggning")
        .count();
    assert_eq!(failed, styr_app::accounts::THROTTLE_ATTEMPTS);
    assert!(
        log.iter()
            .any(|record| record.entry.action == "inloggning spärrad")
    );
    assert!(
        log.iter().all(|record| !record
            .entry
            .new_value
            .clone()
            .unwrap_or_default()
            .contains("fel lösenord")),
        "a password is never recorded"
    );
}

#[tokio::test]
async fn every_change_lands_in_the_audit_log_with_its_old_and_new_value() {
    let (app, router) = site("access-audit").await;
    let admin = token_for(&app, "admin").await;
    let changes = [
        (
            Method::PUT,
            "/api/v1/budgets/1/operating/ks/lines/other_costs/2025",
            Some(json!({ "amount": "-47 700" })),
        ),
        (
            Method::PUT,
            "/api/v1/budgets/1/operating/ks/explanations/personnel",
            Some(json!({ "text": "Fler tjänster." })),
        ),
        (
            Method::PUT,
            "/api/v1/budgets/1/frames/ks/2025",
            Some(json!({ "amount": "120 000" })),
        ),
        (
            Method::POST,
            "/api/v1/budgets/1/investments",
            Some(
                json!({ "name": "Ny skola", "category": "expansion", "amounts": [{ "year": 2027, "amount": "50 000" }] }),
            ),
        ),
        (
            Method::DELETE,
            "/api/v1/budgets/1/investments/Ny%20skola",
            None,
        ),
        (
            Method::POST,
            "/api/v1/budgets/1/risks",
            Some(
                json!({ "name": "Skred vid Mjörn", "probability": 2, "materiality": 4, "handling": "action" }),
            ),
        ),
        (
            Method::POST,
            "/api/v1/budgets/1/controls/valfardsbrottslighet/results",
            Some(
                json!({ "performed_on": "2025-09-01", "sample": "Tio ärenden", "deviations_found": 0 }),
            ),
        ),
        (
            Method::POST,
            "/api/v1/budgets/1/goals",
            Some(json!({ "kind": "board", "title": "Hållbar arbetsmiljö" })),
        ),
        (
            Method::PUT,
            "/api/v1/budgets/1/followup/forecasts/ks/personnel",
            Some(json!({ "amount": "-120 000", "comment": "Vakanser" })),
        ),
        (
            Method::PUT,
            "/api/v1/budgets/1/followup/account-rules",
            Some(json!([{ "prefix": "3", "row": "revenue" }])),
        ),
        (
            Method::POST,
            "/api/v1/budgets/1/workflow",
            Some(json!({ "step": "submit" })),
        ),
    ];
    for (method, uri, body) in changes {
        let answer = with_token(&router, &admin, method.clone(), uri, body).await;
        assert!(
            answer.status.is_success(),
            "{method} {uri}: {}",
            answer.body
        );
    }
    // Adopted with a reason for every error the check still finds.
    let passed_over = reasons(&router, &admin).await;
    let adopted = with_token(
        &router,
        &admin,
        Method::POST,
        "/api/v1/budgets/1/workflow",
        Some(
            json!({ "step": "adopt", "decided_by": "Kommunfullmäktige", "decision_date": "2024-11-27", "registry_number": "KS 2024/321", "passed_over": passed_over }),
        ),
    )
    .await;
    assert!(adopted.status.is_success(), "adopt: {}", adopted.body);
    let import = send(
        &router,
        Request::post("/api/v1/budgets/1/followup/imports?file_name=utfall.se")
            .header(header::AUTHORIZATION, format!("Bearer {admin}"))
            .body(Body::from(OUTCOME.to_vec()))
            .expect("a request"),
    )
    .await;
    assert!(import.status.is_success(), "{}", import.body);
    let admin_actor = app
        .login("admin", PASSWORD, None)
        .await
        .expect("login")
        .actor;
    let role = styr_app::Role::from_parts(styr_app::RoleKind::Reader, None).expect("a role");
    app.set_role(&admin_actor, "lasare", &role)
        .await
        .expect("role set");

    let revisor = token_for(&app, "revisor").await;
    let log = with_token(&router, &revisor, Method::GET, "/api/v1/audit", None)
        .await
        .json();
    let entries = log.as_array().expect("a list");
    let find = |action: &str| {
        entries
            .iter()
            .find(|entry| entry["action"] == action)
            .unwrap_or_else(|| panic!("{action} is in the log: {log:#}"))
    };
    let line = find("ändra driftrad");
    assert_eq!(line["actor"], "admin");
    assert_eq!(line["entity"], "drift/ks/other_costs/2025");
    assert_eq!(line["old_value"], "-47 652 000,00 kr");
    assert_eq!(line["new_value"], "-47 700 000,00 kr");
    assert!(find("ändra förklaring")["new_value"] == "Fler tjänster.");
    assert!(find("ändra kommunbidrag")["old_value"].is_string());
    assert!(
        find("lägg till investering")["new_value"]
            .as_str()
            .is_some_and(|text| text.contains("Ny skola"))
    );
    let removed = find("ta bort investering");
    assert!(
        removed["old_value"]
            .as_str()
            .is_some_and(|text| text.contains("Ny skola"))
    );
    assert!(removed["new_value"].is_null());
    assert!(
        find("spara risk")["new_value"]
            .as_str()
            .is_some_and(|text| text.contains("Mjörn"))
    );
    assert!(
        find("registrera kontrollresultat")["new_value"]
            .as_str()
            .is_some_and(|text| text.contains("Tio ärenden"))
    );
    assert!(find("spara mål")["new_value"].is_string());
    let forecast = find("prognos");
    assert!(
        forecast["new_value"]
            .as_str()
            .is_some_and(|text| text.contains("-12000000000 öre: Vakanser"))
    );
    assert!(find("ändra kontoregler")["old_value"].is_string());
    assert_eq!(find("lämnades in")["new_value"], "Inlämnad");
    assert_eq!(find("fastställdes")["new_value"], "Fastställd");
    assert!(
        find("fastställ")["new_value"]
            .as_str()
            .is_some_and(|text| text.contains("KS 2024/321"))
    );
    assert!(
        find("import av utfall")["new_value"]
            .as_str()
            .is_some_and(|text| text.contains("utfall.se"))
    );
    assert_eq!(find("ändra roll")["new_value"], "Läsare");
    assert!(find("skapa användare")["new_value"].is_string());
    assert!(
        find("inloggning")["entity"]
            .as_str()
            .is_some_and(|entity| entity.starts_with("anvandare/"))
    );
    assert!(find("importera budget")["budget"] == 1);
    // The CSV for the auditors has the same rows.
    let csv = with_token(
        &router,
        &revisor,
        Method::GET,
        "/api/v1/audit?format=csv",
        None,
    )
    .await;
    let records = csv
        .body
        .lines()
        .filter(|line| {
            line.split_once(';')
                .is_some_and(|(id, rest)| id.parse::<i64>().is_ok() && rest.starts_with("20"))
        })
        .count();
    assert_eq!(records, entries.len(), "{}", csv.body);
    assert!(csv.body.starts_with("id;tid;användare;åtgärd"));
    let filtered = with_token(
        &router,
        &revisor,
        Method::GET,
        "/api/v1/audit?anvandare=admin&objekt=drift%2Fks",
        None,
    )
    .await
    .json();
    assert!(
        filtered
            .as_array()
            .is_some_and(|rows| !rows.is_empty() && rows.iter().all(|row| row["actor"] == "admin"))
    );
    let page = log_in(&router, "revisor", PASSWORD)
        .await
        .get(&router, "/logg?objekt=risk")
        .await;
    assert!(page.body.contains("Skred vid Mjörn"), "{}", page.body);
}

#[tokio::test]
async fn the_log_cannot_be_changed_and_a_refused_or_failed_change_leaves_only_the_refusal() {
    let (app, router) = site("access-immutable").await;
    let admin = token_for(&app, "admin").await;
    let revisor = token_for(&app, "revisor").await;
    let count = |router: Router, revisor: String| async move {
        with_token(&router, &revisor, Method::GET, "/api/v1/audit", None)
            .await
            .json()
            .as_array()
            .map(Vec::len)
            .unwrap_or_default()
    };
    let before = count(router.clone(), revisor.clone()).await;
    // No route changes the log, whoever asks.
    for token in [&admin, &revisor] {
        for method in [Method::PUT, Method::POST, Method::DELETE, Method::PATCH] {
            for uri in ["/api/v1/audit", "/api/v1/audit/1", "/logg", "/logg.csv"] {
                let answer = with_token(&router, token, method.clone(), uri, Some(json!({}))).await;
                assert!(
                    matches!(
                        answer.status,
                        StatusCode::METHOD_NOT_ALLOWED | StatusCode::NOT_FOUND
                    ),
                    "{method} {uri}: {}",
                    answer.status
                );
            }
        }
    }
    assert_eq!(count(router.clone(), revisor.clone()).await, before);
    // A change that fails validation leaves nothing.
    let bad = with_token(
        &router,
        &admin,
        Method::PUT,
        "/api/v1/budgets/1/operating/ks/lines/other_costs/2025",
        Some(json!({ "amount": "mycket" })),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let outside = with_token(
        &router,
        &admin,
        Method::PUT,
        "/api/v1/budgets/1/operating/ks/lines/other_costs/2031",
        Some(json!({ "amount": "1" })),
    )
    .await;
    assert_eq!(outside.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(count(router.clone(), revisor.clone()).await, before);
    // A save from a stale read is a refusal, and leaves its record (issue 19).
    let stale = with_token(
        &router,
        &admin,
        Method::PUT,
        "/api/v1/budgets/1/operating/ks/lines/other_costs/2025",
        Some(json!({ "amount": "1", "version": "123" })),
    )
    .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert_eq!(stale.json()["error"], "stale");
    assert_eq!(stale.json()["fields"]["current"], "-47 652");
    assert_eq!(count(router.clone(), revisor.clone()).await, before + 1);
    // A refused one leaves the refusal, and nothing else.
    let refused = with_token(
        &router,
        &revisor,
        Method::PUT,
        "/api/v1/budgets/1/operating/ks/lines/other_costs/2025",
        Some(json!({ "amount": "1" })),
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let log = with_token(&router, &revisor, Method::GET, "/api/v1/audit", None)
        .await
        .json();
    let rows = log.as_array().expect("rows");
    assert_eq!(rows.len(), before + 2);
    assert_eq!(rows[before]["action"], "nekad");
    assert_eq!(rows[before]["actor"], "admin");
    assert_eq!(
        rows[before]["entity"],
        "inaktuell/drift/ks/other_costs/2025"
    );
    assert_eq!(rows[before + 1]["action"], "nekad");
    assert_eq!(rows[before + 1]["actor"], "revisor");
    let unchanged = with_token(
        &router,
        &revisor,
        Method::GET,
        "/api/v1/budgets/1/operating/ks",
        None,
    )
    .await;
    assert!(unchanged.body.contains("-47 652"));
}

#[tokio::test]
async fn an_adopted_budget_is_frozen_until_a_revision_and_versions_compare() {
    let (app, router) = site("access-adopt").await;
    let controller = token_for(&app, "controller").await;
    let holder = token_for(&app, "ks-chef").await;
    let step = |body: Value| {
        let router = router.clone();
        let controller = controller.clone();
        async move {
            with_token(
                &router,
                &controller,
                Method::POST,
                "/api/v1/budgets/1/workflow",
                Some(body),
            )
            .await
        }
    };
    let line = "/api/v1/budgets/1/operating/ks/lines/other_costs/2025";
    let draft_data = with_token(
        &router,
        &controller,
        Method::GET,
        "/api/v1/budgets/1/opendata",
        None,
    )
    .await;
    assert_eq!(
        draft_data.status,
        StatusCode::CONFLICT,
        "a draft is not published"
    );
    let submitted = with_token(
        &router,
        &holder,
        Method::POST,
        "/api/v1/budgets/1/workflow",
        Some(json!({ "step": "submit" })),
    )
    .await;
    assert_eq!(submitted.json()["status"], "inlamnad", "{}", submitted.body);
    // Submitted: the budgetansvarig can no longer change it; the controller can.
    let late = with_token(
        &router,
        &holder,
        Method::PUT,
        line,
        Some(json!({ "amount": "-47 000" })),
    )
    .await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    assert_eq!(late.json()["error"], "frozen");
    let incomplete = step(json!({ "step": "adopt", "decided_by": "Kommunfullmäktige", "decision_date": "", "registry_number": "KS 2024/321" })).await;
    assert_eq!(incomplete.status, StatusCode::UNPROCESSABLE_ENTITY);
    let passed_over = reasons(&router, &controller).await;
    let adopted = step(json!({ "step": "adopt", "decided_by": "Kommunfullmäktige", "decision_date": "2024-11-27", "registry_number": "KS 2024/321", "passed_over": passed_over })).await;
    assert_eq!(adopted.json()["status"], "faststalld", "{}", adopted.body);
    // Frozen for everyone, the administrator too, through every path.
    for username in ["admin", "controller"] {
        let token = token_for(&app, username).await;
        let frozen = with_token(
            &router,
            &token,
            Method::PUT,
            line,
            Some(json!({ "amount": "-47 000" })),
        )
        .await;
        assert_eq!(frozen.status, StatusCode::CONFLICT, "{username}");
        let risk = with_token(
            &router,
            &token,
            Method::POST,
            "/api/v1/budgets/1/risks",
            Some(json!({ "name": "X", "probability": 1, "materiality": 1, "handling": "accept" })),
        )
        .await;
        assert_eq!(risk.status, StatusCode::CONFLICT, "{username}");
    }
    let published = with_token(
        &router,
        &controller,
        Method::GET,
        "/api/v1/budgets/1/opendata",
        None,
    )
    .await;
    assert_eq!(published.status, StatusCode::OK);
    assert!(published.body.starts_with("PK"), "a ZIP archive");
    assert!(
        published.body.contains("datapackage.json") && published.body.contains("driftbudget.csv")
    );
    let document = with_token(
        &router,
        &controller,
        Method::GET,
        "/api/v1/budgets/1/document",
        None,
    )
    .await
    .json();
    assert_eq!(document["registry_number"], "KS 2024/321");
    // A revision starts version 2 from the adopted one; version 1 stays as it was.
    let revised = step(json!({ "step": "revise" })).await.json();
    assert_eq!(revised["current_version"], 2);
    assert_eq!(revised["versions"][0]["status"], "faststalld");
    let edited = with_token(
        &router,
        &holder,
        Method::PUT,
        line,
        Some(json!({ "amount": "-47 000" })),
    )
    .await;
    assert_eq!(edited.status, StatusCode::OK, "{}", edited.body);
    let differences = with_token(
        &router,
        &controller,
        Method::GET,
        "/api/v1/budgets/1/versions/compare?from=1&to=2",
        None,
    )
    .await
    .json();
    let rows = differences.as_array().expect("differences");
    assert_eq!(rows.len(), 1, "{differences:#}");
    assert_eq!(rows[0]["from"], "-47 652");
    assert_eq!(rows[0]["to"], "-47 000");
    let old = with_token(
        &router,
        &controller,
        Method::GET,
        "/budget/1/versioner/1",
        None,
    )
    .await;
    assert!(old.body.contains("-47 652"), "version 1 reads as adopted");
}

#[tokio::test]
async fn api_tokens_are_personal_shown_once_and_revocable() {
    let (app, router) = site("access-tokens").await;
    let session = log_in(&router, "controller", PASSWORD).await;
    let page = session
        .post_form(&router, "/konto/nycklar", &[("name", "skript")])
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let token = support::between(&page.body, "id=\"ny-nyckel\" readonly value=\"", "\"");
    assert!(token.starts_with("styr_"), "{}", page.body);
    let me = with_token(&router, &token, Method::GET, "/api/v1/me", None).await;
    assert_eq!(me.json()["role"], "controller");
    let listed = session.get(&router, "/konto").await;
    assert!(
        !listed.body.contains(&token),
        "the token is shown only once"
    );
    let actor = app
        .login("controller", PASSWORD, None)
        .await
        .expect("login")
        .actor;
    let id = app.tokens(&actor).await.expect("tokens")[0].id;
    let revoked = session
        .post_form(&router, &format!("/konto/nycklar/{id}/aterkalla"), &[])
        .await;
    assert_eq!(revoked.status, StatusCode::SEE_OTHER);
    let after = with_token(&router, &token, Method::GET, "/api/v1/me", None).await;
    assert_eq!(after.status, StatusCode::UNAUTHORIZED);
    // Another user cannot revoke it (it is not theirs).
    let other = app
        .login("admin", PASSWORD, None)
        .await
        .expect("login")
        .actor;
    assert!(app.revoke_token(&other, id).await.is_err());
}
