//! styr's domain: the model of a Swedish municipality's budget and the rules that compute every
//! derived figure. Pure: no IO, no async, no SQL, no file formats. Amounts are exact integer
//! öre ([`money::Amount`]) with checked arithmetic only: a sum that leaves the range is an
//! error naming the figure ([`money::OverflowAt`]), never a wrapped number; floating point is
//! forbidden by lint in the whole workspace.
//!
//! The parts follow a board's budget document: [`organisation`] (the tree with validity dates),
//! [`operating`] (driftbudget), [`frame`] (kommunbidrag and PKV), [`investment`], [`goals`],
//! [`efficiency`], [`risk`], [`internal_control`], [`document`] metadata, and [`statement`]s of
//! figures in prose ([`direction`]: "ökar med 8,1 mnkr"). [`budget::Budget`] holds them
//! together, and [`change::Change`] is every edit a person can make to it, refused with a
//! sentence when it may not be made. [`followup`] holds the rules that turn an accounting
//! ledger into budget-versus-actual: account and cost-centre mapping, months, and spreading a
//! year's budget over them. [`access`] and [`workflow`] say who may change a budget and when.
//! Numbers are written and read the Swedish way in `format` and [`parse`]; [`severity`] is
//! the one scale of findings and issues. [`governance`] is the municipality's register of
//! styrdokument and when each is due for revision.

pub mod access;
pub mod budget;
pub mod calendar;
pub mod change;
pub mod decimal;
pub mod direction;
pub mod document;
pub mod efficiency;
pub mod followup;
pub mod format;
pub mod frame;
pub mod goals;
pub mod governance;
pub mod internal_control;
pub mod investment;
pub mod key;
pub mod kolada;
pub mod money;
pub mod municipal;
pub mod operating;
pub mod organisation;
pub mod parse;
pub mod percent;
pub mod profile;
pub mod risk;
pub mod rounding;
pub mod severity;
pub mod source_document;
pub mod statement;
pub mod template;
#[cfg(test)]
mod testing;
pub mod workflow;
