#!/usr/bin/env python3
"""Deterministic municipal ledgers for styr's follow-up: the demo outcome and benchmark data.

  generate.py demo OUT.se
      Alingsås KS 2025, January–August: a few hundred vouchers on Kommun-Bas accounts and the
      board's cost centres (named as its units), near the budget's monthly pace, plus one
      cost centre no unit matches. This is examples/alingsas-ks-2025-utfall.se.

  generate.py ledger ROWS DIRECTORY
      A municipal-sized year: ROWS #TRANS rows over 40 cost centres, 120 Kommun-Bas-style
      accounts and 12 months, with a yearly budget per cost centre and account group. Writes
      ledger.se (SIE 4, CP437), ledger.journal (hledger/ledger, with periodic budget
      transactions), transactions.csv and budget.csv (for DuckDB).

The same seed always gives the same bytes.
"""

import os
import random
import sys

GROUPS = {  # account group -> (first account, budget line, yearly budget per cost centre, kr)
    "revenue": (3000, 2_600_000),
    "personnel": (5000, -4_800_000),
    "premises": (6100, -900_000),
    "services": (4000, -2_100_000),
    "other": (7000, -1_300_000),
}


def amount(ore):
    sign = "-" if ore < 0 else ""
    return f"{sign}{abs(ore) // 100}.{abs(ore) % 100:02d}"


def demo(path):
    rng = random.Random(2025)
    centres = [
        ("110", "Kommunledningskontoret", 0.30),
        ("120", "Ekonomiavdelningen", 0.15),
        ("130", "Kansli- och HR-avdelningen", 0.20),
        ("140", "IT- och kommunikationsavdelningen", 0.20),
        ("150", "Kommunikationsenheten", 0.10),
        ("160", "Mark- och exploateringsenheten", 0.05),
    ]
    # Kommunstyrelsen's 2025 budget lines in kr (examples/alingsas-ks-2025.toml), by account.
    lines = [
        ("3511", "Taxor och avgifter", 108_608_000),
        ("5011", "Månadslön", -116_205_000),
        ("6111", "Lokalhyror", -8_260_000),
        ("4611", "Köp av verksamhet", -55_125_000),
        ("7011", "Förbrukningsmaterial", -47_652_000),
    ]
    out = [
        "#FLAGGA 0", "#FORMAT PC8", "#SIETYP 4", '#PROGRAM "styr bench/generate.py" 1',
        "#GEN 20250905", '#FNAMN "Alingsås kommun"', "#RAR 0 20250101 20251231",
        '#KPTYP "KOMMUN-BAS"', '#DIM 1 "Ansvar"',
    ]
    for code, name, _ in centres:
        out.append(f'#OBJEKT 1 "{code}" "{name}"')
    out.append('#OBJEKT 1 "990" "Projektkontoret (nedlagt)"')
    for account, name, _ in lines:
        out.append(f'#KONTO {account} "{name}"')
    out += ['#KONTO 1930 "Bank"', '#KONTO 8410 "Ränteintäkter"']
    number = 0
    for month in range(1, 9):
        for account, name, yearly in lines:
            for code, centre, share in centres:
                number += 1
                pace = 0.9 + 0.2 * rng.random() + (0.15 if month == 6 and account == "5011" else 0)
                ore = int(yearly * 100 * share / 12 * pace)
                day = 25 if account == "5011" else rng.randint(1, 28)
                out.append(f'#VER A {number} 2025{month:02d}{day:02d} "{name} {centre}"')
                out.append("{")
                out.append(f'\t#TRANS {account} {{1 "{code}"}} {amount(-ore)}')
                out.append(f"\t#TRANS 1930 {{}} {amount(ore)}")
                out.append("}")
        number += 1
        out.append(f'#VER A {number} 2025{month:02d}28 "Konsultarvode projektkontoret"')
        out += ["{", '\t#TRANS 4611 {1 "990"} 12500.00', "\t#TRANS 1930 {} -12500.00", "}"]
        number += 1
        out.append(f'#VER A {number} 2025{month:02d}28 "Ränta"')
        out += ["{", "\t#TRANS 8410 {} -700.00", "\t#TRANS 1930 {} 700.00", "}"]
    with open(path, "wb") as file:
        file.write(("\n".join(out) + "\n").encode("cp437"))


