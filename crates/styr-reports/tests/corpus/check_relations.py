#!/usr/bin/env python3
"""Check the arithmetic of every table in the corpus excerpts and write the
`<excerpt>.relations.toml` sidecars.

The relations themselves (which rows add up to which, which columns are
derived from which, which sentences quote which cells) are written down by
hand in the specs in `relations_spec.py`; this script only evaluates them
against the figures exactly as they are printed in the excerpt and records
the outcome.

Rounding: a printed figure with d decimals stands for any true value within
half a unit of its last digit. A relation *holds* when the expression,
computed from the printed figures and rounded (half away from zero) to the
target's precision, equals the printed target; it *holds within rounding*
(avrundning) when the target's interval and the expression's interval
overlap; otherwise it *fails* (a real discrepancy in the source).
Empty cells and cells holding only a dash ("-", "–", "−") are exact zeros.

Usage: python3 check_relations.py [--check]   (--check: do not write files)
"""
from __future__ import annotations

import re
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

DASHES = {"-", "\u2013", "\u2212"}


# ---------------------------------------------------------------- parsing
class Cell:
    def __init__(self, text: str):
        self.text = text
        t = text.strip()
        self.blank = t == "" or t in DASHES
        self.value: Decimal | None = None
        self.decimals = 0
        self.percent = False
        if self.blank:
            self.value = Decimal(0)
            return
        if t.endswith("%"):
            self.percent = True
            t = t[:-1].strip()
        neg = False
        if t[0] in DASHES:
            neg = True
            t = t[1:].strip()
        t = t.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
        if re.fullmatch(r"\d+(,\d+)?", t):
            self.decimals = len(t.split(",")[1]) if "," in t else 0
            v = Decimal(t.replace(",", "."))
            self.value = -v if neg else v

    @property
    def numeric(self) -> bool:
        return self.value is not None

    @property
    def half_unit(self) -> Decimal:
        if self.blank:
            return Decimal(0)
        return Decimal(5) * Decimal(10) ** (-(self.decimals + 1))


class Table:
    def __init__(self, index: int, heading: str, lines: list[str]):
        self.index = index
        self.heading = heading
        rows = [ln.split("\t") for ln in lines]
        self.header = rows[0]
        self.rows = rows[1:]
        self.labels = [r[0] for r in self.rows]

    def col(self, name: str) -> int:
        name, occ = _split_occ(name)
        hits = [i for i, h in enumerate(self.header) if h == name]
        if len(hits) < occ:
            raise KeyError(f"table {self.index}: no column {name!r} #{occ}")
        return hits[occ - 1]

    def row(self, ref: str) -> int:
        """Row by label, 'label@n' for the n-th occurrence, or '#k' for data row k."""
        if ref.startswith("#"):
            return int(ref[1:]) - 1
        name, occ = _split_occ(ref)
        hits = [i for i, lab in enumerate(self.labels) if lab == name]
        if len(hits) < occ:
            raise KeyError(f"table {self.index}: no row {name!r} #{occ}")
        if occ == 1 and len(hits) > 1 and "@" not in ref:
            raise KeyError(f"table {self.index}: row {name!r} is ambiguous ({len(hits)} rows)")
        return hits[occ - 1]

    def cell(self, r: int, c: int) -> Cell:
        row = self.rows[r]
        return Cell(row[c] if c < len(row) else "")

    def rowname(self, r: int) -> str:
        return f"{self.labels[r]} [rad {r + 1}]"

    def colname(self, c: int) -> str:
        """Header text; with its position when another column has the same text."""
        if self.header.count(self.header[c]) > 1:
            return f"{self.header[c]} [kolumn {c + 1}]"
        return self.header[c]


def _split_occ(ref: str) -> tuple[str, int]:
    m = re.fullmatch(r"(.*)@(\d+)", ref)
    return (m.group(1), int(m.group(2))) if m else (ref, 1)


