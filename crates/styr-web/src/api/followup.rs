//! Follow-up through the API: import the books ([`imports`]), budget versus actual
//! ([`report`]), forecasts ([`forecast`]), drill-down to vouchers ([`drill`]), the account and
//! cost-centre rules ([`rules`]), the spreading of the year over the months ([`spreading`])
//! and CSV import profiles ([`import_profiles`]); deviation explanations, the forecast
//! history and a deviation's course ([`commentary`]), and the investment follow-up per project
//! ([`investments`]).

pub mod commentary;
pub mod drill;
pub mod forecast;
pub mod import_profiles;
pub mod imports;
pub mod investments;
pub mod report;
pub mod rules;
pub mod spreading;
