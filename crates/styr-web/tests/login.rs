//! Logging in through the real router, as browsers and attackers do: where the login sends the
//! browser afterwards, the throttle (per account and address, never one address locking an
//! account for everyone, a proxy's header believed only when configured), what the audit log
//! keeps of refused logins, and which credentials may make API tokens and survive a new
//! password.

mod support;

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Method, Request, StatusCode, header};
use styr_app::App;
use styr_app::accounts::THROTTLE_ATTEMPTS;
use support::{PASSWORD, add_user, send, token_for};

async fn site(name: &str) -> (Arc<App>, Router) {
    let app = support::app_with_example(name).await;
    for (username, role) in [
        ("admin", "admin"),
        ("controller", "controller"),
        ("revisor", "revisor"),
    ] {
        add_user(&app, username, role, None).await;
    }
    let router = styr_web::router(Arc::clone(&app));
    (app, router)
}

/// A login form as a browser on `peer` posts it (with `forwarded` as X-Forwarded-For), the
/// login page's own token and cookie fetched first.
struct Attempt<'a> {
    peer: &'a str,
    forwarded: Option<&'a str>,
    username: &'a str,
    password: &'a str,
    till: &'a str,
}

impl Attempt<'_> {
    fn from(peer: &str) -> Attempt<'_> {
        Attempt {
            peer,
            forwarded: None,
            username: "controller",
            password: PASSWORD,
            till: "/",
        }
    }
}

fn peer(address: &str) -> ConnectInfo<SocketAddr> {
    let ip: IpAddr = address.parse().expect("an address");
    ConnectInfo(SocketAddr::new(ip, 40_000))
}

async fn post_login(router: &Router, attempt: &Attempt<'_>) -> support::Answer {
    let page = support::get(router, "/logga-in").await;
    let cookie = page
        .set_cookie
        .unwrap_or_default()
        .split(';')
        .next()
        .unwrap_or_default()
        .to_string();
    let token = support::between(&page.body, "name=\"_csrf\" value=\"", "\"");
    let mut request = Request::post("/logga-in")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, cookie);
    if let Some(forwarded) = attempt.forwarded {
        request = request.header("x-forwarded-for", forwarded);
    }
    let mut request = request
        .body(Body::from(format!(
            "_csrf={token}&username={}&password={}&till={}",
            support::encode(attempt.username),
            support::encode(attempt.password),
            attempt.till
        )))
        .expect("a request");
    request.extensions_mut().insert(peer(attempt.peer));
    send(router, request).await
}

async fn log_rows(app: &App) -> Vec<styr_app::AuditRecord> {
    app.audit_log(
        &styr_app::Actor::named("test"),
        &styr_app::AuditFilter::default(),
    )
    .await
    .expect("the log")
}

#[tokio::test]
async fn after_login_the_browser_goes_only_to_a_path_on_this_site() {
    let (_, router) = site("login-redirect").await;
    for (till, expected) in [
        ("%2Fbudget%2F1%2Fdrift", "/budget/1/drift"),
        ("%2Fbudget%2F1%3Fflik%3Drisker", "/budget/1?flik=risker"),
        // A browser drops tabs and line breaks from a URL: "/\t/evil" is "//evil".
        ("%2F%09%2Fevil.example", "/"),
        ("%2F%0A%2Fx", "/"),
        ("%2F%0D%2Fx", "/"),
        ("%2F%5Cevil.example", "/"),
        ("%2F%2Fevil.example", "/"),
        ("https%3A%2F%2Fevil.example", "/"),
        ("%2F%00x", "/"),
        ("%2F%20%2Fevil.example", "/"),
        ("%2F%C3%A5", "/"),
    ] {
        let answer = post_login(
            &router,
            &Attempt {
                till,
                ..Attempt::from("192.0.2.10")
            },
        )
        .await;
        assert_eq!(
            answer.status,
            StatusCode::SEE_OTHER,
            "till={till}: {}",
            answer.body
        );
        assert_eq!(answer.location.as_deref(), Some(expected), "till={till}");
    }
}

