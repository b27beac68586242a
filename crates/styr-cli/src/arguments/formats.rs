//! The formats and layouts subcommands write: each a value clap reads from `--format` or
//! `--layout`, with the help text a person sees.

use clap::ValueEnum;

#[derive(Clone, Copy, ValueEnum)]
pub enum CheckFormat {
    /// Läsbar svensk text.
    Text,
    /// JSON för maskiner.
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum FollowupFormat {
    Markdown,
    Json,
    /// En rad per enhet, rad och månad, i kronor: för kalkylblad.
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum FollowupLayout {
    /// Månadsuppföljning.
    Manad,
    /// Delårsrapport, januari–augusti.
    Delar,
    /// Årsbokslut.
    Helar,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    /// Budgetfil (TOML).
    Toml,
    /// Budgetmall (.xlsx): ett blad per enhet med gula celler att fylla i.
    Mall,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ReportFormat {
    /// Budgetdokumentet som Markdown.
    Markdown,
    /// Budgetdokumentet som en HTML-sida, klar att skriva ut.
    Html,
    /// Budgetdokumentet som PDF: sidnummer, innehållsförteckning, inbäddade typsnitt.
    Pdf,
    /// Budgetdokumentet som Word-dokument (.docx), för att redigera texten.
    Docx,
    /// Tabellerna som Excel-arbetsbok (.xlsx): ett blad per tabell, delsummor som formler.
    Xlsx,
    /// Rapportens alla värden som JSON.
    Json,
    /// Öppna data: ett Frictionless (Fiscal) Data Package – CSV-filer och datapackage.json –
    /// i katalogen --output.
    Fdp,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportDocument {
    /// Budgetdokumentet.
    Budget,
    /// Delårsrapporten: utfall och helårsprognos för perioden, avvikelser, investeringar, mål
    /// och intern kontroll.
    Delarsrapport,
    /// Verksamhetsberättelsen till årsredovisningen: årets utfall mot budget.
    Arsredovisning,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum GoalsFormat {
    /// Läsbar svensk text.
    Text,
    /// JSON: varje värde exakt, som text.
    Json,
}
