//! A goal's KPI with its follow-up definition, written as the reader reads it
//! (raw/goals.rs): decimals as text, so they read back exactly.

use styr_domain::decimal::Decimal;
use styr_domain::goals::{Kpi, KpiPurpose};

use super::output::Output;
use super::values::toml_string;

pub(super) fn key_list(out: &mut Output, key: &str, keys: &[String]) {
    if !keys.is_empty() {
        let quoted: Vec<String> = keys.iter().map(|key| toml_string(key)).collect();
        out.raw(key, &format!("[{}]", quoted.join(", ")));
    }
}

pub(super) fn kpi(out: &mut Output, kpi: &Kpi) {
    let decimal = |value: Decimal| toml_string(&value.to_string());
    out.table("[[goal.kpi]]");
    out.text("id", &kpi.id);
    out.text("name", &kpi.name);
    out.text("source", &kpi.source);
    out.raw(
        "measurements_per_year",
        &kpi.measurements_per_year.to_string(),
    );
    out.optional_text("kolada_id", kpi.kolada_id.as_deref());
    out.text("direction", kpi.direction.key());
    out.text("unit", kpi.unit.key());
    if let Some(minimum) = kpi.minimum {
        out.raw("minimum", &decimal(minimum));
    }
    if let Some(maximum) = kpi.maximum {
        out.raw("maximum", &decimal(maximum));
    }
    if let Some(baseline) = &kpi.baseline {
        out.raw(
            "baseline",
            &format!(
                "{{ period = {}, value = {} }}",
                toml_string(&baseline.period.key()),
                decimal(baseline.value)
            ),
        );
    }
    if !kpi.targets.is_empty() {
        let targets: Vec<String> = kpi
            .targets
            .iter()
            .map(|target| format!("{} = {}", target.year, decimal(target.value)))
            .collect();
        out.raw("targets", &format!("{{ {} }}", targets.join(", ")));
    }
    if let Some(tolerance) = kpi.tolerance {
        out.raw("tolerance", &decimal(tolerance));
    }
    if let KpiPurpose::NetCostDeviation { amount_kolada_id } = &kpi.purpose {
        out.text("purpose", "net_cost_deviation");
        out.optional_text("amount_kolada_id", amount_kolada_id.as_deref());
    }
    key_list(out, "directions", &kpi.directions);
}
