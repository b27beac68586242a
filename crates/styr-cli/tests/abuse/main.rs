//! The abuse corpus: files made to exhaust a reader — a workbook whose sheet lies elsewhere
//! with a cell at XFD1048576, ZIP bombs in shared strings, workbook, styles and a Word
//! document, archives whose sizes lie, XML nested two hundred thousand deep, a SIE file of
//! 400 000 objects, amounts past the range, a line of a mebibyte — each generated here (nothing
//! large is committed) and given to the real `styr` binary under a memory limit of 256 MiB.
//!
//! Every one must end in a clear answer: exit status 2 with a Swedish sentence naming what was
//! too large, or an ordinary result — never an abort, a panic or a signal.
//!
//! Each case runs in a process of its own: this binary again, as a helper (`STYR_ABUSE_RUN`),
//! which sets RLIMIT_DATA to 256 MiB on itself, runs `styr` (which inherits the limit), and
//! reports the child's peak resident memory from getrusage — for that child alone, since the
//! helper has no other. RLIMIT_DATA counts what an allocation bomb grows (the heap, anonymous
//! mappings, thread stacks) and not the address space glibc reserves for its per-thread
//! arenas or the debug binary's mapped text, which make RLIMIT_AS useless here; the peak must
//! stay within 256 MiB too. The binary has its own `main` (no test harness), so that the helper
//! is no test that could not fail.

#[path = "../support.rs"]
mod support;
mod zip;

use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use nix::sys::resource::{Resource, UsageWho, getrusage, setrlimit};

use support::{example, styr, text};
use zip::{archive, bomb, repeats_for, stored};

/// The memory every styr process must keep within.
const CEILING: u64 = 256 << 20;

/// A bomb's size: larger than the ceiling, so that unpacking it whole could not pass.
const BOMB: u64 = 400 << 20;

