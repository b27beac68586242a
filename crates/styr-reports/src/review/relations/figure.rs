//! One cell of a table as a figure: the value it states and the interval rounding allows.
//!
//! "− 1 116" in a table in mnkr stands for any value from −1 116,5 to −1 115,5 mnkr: half a
//! unit of its last digit either side. "3 307,7" stands for 3 307,65 … 3 307,75. An empty cell
//! or a lone dash ("-", "–", "−") states no amount: an exact zero. Minus signs are read in the
//! three forms Swedish documents print, with or without a space after them.
//!
//! Values are whole öre in an `i128`. A figure has at most [`MOST_DIGITS`] digits, so a sum of
//! every figure a document can hold stays far inside the range: no sum here can overflow.

use styr_domain::format;
use styr_domain::money::Unit;

/// The most digits a figure may have; longer strings of digits are text (an id, a phone number).
const MOST_DIGITS: usize = 18;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Figure {
    /// The stated value in öre.
    pub ore: i128,
    /// One unit of the last printed digit, in öre: the figure stands for any value within half
    /// of it either side. 0 for an empty cell (an exact zero).
    pub step: i128,
    pub decimals: u8,
}

/// What a cell holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cell {
    /// Nothing: an exact zero, and no figure of its own.
    Blank,
    /// A lone dash: "no amount", stated as such, an exact zero. A line of dashes is a line
    /// of the table ("Extraordinära poster  -  -"), not a heading.
    Dash,
    Figure(Figure),
    /// Words, a percentage, a note number list: not an amount.
    Text,
}

impl Cell {
    /// The cell's figure, with a blank as an exact zero; `None` for text.
    pub fn figure(self) -> Option<Figure> {
        match self {
            Cell::Blank | Cell::Dash => Some(Figure {
                ore: 0,
                step: 0,
                decimals: 0,
            }),
            Cell::Figure(figure) => Some(figure),
            Cell::Text => None,
        }
    }
}

/// Reads one cell of a table whose amounts are in `unit`.
pub fn read(cell: &str, unit: Unit) -> Cell {
    let text = cell.trim();
    if text.is_empty() {
        return Cell::Blank;
    }
    if matches!(text, "-" | "–" | "−" | "—") {
        return Cell::Dash;
    }
    let (negative, rest) = match text
        .strip_prefix('-')
        .or_else(|| text.strip_prefix('−'))
        .or_else(|| text.strip_prefix('–'))
    {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text),
    };
    let (whole, fraction) = rest.split_once(',').unwrap_or((rest, ""));
    let whole: String = whole
        .chars()
        .filter(|character| !matches!(character, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let digits = whole.len() + fraction.len();
    if whole.is_empty()
        || digits > MOST_DIGITS
        || !whole.chars().all(|character| character.is_ascii_digit())
        || !fraction.chars().all(|character| character.is_ascii_digit())
        || (rest.contains(',') && fraction.is_empty())
    {
        return Cell::Text;
    }
    let decimals = fraction.len() as u32;
    let unit_ore = i128::from(unit.ore());
    let scale = 10i128.pow(decimals);
    if unit_ore % scale != 0 {
        return Cell::Text;
    }
    let Ok(value) = format!("{whole}{fraction}").parse::<i128>() else {
        return Cell::Text;
    };
    let step = unit_ore / scale;
    Cell::Figure(Figure {
        ore: if negative {
            -value * step
        } else {
            value * step
        },
        step,
        decimals: decimals as u8,
    })
}

/// A percentage as printed: "3,7 %" is 37 tenths of a percent, standing for 3,65 … 3,75.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Percent {
    /// The printed value in units of its last digit.
    pub value: i128,
    pub decimals: u8,
}