def parse_excerpt(path: Path) -> tuple[list[Table], list[str]]:
    """Tables are runs of lines containing a tab; paragraphs are the rest."""
    tables: list[Table] = []
    paragraphs: list[str] = []
    heading = ""
    run: list[str] = []

    def flush():
        nonlocal run
        if run:
            tables.append(Table(len(tables) + 1, heading, run))
            run = []

    for ln in path.read_text(encoding="utf-8").split("\n"):
        if "\t" in ln:
            run.append(ln)
            continue
        flush()
        if ln.startswith("#"):
            heading = ln.lstrip("#").strip()
        elif ln.strip():
            paragraphs.append(ln)
    flush()
    return tables, paragraphs


# ------------------------------------------------------ interval arithmetic
class Iv:
    """A printed quantity: point value and the interval of true values."""

    def __init__(self, point: Decimal, lo: Decimal, hi: Decimal):
        self.point, self.lo, self.hi = point, lo, hi

    @staticmethod
    def of(cell: Cell, scale: Decimal = Decimal(1)) -> "Iv":
        v, h = cell.value * scale, cell.half_unit * abs(scale)
        return Iv(v, v - h, v + h)

    def __add__(self, o): return Iv(self.point + o.point, self.lo + o.lo, self.hi + o.hi)
    def __neg__(self): return Iv(-self.point, -self.hi, -self.lo)
    def __sub__(self, o): return self + (-o)

    def __truediv__(self, o):
        if o.lo <= 0 <= o.hi:
            raise ZeroDivisionError("denominator interval contains 0")
        qs = [a / b for a in (self.lo, self.hi) for b in (o.lo, o.hi)]
        return Iv(self.point / o.point, min(qs), max(qs))

    def times(self, k: Decimal):
        a, b = self.lo * k, self.hi * k
        return Iv(self.point * k, min(a, b), max(a, b))


def rnd(v: Decimal, decimals: int) -> Decimal:
    return v.quantize(Decimal(10) ** -decimals, rounding=ROUND_HALF_UP)


def judge(target: Cell, expr: Iv, target_scale: Decimal = Decimal(1)) -> str:
    t = Iv.of(target, target_scale)
    if rnd(expr.point, target.decimals) == rnd(t.point, target.decimals):
        return "holds"
    if t.lo <= expr.hi and expr.lo <= t.hi:
        return "holds_within_rounding"
    return "fails"


def fmt(v: Decimal, decimals: int) -> str:
    s = f"{rnd(v, decimals):f}"
    return s


# ------------------------------------------------------------ evaluation
ORDER = {"holds": 0, "holds_within_rounding": 1, "fails": 2}


def worst(statuses):
    return max(statuses, key=lambda s: ORDER[s]) if statuses else "holds"


def value_columns(t: Table, spec: dict) -> list[int]:
    if "cols" in spec and spec["cols"] is not None:
        return [t.col(c) for c in spec["cols"]]
    skip = {h for h in spec.get("skip_cols", [])}
    return [i for i, h in enumerate(t.header) if i > 0 and h not in ("Not", "NOT") and h not in skip]


def eval_row_relation(t: Table, rel: dict, tspec: dict):
    """target row = Σ sign·term rows, checked in each value column."""
    tr = t.row(rel["target"])
    terms = [(s, t.row(ref)) for s, ref in rel["terms"]]
    cols = [t.col(c) for c in rel["cols"]] if rel.get("cols") else value_columns(t, tspec)
    findings, statuses, applied = [], [], []
    for c in cols:
        tc = t.cell(tr, c)
        tcs = [t.cell(r, c) for _, r in terms]
        if not tc.numeric or not all(x.numeric for x in tcs):
            raise ValueError(f"{t.heading}: non-numeric cell in relation {rel['target']} col {t.header[c]}")
        if tc.blank and all(x.blank for x in tcs):
            continue  # nothing printed in this column
        acc = Iv(Decimal(0), Decimal(0), Decimal(0))
        for (s, _), x in zip(terms, tcs):
            acc = acc + (Iv.of(x) if s == "+" else -Iv.of(x))
        st = judge(tc, acc)
        statuses.append(st)
        applied.append(t.colname(c))
        if st != "holds":
            findings.append(dict(where=t.colname(c), printed=tc.text, computed=fmt(acc.point, max(tc.decimals, max((x.decimals for x in tcs), default=0))),
                                 difference=fmt(tc.value - acc.point, 6).rstrip("0").rstrip("."), status=st))
    formula = " ".join(("" if i == 0 and s == "+" else f"{s} ") + t.rowname(r) for i, (s, r) in enumerate(terms))
    return dict(kind=rel["kind"], target=t.rowname(tr), formula=formula, applies_to=applied,
                status=worst(statuses), findings=findings, note=rel.get("note", ""))


