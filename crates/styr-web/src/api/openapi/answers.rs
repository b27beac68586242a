//! The refusals every operation can answer, documented on every operation from what it takes,
//! so the document never misses one (a schema-driven fuzzer checks that every status it sees is
//! documented): 401 everywhere (no session, no token); 403 for a write (the role, or a
//! session's CSRF token) and for the audit log; 404 where the path names something; 422 where
//! there is a query or a body to read; 409 for a write to a budget (changed since, or frozen);
//! 413 and 415 for a body. All of them have the API's error body.

use utoipa::openapi::path::{Operation, ParameterIn, PathItem};
use utoipa::openapi::{ContentBuilder, OpenApi, Ref, RefOr, Response, ResponseBuilder};

pub struct Answers;

fn error(description: &str) -> RefOr<Response> {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("ApiErrorBody")))
                .build(),
        )
        .build()
        .into()
}

fn add(operation: &mut Operation, status: &str, description: &str) {
    operation
        .responses
        .responses
        .entry(status.to_string())
        .or_insert_with(|| error(description));
}

fn document(operation: &mut Operation, path: &str, write: bool) {
    let parameters = operation.parameters.as_deref().unwrap_or_default();
    let in_path = parameters
        .iter()
        .any(|parameter| matches!(parameter, RefOr::T(p) if p.parameter_in == ParameterIn::Path));
    let in_query = parameters
        .iter()
        .any(|parameter| matches!(parameter, RefOr::T(p) if p.parameter_in == ParameterIn::Query));
    let body = operation.request_body.is_some();
    add(
        operation,
        "401",
        "ingen giltig inloggning eller API-nyckel (error: unauthenticated)",
    );
    if write || path.ends_with("/audit") {
        add(
            operation,
            "403",
            "rollen tillåter det inte (forbidden), eller en session utan CSRF-token (csrf)",
        );
    }
    if in_path {
        add(
            operation,
            "404",
            "det som adressen pekar ut finns inte, eller adressen kan inte läsas (not_found)",
        );
    }
    if in_query || body {
        add(
            operation,
            "422",
            "frågan eller kroppen kunde inte läsas; fields har ett meddelande per fält (invalid)",
        );
    }
    if write && path.starts_with("/api/v1/budgets/{id}") {
        add(
            operation,
            "409",
            "budgeten har ändrats sedan (conflict, stale) eller kan inte ändras i sin status (frozen)",
        );
    }
    if body {
        add(
            operation,
            "413",
            "kroppen är större än vad som tas emot här (too_large)",
        );
        add(operation, "415", "kroppen har fel innehållstyp");
    }
}

impl utoipa::Modify for Answers {
    fn modify(&self, openapi: &mut OpenApi) {
        for (path, item) in openapi.paths.paths.iter_mut() {
            let PathItem {
                get,
                put,
                post,
                delete,
                patch,
                ..
            } = item;
            for (operation, write) in [
                (get, false),
                (put, true),
                (post, true),
                (delete, true),
                (patch, true),
            ] {
                if let Some(operation) = operation {
                    document(operation, path, write);
                }
            }
        }
    }
}
