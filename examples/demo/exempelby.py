#!/usr/bin/env python3
"""Exempelby kommun: the demo's made-up municipality, written as a municipality file.

  python3 examples/demo/exempelby.py > examples/demo/exempelby-kommun.toml

Nine boards with their förvaltningar, avdelningar and about 300 ansvar, each leaf ansvar
budgeted on a few Kommun-Bas kontogrupper for 2025 (the comparison year), 2026 and the plan
years 2027–2028; frames derived from 2025 by an invented PKV with named decisions; central
items, an opening balance, loans and three financial goals. Every board's lines add up to its
frame exactly, because this script derives the frames the way styr does (chained from the
unrounded year before, rounded once to whole tkr) and puts the remainder on the last line.
Nothing here is any real municipality's: the figures are made up and the file says so.
The same seed always gives the same bytes.
"""

import random

YEARS = [2025, 2026, 2027, 2028]
PKV = {2026: 29_000, 2027: 31_000, 2028: 30_000}  # millionths of the whole: 2,9 % …
VINTAGE = "Exempel (påhittad), oktober 2025"

# id, name, kommunbidrag 2025 (tkr), förvaltning, avdelningar (name, ansvar count)
BOARDS = [
    ("ks", "Kommunstyrelsen", 212_400, "Kommunledningsförvaltningen",
     [("Ekonomi", 6), ("HR", 5), ("Kommunikation", 4), ("Digitalisering", 6), ("Kansli", 5)]),
    ("bun", "Barn- och utbildningsnämnden", 1_184_000, "Barn- och utbildningsförvaltningen",
     [("Förskola", 32), ("Grundskola", 30), ("Gymnasium", 10), ("Elevhälsa", 6)]),
    ("son", "Socialnämnden", 402_500, "Socialförvaltningen",
     [("Individ- och familjeomsorg", 14), ("Ekonomiskt bistånd", 4), ("Funktionsstöd", 22)]),
    ("von", "Vård- och omsorgsnämnden", 836_200, "Vård- och omsorgsförvaltningen",
     [("Särskilt boende", 24), ("Hemtjänst", 18), ("Hälso- och sjukvård", 8)]),
    ("kfn", "Kultur- och fritidsnämnden", 118_300, "Kultur- och fritidsförvaltningen",
     [("Bibliotek", 8), ("Fritidsgårdar", 7), ("Idrottsanläggningar", 9)]),
    ("tn", "Tekniska nämnden", 96_800, "Samhällsbyggnadsförvaltningen",
     [("Gata och park", 10), ("Fastighet", 12), ("Måltid", 9)]),
    ("bmn", "Bygg- och miljönämnden", 24_600, "Bygg- och miljöförvaltningen",
     [("Bygglov", 4), ("Miljö och hälsa", 5)]),
    ("overf", "Överförmyndarnämnden", 6_200, "Överförmyndarkansliet", [("Handläggning", 2)]),
    ("valn", "Valnämnden", 900, "Valkansliet", [("Val", 1)]),
]

# Decisions on top of the uprating: board, year, name, tkr, permanent.
DECISIONS = [
    ("bun", 2026, "Fler barn i förskolan", 14_500, True),
    ("von", 2026, "Demografi, fler äldre", 21_000, True),
    ("son", 2026, "Placeringar, tillfällig förstärkning", 8_000, False),
    ("ks", 2026, "Effektivisering, administration", -3_500, True),
    ("von", 2027, "Demografi, fler äldre", 18_000, True),
    ("valn", 2026, "Val 2026", 2_400, False),
]


def half_away(numerator, denominator):
    quotient, remainder = divmod(abs(numerator), denominator)
    if 2 * remainder >= denominator:
        quotient += 1
    return quotient if numerator >= 0 else -quotient


def frames(board, kommunbidrag_2025):
    """Kommunbidrag per year in tkr, as styr derives them: grundbudget (the unrounded year
    less its temporary decisions) uprated to the öre, decisions added, rounded to tkr."""
    ore = {2025: kommunbidrag_2025 * 100_000}
    grund = {2025: kommunbidrag_2025 * 100_000}
    for year in YEARS[1:]:
        running = half_away(grund[year - 1] * (1_000_000 + PKV[year]), 1_000_000)
        temporary = 0
        for who, when, _name, tkr, permanent in DECISIONS:
            if who == board and when == year:
                running += tkr * 100_000
                if not permanent:
                    temporary += tkr * 100_000
        ore[year] = running
        grund[year] = running - temporary
    return {year: half_away(value, 100_000) for year, value in ore.items()}


