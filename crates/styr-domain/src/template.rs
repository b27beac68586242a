//! The labels of the budget template workbook: the contract between the writer
//! (`styr_render::xlsx::template`) and the reader (`styr_import::template`). The reader finds
//! everything by these labels, not by position; changing one breaks templates already sent out.

pub const TITLE: &str = "Budgetmall";
/// Beside it, the unit's id.
pub const UNIT_ID: &str = "Enhet-id";
/// Starts the header row; the year columns follow.
pub const HEADER: &str = "Belopp i tkr";
/// Ends the header of a column shown for comparison only, which the reader skips.
pub const COMPARISON: &str = "(jämförelse)";
/// Starts the header of the explanations' column.
pub const EXPLANATION: &str = "Förklaring";
pub const FINANCIAL_NET: &str = "Finansnetto";
/// A computed row the reader skips.
pub const NET: &str = "Summa nettokostnad (räknas)";

/// A spreadsheet cell's name from zero-based column and row: (2, 6) → "C7", (26, 0) → "AA1".
pub fn cell_name(column: usize, row: usize) -> String {
    let mut letters = Vec::new();
    let mut rest = column + 1;
    while rest > 0 {
        letters.push(char::from(b'A' + ((rest - 1) % 26) as u8));
        rest = (rest - 1) / 26;
    }
    let mut name: String = letters.iter().rev().collect();
    name.push_str(&(row + 1).to_string());
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_a_spreadsheet_names_them() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(2, 6), "C7");
        assert_eq!(cell_name(25, 9), "Z10");
        assert_eq!(cell_name(26, 0), "AA1");
        assert_eq!(cell_name(27, 1), "AB2");
    }
}
