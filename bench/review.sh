#!/usr/bin/env bash
# How long `styr check` takes to read and review a 100-page budget document: the reference
# (about 17 pages) repeated six times, in text and as a Word document. Prints figures only.
#
#   bench/review.sh            # needs ../shared/reference; pandoc (Debian) for the DOCX figure
set -euo pipefail
cd "$(dirname "$0")/.."

reference=../shared/reference/alingsas-ks-budget-2025-2027.txt
[ -f "$reference" ] || { echo "bench/review.sh: $reference is not here" >&2; exit 1; }
cargo build --release -q -p styr-cli

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for _ in 1 2 3 4 5 6; do cat "$reference"; echo; done >"$work/budget.txt"
lines=$(wc -l <"$work/budget.txt")
bytes=$(wc -c <"$work/budget.txt")

# The median of nine runs, in milliseconds.
measure() {
  local times=()
  for _ in $(seq 1 9); do
    local start end
    start=$(date +%s%N)
    target/release/styr check "$@" >/dev/null || true
    end=$(date +%s%N)
    times+=($(((end - start) / 1000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 5p | awk '{ printf "%.1f ms", $1 / 1000 }'
}

printf 'document: the reference six times, about 100 pages, %s lines, %s bytes\n' "$lines" "$bytes"
printf '%-24s %s\n' "text (.txt)" "$(measure "$work/budget.txt")"
if command -v pandoc >/dev/null; then
  # Tab tables become pipe tables so pandoc keeps them as Word tables.
  awk -F'\t' 'NF >= 2 { row = "|"; for (i = 1; i <= NF; i++) row = row " " $i " |"; if (!inside) { sep = "|"; for (i = 1; i <= NF; i++) sep = sep "---|"; print ""; print row; print sep; inside = 1 } else print row; next }
              { if (inside) { print ""; inside = 0 } print }' "$work/budget.txt" | sed 's/<b>\([^<]*\)<\/b>/**\1**/g' >"$work/budget.md"
  pandoc -f markdown-smart -t docx -o "$work/budget.docx" "$work/budget.md"
  printf '%-24s %s\n' "Word (.docx)" "$(measure "$work/budget.docx")"
fi
