//! Logging in and out. The login form carries a token of its own (a random value in a cookie
//! and in the form, which another site can neither read nor set); the name and password go to
//! `App::login`, with the client's address for the throttle — the connection's peer, or what a
//! trusted proxy forwards (see `auth::client_address`). Afterwards the browser goes back to
//! where it was (`till`), but only to a path on this site.

use askama::Template;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;
use styr_app::AppError;

use crate::AppState;
use crate::auth::{
    Acting, CSRF_FIELD, LOGIN_COOKIE, TrustedProxies, client_address, cookie, over_tls,
    same_secret, session_cookie,
};
use crate::error::PageError;

#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginPage {
    pub title: String,
    pub login_token: String,
    pub back: String,
    pub username: String,
    pub message: String,
}

#[derive(Deserialize)]
pub struct Back {
    #[serde(default)]
    pub till: String,
}

/// Where to go after logging in: only a path on this site. The path must start with one "/"
/// ("//x" and "/\\x" name another site) and hold only visible ASCII without a backslash: a
/// browser drops tabs and line breaks from a URL ("/\t/evil.example" is "//evil.example"),
/// reads a backslash as a slash, and a line break could not even be sent as a header. A
/// path styr sends here is percent-encoded already (see `auth::encode`), so it passes.
fn safe_back(back: &str) -> String {
    let on_this_site = back.starts_with('/')
        && !back.starts_with("//")
        && back
            .bytes()
            .all(|byte| byte.is_ascii_graphic() && byte != b'\\');
    if on_this_site {
        back.to_string()
    } else {
        "/".to_string()
    }
}

fn login_page(
    headers: &HeaderMap,
    back: &str,
    username: &str,
    message: &str,
    status: StatusCode,
) -> Response {
    // The login form's own CSRF token: a random value in a cookie and in the form, which a
    // page on another site can neither read nor set. A browser that already has one keeps it,
    // so a second login page (another tab, the browser's own request for an icon) does not
    // invalidate the first.
    let token = cookie(headers, LOGIN_COOKIE)
        .filter(|token| token.len() == 64 && token.bytes().all(|byte| byte.is_ascii_hexdigit()))
        .unwrap_or_else(styr_app::accounts::secret);
    // A name longer than any account's is not shown back: it is not one, and could be huge.
    let shown = if username.chars().count() <= styr_app::accounts::MAXIMUM_USERNAME {
        username
    } else {
        ""
    };
    let page = LoginPage {
        title: "Logga in".into(),
        login_token: token.clone(),
        back: safe_back(back),
        username: shown.to_string(),
        message: message.to_string(),
    };
    match page.render() {
        Ok(body) => {
            let mut response = (status, Html(body)).into_response();
            if let Ok(value) = HeaderValue::from_str(&format!(
                "{LOGIN_COOKIE}={token}; Path=/logga-in; HttpOnly; SameSite=Strict; Max-Age=3600"
            )) {
                response.headers_mut().insert(header::SET_COOKIE, value);
            }
            response
        }
        Err(error) => PageError::from(error).into_response(),
    }
}

pub async fn show_login(headers: HeaderMap, Query(back): Query<Back>) -> Response {
    login_page(&headers, &back.till, "", "", StatusCode::OK)
}

pub async fn login(
    State(state): State<AppState>,
    peer: Option<axum::Extension<axum::extract::ConnectInfo<std::net::SocketAddr>>>,
    trusted: Option<axum::Extension<TrustedProxies>>,
    headers: HeaderMap,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    // The client's address, when the server knows it (`styr serve` does), throttles a client
    // that tries many names; a proxy's forwarded header counts only from a trusted proxy.
    let peer = peer.map(|axum::Extension(axum::extract::ConnectInfo(address))| address.ip());
    let trusted = trusted
        .map(|axum::Extension(trusted)| trusted)
        .unwrap_or_default();
    let client = client_address(peer, &headers, &trusted).map(|address| address.to_string());
    let fields = match form {
        Ok(Form(fields)) => fields,
        Err(rejection) => {
            // Too large, or not a form: refused like a failed login, and on record.
            let why = rejection.body_text();
            state.app.refuse_login_form(client.as_deref(), &why).await;
            return rejection.into_response();
        }
    };
    let field = |name: &str| {
        fields
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
            .unwrap_or_default()
    };
    let (username, password, back) = (field("username"), field("password"), field("till"));
    let expected = cookie(&headers, LOGIN_COOKIE).unwrap_or_default();
    if expected.is_empty() || !same_secret(&field(CSRF_FIELD), &expected) {
        state.app.refuse_forged_login(client.as_deref()).await;
        return login_page(
            &headers,
            &back,
            &username,
            "Inloggningen kunde inte tas emot: sidan var för gammal. Försök igen.",
            StatusCode::FORBIDDEN,
        );
    }
    match state
        .app
        .login(username.trim(), &password, client.as_deref())
        .await
    {
        Ok(session) => {
            let mut response = Redirect::to(&safe_back(&back)).into_response();
            let cookie = session_cookie(
                &session.secret,
                over_tls(&headers),
                styr_app::accounts::SESSION_HOURS * 3_600,
            );
            if let Ok(value) = HeaderValue::from_str(&cookie) {
                response.headers_mut().append(header::SET_COOKIE, value);
            }
            response
        }
        Err(error @ (AppError::LoginFailed | AppError::Throttled)) => login_page(
            &headers,
            &back,
            &username,
            &error.to_string(),
            StatusCode::UNAUTHORIZED,
        ),
        Err(error) => PageError::from(error).into_response(),
    }
}

pub async fn logout(state: Acting) -> Response {
    if let Some(session) = &state.session
        && let Err(error) = state.app.logout(&state.actor, session).await
    {
        return PageError::from(error).into_response();
    }
    let mut response = Redirect::to("/logga-in").into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_static("styr_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::safe_back;

    #[test]
    fn the_browser_goes_back_only_to_a_path_on_this_site() {
        assert_eq!(
            safe_back("/budget/1/drift?flik=a%20b"),
            "/budget/1/drift?flik=a%20b"
        );
        for elsewhere in [
            "//evil.example",
            "/\\evil.example",
            "/\t/evil.example",
            "/\n/x",
            "https://evil.example",
            "/ /x",
            "/å",
            "",
        ] {
            assert_eq!(safe_back(elsewhere), "/", "{elsewhere:?}");
        }
    }
}
