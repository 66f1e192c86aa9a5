#!/bin/sh
# Fails unless every catalogue listed in po/LINGUAS is valid and complete:
# no untranslated and no fuzzy messages, counted against the strings the
# sources hold now (extracted afresh, as the build's pot target does), so a
# string added without its translation is caught even before the catalogue
# is refreshed.
#
# usage: check-po.sh PO_DIR
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

po_dir=$1
status=0

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Every source with a string marked for translation is listed: a file
# added or moved without it would drop its strings from the next pot.
c_pattern='(^|[^A-Za-z0-9_])(_|N_|C_|NC_|Q_|ngettext|g_dngettext|g_dpgettext2?)[[:space:]]*\('
for file in $(cd "$po_dir/.." && find src -type f \( -name '*.c' -o -name '*.h' \) | LC_ALL=C sort); do
  if grep -Eq "$c_pattern" "$po_dir/../$file" && ! grep -qx "$file" "$po_dir/POTFILES.in"; then
    echo "$file has strings for translation but is not in po/POTFILES.in (run po/update-potfiles.sh)"
    status=1
  fi
done

# The same extraction as meson's i18n "glib" preset.
if ! (cd "$po_dir/.." && xgettext --files-from=po/POTFILES.in --from-code=UTF-8 \
        --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
        --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
        --package-name=overture -o "$work/current.pot") 2>"$work/xgettext.err"; then
  echo "xgettext failed over po/POTFILES.in:"
  cat "$work/xgettext.err"
  exit 1
fi

for lang in $(grep -v '^#' "$po_dir/LINGUAS"); do
  if ! msgmerge -q --no-fuzzy-matching "$po_dir/$lang.po" "$work/current.pot" \
         -o "$work/$lang.po" 2>"$work/msgmerge.err"; then
    echo "$lang.po: msgmerge failed:"
    cat "$work/msgmerge.err"
    status=1
    continue
  fi
  msgattrib --no-obsolete "$work/$lang.po" -o "$work/$lang.po"
  if ! stats=$(msgfmt --check --statistics -o /dev/null "$work/$lang.po" 2>&1); then
    echo "$lang.po: msgfmt --check failed:"
    echo "$stats"
    status=1
    continue
  fi
  echo "$lang.po: $stats"
  case $stats in
    *untranslated*|*fuzzy*)
      echo "$lang.po is incomplete against the sources; refresh it (ninja overture-pot, msgmerge) and translate:"
      msgattrib --untranslated --no-obsolete "$work/$lang.po" | grep '^msgid' | sed 1d
      status=1
      ;;
  esac
done

exit $status