/// What a case must end in.
enum Expected {
    /// Exit 2, standard error naming the limit or the damage.
    Refused(&'static str),
    /// Exit 0, standard output containing this.
    Read(&'static str),
}

struct Case {
    name: &'static str,
    /// The file's name and contents.
    file: (&'static str, Vec<u8>),
    /// The arguments, with `{}` for the file's path.
    arguments: Vec<String>,
    expected: Expected,
}

fn scratch() -> PathBuf {
    let directory = std::env::temp_dir().join(format!("styr-abuse-{}", std::process::id()));
    std::fs::create_dir_all(&directory).expect("a scratch directory");
    directory
}

/// How a case's `styr` ended.
struct Run {
    code: Option<i32>,
    signal: Option<i32>,
    stdout: String,
    stderr: String,
    /// Its peak resident memory, in bytes.
    peak: u64,
}

/// The environment variable that makes this binary the helper: the arguments for `styr`,
/// separated by U+001F; and where the helper writes what came of them.
const RUN: &str = "STYR_ABUSE_RUN";
const FILES: &str = "STYR_ABUSE_FILES";
const SEPARATOR: char = '\u{1f}';

/// `styr` with `arguments` under the memory limit, in a helper process of its own.
fn limited(arguments: &[String], directory: &Path) -> Run {
    let files = ["helper.out", "helper.err", "helper.result"].map(|name| directory.join(name));
    let joined: Vec<String> = files
        .iter()
        .map(|file| file.display().to_string())
        .collect();
    let status = Command::new(std::env::current_exe().expect("this binary"))
        .env(RUN, arguments.join(&SEPARATOR.to_string()))
        .env(FILES, joined.join(&SEPARATOR.to_string()))
        .status()
        .expect("the helper runs");
    assert!(status.success(), "the helper itself failed: {status}");
    let read = |file: &PathBuf| {
        String::from_utf8_lossy(&std::fs::read(file).unwrap_or_default()).into_owned()
    };
    let result = read(&files[2]);
    let mut words = result
        .split_whitespace()
        .map(|word| word.parse::<i64>().ok());
    let (code, signal, peak) = (
        words.next().flatten(),
        words.next().flatten(),
        words.next().flatten(),
    );
    Run {
        code: code.and_then(|code| i32::try_from(code).ok()),
        signal: signal.and_then(|signal| i32::try_from(signal).ok()),
        stdout: read(&files[0]),
        stderr: read(&files[1]),
        peak: peak
            .and_then(|peak| u64::try_from(peak).ok())
            .unwrap_or(u64::MAX),
    }
}

/// The helper: runs `styr` under the limit and writes "code signal peak" (a missing one as -).
fn helper(arguments: &str) {
    let files = std::env::var(FILES).expect("where to write");
    let files: Vec<&str> = files.split(SEPARATOR).collect();
    setrlimit(Resource::RLIMIT_DATA, CEILING, CEILING).expect("a memory limit");
    let status = Command::new(env!("CARGO_BIN_EXE_styr"))
        .args(arguments.split(SEPARATOR))
        .current_dir(support::manifest_dir())
        .stdout(std::fs::File::create(files[0]).expect("standard output"))
        .stderr(std::fs::File::create(files[1]).expect("standard error"))
        .status()
        .expect("styr runs");
    let usage = getrusage(UsageWho::RUSAGE_CHILDREN).expect("getrusage");
    // Linux gives the peak in kilobytes.
    let peak = usage.max_rss() * 1024;
    let shown = |value: Option<i32>| value.map_or("-".to_string(), |value| value.to_string());
    std::fs::write(
        files[2],
        format!("{} {} {peak}", shown(status.code()), shown(status.signal())),
    )
    .expect("the result");
}

/// A database with the reference budget, and its budget template exported: what a
/// template is imported into.
fn database(directory: &Path) -> (String, Vec<u8>) {
    let database = directory.join("styr.db");
    let database = database.to_str().expect("UTF-8").to_string();
    let example = example();
    let output = styr(&[
        "import",
        example.to_str().expect("UTF-8"),
        "--database",
        &database,
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let template = directory.join("mall.xlsx");
    let output = styr(&[
        "export",
        "--format",
        "mall",
        "--database",
        &database,
        "-o",
        template.to_str().expect("UTF-8"),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    (database, std::fs::read(template).expect("the template"))
}

/// The template's entries, stored, with `replace` deciding each one's new data.
fn rebuilt(
    template: &[u8],
    mut replace: impl FnMut(&str, Vec<u8>) -> Option<zip::Packed>,
    extra: Vec<(String, zip::Packed, Option<u64>)>,
) -> Vec<u8> {
    use std::io::Read;
    let mut source = ::zip::ZipArchive::new(std::io::Cursor::new(template)).expect("a ZIP");
    let mut entries = Vec::new();
    for index in 0..source.len() {
        let mut entry = source.by_index(index).expect("an entry");
        let name = entry.name().expect("a name").to_string();
        let mut content = Vec::new();
        entry.read_to_end(&mut content).expect("the entry");
        if let Some(packed) = replace(&name, content) {
            entries.push((name, packed, None));
        }
    }
    entries.extend(extra);
    archive(entries)
}

/// A workbook of one sheet, stored at `sheet_part` and named by the workbook's relationships.
fn workbook(
    sheet_part: &str,
    target: &str,
    sheet: Vec<u8>,
) -> Vec<(String, zip::Packed, Option<u64>)> {
    vec![
        (
            "_rels/.rels".into(),
            stored(br#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
            None,
        ),
        (
            "xl/workbook.xml".into(),
            stored(br#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Kommunstyrelsen" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            None,
        ),
        (
            "xl/_rels/workbook.xml.rels".into(),
            stored(format!(r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="{target}"/></Relationships>"#).as_bytes()),
            None,
        ),
        (sheet_part.into(), stored(&sheet), None),
    ]
}

/// A template of one sheet for the unit "ks" whose every amount cell, in 9 000 rows of
/// personnel costs, names one shared string of 60 kB: each is a problem, each quoting it.
fn shared_text_template() -> Vec<u8> {
    let inline = |reference: &str, text: &str| {
        format!(r#"<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>"#)
    };
    let mut cells = format!(
        r#"<row r="1">{}{}</row><row r="2">{}{}{}{}</row>"#,
        inline("A1", "Enhet-id"),
        inline("B1", "ks"),
        inline("A2", "Belopp i tkr"),
        inline("B2", "Budget 2025"),
        inline("C2", "Plan 2026"),
        inline("D2", "Plan 2027")
    );
    for row in 3..9_003 {
        cells.push_str(&format!(
            r#"<row r="{row}"><c r="A{row}" t="s"><v>1</v></c><c r="B{row}" t="s"><v>0</v></c><c r="C{row}" t="s"><v>0</v></c><c r="D{row}" t="s"><v>0</v></c></row>"#
        ));
    }
    let strings = format!(
        "<sst><si><t>{}</t></si><si><t>Personalkostnader</t></si></sst>",
        "x".repeat(60_000)
    );
    let mut entries = workbook(
        "xl/worksheets/sheet1.xml",
        "worksheets/sheet1.xml",
        sheet(&cells),
    );
    entries.push((
        "xl/sharedStrings.xml".into(),
        stored(strings.as_bytes()),
        None,
    ));
    archive(entries)
}

fn sheet(cells: &str) -> Vec<u8> {
    format!(r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{cells}</sheetData></worksheet>"#).into_bytes()
}

fn nested(depth: usize) -> String {
    format!("{}{}", "<x>".repeat(depth), "</x>".repeat(depth))
}

fn docx(document: zip::Packed, declared: Option<u64>) -> Vec<u8> {
    archive(vec![("word/document.xml".into(), document, declared)])
}

/// A SIE file of a header and `body`.
fn sie(body: &str) -> Vec<u8> {
    format!("#FLAGGA 0\n#SIETYP 4\n#RAR 0 20250101 20251231\n#DIM 1 \"Ansvar\"\n{body}")
        .into_bytes()
}

fn voucher(number: usize, centre: usize, amount: &str) -> String {
    format!(
        "#VER A {number} 20250115 \"Försäljning\"\n{{\n#TRANS 3011 {{1 \"{centre}\"}} -{amount}\n#TRANS 1930 {{}} {amount}\n}}\n"
    )
}

fn arguments(words: &[&str]) -> Vec<String> {
    words.iter().map(|word| word.to_string()).collect()
}

fn workbook_cases(database: &str, template: &[u8]) -> Vec<Case> {
    let import = || arguments(&["import", "{}", "--database", database]);
    let bomb_of = |part: &'static str, declared: Option<u64>| {
        rebuilt(
            template,
            |name, content| (name != part).then(|| stored(&content)),
            vec![(part.into(), bomb(b'a', repeats_for(BOMB)), declared)],
        )
    };
    let many_cells: String = (1..=10_000)
        .map(|row| {
            let cells: String = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"]
                .iter()
                .map(|column| format!(r#"<c r="{column}{row}"><v>1</v></c>"#))
                .collect();
            format!(r#"<row r="{row}">{cells}</row>"#)
        })
        .collect();
    vec![
        Case {
            name: "a sheet stored elsewhere, with a cell at XFD1048576",
            file: (
                "annanstans.xlsx",
                archive(workbook(
                    "data/blad.xml",
                    "/data/blad.xml",
                    sheet(
                        r#"<row r="1"><c r="A1" t="inlineStr"><is><t>Enhet-id</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#,
                    ),
                )),
            ),
            arguments: import(),
            expected: Expected::Refused("(gränsen sheet_rows = 10 000)"),
        },
        Case {
            name: "shared strings that unpack to 400 MiB, said in the header",
            file: ("delade.xlsx", bomb_of("xl/sharedStrings.xml", None)),
            arguments: import(),
            expected: Expected::Refused("(gränsen entry_bytes = 32 MiB)"),
        },
        Case {
            name: "shared strings that unpack to 400 MiB, said to be 1 KiB",
            file: (
                "delade-ljuger.xlsx",
                bomb_of("xl/sharedStrings.xml", Some(1 << 10)),
            ),
            arguments: import(),
            expected: Expected::Refused("packas upp till mer än innehållsförteckningen anger"),
        },
        Case {
            name: "a workbook part that unpacks to 400 MiB, said to be 31 MiB",
            file: ("arbetsbok.xlsx", bomb_of("xl/workbook.xml", Some(31 << 20))),
            arguments: import(),
            expected: Expected::Refused("packas upp till mer än innehållsförteckningen anger"),
        },
        Case {
            name: "styles that unpack to 400 MiB, in a template otherwise whole",
            file: ("format.xlsx", bomb_of("xl/styles.xml", None)),
            arguments: import(),
            expected: Expected::Read(": 0 ändringar."),
        },
        Case {
            name: "a sheet nested 200 000 elements deep",
            file: (
                "djup.xlsx",
                archive(workbook(
                    "xl/worksheets/sheet1.xml",
                    "worksheets/sheet1.xml",
                    sheet(&nested(200_000)),
                )),
            ),
            arguments: import(),
            expected: Expected::Refused("(gränsen xml_depth = 64)"),
        },
        Case {
            name: "a sheet of 110 000 cells",
            file: (
                "celler.xlsx",
                archive(workbook(
                    "xl/worksheets/sheet1.xml",
                    "worksheets/sheet1.xml",
                    sheet(&many_cells),
                )),
            ),
            arguments: import(),
            expected: Expected::Refused("(gränsen cells = 100 000)"),
        },
        Case {
            name: "27 000 amount cells that all name one 60 kB shared string",
            file: ("delad-text.xlsx", shared_text_template()),
            arguments: import(),
            expected: Expected::Refused("fel till efter detta, som inte visas"),
        },
        Case {
            name: "an archive of 5 000 entries",
            file: (
                "filer.xlsx",
                archive(
                    (0..5_000)
                        .map(|index| (format!("xl/{index}.xml"), stored(b"<a/>"), None))
                        .collect(),
                ),
            ),
            arguments: import(),
            expected: Expected::Refused("(gränsen archive_entries = 1 000)"),
        },
    ]
}

fn document_cases() -> Vec<Case> {
    let check = || arguments(&["check", "{}"]);
    let paragraphs: String = (0..60_000)
        .map(|index| format!("<w:p><w:r><w:t>Stycke {index}</w:t></w:r></w:p>"))
        .collect();
    vec![
        Case {
            name: "a Word document that unpacks to 400 MiB",
            file: ("bomb.docx", docx(bomb(b'a', repeats_for(BOMB)), None)),
            arguments: check(),
            expected: Expected::Refused("(gränsen entry_bytes = 32 MiB)"),
        },
        Case {
            name: "a Word document that unpacks to 400 MiB, said to be 10 KiB",
            file: (
                "ljuger.docx",
                docx(bomb(b'a', repeats_for(BOMB)), Some(10 << 10)),
            ),
            arguments: check(),
            expected: Expected::Refused("packas upp till mer än innehållsförteckningen anger"),
        },
        Case {
            name: "a Word document nested 200 000 elements deep",
            file: ("djup.docx", docx(stored(nested(200_000).as_bytes()), None)),
            arguments: check(),
            expected: Expected::Refused("(gränsen xml_depth = 64)"),
        },
        Case {
            name: "a Word document of 60 000 paragraphs",
            file: (
                "stycken.docx",
                docx(
                    stored(
                        format!(
                            "<w:document xmlns:w=\"w\"><w:body>{paragraphs}</w:body></w:document>"
                        )
                        .as_bytes(),
                    ),
                    None,
                ),
            ),
            arguments: check(),
            expected: Expected::Refused("(gränsen blocks = 50 000)"),
        },
        Case {
            name: "a document whose one line is a mebibyte",
            file: ("rad.md", "x".repeat(1 << 20).into_bytes()),
            arguments: check(),
            expected: Expected::Refused("(gränsen line_bytes = 64 KiB)"),
        },
        Case {
            name: "a budget file of 5 MiB",
            file: (
                "stor.toml",
                format!(
                    "format = 1\n{}",
                    "# en kommentar som bara tar plats\n".repeat(160_000)
                )
                .into_bytes(),
            ),
            arguments: check(),
            expected: Expected::Refused("(gränsen budget_file_bytes = 2 MiB)"),
        },
        Case {
            name: "a budget file with 30 000 headings at a level that does not exist",
            file: (
                "rubriker.toml",
                format!(
                    "{}{}",
                    std::fs::read_to_string(example()).expect("the example"),
                    "\n[[section]]\nheading = \"Avsnitt\"\nlevel = 99\n".repeat(30_000)
                )
                .into_bytes(),
            ),
            arguments: check(),
            expected: Expected::Refused("fel till efter detta, som inte visas"),
        },
        Case {
            name: "a budget file nested 100 000 arrays deep",
            file: (
                "djup.toml",
                format!(
                    "format = {}1{}\n",
                    "[\n".repeat(100_000),
                    "]\n".repeat(100_000)
                )
                .into_bytes(),
            ),
            arguments: check(),
            expected: Expected::Refused("för många nivåer"),
        },
    ]
}

fn books_cases(database: &str) -> Vec<Case> {
    let followup = || arguments(&["followup", "{}"]);
    let import = || arguments(&["import", "{}", "--database", database]);
    let objects: String = (0..400_000)
        .map(|index| format!("#OBJEKT 1 \"{index}\" \"Ansvar {index}\"\n"))
        .collect();
    let centres: String = (0..20_001)
        .map(|index| voucher(index + 1, index, "1.00"))
        .collect();
    let few_centres: String = (0..2_000)
        .map(|index| voucher(index + 1, index, "1.00"))
        .collect();
    let big = "92233720368547758.07";
    let rows: String = (0..100_001).map(|_| "#TRANS 3011 {} 0.00\n").collect();
    let long_text = "x".repeat(60_000);
    let shared_text: String = (0..300).map(|_| "#TRANS 3011 {} 0.00\n").collect();
    vec![
        Case {
            name: "a SIE file of 400 000 #OBJEKT, followed up",
            file: ("objekt.se", sie(&objects)),
            arguments: followup(),
            expected: Expected::Refused("(gränsen objects = 200 000)"),
        },
        Case {
            name: "a SIE file of 400 000 #OBJEKT, imported",
            file: ("objekt-import.se", sie(&objects)),
            arguments: import(),
            expected: Expected::Refused("(gränsen objects = 200 000)"),
        },
        Case {
            name: "a SIE file of 20 001 cost centres",
            file: ("ansvar.se", sie(&centres)),
            arguments: followup(),
            expected: Expected::Refused("(gränsen cost_centres = 20 000)"),
        },
        Case {
            name: "a SIE file of 2 000 cost centres",
            file: ("ansvar-ok.se", sie(&few_centres)),
            arguments: followup(),
            expected: Expected::Read("| tkr |"),
        },
        Case {
            name: "two vouchers whose revenue sums past the range of an amount",
            file: (
                "belopp.se",
                sie(&format!("{}{}", voucher(1, 1, big), voucher(2, 1, big))),
            ),
            arguments: followup(),
            expected: Expected::Refused("blir för stor för att räknas"),
        },
        Case {
            name: "a SIE line of a mebibyte",
            file: (
                "rad.se",
                sie(&format!("#FNAMN \"{}\"\n", "x".repeat(1 << 20))),
            ),
            arguments: followup(),
            expected: Expected::Refused("(gränsen line_bytes = 64 KiB)"),
        },
        Case {
            name: "a voucher of 100 001 rows",
            file: (
                "rader.se",
                sie(&format!("#VER A 1 20250115 \"x\"\n{{\n{rows}}}\n")),
            ),
            arguments: import(),
            expected: Expected::Refused("(gränsen voucher_rows = 100 000)"),
        },
        Case {
            name: "a voucher whose 60 kB text every row repeats",
            file: (
                "text.se",
                sie(&format!(
                    "#VER A 1 20250115 \"{long_text}\"\n{{\n{shared_text}}}\n"
                )),
            ),
            arguments: import(),
            expected: Expected::Refused("(gränsen voucher_bytes = 16 MiB)"),
        },
        Case {
            name: "a SIE file whose lines end in a carriage return alone",
            file: (
                "cr.se",
                sie(&voucher(1, 1, "80000.00"))
                    .iter()
                    .map(|byte| if *byte == b'\n' { b'\r' } else { *byte })
                    .collect(),
            ),
            arguments: followup(),
            expected: Expected::Read("| **Verksamhetens intäkter** |"),
        },
        Case {
            name: "a CSV export of 500 000 rows, each with a date that does not exist",
            file: (
                "datum.csv",
                format!(
                    "Datum;Konto;Belopp\n{}",
                    "2025-02-30;5011;1,00\n".repeat(500_000)
                )
                .into_bytes(),
            ),
            arguments: arguments(&[
                "import",
                "{}",
                "--database",
                database,
                "--profile",
                "{profile}",
            ]),
            expected: Expected::Refused("fel till efter detta, som inte visas"),
        },
        Case {
            name: "a CSV export of 33 MiB",
            file: (
                "utfall.csv",
                format!(
                    "Datum;Konto;Belopp\n{}",
                    "2025-01-15;5011;1,00\n".repeat(1_650_000)
                )
                .into_bytes(),
            ),
            arguments: arguments(&[
                "import",
                "{}",
                "--database",
                database,
                "--profile",
                "{profile}",
            ]),
            expected: Expected::Refused("(gränsen file_bytes = 32 MiB)"),
        },
    ]
}

fn main() {
    if let Ok(arguments) = std::env::var(RUN) {
        return helper(&arguments);
    }
    zip::the_hand_made_archives_read_as_any_other();
    let (count, failures) = every_case();
    // The line the test harness would print, which CI's summary counts.
    println!(
        "test result: {}. {} passed; {} failed; 0 ignored; 0 measured; 0 filtered out",
        if failures.is_empty() { "ok" } else { "FAILED" },
        count + 1 - failures.len(),
        failures.len()
    );
    if !failures.is_empty() {
        eprintln!("{}", failures.join("\n\n"));
        std::process::exit(1);
    }
}

/// Runs every case: how many, and the failures, described.
fn every_case() -> (usize, Vec<String>) {
    let directory = scratch();
    let (database, template) = database(&directory);
    let profile = directory.join("profil.toml");
    std::fs::write(&profile, "delimiter = \";\"\ndecimal = \",\"\ndate = \"Datum\"\naccount = \"Konto\"\namount = \"Belopp\"\n").expect("a profile");
    let started = Instant::now();
    let mut cases = workbook_cases(&database, &template);
    cases.extend(document_cases());
    cases.extend(books_cases(&database));
    let count = cases.len();
    let mut failures = Vec::new();
    for case in cases {
        let path = directory.join(case.file.0);
        std::fs::write(&path, &case.file.1).expect("the case's file");
        drop(case.file.1);
        let arguments: Vec<String> = case
            .arguments
            .iter()
            .map(|argument| {
                argument
                    .replace("{profile}", profile.to_str().expect("UTF-8"))
                    .replace("{}", path.to_str().expect("UTF-8"))
            })
            .collect();
        let clock = Instant::now();
        let run = limited(&arguments, &directory);
        eprintln!(
            "{:<68} {:>5} ms, exit {:?}, peak {} MiB",
            case.name,
            clock.elapsed().as_millis(),
            run.code,
            run.peak >> 20
        );
        let mut problems = Vec::new();
        if let Some(signal) = run.signal {
            problems.push(format!("ended by signal {signal}"));
        }
        if run.stderr.contains("panicked") || run.stderr.contains("memory allocation") {
            problems.push("panicked or ran out of memory".to_string());
        }
        if run.peak > CEILING {
            problems.push(format!("peak resident memory {} MiB", run.peak >> 20));
        }
        match case.expected {
            Expected::Refused(fragment) => {
                if run.code != Some(2) || !run.stderr.contains(fragment) {
                    problems.push(format!("not refused with ”{fragment}”"));
                }
            }
            Expected::Read(fragment) => {
                if run.code != Some(0) || !run.stdout.contains(fragment) {
                    problems.push(format!("not read to ”{fragment}”"));
                }
            }
        }
        if !problems.is_empty() {
            let shown: String = run.stderr.chars().take(600).collect();
            failures.push(format!("{}: {}\n{shown}", case.name, problems.join(", ")));
        }
        let _ = std::fs::remove_file(&path);
    }
    eprintln!("{count} cases in {} s", started.elapsed().as_secs());
    let _ = std::fs::remove_dir_all(&directory);
    (count, failures)
}