def eval_col_relation(t: Table, rel: dict, tspec: dict):
    """target column = Σ sign·term columns, checked in each row that has figures."""
    tc_ = t.col(rel["target"])
    terms = [(s, t.col(ref)) for s, ref in rel["terms"]]
    rows = [t.row(r) for r in rel["rows"]] if rel.get("rows") else range(len(t.rows))
    findings, statuses, applied = [], [], []
    for r in rows:
        tc = t.cell(r, tc_)
        tcs = [t.cell(r, c) for _, c in terms]
        if not tc.numeric or not all(x.numeric for x in tcs):
            continue
        if tc.blank and all(x.blank for x in tcs):
            continue
        if t.rows[r][tc_:tc_ + 1] == [""] and not rel.get("blank_is_zero"):
            # no figure printed in the target column of this row: not claimed
            continue
        acc = Iv(Decimal(0), Decimal(0), Decimal(0))
        for (s, _), x in zip(terms, tcs):
            acc = acc + (Iv.of(x) if s == "+" else -Iv.of(x))
        st = judge(tc, acc)
        statuses.append(st)
        applied.append(t.rowname(r))
        if st != "holds":
            findings.append(dict(where=t.rowname(r), printed=tc.text, computed=fmt(acc.point, tc.decimals),
                                 difference=fmt(tc.value - acc.point, 6).rstrip("0").rstrip("."), status=st))
    formula = " ".join(("" if i == 0 and s == "+" else f"{s} ") + t.colname(c) for i, (s, c) in enumerate(terms))
    return dict(kind="column", target=t.colname(tc_), formula=formula, applies_to=applied,
                status=worst(statuses), findings=findings, note=rel.get("note", ""))


def eval_percent_relation(t: Table, rel: dict, tspec: dict):
    """target % column = numerator column / denominator (signed sum of columns) · 100."""
    tc_ = t.col(rel["target"])
    num = t.col(rel["num"])
    den = [(s, t.col(c)) for s, c in rel["den"]]
    findings, statuses, applied = [], [], []
    for r in range(len(t.rows)):
        tc = t.cell(r, tc_)
        if tc.blank or not tc.numeric:
            continue
        n = Iv.of(t.cell(r, num))
        d = Iv(Decimal(0), Decimal(0), Decimal(0))
        for s, c in den:
            d = d + (Iv.of(t.cell(r, c)) if s == "+" else -Iv.of(t.cell(r, c)))
        q = (n / d).times(Decimal(100))
        st = judge(tc, q)
        statuses.append(st)
        applied.append(t.rowname(r))
        if st != "holds":
            findings.append(dict(where=t.rowname(r), printed=tc.text, computed=fmt(q.point, 2),
                                 interval=f"[{fmt(q.lo, 3)}, {fmt(q.hi, 3)}]", status=st))
    dtxt = " ".join(("" if i == 0 and s == "+" else f"{s} ") + t.colname(c) for i, (s, c) in enumerate(den))
    return dict(kind="column", target=t.colname(tc_) + " (procent)",
                formula=f"100 × {t.colname(num)} / ({dtxt})", applies_to=applied,
                status=worst(statuses), findings=findings, note=rel.get("note", ""))