#[tokio::test]
async fn a_huge_username_is_refused_at_once_and_recorded_by_its_length_only() {
    let (app, router) = site("login-huge-name").await;
    let before = log_rows(&app).await.len();
    let huge = "a".repeat(1 << 20);
    let answer = post_login(
        &router,
        &Attempt {
            username: &huge,
            ..Attempt::from("192.0.2.11")
        },
    )
    .await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{}", answer.body);
    let rows = log_rows(&app).await;
    assert_eq!(rows.len(), before + 1, "one record of the refusal");
    let row = &rows[before];
    assert_eq!(row.entry.action, "misslyckad inloggning");
    let recorded = format!(
        "{} {} {:?} {:?}",
        row.actor, row.entry.entity, row.entry.old_value, row.entry.new_value
    );
    assert!(recorded.len() < 300, "the record is short: {recorded}");
    assert!(!recorded.contains("ååå"), "the name itself is not recorded");
    assert!(
        recorded.contains("1048576"),
        "the record says how long it was: {recorded}"
    );
    assert_eq!(
        app.tracked_login_keys(),
        1,
        "the throttle keeps the address, not the name"
    );
    // The page shows the name back no more than it keeps it.
    assert!(answer.body.len() < 64 << 10, "{} bytes", answer.body.len());
    // A form too large to read at all (3 MiB encoded) is refused before the handler reads a
    // name, and still on record.
    let larger = "å".repeat(512 << 10);
    let refused = post_login(
        &router,
        &Attempt {
            username: &larger,
            ..Attempt::from("192.0.2.11")
        },
    )
    .await;
    assert_eq!(refused.status, StatusCode::PAYLOAD_TOO_LARGE);
    let rows = log_rows(&app).await;
    assert_eq!(rows.len(), before + 2);
    assert_eq!(rows[before + 1].entry.action, "misslyckad inloggning");
    assert!(
        rows[before + 1]
            .entry
            .new_value
            .as_deref()
            .is_some_and(|value| value.len() < 300 && value.contains("192.0.2.11")),
        "{:?}",
        rows[before + 1]
    );
}

#[tokio::test]
async fn an_attacker_hammering_the_login_fills_neither_memory_nor_the_log() {
    let (app, router) = site("login-flood").await;
    let before = log_rows(&app).await.len();
    let attempts = 300;
    for number in 0..attempts {
        let name = format!("gissning-{number}-{}", "x".repeat(40));
        let answer = post_login(
            &router,
            &Attempt {
                username: &name,
                password: "fel lösenord",
                ..Attempt::from("192.0.2.12")
            },
        )
        .await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    }
    // What the throttle counted and has not yet written (its window is still open) is written
    // now, as `styr serve` does when it stops.
    app.record_refusal_counts().await;
    let rows = log_rows(&app).await;
    let added = &rows[before..];
    assert!(
        added.len() <= 4 * THROTTLE_ATTEMPTS + 2,
        "{} rows for {attempts} attempts from one address",
        added.len()
    );
    // Every refusal is on record: the failures one by one, the rest as a count.
    let failed = added
        .iter()
        .filter(|row| row.entry.action == "misslyckad inloggning")
        .count();
    let counted: usize = added
        .iter()
        .filter(|row| row.entry.action == "inloggning spärrad")
        .filter_map(|row| {
            row.entry
                .new_value
                .as_deref()?
                .split(' ')
                .next()?
                .parse::<usize>()
                .ok()
        })
        .sum();
    assert_eq!(failed, 4 * THROTTLE_ATTEMPTS, "{added:#?}");
    assert_eq!(failed + counted, attempts, "{added:#?}");
    // Each failure is tracked by its address, its name and the pair; the address's limit
    // stops the growth long before 300 names.
    assert!(
        app.tracked_login_keys() <= 3 * 4 * THROTTLE_ATTEMPTS,
        "{} keys",
        app.tracked_login_keys()
    );
}

#[tokio::test]
async fn failures_from_one_address_never_lock_the_account_for_another() {
    let (_, router) = site("login-lockout").await;
    for _ in 0..THROTTLE_ATTEMPTS {
        let answer = post_login(
            &router,
            &Attempt {
                password: "fel lösenord",
                ..Attempt::from("198.51.100.1")
            },
        )
        .await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    }
    let attacker = post_login(&router, &Attempt::from("198.51.100.1")).await;
    assert_eq!(
        attacker.status,
        StatusCode::UNAUTHORIZED,
        "the address that failed is throttled for the account"
    );
    assert!(attacker.body.contains("för många"), "{}", attacker.body);
    let owner = post_login(&router, &Attempt::from("198.51.100.2")).await;
    assert_eq!(
        owner.status,
        StatusCode::SEE_OTHER,
        "the account's owner elsewhere logs in: {}",
        owner.body
    );
}

