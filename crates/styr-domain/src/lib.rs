//! styr's domain: the model of a Swedish municipality's budget and the rules that compute every
//! derived figure. Pure: no IO, no async, no SQL, no file formats. Amounts are exact integer
//! öre ([`money::Amount`]); floating point is forbidden by lint in the whole workspace.
//!
//! The parts follow a board's budget document: [`organisation`] (the tree with validity dates),
//! [`operating`] (driftbudget), [`frame`] (kommunbidrag and PKV), [`investment`], [`goals`],
//! [`efficiency`], [`risk`], [`internal_control`], [`document`] metadata, and [`statement`]s of
//! figures in prose. [`budget::Budget`] holds them together. [`followup`] holds the rules that
//! turn an accounting ledger into budget-versus-actual: account and cost-centre mapping, months,
//! and spreading a year's budget over them.

pub mod access;
pub mod budget;
pub mod calendar;
pub mod change;
pub mod document;
pub mod efficiency;
pub mod followup;
pub mod format;
pub mod frame;
pub mod goals;
pub mod internal_control;
pub mod investment;
pub mod key;
pub mod money;
pub mod operating;
pub mod organisation;
pub mod parse;
pub mod percent;
pub mod risk;
pub mod rounding;
pub mod source_document;
pub mod statement;
pub mod template;
pub mod workflow;
