#!/bin/sh
# Parses the Flatpak manifest with flatpak-builder itself and checks that it
# names the application id and the command.
#
# usage: check-flatpak-manifest.sh FLATPAK_BUILDER MANIFEST APP_ID
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

builder=$1
manifest=$2
app_id=$3

# flatpak-builder keeps state in ./.flatpak-builder; keep it out of the
# source tree (meson runs this test from the build directory).
if ! shown=$("$builder" --show-manifest "$manifest" 2>&1); then
  echo "flatpak-builder cannot parse $manifest:"
  echo "$shown"
  exit 1
fi

for needle in "\"id\" *: *\"$app_id\"" '"command" *: *"overture"' \
              '"name" *: *"libcsv"' '"sha256" *: *"[0-9a-f]{64}"'; do
  if ! printf '%s\n' "$shown" | grep -Eq -- "$needle"; then
    echo "the manifest as flatpak-builder reads it lacks $needle:"
    echo "$shown"
    exit 1
  fi
done

echo "ok: $manifest parses and builds $app_id"
