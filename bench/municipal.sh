#!/usr/bin/env bash
# Municipality benchmark: 12 boards × 300 ansvar × 40 kontogrupper × 4 years (576 000 figures)
# recomputed after one cell change — every board against its frame, the resultat-,
# kassaflödes- and balansbudget, the balanskravsutredning, the tables per nämnd, the frame
# derivation and the financial goals — in styr (release, median of 51 runs), beside the same
# lines summed per board, row of the resultaträkning and year with pandas (groupby sum), the
# way an analyst would roll a budget up without styr. Prints both times and the ratio; the
# issue's bound for styr is 10 ms. pandas is installed into target/bench-venv if it is not
# there (PyPI); without it the peer is plain Python dictionaries, named as such.
#
#   bench/municipal.sh
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== styr, in-process"
STYR_BENCH_CSV="$work/lines.csv" cargo bench -q -p styr-reports --bench municipal | tee "$work/styr.txt" | grep -v '^RESULT'
styr_us=$(awk '/^RESULT styr_us/ { print $3 }' "$work/styr.txt")

venv=target/bench-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv" >/dev/null 2>&1 || true
fi
if [ -x "$venv/bin/python" ] && ! "$venv/bin/python" -c 'import pandas' 2>/dev/null; then
  "$venv/bin/pip" install -q pandas >/dev/null 2>&1 || echo "(pandas could not be installed; the peer is plain Python)"
fi
python=python3
[ -x "$venv/bin/python" ] && python="$venv/bin/python"

echo "== peer"
"$python" - "$work/lines.csv" > "$work/peer.txt" <<'PY'
import sys, time, csv
path = sys.argv[1]
runs = 5
def row(group):
    group = int(group)
    return "intäkter" if group < 40 else ("avskrivningar" if group == 68 else "kostnader")
try:
    import pandas as pd
    frame = pd.read_csv(path)
    frame["row"] = frame.group.map(row)
    def once():
        frame.iloc[0, frame.columns.get_loc("tkr")] += 1
        per_board = frame.groupby(["board", "row", "year"]).tkr.sum()
        return per_board.groupby(level=["row", "year"]).sum()
    name = f"Python {sys.version.split()[0]} with pandas {pd.__version__} (read once, then one cell changed and groupby sum)"
except ImportError:
    rows = [(r["board"], row(r["group"]), r["year"], int(r["tkr"])) for r in csv.DictReader(open(path))]
    def once():
        sums = {}
        for board, kind, year, tkr in rows:
            sums[(board, kind, year)] = sums.get((board, kind, year), 0) + tkr
        return sums
    name = f"Python {sys.version.split()[0]}, dictionaries (no pandas)"
times = []
for _ in range(runs):
    start = time.perf_counter()
    once()
    times.append(time.perf_counter() - start)
times.sort()
print(name)
print(f"RESULT peer_us {int(times[len(times)//2] * 1e6)}")
PY
peer_name=$(head -1 "$work/peer.txt")
peer_us=$(awk '/^RESULT peer_us/ { print $3 }' "$work/peer.txt")
awk -v styr="$styr_us" -v peer="$peer_us" -v name="$peer_name" 'BEGIN {
  printf "styr: %.2f ms (bound 10 ms: %s)\n", styr / 1000, (styr <= 10000 ? "within" : "OVER");
  printf "peer: %.2f ms — %s\n", peer / 1000, name;
  printf "ratio: styr is %.1f× the peer'"'"'s speed\n", peer / styr
}'