def expr_iv(tables, e):
    """Mini expression language for cross-table and text relations."""
    op = e[0]
    if op == "cell":  # ("cell", table_index, row_ref, col_ref[, scale])
        t = tables[e[1] - 1]
        scale = Decimal(e[4]) if len(e) > 4 else Decimal(1)
        return Iv.of(t.cell(t.row(e[2]), t.col(e[3])), scale)
    if op == "const":  # ("const", "52") a figure quoted in the text
        return Iv.of(Cell(e[1]))
    if op == "add":
        acc = expr_iv(tables, e[1])
        for x in e[2:]:
            acc = acc + expr_iv(tables, x)
        return acc
    if op == "sub":
        return expr_iv(tables, e[1]) - expr_iv(tables, e[2])
    if op == "neg":
        return -expr_iv(tables, e[1])
    if op == "div":
        return expr_iv(tables, e[1]) / expr_iv(tables, e[2])
    if op == "pct":
        return (expr_iv(tables, e[1]) / expr_iv(tables, e[2])).times(Decimal(100))
    raise ValueError(op)


def expr_text(tables, e) -> str:
    op = e[0]
    if op == "cell":
        t = tables[e[1] - 1]
        r, c = t.row(e[2]), t.col(e[3])
        sc = f" × {e[4]}" if len(e) > 4 else ""
        return f"T{e[1]}[{t.rowname(r)} | {t.colname(c)}] ({t.rows[r][c].strip() or 'tom'}){sc}"
    if op == "const":
        return f"«{e[1]}» (ur texten)"
    if op == "add":
        return "(" + " + ".join(expr_text(tables, x) for x in e[1:]) + ")"
    if op == "sub":
        return f"({expr_text(tables, e[1])} − {expr_text(tables, e[2])})"
    if op == "neg":
        return f"−{expr_text(tables, e[1])}"
    if op in ("div", "pct"):
        k = "100 × " if op == "pct" else ""
        return f"{k}{expr_text(tables, e[1])} / {expr_text(tables, e[2])}"
    raise ValueError(op)


def eval_claim(tables, paragraphs, rel):
    """A figure stated in prose (or a cell) compared with an expression."""
    if rel["kind"] == "text":
        para = [p for p in paragraphs if rel["quote"] in p]
        if len(para) != 1:
            raise ValueError(f"quote not found exactly once: {rel['quote']!r}")
        if rel["claim"] not in rel["quote"]:
            raise ValueError(f"claim {rel['claim']!r} not inside quote")
        target = Cell(rel["claim"])
        where = rel["quote"]
    else:  # cross: a cell of one table against cells of others
        tt, rr, cc = rel["target"]
        t = tables[tt - 1]
        target = t.cell(t.row(rr), t.col(cc))
        where = f"T{tt}[{t.rowname(t.row(rr))} | {t.colname(t.col(cc))}]"
    iv = expr_iv(tables, rel["expr"])
    scale = Decimal(rel.get("scale", "1"))
    iv = iv.times(scale)
    st = judge(target, iv)
    return dict(kind=rel["kind"], where=where, claim=target.text if rel["kind"] != "text" else rel["claim"],
                formula=expr_text(tables, rel["expr"]) + (f" × {rel['scale']}" if "scale" in rel else ""),
                computed=fmt(iv.point, max(target.decimals, 1) + 1),
                interval=f"[{fmt(iv.lo, 3)}, {fmt(iv.hi, 3)}]", status=st, note=rel.get("note", ""),
                uncertain=bool(rel.get("uncertain")))


# ------------------------------------------------------------ TOML output
def q(s) -> str:
    s = str(s).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{s}"'


def arr(xs) -> str:
    return "[" + ", ".join(q(x) for x in xs) + "]"