def ledger(rows, directory):
    rng = random.Random(rows)
    os.makedirs(directory, exist_ok=True)
    centres = [f"{100 + index * 10}" for index in range(40)]
    accounts = []  # (number, group)
    for group, (first, _) in GROUPS.items():
        for index in range(24):
            accounts.append((first + 10 + index * 10, group))
    sie = open(os.path.join(directory, "ledger.se"), "w", encoding="cp437", newline="\n")
    journal = open(os.path.join(directory, "ledger.journal"), "w", encoding="utf-8")
    csv = open(os.path.join(directory, "transactions.csv"), "w", encoding="utf-8")
    budget_csv = open(os.path.join(directory, "budget.csv"), "w", encoding="utf-8")
    sie.write('#FLAGGA 0\n#FORMAT PC8\n#SIETYP 4\n#PROGRAM "styr bench/generate.py" 1\n#GEN 20260115\n')
    sie.write('#FNAMN "Benchmark kommun"\n#RAR 0 20250101 20251231\n#KPTYP "KOMMUN-BAS"\n#DIM 1 "Ansvar"\n')
    for centre in centres:
        sie.write(f'#OBJEKT 1 "{centre}" "Ansvar {centre}"\n')
    for number, group in accounts:
        sie.write(f'#KONTO {number} "Konto {number} {group}"\n')
    sie.write('#KONTO 1930 "Bank"\n')
    # The same yearly budget as the journal's, per cost centre and account group and month,
    # on each group's first account (debit positive: costs positive, revenue negative).
    for group, (_, yearly) in GROUPS.items():
        account = next(number for number, owner in accounts if owner == group)
        for centre in centres:
            for month in range(1, 13):
                sie.write(f'#PBUDGET 0 2025{month:02d} {account} {{1 "{centre}"}} {amount(-(yearly // 12) * 100)}\n')
    csv.write("date,account,group,centre,amount\n")
    budget_csv.write("centre,grp,month,amount\n")
    # The yearly budget per cost centre and account group, as hledger periodic transactions.
    for group, (_, yearly) in GROUPS.items():
        monthly = yearly // 12
        journal.write("~ monthly from 2025-01-01 to 2026-01-01\n")
        for centre in centres:
            journal.write(f"    {group}:{centre}  {-monthly} SEK\n")
        journal.write("    bank\n\n")
        for centre in centres:
            for month in range(1, 13):
                budget_csv.write(f"{centre},{group},{month},{monthly}\n")
    written = 0
    number = 0
    per_voucher = 4
    while written < rows:
        number += 1
        month = 1 + (number * 12 // max(1, rows // per_voucher + 1)) % 12
        day = 1 + number % 28
        date = f"2025{month:02d}{day:02d}"
        legs = []
        total = 0
        for _ in range(min(per_voucher - 1, rows - written - 1) or 1):
            account, group = accounts[rng.randrange(len(accounts))]
            centre = centres[rng.randrange(len(centres))]
            ore = rng.randrange(10_000, 5_000_000)
            if group == "revenue":
                ore = -ore
            legs.append((account, group, centre, ore))
            total += ore
        sie.write(f'#VER A {number} {date} "Verifikation {number}"\n{{\n')
        iso = f"2025-{month:02d}-{day:02d}"
        journal.write(f"{iso} Verifikation {number}\n")
        for account, group, centre, ore in legs:
            sie.write(f'\t#TRANS {account} {{1 "{centre}"}} {amount(ore)}\n')
            journal.write(f"    {group}:{centre}  {amount(-ore)} SEK\n")
            csv.write(f"{iso},{account},{group},{centre},{amount(-ore)}\n")
        sie.write(f"\t#TRANS 1930 {{}} {amount(-total)}\n}}\n")
        journal.write("    bank\n\n")
        written += len(legs) + 1
    for handle in (sie, journal, csv, budget_csv):
        handle.close()


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "demo":
        demo(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "ledger":
        ledger(int(sys.argv[2]), sys.argv[3])
    else:
        sys.exit(__doc__)