#[tokio::test]
async fn behind_a_proxy_the_forwarded_address_counts_only_when_the_proxy_is_trusted() {
    let proxy = "10.0.0.5";
    // Not configured: a forwarded header is anyone's claim, so the peer is what counts.
    let (_, router) = site("login-untrusted-proxy").await;
    for number in 0..4 * THROTTLE_ATTEMPTS {
        let forwarded = format!("203.0.113.{number}");
        let name = format!("okand-{number}");
        post_login(
            &router,
            &Attempt {
                forwarded: Some(&forwarded),
                username: &name,
                password: "fel lösenord",
                ..Attempt::from(proxy)
            },
        )
        .await;
    }
    let spoofed = post_login(
        &router,
        &Attempt {
            forwarded: Some("203.0.113.250"),
            ..Attempt::from(proxy)
        },
    )
    .await;
    assert_eq!(
        spoofed.status,
        StatusCode::UNAUTHORIZED,
        "a made-up header does not escape the peer's throttle"
    );
    // Configured: the proxy's header names the client, so one client's failures throttle that
    // client only, and everyone else behind the proxy still gets in.
    let (app, _) = site("login-trusted-proxy").await;
    let router =
        styr_web::router(app).layer(axum::Extension(styr_web::auth::TrustedProxies(vec![
            proxy.parse().expect("an address"),
        ])));
    for number in 0..4 * THROTTLE_ATTEMPTS {
        let name = format!("okand-{number}");
        post_login(
            &router,
            &Attempt {
                forwarded: Some("203.0.113.7"),
                username: &name,
                password: "fel lösenord",
                ..Attempt::from(proxy)
            },
        )
        .await;
    }
    let guesser = post_login(
        &router,
        &Attempt {
            forwarded: Some("203.0.113.7"),
            ..Attempt::from(proxy)
        },
    )
    .await;
    assert_eq!(guesser.status, StatusCode::UNAUTHORIZED);
    let colleague = post_login(
        &router,
        &Attempt {
            forwarded: Some("192.0.2.99, 203.0.113.8"),
            ..Attempt::from(proxy)
        },
    )
    .await;
    assert_eq!(
        colleague.status,
        StatusCode::SEE_OTHER,
        "another client behind the proxy logs in: {}",
        colleague.body
    );
}

async fn with_token(router: &Router, token: &str, method: Method, uri: &str) -> support::Answer {
    send(
        router,
        Request::builder()
            .method(method)
            .uri(uri)
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from("name=fler"))
            .expect("a request"),
    )
    .await
}

#[tokio::test]
async fn only_a_session_makes_tokens_and_a_new_password_revokes_them_and_other_sessions() {
    let (app, router) = site("login-tokens").await;
    let token = token_for(&app, "controller").await;
    let minted = with_token(&router, &token, Method::POST, "/konto/nycklar").await;
    assert_eq!(
        minted.status,
        StatusCode::FORBIDDEN,
        "a token cannot make tokens: {}",
        minted.body
    );
    assert!(!minted.body.contains("styr_"), "no token is shown");
    let session = support::log_in(&router, "controller", PASSWORD).await;
    let other = support::log_in(&router, "controller", PASSWORD).await;
    let made = session
        .post_form(&router, "/konto/nycklar", &[("name", "skript")])
        .await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.body);
    let changed = session
        .post_form(
            &router,
            "/konto/losenord",
            &[
                ("current", PASSWORD),
                ("new", "ett nytt lösenord"),
                ("repeated", "ett nytt lösenord"),
            ],
        )
        .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.body);
    let me = with_token(&router, &token, Method::GET, "/api/v1/me").await;
    assert_eq!(
        me.status,
        StatusCode::UNAUTHORIZED,
        "the token died with the old password"
    );
    assert_eq!(
        other.get(&router, "/konto").await.status,
        StatusCode::SEE_OTHER,
        "the other session ended"
    );
    assert_eq!(
        session.get(&router, "/konto").await.status,
        StatusCode::OK,
        "the session that changed it lives on"
    );
    // An administrator's reset ends every session and token of the person.
    let token = token_for_password(&app, "controller", "ett nytt lösenord").await;
    app.reset_password(
        &styr_app::Actor::named("test"),
        "controller",
        "återställt lösenord",
    )
    .await
    .expect("reset");
    assert_eq!(
        with_token(&router, &token, Method::GET, "/api/v1/me")
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        session.get(&router, "/konto").await.status,
        StatusCode::SEE_OTHER
    );
}

async fn token_for_password(app: &App, username: &str, password: &str) -> String {
    let session = app.login(username, password, None).await.expect("logs in");
    app.create_token(&session.actor, Some(&session.secret), "test")
        .await
        .expect("a token")
}
