#!/bin/sh
# Fails unless every catalogue listed in po/LINGUAS is valid and complete:
# no untranslated and no fuzzy messages.
#
# usage: check-po.sh PO_DIR
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

po_dir=$1
status=0

for lang in $(grep -v '^#' "$po_dir/LINGUAS"); do
  if ! stats=$(msgfmt --check --statistics -o /dev/null "$po_dir/$lang.po" 2>&1); then
    echo "$lang.po: msgfmt --check failed:"
    echo "$stats"
    status=1
    continue
  fi
  echo "$lang.po: $stats"
  case $stats in
    *untranslated*|*fuzzy*)
      echo "$lang.po is incomplete; refresh it with msgmerge and translate the new strings"
      status=1
      ;;
  esac
done

exit $status
