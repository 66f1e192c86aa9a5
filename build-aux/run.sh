#!/bin/sh
# Installs what is missing, builds Overture into _build and starts it on the
# default database ($XDG_DATA_HOME/overture/overture.db, or OVERTURE_DB).
# Arguments go to the app, e.g. build-aux/run.sh --db /tmp/demo.db
set -eu
cd "$(dirname "$0")/.."
. build-aux/deps.sh

# shellcheck disable=SC2086
ov_install_packages $OV_BUILD_PACKAGES
ov_setup_build _build

# Run from the build tree: schemas and translations come from there.
export GSETTINGS_SCHEMA_DIR="$PWD/_build/data"
export OVERTURE_LOCALEDIR="$PWD/_build/po"
ov_as_invoking_user env GSETTINGS_SCHEMA_DIR="$GSETTINGS_SCHEMA_DIR" \
  OVERTURE_LOCALEDIR="$OVERTURE_LOCALEDIR" _build/src/app/overture "$@"
