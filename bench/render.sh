#!/usr/bin/env bash
# Render benchmark: the reference budget's whole document in every format, in-process
# (release build, median of STYR_BENCH_RUNS runs), then the same documents made the way a
# municipality makes them without styr, for comparison in one run:
#   - LibreOffice converting styr's Word file to PDF (the office-suite route to a PDF),
#   - pandoc converting styr's Markdown to Word and to HTML.
# Prints each time and the ratio, and the issue's bound for the PDF: the whole
# `styr report … --format pdf` command in at most 0,3 s. No timing is asserted anywhere.
# STYR_BENCH_INPROCESS=0 skips the in-process part (and its bench build).
#
#   bench/render.sh
#   STYR_BENCH_RUNS=100 PEER_RUNS=5 bench/render.sh
set -euo pipefail
cd "$(dirname "$0")/.."

peer_runs=${PEER_RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ "${STYR_BENCH_INPROCESS:-1}" != 0 ]; then
  echo "== styr, in-process"
  cargo bench -q -p styr-output --bench render | tee "$work/styr.txt" | grep -v '^RESULT'
fi

cargo build --release -q -p styr-cli
styr=target/release/styr
example=examples/alingsas-ks-2025.toml

# Median wall time in microseconds of running a command $peer_runs times.
wall_us() {
  local times=()
  for _ in $(seq 1 "$peer_runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    times+=($(((end - start) / 1000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ all[NR] = $1 } END { print all[int((NR + 1) / 2)] }'
}

ms() { awk -v us="$1" 'BEGIN { printf "%.1f ms", us / 1000 }'; }
ratio() { awk -v peer="$1" -v ours="$2" 'BEGIN { printf "%.0f×", peer / ours }'; }

echo
echo "== styr, the whole command (reads the budget file, computes, writes the file)"
declare -A whole
for format in pdf docx xlsx html markdown; do
  whole[$format]=$(wall_us "$styr" report "$example" --format "$format" -o "$work/budget.$format")
  printf '  styr report --format %-9s %s\n' "$format" "$(ms "${whole[$format]}")"
done
awk -v us="${whole[pdf]}" 'BEGIN { printf "  the PDF against its bound of 300 ms for the whole command: %s\n", (us <= 300000 ? "within" : "OVER") }'

echo
echo "== peers, median of $peer_runs runs, against the whole styr command (both start a program)"
"$styr" report "$example" --format docx -o "$work/budget.docx"
"$styr" report "$example" --format markdown -o "$work/budget.md"
if command -v soffice >/dev/null; then
  profile="file://$work/lo-profile"
  soffice "-env:UserInstallation=$profile" --headless --convert-to pdf --outdir "$work/warm" "$work/budget.docx" >/dev/null 2>&1 || true
  lo=$(wall_us soffice "-env:UserInstallation=$profile" --headless --convert-to pdf --outdir "$work/lo" "$work/budget.docx")
  ours=${whole[pdf]}
  echo "  PDF:  styr $(ms "$ours") · LibreOffice Word→PDF $(ms "$lo") · styr is $(ratio "$lo" "$ours") faster"
else
  echo "  PDF:  LibreOffice is not installed (apt-get install libreoffice-writer-nogui); no comparison"
fi
if command -v pandoc >/dev/null; then
  pd=$(wall_us pandoc -f markdown -t docx -o "$work/pandoc.docx" "$work/budget.md")
  ours=${whole[docx]}
  echo "  Word: styr $(ms "$ours") · pandoc Markdown→Word $(ms "$pd") · styr is $(ratio "$pd" "$ours") faster"
  ph=$(wall_us pandoc -f markdown -t html -s -o "$work/pandoc.html" "$work/budget.md")
  ours=${whole[html]}
  echo "  HTML: styr $(ms "$ours") · pandoc Markdown→HTML $(ms "$ph") · styr is $(ratio "$ph" "$ours") faster"
else
  echo "  pandoc is not installed; no comparison"
fi
