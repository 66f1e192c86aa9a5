#!/bin/sh
# Foundation benchmarks: Overture on a 100,000-account portfolio.
#
#   tests/bench/foundation-bench.sh [BUILD_DIR] [ACCOUNTS]
#
# 1. Start-up: the real overture binary, started 7 times, until the first
#    frame and until the frame showing the portfolio (the app reports both,
#    and the CPU time its threads used by then, and quits with
#    OVERTURE_EXIT_WHEN_LOADED); beside it, in the same run,
#    ssconvert (gnumeric) converting the same accounts from CSV to CSV.
#    Prints medians and the ratio. That is different work (ssconvert parses
#    text and writes a file; overture opens its database and draws the
#    window): a point of reference, not a like-for-like peer, and the output
#    says so.
# 2. In-process: search keystrokes (bench-portfolio).
# 3. Memory after load and after typing, beside the empty window's, with
#    each renderer.
# Needs a display; runs itself under xvfb-run when there is none.
set -eu

build=${1:-_build}
n=${2:-100000}
runs=7

if [ -z "${DISPLAY:-}" ] && [ -z "${OV_BENCH_UNDER_XVFB:-}" ]; then
  OV_BENCH_UNDER_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi

# GTK 4.8 draws with OpenGL by default; under Xvfb that is Mesa's software
# renderer (llvmpipe), slower to start and heavier than a GPU's driver. The
# cairo renderer is measured beside it.
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" \
  NO_AT_BRIDGE=1 GTK_A11Y=none GDK_BACKEND=x11

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/portfolio.db"
empty="$work/empty.db"
csv="$work/portfolio.csv"

echo "Generating $n accounts…"
"$build/src/cli/overture-cli" --db "$db" sample --accounts "$n" --today 2026-11-23 >/dev/null
sqlite3 -header -csv "$db" "SELECT external_id, name, segment, owner, sales_owner, \
  arr_cents / 100.0 AS arr, currency, stage, status, close_date, kickoff_date, golive_date, \
  first_value_date, first_value_milestone, package FROM accounts" > "$csv"
echo "CSV for the peer: $(wc -l < "$csv") lines, $(du -h "$csv" | cut -f1)"

now_ms () { date +%s%N | cut -c1-13; }

median () { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# start_up RENDERER: one start of the real binary, appended to RENDERER.*
start_up () {
  t0=$(now_ms)
  GSK_RENDERER=$1 OVERTURE_EXIT_WHEN_LOADED=1 "$build/src/app/overture" --db "$db" \
    2> "$work/log" || true
  t1=$(now_ms)
  line=$(grep 'overture: first frame' "$work/log" | tail -n 1)
  echo "$line" | sed -E 's/.*first frame ([0-9.]+) ms.*/\1/' >> "$work/$1.first"
  echo "$line" | sed -E 's/.*shown ([0-9.]+) ms.*/\1/' >> "$work/$1.shown"
  echo "$line" | sed -E 's/.*process CPU ([0-9.]+) ms.*/\1/' >> "$work/$1.cpu"
  echo $((t1 - t0)) >> "$work/$1.wall"
}

for i in $(seq $runs); do
  start_up gl
  start_up cairo

  t0=$(now_ms)
  ssconvert --export-type=Gnumeric_stf:stf_csv "$csv" "$work/out.csv" >/dev/null 2>&1
  t1=$(now_ms)
  echo $((t1 - t0)) >> "$work/peer"
done

peer=$(median < "$work/peer")

echo
echo "Start-up with $n accounts (median of $runs runs):"
printf '  %-44s %10s %10s\n' "" "OpenGL" "cairo"
for what in first shown cpu wall; do
  case $what in
    first) label="window created → first frame (ms)" ;;
    shown) label="window created → portfolio frame (ms)" ;;
    cpu) label="CPU, all threads, at the portfolio frame (ms)" ;;
    wall) label="process start → portfolio frame → exit (ms)" ;;
  esac
  printf '  %-44s %10s %10s\n' "$label" "$(median < "$work/gl.$what")" \
    "$(median < "$work/cairo.$what")"
done
echo "  Reference, different work (not the same task): ssconvert converting the"
echo "  same accounts from CSV to CSV, while overture opens its database and draws:"
echo "  ssconvert CSV to CSV, whole process:          $peer ms"
awk -v p="$peer" -v g="$(median < "$work/gl.wall")" -v c="$(median < "$work/cairo.wall")" \
  'BEGIN { printf "  ssconvert / overture start-up (different work): %.1fx OpenGL, %.1fx cairo\n", p / g, p / c }'

echo
echo "In-process (bench-portfolio, cairo renderer):"
GSK_RENDERER=cairo "$build/tests/bench/bench-portfolio" "$db" | sed 's/^/  /'

# rss LINE: the VmRSS figure of a "memory …: VmRSS X MB" line
rss () { sed -E 's/.*VmRSS ([0-9.]+) MB.*/\1/'; }

echo
echo "Memory (VmRSS, MB): the empty window, $n accounts loaded, after typing;"
echo "the portfolio's own share is the loaded figure minus the empty window's."
printf '  %-28s %8s %8s %8s %10s\n' "" "empty" "loaded" "typed" "portfolio"
for setup in "OpenGL (default)|" "cairo|GSK_RENDERER=cairo" \
             "cairo, OpenGL not loaded|GSK_RENDERER=cairo GDK_DEBUG=gl-disable"; do
  label=${setup%%|*}
  vars=${setup#*|}
  base=$(env $vars "$build/tests/bench/bench-portfolio" "$empty" | grep memory | rss)
  env $vars "$build/tests/bench/bench-portfolio" "$db" | grep memory > "$work/mem"
  loaded=$(sed -n 1p "$work/mem" | rss)
  typed=$(sed -n 2p "$work/mem" | rss)
  own=$(awk -v l="$loaded" -v b="$base" 'BEGIN { printf "%.1f", l - b }')
  printf '  %-28s %8s %8s %8s %10s\n' "$label" "$base" "$loaded" "$typed" "$own"
done
