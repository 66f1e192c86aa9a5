#!/bin/sh
# Insights as a whole process: `overture-cli insights --json` over 100,000
# accounts and 1,000,000 measurements against one sqlite3 scan of every
# measurement of the same database (SELECT sum(value) FROM metric_values),
# in the same run, interleaved, so both see the same load.
#
#   tests/bench/insights-bench.sh [BUILD_DIR] [RUNS]
#
# The database is written by BUILD_DIR/tests/bench/bench-insights --fill.
# Prints each side's median time of RUNS (default 5) and the ratio of the
# medians; at most 1.0 is the goal. Needs sqlite3 and GNU time.
set -eu

build=${1:-_build}
runs=${2:-5}
cli="$build/src/cli/overture-cli"
fill="$build/tests/bench/bench-insights"

for tool in sqlite3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "insights-bench: $tool is needed" >&2; exit 2; }
done
[ -x "$cli" ] && [ -x "$fill" ] || { echo "insights-bench: build $build first" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/insights.db"

median () {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Prints the wall time of a command in seconds; its output is kept in $work/out.
measure () {
  /usr/bin/time -f "%e" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || {
    echo "insights-bench: failed: $*" >&2
    cat "$work/err" >&2
    exit 1
  }
  cat "$work/time"
}

echo "Filling 100,000 accounts and 1,000,000 measurements…"
"$fill" --fill "$db"
echo "  $(sqlite3 "$db" 'SELECT count(*) FROM accounts') accounts," \
     "$(sqlite3 "$db" 'SELECT count(*) FROM metric_values') measurements," \
     "$(wc -c <"$db") bytes"

# once each to warm the page cache
"$cli" --db "$db" insights --json --program-start 2025-06-01 --today 2026-12-01 >/dev/null
sqlite3 "$db" 'SELECT sum(value) FROM metric_values' >/dev/null

: >"$work/cli-times"
: >"$work/sqlite-times"
i=0
while [ "$i" -lt "$runs" ]; do
  measure "$cli" --db "$db" insights --json --program-start 2025-06-01 --today 2026-12-01 \
    >>"$work/cli-times"
  measure sqlite3 "$db" 'SELECT sum(value) FROM metric_values' >>"$work/sqlite-times"
  i=$((i + 1))
done

cli_median=$(median <"$work/cli-times")
sqlite_median=$(median <"$work/sqlite-times")
echo "overture-cli insights --json:               $cli_median s (median of $runs: $(tr '\n' ' ' <"$work/cli-times"))"
echo "sqlite3 SELECT sum(value) FROM metric_values: $sqlite_median s (median of $runs: $(tr '\n' ' ' <"$work/sqlite-times"))"
awk -v a="$cli_median" -v b="$sqlite_median" 'BEGIN {
  r = b > 0 ? a / b : 0
  printf "ratio:                                      %.2f (%s, target at most 1.0)\n", r, r <= 1.0 ? "PASS" : "FAIL"
}'
