//! An example for each path parameter, from the demo budget (`styr serve --demo`): a budget's
//! id 1, the unit `ks`, the risk `cyberhot` … so that a client reading the document — and the
//! fuzzer in `.ci/api-fuzz` — can reach a real record instead of only ever a 404.

use serde_json::{Value, json};
use utoipa::openapi::path::{ParameterBuilder, ParameterIn};
use utoipa::openapi::{OpenApi, RefOr};

pub struct Examples;

fn example(name: &str) -> Option<Value> {
    Some(match name {
        "id" | "voucher" => json!(1),
        "unit" => json!("ks"),
        "line" | "row" => json!("personnel"),
        "year" => json!(2025),
        "risk" => json!("cyberhot"),
        "goal" => json!("social-hallbarhet"),
        "name" => json!("Bälinge företagspark"),
        "position" | "number" => json!(0),
        _ => return None,
    })
}

impl utoipa::Modify for Examples {
    fn modify(&self, openapi: &mut OpenApi) {
        for item in openapi.paths.paths.values_mut() {
            for operation in [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
            ]
            .into_iter()
            .flatten()
            {
                for parameter in operation.parameters.iter_mut().flatten() {
                    if let RefOr::T(found) = parameter
                        && found.parameter_in == ParameterIn::Path
                        && let Some(value) = example(&found.name)
                    {
                        *found = ParameterBuilder::from(found.clone())
                            .example(Some(value))
                            .build();
                    }
                }
            }
        }
    }
}