def amounts(values):
    return "{ " + ", ".join(f"{year} = {value}" for year, value in zip(YEARS, values)) + " }"


def main():
    rng = random.Random(20260101)
    out = []
    w = out.append
    w("# Exempelby kommun: Mål och budget 2026–2028. PÅHITTAD KOMMUN — every name and figure")
    w("# is invented for styr's demo (examples/demo/exempelby.py writes this file).")
    w("# The format is described in docs/municipality-file.md.")
    w("")
    w("format = 1")
    w("")
    w("[municipality]")
    w('name = "Exempelby kommun"')
    w('code = ""')
    w("invented = true")
    w("")
    w("[document]")
    w('title = "Mål och budget 2026–2028"')
    w('kind = "Budget"')
    w('decided_by = "Kommunfullmäktige"')
    w('registry_number = "KS 2025/101 (påhittat)"')
    w('applies_to = "Exempelby kommun"')
    w('validity = "2026"')
    w('owner = "Ekonomichef (påhittad)"')
    w("")
    w("[budget]")
    w("previous_year = 2025")
    w("year = 2026")
    w("plan_years = [2027, 2028]")
    w("")
    w("[[index]]")
    w('name = "PKV"')
    w(f'vintage = "{VINTAGE}"')
    w("values = { " + ", ".join(f'{y} = "{v // 10_000},{(v // 1_000) % 10}"' for y, v in PKV.items()) + " }")
    w("")
    w("[[section]]")
    w('heading = "Inledning"')
    w("text = '''")
    w("Exempelby kommun är en påhittad kommun i styrs demonstration. Alla namn och belopp är")
    w("uppdiktade; dokumentet visar hur fullmäktiges Mål och budget räknas fram ur nämndernas")
    w("budgetar per ansvar, de centrala posterna och de finansiella målen.")
    w("'''")
    w("")
    w("[[section]]")
    w('heading = "Ekonomiska förutsättningar"')
    w("text = '''")
    w("Skatteintäkter och generella statsbidrag bygger på en påhittad skatteunderlagsprognos.")
    w("Nämndernas ramar räknas upp med prisindex för kommunal verksamhet (PKV) och de beslut som")
    w("anges i ramberäkningen.")
    w("'''")
    w("")
    total_net = {year: 0 for year in YEARS}
    total_depreciation = {year: 0 for year in YEARS}
    total_investments = {year: 0 for year in YEARS}
    for board, name, kommunbidrag, administration, departments in BOARDS:
        frame = frames(board, kommunbidrag)
        w("# " + "-" * 60 + f" {name}")
        w("[[board]]")
        w(f'id = "{board}"')
        w(f'name = "{name}"')
        investments = [max(0, round(kommunbidrag * rng.uniform(0.04, 0.12) / 100) * 100) for _ in YEARS]
        for year, value in zip(YEARS, investments):
            total_investments[year] += value
        w(f"investments = {amounts(investments)}")
        w("")
        w("[board.frame]")
        w('index = "PKV"')
        w(f'vintage = "{VINTAGE}"')
        w("")
        w("[[board.frame.year]]")
        w("year = 2025")
        w(f"amount = {frame[2025]}")
        for year in YEARS[1:]:
            w("")
            w("[[board.frame.year]]")
            w(f"year = {year}")
            w(f"base = {{ frame = {year - 1} }}")
            steps = [f'{{ uprating = {year}, share = "100", text = "Uppräkning med PKV {year}." }}']
            for who, when, decision, tkr, permanent in DECISIONS:
                if who == board and when == year:
                    flag = "true" if permanent else "false"
                    steps.append(f'{{ adjustment = "{decision}", amount = {tkr}, permanent = {flag}, text = "{decision}." }}')
            w("step = [" + ", ".join(steps) + "]")
        w("")
        root = f"{board}-forv"
        w("[[board.ansvar]]")
        w(f'id = "{root}"')
        w(f'name = "{administration}"')
        leaves = []
        for number, (department, count) in enumerate(departments, start=1):
            department_id = f"{board}-{number}"
            w("")
            w("[[board.ansvar]]")
            w(f'id = "{department_id}"')
            w(f'name = "{department}"')
            w(f'parent = "{root}"')
            for leaf in range(1, count + 1):
                leaf_id = f"{board}-{number}{leaf:02d}"
                w("")
                w("[[board.ansvar]]")
                w(f'id = "{leaf_id}"')
                w(f'name = "{department} {leaf}"')
                w(f'parent = "{department_id}"')
                leaves.append(leaf_id)
        # Lines: every leaf has revenue (34), personnel (50) and other costs (64); some have
        # depreciation (68). The share of the net cost each leaf carries is drawn once.
        weights = [rng.uniform(0.5, 1.5) for _ in leaves]
        depreciating = set(rng.sample(range(len(leaves)), max(1, len(leaves) // 4)))
        lines = []
        for position, leaf in enumerate(leaves):
            share = weights[position] / sum(weights)
            net = [-frame[year] * share for year in YEARS]
            revenue = [round(-value * rng.uniform(0.05, 0.2)) for value in net]
            depreciation = [round(value * 0.04) if position in depreciating else 0 for value in net]
            personnel = [round((value - r - d) * 0.7) + 0 for value, r, d in zip(net, revenue, depreciation)]
            other = [round(value - r - d - p) for value, r, d, p in zip(net, revenue, depreciation, personnel)]
            lines.append([leaf, {"34": revenue, "50": personnel, "64": other, "68": depreciation}])
        # The remainder of rounding on the last leaf's other costs: the board fits its frame.
        for index, year in enumerate(YEARS):
            sum_net = sum(sum(groups[group][index] for group in groups) for _, groups in lines)
            lines[-1][1]["64"][index] += -frame[year] - sum_net
            total_net[year] += -frame[year]
            total_depreciation[year] += sum(groups["68"][index] for _, groups in lines)
        for leaf, groups in lines:
            for group, values in groups.items():
                if any(values):
                    w("")
                    w("[[board.line]]")
                    w(f'ansvar = "{leaf}"')
                    w(f'group = "{group}"')
                    w(f"amounts = {amounts(values)}")
        w("")
    # Central items: tax and grants set so that the result is near 2 % of them.
    pensions = [-round(48_000 * 1.04 ** i) for i in range(len(YEARS))]
    reserve = [-12_000, -15_000, -14_000, -16_000]
    financial_income = [14_500, 15_200, 15_800, 16_300]
    financial_costs = [-31_000, -36_500, -41_200, -45_800]
    grants = [round(760_000 * 1.03 ** i) for i in range(len(YEARS))]
    shares = [0.024, 0.021, 0.019, 0.017]
    tax = []
    for index, year in enumerate(YEARS):
        before = total_net[year] + pensions[index] + reserve[index] + financial_income[index] + financial_costs[index]
        # result = before + tax + grants = share × (tax + grants)
        base = round(-before / (1 - shares[index]))
        tax.append(base - grants[index])
    central = [
        ("Skatteintäkter", "80", tax, "Påhittad skatteunderlagsprognos, oktober 2025"),
        ("Generella statsbidrag och utjämning", "82", grants, "Påhittad prognos, oktober 2025"),
        ("Pensionskostnader, centralt", "50", pensions, "Påhittad pensionsprognos"),
        ("Kommunstyrelsens reserv för oförutsett", "64", reserve, "Fullmäktiges beslut (påhittat)"),
        ("Finansiella intäkter", "84", financial_income, "Räntor och utdelning, påhittade"),
        ("Finansiella kostnader", "85", financial_costs, "Räntor på lån, påhittade"),
    ]
    w("# " + "-" * 60 + " central items")
    for name, group, values, source in central:
        w("[[central]]")
        w(f'name = "{name}"')
        w(f'group = "{group}"')
        w(f"amounts = {amounts(values)}")
        w(f'source = "{source}"')
        w("")
    w("[balance]")
    w("opening = { fixed_assets = 3200000, current_assets = 450000, cash = 120000, equity = 1400000, provisions = 380000, long_term_liabilities = 1300000, current_liabilities = 690000 }")
    w(f"provisions_change = {amounts([9_000, 11_000, 12_500, 13_000])}")
    w(f"borrowing = {amounts([150_000, 180_000, 160_000, 140_000])}")
    w(f"amortisation = {amounts([40_000, 45_000, 50_000, 55_000])}")
    w("")
    w("[[financial_goal]]")
    w('name = "Årets resultat"')
    w('kind = "result_share"')
    w('minimum = "2"')
    w("")
    w("[[financial_goal]]")
    w('name = "Självfinansiering av investeringar"')
    w('kind = "self_financing"')
    w('minimum = "70"')
    w("")
    w("[[financial_goal]]")
    w('name = "Soliditet"')
    w('kind = "equity_ratio"')
    w('minimum = "35"')
    print("\n".join(out))


if __name__ == "__main__":
    main()
