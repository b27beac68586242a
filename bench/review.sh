#!/usr/bin/env bash
# How long `styr check` takes to read and review a 100-page budget document: the reference
# (about 17 pages) repeated six times, in text and as a Word document; and a published PDF of
# 200 pages or more: the reference sixteen times, printed by Chromium as HTML (bound: 1 s).
# Prints figures only.
#
#   bench/review.sh            # needs ../shared/reference; pandoc (Debian) for the DOCX figure,
#                              # chromium and poppler's pdfinfo for the PDF figure
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
    target/release/styr check "$@" >/dev/null 2>&1 || true
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

chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -n "$chromium" ] && command -v pdfinfo >/dev/null; then
  for _ in $(seq 1 16); do cat "$reference"; echo; done >"$work/long.txt"
  # The text form as a published page: headings, paragraphs, tables with figures right-aligned.
  python3 - "$work/long.txt" "$work/long.html" <<'PYTHON'
import html, re, sys
source, target = sys.argv[1], sys.argv[2]
def inline(text):
    text = html.escape(text.replace("<b>", "\x01").replace("</b>", "\x02").replace("<p>", " ").replace("</p>", " "))
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text.replace("\x01", "<b>").replace("\x02", "</b>")).replace("*", "")
out = ['<!doctype html><html lang="sv"><meta charset="utf-8"><style>body{font-family:"Liberation Sans",sans-serif;font-size:10.5pt}'
       'table{border-collapse:collapse;margin:6pt 0}td{padding:2pt 8pt;vertical-align:top;border-bottom:.5pt solid #999}'
       'td.figure{text-align:right;white-space:nowrap}</style><body>']
in_table = False
for line in open(source, encoding="utf-8").read().split("\n"):
    cells = line.split("\t")
    if "\t" in line and (in_table or sum(1 for cell in cells if cell.strip()) >= 2) and line.strip():
        if not in_table:
            out.append("<table>")
            in_table = True
        row = ""
        for cell in cells:
            plain = re.sub(r"</?b>", "", cell).strip()
            figure = re.fullmatch(r"[-\u2212\u2013+]?[\d \u00a0,.%]+|[-\u2013]", plain) is not None
            row += '<td%s>%s</td>' % (' class="figure"' if figure else "", inline(cell.strip()))
        out.append("<tr>%s</tr>" % row)
        continue
    if in_table:
        out.append("</table>")
        in_table = False
    heading = re.match(r"(#{1,6}) (.*)", line)
    if heading:
        level = len(heading.group(1))
        out.append("<h%d>%s</h%d>" % (level, inline(heading.group(2)), level))
    elif line.strip():
        out.append("<p>%s</p>" % inline(line.strip()))
out.append("</body></html>")
open(target, "w", encoding="utf-8").write("\n".join(out))
PYTHON
  "$chromium" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --user-data-dir="$work/chromium" --print-to-pdf="$work/long.pdf" "$work/long.html" 2>/dev/null
  pages=$(pdfinfo "$work/long.pdf" | awk '/^Pages:/ { print $2 }')
  printf '%-24s %s  (%s pages, %s bytes; bound 1 000 ms)\n' "PDF (.pdf)" "$(measure "$work/long.pdf")" \
    "$pages" "$(wc -c <"$work/long.pdf")"
fi
