//! An example for each path parameter, from the demo budget (`styr serve --demo`): a budget's
//! id 1, the unit `ks`, the risk `cyberhot` … so that a client reading the document — and the
//! fuzzer in `.ci/api-fuzz` — can reach a real record instead of only ever a 404. A record's id
//! in a path is declared as what it is: a key (`styr_domain::key`, `^[A-Za-z0-9_-]{1,128}$`).

use serde_json::{Value, json};
use utoipa::openapi::path::{ParameterBuilder, ParameterIn};
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::{OpenApi, RefOr};

pub struct Examples;

/// The path parameters that are a record's id.
const KEYS: [&str; 5] = ["unit", "risk", "control", "goal", "kpi"];

const KEY_PATTERN: &str = "^[A-Za-z0-9_-]{1,128}$";

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
        "document" => json!("delarsrapport"),
        "kpi" => json!("arbetsbelastningen"),
        "period" => json!("2025-O1"),
        "municipality" => json!("1489"),
        "group" => json!("G1489EX"),
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
                    let RefOr::T(found) = parameter else {
                        continue;
                    };
                    if found.parameter_in != ParameterIn::Path {
                        continue;
                    }
                    let mut builder = ParameterBuilder::from(found.clone());
                    if let Some(value) = example(&found.name) {
                        builder = builder.example(Some(value));
                    }
                    if KEYS.contains(&found.name.as_str()) {
                        builder = builder.schema(Some(
                            ObjectBuilder::new()
                                .schema_type(Type::String)
                                .pattern(Some(KEY_PATTERN))
                                .build(),
                        ));
                    }
                    *found = builder.build();
                }
            }
        }
    }
}
