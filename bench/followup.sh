#!/usr/bin/env bash
# Budget versus actual from a municipal-sized ledger: styr against hledger, ledger-cli and
# DuckDB on the same data, in one run, with ratios, throughput and peak memory.
#
#   bench/followup.sh [ROWS ...]        (default: 100000 1000000)
#
# bench/generate.py writes the same year as SIE 4 (styr), an hledger/ledger journal with
# periodic budget transactions, and CSV (DuckDB). Each tool is timed with /usr/bin/time for
# wall-clock seconds and peak resident memory. Missing tools are installed when possible
# (apt-get: hledger, ledger, time; pip: duckdb in target/bench-venv) and skipped otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

rows=("${@:-100000 1000000}")
# shellcheck disable=SC2206
rows=(${rows[@]})
work=target/bench-followup
mkdir -p "$work"

if ! command -v hledger >/dev/null || ! command -v ledger >/dev/null || [ ! -x /usr/bin/time ]; then
  (apt-get update -qq && apt-get install -y -qq hledger ledger time) >/dev/null 2>&1 || true
fi
if [ ! -x target/bench-venv/bin/python ]; then
  python3 -m venv target/bench-venv && target/bench-venv/bin/pip install -q duckdb || true
fi
cargo build --release --locked -q -p styr-cli

measure() { # command... → "seconds peak_kB": the fastest of three runs, timed to the millisecond
  local best="" run start end seconds
  for run in 1 2 3; do
    start=$(date +%s%N)
    /usr/bin/time -f '%M' -o "$work/time" "$@" >/dev/null 2>&1 || { echo "0 0"; return; }
    end=$(date +%s%N)
    seconds=$(awk -v n="$((end - start))" 'BEGIN { printf "%.3f", n / 1e9 }')
    if [ -z "$best" ] || awk -v a="$seconds" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then
      best="$seconds $(tail -1 "$work/time")"
    fi
  done
  echo "$best"
}

for count in "${rows[@]}"; do
  data="$work/$count"
  [ -f "$data/ledger.se" ] || python3 bench/generate.py ledger "$count" "$data"
  bytes=$(stat -c %s "$data/ledger.se")
  echo "== $count #TRANS rows, $((bytes / 1000000)) MB of SIE"
  read -r cat_s cat_kb <<<"$(measure cat "$data/ledger.se")"
  read -r styr_s styr_kb <<<"$(measure target/release/styr followup "$data/ledger.se" --format csv)"
  database="$work/import-$count.db"
  rm -f "$database"*
  target/release/styr import examples/alingsas-ks-2025.toml --database "$database" >/dev/null
  read -r import_s import_kb <<<"$(measure target/release/styr import "$data/ledger.se" --database "$database")"
  printf '  %-34s %8s s  %8s MB peak\n' "cat (reading the file)" "$cat_s" "$((cat_kb / 1024))"
  printf '  %-34s %8s s  %8s MB peak\n' "styr followup FILE.se" "$styr_s" "$((styr_kb / 1024))"
  printf '  %-34s %8s s  %8s MB peak\n' "styr import (database, drill-down)" "$import_s" "$((import_kb / 1024))"
  awk -v b="$bytes" -v r="$count" -v s="$styr_s" 'BEGIN { if (s > 0) printf "  styr: %.0f MB/s, %.0f rows/s\n", b / s / 1e6, r / s }'
  others=()
  if command -v hledger >/dev/null; then
    read -r h_s h_kb <<<"$(measure hledger -f "$data/ledger.journal" balance --budget -M)"
    printf '  %-34s %8s s  %8s MB peak\n' "hledger balance --budget -M" "$h_s" "$((h_kb / 1024))"
    others+=("hledger $h_s")
  fi
  if command -v ledger >/dev/null; then
    read -r l_s l_kb <<<"$(measure ledger -f "$data/ledger.journal" budget --monthly)"
    printf '  %-34s %8s s  %8s MB peak\n' "ledger budget --monthly" "$l_s" "$((l_kb / 1024))"
    others+=("ledger $l_s")
  fi
  if [ -x target/bench-venv/bin/python ] && target/bench-venv/bin/python -c 'import duckdb' 2>/dev/null; then
    query="select t.centre, t.grp, month(t.date) m, sum(t.amount) actual, any_value(b.amount) budget
           from read_csv_auto('$data/transactions.csv') t(date, account, grp, centre, amount)
           join read_csv_auto('$data/budget.csv') b on b.centre = t.centre and b.grp = t.grp and b.month = month(t.date)
           group by 1, 2, 3"
    read -r d_s d_kb <<<"$(measure target/bench-venv/bin/python -c "import duckdb; duckdb.sql(\"\"\"$query\"\"\").fetchall()")"
    printf '  %-34s %8s s  %8s MB peak\n' "DuckDB group-by over CSV" "$d_s" "$((d_kb / 1024))"
    others+=("DuckDB $d_s")
  fi
  for other in "${others[@]}"; do
    awk -v name="${other%% *}" -v t="${other##* }" -v s="$styr_s" 'BEGIN { if (s > 0) printf "  %s / styr: %.1f×\n", name, t / s }'
  done
  awk -v c="$cat_s" -v s="$styr_s" 'BEGIN { if (c > 0) printf "  styr / cat: %.1f×\n", s / c }'
done
