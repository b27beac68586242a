#!/usr/bin/env bash
# Goals benchmark: the follow-up of 50 KPIs × 290 municipalities × 10 years (145 000 Kolada
# values) — indexed, then per year each KPI's kommun value, the peers' median and quartiles,
# rank and better-than-median, each goal's fulfilment and the overarching judgement — in
# styr (release build, median of STYR_BENCH_RUNS runs), and the same peer statistics for the
# same values in Python with pandas (groupby median/quantile and a rank), the way an analyst
# would compute them without styr. Prints both times and the ratio; the issue's bound for
# styr is 20 ms. pandas is installed into target/bench-venv if it is not there (PyPI); without
# it the peer falls back to Python's statistics module, named as such.
#
#   bench/goals.sh
#   STYR_BENCH_RUNS=100 bench/goals.sh
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== styr, in-process"
STYR_BENCH_CSV="$work/values.csv" cargo bench -q -p styr-reports --bench goals | tee "$work/styr.txt" | grep -v '^RESULT'
styr_us=$(awk '/^RESULT styr_us/ { print $3 }' "$work/styr.txt")

venv=target/bench-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv" >/dev/null 2>&1 || true
fi
if [ -x "$venv/bin/python" ] && ! "$venv/bin/python" -c 'import pandas' 2>/dev/null; then
  "$venv/bin/pip" install -q pandas >/dev/null 2>&1 || echo "(pandas could not be installed; the peer is Python's statistics module)"
fi
python=python3
[ -x "$venv/bin/python" ] && python="$venv/bin/python"

echo "== peer"
"$python" - "$work/values.csv" > "$work/peer.txt" <<'PY'
import sys, time, csv, statistics
path = sys.argv[1]
runs = 5
try:
    import pandas as pd
    frame = pd.read_csv(path, dtype={"municipality": str})
    def once():
        own = frame[frame.municipality == "1489"].set_index(["kpi", "year"]).value
        peers = frame[frame.municipality != "1489"]
        grouped = peers.groupby(["kpi", "year"]).value
        stats = grouped.quantile([0.25, 0.5, 0.75]).unstack()
        better = (peers.set_index(["kpi", "year"]).value > own.reindex(peers.set_index(["kpi", "year"]).index).values)
        rank = better.groupby(level=[0, 1]).sum() + 1
        beats = own > stats[0.5]
        return int(beats.sum()), int(rank.sum())
    name = f"Python {sys.version.split()[0]} with pandas {pd.__version__} (read once, then groupby median/quantile and rank)"
except ImportError:
    rows = list(csv.DictReader(open(path)))
    def once():
        groups, own = {}, {}
        for row in rows:
            key = (row["kpi"], row["year"])
            value = float(row["value"])
            if row["municipality"] == "1489":
                own[key] = value
            else:
                groups.setdefault(key, []).append(value)
        beats = 0
        for key, values in groups.items():
            q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
            beats += own[key] > median
        return beats, 0
    name = f"Python {sys.version.split()[0]}, statistics module (no pandas)"
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
  printf "styr: %.2f ms (bound 20 ms: %s)\n", styr / 1000, (styr <= 20000 ? "within" : "OVER");
  printf "%s: %.2f ms\n", name, peer / 1000;
  printf "ratio: the peer takes %.1f× styr'"'"'s time\n", peer / styr;
}'
