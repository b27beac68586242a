//! The exit statuses styr answers with beyond 0 (done) and 1 (the command found errors), so a
//! script can tell "the file could not be read" from "the file was read and is wrong".

/// Exit status for input that cannot be read: missing, too large, not UTF-8, not the format.
pub const UNREADABLE: u8 = 2;

/// Exit status for a document read without error in which nothing could be checked: no table
/// the review understood, so "no errors" would claim more than was done.
pub const NOTHING_CHECKED: u8 = 3;
