#!/bin/sh
# Runs the real binaries with LANGUAGE=de against the catalogues built in the
# build tree and checks that they answer in German. The strings looked for
# are short and stable, so ordinary wording changes elsewhere do not break
# this test before the catalogue is refreshed.
#
# usage: check-translation.sh CLI APP DESKTOP METAINFO
# (OVERTURE_LOCALEDIR must point at the built po/ folder)
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

cli=$1
app=$2
desktop=$3
metainfo=$4
status=0

export LANGUAGE=de

expect () {
  what=$1
  output=$2
  needle=$3

  if printf '%s\n' "$output" | grep -qF -- "$needle"; then
    echo "ok: $what shows “$needle”"
  else
    echo "FAIL: $what does not show “$needle”; it printed:"
    printf '%s\n' "$output"
    status=1
  fi
}

expect "overture-cli --help" "$("$cli" --help 2>&1)" "Befehle:"
expect "overture-cli --help" "$("$cli" --help 2>&1)" "Aufruf: overture-cli"
# --help is answered before GTK starts, so no display is needed.
expect "overture --help" "$("$app" --help 2>&1)" "--db=PFAD"
expect "the desktop entry" "$(cat "$desktop")" "GenericName[de]=Kunden-Onboarding"
expect "the metainfo" "$(cat "$metainfo")" 'xml:lang="de"'

exit $status
