//! Logging in and out, one's own account (password, API tokens), and the administrator's page
//! of users and roles.

use askama::Template;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;
use styr_app::{ApiToken, AppError, Role, RoleKind};

use super::{PageResult, html, invalid, see};
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

pub struct TokenView {
    pub id: i64,
    pub name: String,
    pub created_at: String,
    pub revoked_at: String,
}

#[derive(Template)]
#[template(path = "account.html")]
pub struct AccountPage {
    pub title: String,
    pub role: String,
    pub tokens: Vec<TokenView>,
    /// A token just made: shown this once.
    pub new_token: String,
    pub message: String,
    pub password_error: String,
}

async fn account_page(
    state: &Acting,
    new_token: String,
    message: String,
    password_error: String,
) -> Result<AccountPage, PageError> {
    let tokens = state
        .app
        .tokens(&state.actor)
        .await?
        .into_iter()
        .map(|token: ApiToken| TokenView {
            id: token.id,
            name: token.name,
            created_at: token.created_at,
            revoked_at: token.revoked_at.unwrap_or_default(),
        })
        .collect();
    Ok(AccountPage {
        title: "Mitt konto".into(),
        role: crate::view::signed_in(),
        tokens,
        new_token,
        message,
        password_error,
    })
}

pub async fn account(state: Acting) -> PageResult {
    html(&account_page(&state, String::new(), String::new(), String::new()).await?)
}

#[derive(Deserialize)]
pub struct PasswordForm {
    pub current: String,
    pub new: String,
    pub repeated: String,
}

pub async fn change_password(state: Acting, Form(form): Form<PasswordForm>) -> PageResult {
    if form.new != form.repeated {
        let page = account_page(
            &state,
            String::new(),
            String::new(),
            "De två nya lösenorden är inte lika.".into(),
        )
        .await?;
        return invalid(&page);
    }
    match state
        .app
        .change_password(
            &state.actor,
            state.session.as_deref(),
            &form.current,
            &form.new,
        )
        .await
    {
        Ok(()) => html(
            &account_page(
                &state,
                String::new(),
                "Lösenordet är bytt. Dina andra inloggningar är utloggade och dina API-nycklar återkallade.".into(),
                String::new(),
            )
            .await?,
        ),
        Err(AppError::Rejected(message)) => {
            invalid(&account_page(&state, String::new(), String::new(), message).await?)
        }
        Err(error) => Err(error.into()),
    }
}

#[derive(Deserialize)]
pub struct TokenForm {
    pub name: String,
}

pub async fn create_token(state: Acting, Form(form): Form<TokenForm>) -> PageResult {
    // Only a session makes tokens (the app refuses a request on a token, and records it).
    let made = state
        .app
        .create_token(&state.actor, state.session.as_deref(), &form.name)
        .await;
    match made {
        Ok(token) => html(
            &account_page(
                &state,
                token,
                "Nyckeln är skapad. Kopiera den nu – den visas bara den här gången.".into(),
                String::new(),
            )
            .await?,
        ),
        Err(AppError::Rejected(message)) => {
            invalid(&account_page(&state, String::new(), message, String::new()).await?)
        }
        Err(error) => Err(error.into()),
    }
}

pub async fn revoke_token(
    state: Acting,
    axum::extract::Path(token): axum::extract::Path<i64>,
) -> PageResult {
    match state.app.revoke_token(&state.actor, token).await {
        Ok(()) => see("/konto".into()),
        Err(AppError::Rejected(message)) => {
            invalid(&account_page(&state, String::new(), message, String::new()).await?)
        }
        Err(error) => Err(error.into()),
    }
}

pub struct UserView {
    pub username: String,
    pub role: String,
    pub role_key: &'static str,
    pub scope: String,
    pub created_at: String,
}

#[derive(Template)]
#[template(path = "users.html")]
pub struct UsersPage {
    pub title: String,
    pub users: Vec<UserView>,
    pub roles: Vec<(&'static str, &'static str)>,
    pub message: String,
    pub error: String,
}

async fn users_page(
    state: &Acting,
    message: String,
    error: String,
) -> Result<UsersPage, PageError> {
    let users = state
        .app
        .users(&state.actor)
        .await?
        .into_iter()
        .map(|(record, actor)| UserView {
            username: record.username,
            role: actor.role.kind().label().to_string(),
            role_key: actor.role.kind().key(),
            scope: record.scope_unit.unwrap_or_default(),
            created_at: record.created_at,
        })
        .collect();
    Ok(UsersPage {
        title: "Användare".into(),
        users,
        roles: RoleKind::ALL
            .iter()
            .map(|kind| (kind.key(), kind.label()))
            .collect(),
        message,
        error,
    })
}

pub async fn users(state: Acting) -> PageResult {
    html(&users_page(&state, String::new(), String::new()).await?)
}

#[derive(Deserialize)]
pub struct UserForm {
    pub username: String,
    #[serde(default)]
    pub password: String,
    pub role: String,
    #[serde(default)]
    pub scope: String,
}

fn role_of(form: &UserForm) -> Result<Role, String> {
    let kind = RoleKind::from_key(&form.role).ok_or_else(|| "okänd roll".to_string())?;
    Role::from_parts(kind, Some(form.scope.as_str()))
}

/// Adds a user (with a password) or, without a password, changes an existing user's role.
pub async fn save_user(state: Acting, Form(form): Form<UserForm>) -> PageResult {
    let role = match role_of(&form) {
        Ok(role) => role,
        Err(message) => return invalid(&users_page(&state, String::new(), message).await?),
    };
    let result = if form.password.is_empty() {
        state
            .app
            .set_role(&state.actor, form.username.trim(), &role)
            .await
    } else {
        state
            .app
            .add_user(&state.actor, form.username.trim(), &form.password, &role)
            .await
            .map(|_| ())
    };
    match result {
        Ok(()) => html(
            &users_page(
                &state,
                format!("Användaren ”{}” är sparad.", form.username.trim()),
                String::new(),
            )
            .await?,
        ),
        Err(AppError::Rejected(message)) => {
            invalid(&users_page(&state, String::new(), message).await?)
        }
        Err(error) => Err(error.into()),
    }
}