def write_toml(path: Path, fname: str, fspec: dict, tables, results, claims, source_errors, certain):
    out = [f"# Relations a careful reader checks in {fname}.",
           "# Generated by check_relations.py from relations_spec.py; figures are evaluated exactly as printed.",
           "# status: holds | holds_within_rounding (avrundning) | fails (a real discrepancy in the source).",
           f"file = {q(fname)}",
           f"clean = {'true' if not source_errors else 'false'}",
           f"failing_relations = {source_errors}",
           "# failures that may have a legitimate explanation outside the excerpt are marked certain = false",
           f"certain_failures = {certain}"]
    if fspec.get("notes"):
        out.append(f"notes = {arr(fspec['notes'])}")
    out.append("")
    for t, tspec, rels in results:
        out.append("[[tables]]")
        out.append(f"index = {t.index}")
        out.append(f"heading = {q(t.heading)}")
        out.append(f"header = {arr(t.header)}")
        out.append(f"rows = {len(t.rows)}")
        for k in ("unit", "precision", "signs", "minus_sign"):
            if k in tspec:
                out.append(f"{k} = {q(tspec[k])}")
        if tspec.get("layout"):
            out.append(f"layout_notes = {arr(tspec['layout'])}")
        out.append("")
        for i, r in enumerate(rels, 1):
            out.append("[[tables.relations]]")
            out.append(f"id = {q(f'T{t.index}.R{i}')}")
            out.append(f"kind = {q(r['kind'])}")
            out.append(f"target = {q(r['target'])}")
            out.append(f"formula = {q(r['formula'])}")
            out.append(f"applies_to = {arr(r['applies_to'])}")
            out.append(f"status = {q(r['status'])}")
            if r["note"]:
                out.append(f"note = {q(r['note'])}")
            if r["status"] == "fails":
                out.append("certain = true")
            for f in r["findings"]:
                out.append("[[tables.relations.findings]]")
                for k, v in f.items():
                    out.append(f"{k} = {q(v)}")
            out.append("")
    for i, c in enumerate(claims, 1):
        out.append("[[claims]]")
        out.append(f"id = {q(f'C{i}')}")
        for k in ("kind", "where", "claim", "formula", "computed", "interval", "status", "note"):
            if c.get(k):
                out.append(f"{k} = {q(c[k])}")
        if c["status"] == "fails":
            out.append(f"certain = {'false' if c['uncertain'] else 'true'}")
        out.append("")
    path.write_text("\n".join(out).rstrip("\n") + "\n", encoding="utf-8")


# ------------------------------------------------------------------ main
def main(argv):
    from relations_spec import SPEC  # noqa: E402

    write = "--check" not in argv
    total_fail = 0
    summary = []
    for fname, fspec in SPEC.items():
        tables, paragraphs = parse_excerpt(HERE / fname)
        if len(tables) != len(fspec["tables"]):
            raise SystemExit(f"{fname}: {len(tables)} tables in file, {len(fspec['tables'])} in spec")
        results = []
        fails = 0
        for t, tspec in zip(tables, fspec["tables"]):
            rels = []
            for rel in tspec["relations"]:
                if rel["kind"] in ("sum", "derived"):
                    rels.append(eval_row_relation(t, rel, tspec))
                elif rel["kind"] == "column":
                    rels.append(eval_col_relation(t, rel, tspec))
                elif rel["kind"] == "percent":
                    rels.append(eval_percent_relation(t, rel, tspec))
                else:
                    raise ValueError(rel["kind"])
            fails += sum(1 for r in rels if r["status"] == "fails")
            results.append((t, tspec, rels))
        claims = [eval_claim(tables, paragraphs, c) for c in fspec.get("claims", [])]
        fails += sum(1 for c in claims if c["status"] == "fails")
        certain = fails - sum(1 for c in claims if c["status"] == "fails" and c["uncertain"])
        total_fail += fails
        n_rel = sum(len(r) for _, _, r in results) + len(claims)
        n_round = sum(1 for _, _, rs in results for r in rs if r["status"] == "holds_within_rounding") + \
            sum(1 for c in claims if c["status"] == "holds_within_rounding")
        summary.append(f"{fname}: {len(tables)} tables, {n_rel} relations, {n_round} within rounding, {fails} failing ({certain} certain)")
        for _, _, rs in results:
            for r in rs:
                if r["status"] == "fails":
                    summary.append(f"    FAIL {r['target']} = {r['formula']}: " +
                                   "; ".join(f"{f['where']} printed {f['printed']} computed {f['computed']}" for f in r["findings"] if f["status"] == "fails"))
        for c in claims:
            if c["status"] == "fails":
                summary.append(f"    FAIL claim {c['claim']!r} in {c['where'][:60]!r}: computed {c['computed']} {c['interval']}")
        if write:
            write_toml(HERE / (fname[:-4] + ".relations.toml"), fname, fspec, tables, results, claims, fails, certain)
    print("\n".join(summary))
    print(f"total failing relations: {total_fail}")


if __name__ == "__main__":
    main(sys.argv[1:])
