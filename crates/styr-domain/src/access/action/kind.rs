//! The kinds of action, as the role matrix and docs/roles.md list them, each with the words a
//! person reads in the matrix.

/// An action's kind, for the matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ActionKind {
    Read,
    ReadAudit,
    EditLines,
    EditFrames,
    EditOrganisation,
    EditInvestments,
    EditRisks,
    EditControls,
    EditRegisters,
    EditDocument,
    ImportBudget,
    ImportOutcome,
    EditMapping,
    SetForecast,
    Submit,
    Return,
    Adopt,
    Revise,
    ManageUsers,
    FollowUpGoal,
    ImportKolada,
    ReviewDocument,
}

impl ActionKind {
    pub const ALL: [ActionKind; 22] = [
        ActionKind::Read,
        ActionKind::ReadAudit,
        ActionKind::EditLines,
        ActionKind::EditFrames,
        ActionKind::EditOrganisation,
        ActionKind::EditInvestments,
        ActionKind::EditRisks,
        ActionKind::EditControls,
        ActionKind::EditRegisters,
        ActionKind::EditDocument,
        ActionKind::ImportBudget,
        ActionKind::ImportOutcome,
        ActionKind::EditMapping,
        ActionKind::SetForecast,
        ActionKind::Submit,
        ActionKind::Return,
        ActionKind::Adopt,
        ActionKind::Revise,
        ActionKind::ManageUsers,
        ActionKind::FollowUpGoal,
        ActionKind::ImportKolada,
        ActionKind::ReviewDocument,
    ];

    pub const fn label(self) -> &'static str {
        match self {
            ActionKind::Read => "Läsa budgetar, rapporter och uppföljning",
            ActionKind::ReadAudit => "Läsa och exportera ändringsloggen",
            ActionKind::EditLines => "Ändra driftbudgetens rader och förklaringar",
            ActionKind::EditFrames => "Ändra ram och kommunbidrag",
            ActionKind::EditOrganisation => {
                "Ändra organisationen: lägga till, byta namn på och flytta ansvar"
            }
            ActionKind::EditInvestments => "Ändra investeringsplanen",
            ActionKind::EditRisks => "Ändra riskanalysen",
            ActionKind::EditControls => "Ändra internkontrollplanen och kontrollresultat",
            ActionKind::EditRegisters => "Ändra mål, inriktningar och effektiviseringar",
            ActionKind::EditDocument => "Ändra dokumentets uppgifter",
            ActionKind::ImportBudget => "Importera eller ersätta en budgetfil",
            ActionKind::ImportOutcome => "Importera utfall (SIE, CSV)",
            ActionKind::EditMapping => "Ändra kontomappning och importprofiler",
            ActionKind::SetForecast => "Lämna prognos och förklara avvikelser",
            ActionKind::Submit => "Lämna in budgeten",
            ActionKind::Return => "Återföra en inlämnad budget till utkast",
            ActionKind::Adopt => "Fastställa budgeten",
            ActionKind::Revise => "Starta en revidering",
            ActionKind::ManageUsers => "Hantera användare och roller",
            ActionKind::FollowUpGoal => "Lämna nyckeltalsvärden och bedöma mål",
            ActionKind::ImportKolada => "Hämta och importera Kolada-data, välja jämförelsegrupp",
            ActionKind::ReviewDocument => {
                "Granska ett dokument (PDF, Word, text) utan att spara det"
            }
        }
    }
}
