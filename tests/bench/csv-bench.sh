#!/bin/sh
# CSV benchmarks: overture-cli against sqlite3 on the same machine, in the
# same run, interleaved, so both see the same load.
#
#   tests/bench/csv-bench.sh [BUILD_DIR] [ROWS] [RUNS]
#
# 1. Import: `overture-cli generate accounts ROWS`, then
#    `overture-cli import accounts` into a fresh database against
#    `sqlite3 fresh.db ".import --csv FILE accounts"` into a table with the
#    same columns. Ratio of the medians (and of the best runs); at most 1.0
#    is the goal.
# 2. Re-import, the path users take every week: the same ROWS accounts
#    with one row in ten changed (ARR, owner or notes, in turn; made from
#    the generated file by a fixed transformation, so every run and machine
#    sees the same file), imported onto a portfolio of those ROWS accounts,
#    against `sqlite3 .import` of the same changed file into an empty
#    table. Ratio of the medians; at most 1.0 is the goal.
# 3. Memory: peak RSS of the import of ROWS and of ROWS/10 rows (the import
#    streams, so both should be alike and under 64 MB), and of the
#    re-import.
# 4. Export: `overture-cli export accounts` of those rows against
#    `sqlite3 -csv` of the same columns. Ratio at most 1.0 is the goal.
# 5. The export is compared with the generated file: export → import →
#    export is an identity.
# The output states each side's SQLite journal and synchronous settings.
# Needs sqlite3 and GNU time (/usr/bin/time, Debian package "time").
set -eu

build=${1:-_build}
rows=${2:-1000000}
runs=${3:-5}
cli="$build/src/cli/overture-cli"

