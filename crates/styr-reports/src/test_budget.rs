//! A small budget for the unit tests of this crate, read from the same file format people use.

use styr_domain::budget::Budget;

/// A board with two units (one reported separately), a derived frame, two investment projects
/// and three risks, one of them in the control plan under another name.
pub fn small_budget() -> Budget {
    styr_import::parse_budget(SMALL).expect("the test budget reads")
}

/// The small budget with `from` in its file written as `to`, read as a person's file is.
pub fn small_budget_where(from: &str, to: &str) -> Budget {
    assert!(SMALL.contains(from), "the test budget has {from}");
    styr_import::parse_budget(&SMALL.replacen(from, to, 1)).expect("the edited budget reads")
}

const SMALL: &str = r#"
format = 1
[municipality]
name = "Provkommun"
[document]
title = "Provnämnden budget 2025–2026"
[budget]
board = "nämnd"
previous_year = 2024
year = 2025
plan_years = [2026]

[[unit]]
id = "kommun"
name = "Provkommun"
kind = "kommun"
[[unit]]
id = "nämnd"
name = "Provnämnden"
kind = "nämnd"
parent = "kommun"
[[unit]]
id = "kontor-gammalt"
name = "Kontoret"
kind = "förvaltning"
parent = "nämnd"
valid_to = 2024-12-31
[[unit]]
id = "annan"
name = "Annan förvaltning"
kind = "förvaltning"
parent = "kommun"
[[unit]]
id = "kontor"
name = "Kontoret"
kind = "förvaltning"
parent = "annan"
valid_from = 2025-01-01
predecessor = "kontor-gammalt"
[[unit]]
id = "hamn"
name = "Hamnen"
kind = "enhet"
parent = "nämnd"
separately_reported = true

[[index]]
name = "PKV"
vintage = "test"
values = { 2025 = "2,5" }

[[frame]]
unit = "nämnd"
heading = "Kommunbidrag"
index = "PKV"
vintage = "test"
[[frame.year]]
year = 2024
amount = 900
[[frame.year]]
year = 2025
amount = 1000
[[frame.year]]
year = 2026
base = { frame = 2025 }
step = [{ uprating = 2025 }]

[[operating]]
unit = "nämnd"
heading = "Driftbudget"
revenue = { 2024 = 100, 2025 = 120, 2026 = 120 }
personnel = { 2024 = -1000, 2025 = -1100, 2026 = -1125 }
other_costs = { 2024 = -10, 2025 = -10, 2026 = -10 }
[[operating.explanation]]
line = "personnel"
text = "En ny tjänst."

[[operating]]
unit = "hamn"
heading = "Hamnen"
revenue = { 2024 = 50, 2025 = 50, 2026 = 50 }
personnel = { 2024 = -40, 2025 = -40, 2026 = -40 }

[investment]
years = [2024, 2025, 2026]
[[investment.project]]
name = "Kaj"
category = "reinvestment"
amounts = { 2024 = 100, 2025 = 1000, 2026 = 2001 }
[[investment.project]]
name = "Skola"
category = "expansion"
amounts = { 2025 = 500, 2026 = 0 }

[[risk]]
id = "a"
name = "Brand"
probability = 3
materiality = 4
handling = "control"
[[risk]]
id = "b"
name = "Översvämning"
probability = 3
materiality = 4
handling = "action"
[[risk]]
id = "c"
name = "Dataintrång"
probability = 1
materiality = 2
handling = "accept"
[[control]]
risk = "a"
risk_name = "Brandrisk"
method = "Stickprov"
"#;
