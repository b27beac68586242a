//! A page's upload form (`multipart/form-data`): its file field `fil` streamed to a temporary
//! file under the route's limit, and its few small text fields (`profil`, `_csrf`) read up to
//! a few kilobytes each. Anything else in the form is refused, so a form cannot be made into
//! a second, unlimited upload.

use axum::extract::{FromRequest, Multipart, Request};

use super::{Limit, Refusal, TemporaryFile};

/// The most a text field of an upload form may hold.
const FIELD_LIMIT: usize = 4 << 10;
/// The most parts an upload form may have.
const PARTS_LIMIT: usize = 8;

/// What an upload form sent.
pub struct Form {
    /// The file and its name as the browser gave it; `None` when no file was chosen.
    pub file: Option<(String, TemporaryFile)>,
    /// The text fields by name.
    pub fields: Vec<(String, String)>,
}

impl Form {
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

/// Reads an upload form from `request`, the file under `limit`.
pub async fn form(request: Request, limit: Limit) -> Result<Form, Refusal> {
    let mut multipart = Multipart::from_request(request, &())
        .await
        .map_err(|_| Refusal::Broken("formuläret var inte ett uppladdningsformulär".into()))?;
    let mut read = Form {
        file: None,
        fields: Vec::new(),
    };
    let mut parts = 0;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(error) => return Err(broken(error, limit)),
        };
        parts += 1;
        if parts > PARTS_LIMIT {
            return Err(Refusal::Broken("formuläret har för många delar".into()));
        }
        let name = field.name().unwrap_or_default().to_string();
        let mut field = field;
        if name == "fil" {
            let file_name = field.file_name().unwrap_or("fil").to_string();
            let mut file = TemporaryFile::create().await?;
            while let Some(chunk) = field.chunk().await.map_err(|error| broken(error, limit))? {
                file.write(&chunk, limit).await?;
            }
            file.finish().await?;
            // No file chosen: the browser sends the part empty, without a name.
            if !(file.is_empty() && file_name.is_empty()) {
                read.file = Some((file_name, file));
            }
            continue;
        }
        let mut value = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(|error| broken(error, limit))? {
            if value.len() + chunk.len() > FIELD_LIMIT {
                return Err(Refusal::Broken(format!("fältet {name} är för långt")));
            }
            value.extend_from_slice(&chunk);
        }
        let value = String::from_utf8(value)
            .map_err(|_| Refusal::Broken(format!("fältet {name} är inte text")))?;
        read.fields.push((name, value));
    }
    Ok(read)
}

/// A multipart error: the body limit of the route (413), or a body that broke off.
fn broken(error: axum::extract::multipart::MultipartError, limit: Limit) -> Refusal {
    if error.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
        Refusal::TooLarge(limit)
    } else {
        Refusal::Broken(error.body_text())
    }
}