/// Reads a percentage: "3,7 %", "– 5,7 %", "120,1%"; with `bare`, under a heading that says
/// the column is in percent, "3,7" too.
pub fn read_percent(cell: &str, bare: bool) -> Option<Percent> {
    let text = cell.trim();
    let text = match text.strip_suffix('%') {
        Some(number) => number.trim_end(),
        None if bare => text,
        None => return None,
    };
    let (negative, rest) = match text
        .strip_prefix('-')
        .or_else(|| text.strip_prefix('−'))
        .or_else(|| text.strip_prefix('–'))
    {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text),
    };
    let (whole, fraction) = rest.split_once(',').unwrap_or((rest, ""));
    let whole: String = whole
        .chars()
        .filter(|character| !matches!(character, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let digits_only = |part: &str| part.chars().all(|character| character.is_ascii_digit());
    if whole.is_empty()
        || whole.len() + fraction.len() > MOST_DIGITS
        || !digits_only(&whole)
        || !digits_only(fraction)
        || (rest.contains(',') && fraction.is_empty())
    {
        return None;
    }
    let value: i128 = format!("{whole}{fraction}").parse().ok()?;
    Some(Percent {
        value: if negative { -value } else { value },
        decimals: u8::try_from(fraction.len()).ok()?,
    })
}

/// A percentage in units of `decimals` decimals written as Swedish documents do: "-5,7 %".
pub fn shown_percent(value: i128, decimals: u8) -> String {
    format!("{} %", format::decimal(value, decimals))
}

/// `ore` written as the table writes it, with `decimals` decimals and the unit when the
/// table names one: "−588,2 mnkr"; a value between two printed steps is rounded half away.
pub fn shown(ore: i128, decimals: u8, unit: Unit, named: bool) -> String {
    let step = i128::from(unit.ore()) / 10i128.pow(u32::from(decimals));
    let rounded = (ore.abs() + step / 2) / step * ore.signum();
    let number = format::decimal(rounded, decimals);
    if named {
        format!("{number} {}", unit.symbol())
    } else {
        number
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ore(cell: &str) -> Option<i128> {
        read(cell, Unit::Mnkr).figure().map(|figure| figure.ore)
    }

    #[test]
    fn a_figure_is_read_with_each_minus_sign_and_thousands_in_spaces() {
        assert_eq!(ore("− 1 116"), Some(-1_116 * 100_000_000));
        assert_eq!(ore("– 1 452,8"), Some(-1_452_800 * 100_000));
        assert_eq!(ore("- 11 276"), Some(-11_276 * 100_000_000));
        assert_eq!(ore("-1004,4"), Some(-1_004_400 * 100_000));
    }

    #[test]
    fn a_figure_stands_for_half_a_unit_of_its_last_digit_either_side() {
        let Cell::Figure(figure) = read("3 307,7", Unit::Mnkr) else {
            panic!("a figure")
        };
        assert_eq!(figure.step, 10_000_000);
        assert_eq!(figure.decimals, 1);
    }

    #[test]
    fn an_empty_cell_or_a_lone_dash_is_an_exact_zero_and_words_are_text() {
        assert_eq!(read("-", Unit::Tkr), Cell::Dash);
        assert_eq!(
            read("-", Unit::Tkr).figure().map(|figure| figure.ore),
            Some(0)
        );
        assert_eq!(
            read("", Unit::Tkr).figure().map(|figure| figure.step),
            Some(0)
        );
        assert_eq!(read("3,7 %", Unit::Tkr), Cell::Text);
        assert_eq!(read("12, 25", Unit::Tkr), Cell::Text);
        assert_eq!(read("– Kassa och bank", Unit::Tkr), Cell::Text);
    }

    #[test]
    fn a_percentage_is_read_with_its_sign_and_decimals() {
        let percent = |value, decimals| Some(Percent { value, decimals });
        assert_eq!(read_percent("3,7 %", false), percent(37, 1));
        assert_eq!(read_percent("– 5,7 %", false), percent(-57, 1));
        assert_eq!(read_percent("120%", false), percent(120, 0));
        assert_eq!(read_percent("3,7", false), None);
        assert_eq!(read_percent("3,7", true), percent(37, 1));
        assert_eq!(read_percent("ökning %", false), None);
        assert_eq!(shown_percent(-57, 1), "-5,7 %");
    }

    #[test]
    fn a_value_is_shown_in_the_tables_own_form() {
        assert_eq!(shown(-58_820_000_000, 1, Unit::Mnkr, true), "-588,2 mnkr");
        assert_eq!(shown(862_000_000, 0, Unit::Tkr, false), "8 620");
    }
}
