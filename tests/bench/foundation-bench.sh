#!/bin/sh
# Foundation benchmarks: Overture on a 100,000-account portfolio.
#
#   tests/bench/foundation-bench.sh [BUILD_DIR] [ACCOUNTS]
#
# 1. Start-up: the real overture binary, started 7 times, until the first
#    frame and until the frame showing the portfolio (the app reports both
#    and quits with OVERTURE_EXIT_WHEN_LOADED); beside it, in the same run,
#    ssconvert (gnumeric) reading the same accounts as CSV. Prints medians
#    and the ratio.
# 2. In-process: search keystrokes and memory (bench-portfolio).
# Needs a display; runs itself under xvfb-run when there is none.
set -eu

build=${1:-_build}
n=${2:-100000}
runs=7

if [ -z "${DISPLAY:-}" ] && [ -z "${OV_BENCH_UNDER_XVFB:-}" ]; then
  OV_BENCH_UNDER_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi

export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" GSK_RENDERER=cairo \
  NO_AT_BRIDGE=1 GTK_A11Y=none GDK_BACKEND=x11

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/portfolio.db"
csv="$work/portfolio.csv"

echo "Generating $n accounts…"
"$build/src/cli/overture-cli" --db "$db" sample --accounts "$n" --today 2026-11-23 >/dev/null
sqlite3 -header -csv "$db" "SELECT external_id, name, segment, owner, sales_owner, \
  arr_cents / 100.0 AS arr, currency, stage, status, close_date, kickoff_date, golive_date, \
  first_value_date, first_value_milestone, package FROM accounts" > "$csv"
echo "CSV for the peer: $(wc -l < "$csv") lines, $(du -h "$csv" | cut -f1)"

now_ms () { date +%s%N | cut -c1-13; }

median () { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: > "$work/first" ; : > "$work/shown" ; : > "$work/wall" ; : > "$work/peer"
for i in $(seq $runs); do
  t0=$(now_ms)
  OVERTURE_EXIT_WHEN_LOADED=1 "$build/src/app/overture" --db "$db" 2> "$work/log" || true
  t1=$(now_ms)
  line=$(grep 'overture: first frame' "$work/log" | tail -n 1)
  echo "$line" | sed -E 's/.*first frame ([0-9.]+) ms.*/\1/' >> "$work/first"
  echo "$line" | sed -E 's/.*shown ([0-9.]+) ms.*/\1/' >> "$work/shown"
  echo $((t1 - t0)) >> "$work/wall"

  t0=$(now_ms)
  ssconvert --export-type=Gnumeric_stf:stf_csv "$csv" "$work/out.csv" >/dev/null 2>&1
  t1=$(now_ms)
  echo $((t1 - t0)) >> "$work/peer"
done

first=$(median < "$work/first")
shown=$(median < "$work/shown")
wall=$(median < "$work/wall")
peer=$(median < "$work/peer")

echo
echo "Start-up with $n accounts (median of $runs runs):"
echo "  window created → first frame:              $first ms"
echo "  window created → portfolio frame:          $shown ms"
echo "  process start → portfolio frame → exit:    $wall ms"
echo "  ssconvert reading the same CSV:            $peer ms"
awk -v p="$peer" -v w="$wall" 'BEGIN { printf "  ratio ssconvert / overture (whole process): %.1fx\n", p / w }'
echo
echo "In-process (bench-portfolio):"
"$build/tests/bench/bench-portfolio" "$db" | sed 's/^/  /'
echo
echo "Memory without OpenGL (GDK_DEBUG=gl-disable; the cairo renderer draws without it):"
GDK_DEBUG=gl-disable "$build/tests/bench/bench-portfolio" "$db" | grep memory | sed 's/^/  /'