for tool in sqlite3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "csv-bench: $tool is needed" >&2; exit 2; }
done
[ -x "$cli" ] || { echo "csv-bench: build $build first (no $cli)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
csv="$work/accounts.csv"
changed="$work/accounts-changed.csv"
small="$work/accounts-small.csv"
columns="external_id, name, segment, owner, sales_owner, arr, currency, stage, status, \
close_date, kickoff_date, golive_date, first_value_date, first_value_milestone, package, notes"
stored="external_id, name, segment, owner, sales_owner, arr_cents, currency, stage, status, \
close_date, kickoff_date, golive_date, first_value_date, first_value_milestone, package, notes"

# Runs a command under GNU time; prints "SECONDS PEAK_KB".
measure () {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || {
    echo "csv-bench: failed: $*" >&2
    cat "$work/err" >&2
    exit 1
  }
  cat "$work/time"
}

median () {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

minimum () {
  sort -n | head -n 1
}

echo "Generating $rows accounts…"
"$cli" generate accounts "$rows" -o "$csv"
"$cli" generate accounts "$((rows / 10))" --seed 7 -o "$small"
echo "  $(wc -c <"$csv") bytes"

# Every tenth account changed: its ARR, owner or notes, in turn. The
# generator writes no quotes (checked), so splitting on commas is exact;
# lines may end in CR LF.
awk -F, -v OFS=, '
  /"/ { print "csv-bench: a quoted field; the transformation needs none" > "/dev/stderr"; exit 1 }
  NR == 1 || (NR - 2) % 10 != 0 { print; next }
  {
    cr = sub(/\r$/, "", $NF)
    turn = int((NR - 2) / 10) % 3
    if (turn == 0) $6 = sprintf("%.2f", $6 + 1000)
    else if (turn == 1) $4 = "Jordan Blake"
    else $16 = "Renewal call booked"
    if (cr) $NF = $NF "\r"
    print
    n++
  }
  END { if (n != int(('"$rows"' + 9) / 10)) exit 1 }' "$csv" >"$changed" || {
  echo "csv-bench: could not make the changed file" >&2
  exit 1
}
n_changed=$(( (rows + 9) / 10 ))
echo "  $n_changed of them changed for the re-import ($(wc -c <"$changed") bytes)"

# The portfolio the re-import lands on, imported once; each run starts
# from a copy of it.
"$cli" --db "$work/base.db" import accounts "$csv" >/dev/null

: >"$work/ours-import"; : >"$work/sqlite-import"
: >"$work/ours-export"; : >"$work/sqlite-export"
: >"$work/ours-rss"
: >"$work/ours-reimport"; : >"$work/sqlite-reimport"; : >"$work/reimport-rss"
i=1
while [ "$i" -le "$runs" ]; do
  rm -f "$work/ours.db" "$work/ours.db-wal" "$work/ours.db-shm" "$work/sqlite.db"

  set -- $(measure "$cli" --db "$work/ours.db" import accounts "$csv")
  echo "$1" >>"$work/ours-import"
  echo "$2" >>"$work/ours-rss"

  sqlite3 "$work/sqlite.db" "CREATE TABLE accounts ($(echo "$columns" | sed 's/,/ TEXT,/g') TEXT)"
  set -- $(measure sqlite3 "$work/sqlite.db" ".import --csv --skip 1 $csv accounts")
  echo "$1" >>"$work/sqlite-import"

  set -- $(measure "$cli" --db "$work/ours.db" export accounts -o "$work/export.csv")
  echo "$1" >>"$work/ours-export"

  set -- $(measure sqlite3 -csv "$work/ours.db" "SELECT $stored FROM accounts")
  echo "$1" >>"$work/sqlite-export"

  rm -f "$work/re.db" "$work/re.db-wal" "$work/re.db-shm" "$work/sqlite-re.db"
  cp "$work/base.db" "$work/re.db"
  set -- $(measure "$cli" --db "$work/re.db" import accounts "$changed")
  echo "$1" >>"$work/ours-reimport"
  echo "$2" >>"$work/reimport-rss"
  reimport_said=$(tail -n 1 "$work/out")

  sqlite3 "$work/sqlite-re.db" "CREATE TABLE accounts ($(echo "$columns" | sed 's/,/ TEXT,/g') TEXT)"
  set -- $(measure sqlite3 "$work/sqlite-re.db" ".import --csv --skip 1 $changed accounts")
  echo "$1" >>"$work/sqlite-reimport"

  echo "  run $i: import $(tail -n 1 "$work/ours-import")s (sqlite3 $(tail -n 1 "$work/sqlite-import")s)," \
       "re-import $(tail -n 1 "$work/ours-reimport")s (sqlite3 $(tail -n 1 "$work/sqlite-reimport")s)," \
       "export $(tail -n 1 "$work/ours-export")s (sqlite3 -csv $(tail -n 1 "$work/sqlite-export")s)"
  i=$((i + 1))
done

rm -f "$work/small.db"
set -- $(measure "$cli" --db "$work/small.db" import accounts "$small")
small_rss=$2

if cmp -s "$csv" "$work/export.csv"; then identity=yes; else identity=NO; fi
imported=$(sqlite3 "$work/ours.db" "SELECT count(*) FROM accounts")
copied=$(sqlite3 "$work/sqlite.db" "SELECT count(*) FROM accounts")

ours_import=$(median <"$work/ours-import"); sqlite_import=$(median <"$work/sqlite-import")
ours_export=$(median <"$work/ours-export"); sqlite_export=$(median <"$work/sqlite-export")
best_ours_import=$(minimum <"$work/ours-import"); best_sqlite_import=$(minimum <"$work/sqlite-import")
best_ours_export=$(minimum <"$work/ours-export"); best_sqlite_export=$(minimum <"$work/sqlite-export")
big_rss=$(sort -n "$work/ours-rss" | tail -n 1)
ours_reimport=$(median <"$work/ours-reimport"); sqlite_reimport=$(median <"$work/sqlite-reimport")
best_ours_reimport=$(minimum <"$work/ours-reimport")
best_sqlite_reimport=$(minimum <"$work/sqlite-reimport")
reimport_rss=$(sort -n "$work/reimport-rss" | tail -n 1)
reimported=$(sqlite3 "$work/re.db" "SELECT count(*) FROM accounts")

# What each side runs with. The sqlite3 peer: asked of the same sqlite3
# program on a fresh database (its defaults; .import changes neither).
# overture-cli: set in the source, not visible from outside the process:
# the store opens with journal_mode=WAL and synchronous=NORMAL
# (src/core/store/ov-store.c); an import that has the database to itself
# switches to journal_mode=DELETE for its one transaction, with
# synchronous=FULL as a rollback journal needs, and back to WAL and NORMAL
# (src/core/import/ov-import-journal.c).
peer_journal=$(sqlite3 "$work/peer-settings.db" "PRAGMA journal_mode")
peer_sync=$(sqlite3 "$work/peer-settings.db" "PRAGMA synchronous")
ours_after=$(sqlite3 "$work/ours.db" "PRAGMA journal_mode")

echo
echo "CSV benchmark, $rows accounts, $runs runs each (medians; best runs in brackets)"
awk -v oi="$ours_import" -v si="$sqlite_import" -v boi="$best_ours_import" \
    -v bsi="$best_sqlite_import" -v oe="$ours_export" -v se="$sqlite_export" \
    -v boe="$best_ours_export" -v bse="$best_sqlite_export" -v n="$rows" \
    -v rss="$big_rss" -v small="$small_rss" -v ni="$imported" -v nc="$copied" -v id="$identity" \
    -v ori="$ours_reimport" -v sri="$sqlite_reimport" -v bori="$best_ours_reimport" \
    -v bsri="$best_sqlite_reimport" -v rrss="$reimport_rss" 'BEGIN {
  printf "import    overture-cli %6.2f s [%5.2f]   sqlite3 .import %6.2f s [%5.2f]   ratio %.2f [%.2f]   (goal <= 1.0)\n",
         oi, boi, si, bsi, oi / si, boi / bsi
  printf "re-import overture-cli %6.2f s [%5.2f]   sqlite3 .import %6.2f s [%5.2f]   ratio %.2f [%.2f]   (goal <= 1.0)\n",
         ori, bori, sri, bsri, ori / sri, bori / bsri
  printf "export    overture-cli %6.2f s [%5.2f]   sqlite3 -csv    %6.2f s [%5.2f]   ratio %.2f [%.2f]\n",
         oe, boe, se, bse, oe / se, boe / bse
  printf "peak RSS of the import: %.1f MB for %d rows, %.1f MB for %d rows (ratio %.2f); re-import %.1f MB   (goal <= 64 MB)\n",
         rss / 1024, n, small / 1024, n / 10, rss / small, rrss / 1024
  printf "rows: %d imported by overture-cli, %d by sqlite3; export identical to the generated file: %s\n",
         ni, nc, id
}'
echo "re-import: $n_changed of $rows rows changed onto a portfolio of those $rows;" \
     "overture-cli said: $reimport_said; $reimported accounts after it"
echo "SQLite settings: overture-cli import: journal_mode=DELETE for the import's one" \
     "transaction (WAL otherwise; the file is back in $ours_after after it), synchronous=FULL" \
     "(from the source: src/core/store/ov-store.c, src/core/import/ov-import-journal.c);" \
     "sqlite3 peer: journal_mode=$peer_journal, synchronous=$peer_sync (0 OFF, 1 NORMAL, 2 FULL)"
