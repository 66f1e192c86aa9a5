#!/bin/sh
# Installs what is missing, builds Overture into _build and runs the whole
# test suite on a virtual display, where no test or sub-test may skip (set
# OVERTURE_ALLOW_SKIPS=1 to allow it); runs the suite "core" (every test
# but the ui and data ones) under valgrind, failing on definite leaks; then runs the whole suite once
# more with AddressSanitizer and UndefinedBehaviorSanitizer in _build-asan.
# Exits non-zero if any test fails.
set -eu
cd "$(dirname "$0")/.."
. build-aux/deps.sh

# Nothing here reads from a terminal; tests and compiler probes get nothing.
exec </dev/null

# shellcheck disable=SC2086
ov_install_packages $OV_BUILD_PACKAGES $OV_TEST_PACKAGES
# shellcheck disable=SC2086
ov_generate_locales $OV_TEST_LOCALES

run_suite () {
  builddir=$1
  shift
  ov_as_invoking_user xvfb-run -a -s "-screen 0 1280x800x24" \
    dbus-run-session -- meson test -C "$builddir" --print-errorlogs --num-processes 2 "$@"
}

status=0

echo "== Build and test (_build, warnings are errors)"
ov_setup_build _build --werror
run_suite _build || status=1
if ! python3 build-aux/check-skips.py _build/meson-logs/testlog.junit.xml &&
   [ "${OVERTURE_ALLOW_SKIPS:-0}" != 1 ]; then
  echo "Every test must run here: install what the skipped ones need (build-aux/deps.sh)."
  status=1
fi

if [ "${OVERTURE_SKIP_VALGRIND:-0}" != 1 ]; then
  # Definite leaks fail (tests/meson.build, tests/valgrind.supp). The ui
  # suite stays out (GTK and fontconfig keep caches until exit), and data
  # runs no C code of ours.
  echo "== Memcheck: suite core under valgrind (_build)"
  run_suite _build --setup valgrind --suite core || status=1
fi

if [ "${OVERTURE_SKIP_SANITIZERS:-0}" != 1 ]; then
  echo "== Build and test with -Db_sanitize=address,undefined (_build-asan)"
  ov_setup_build _build-asan --werror -Db_sanitize=address,undefined -Db_lundef=false \
    -Dbuildtype=debug
  # GTK and fontconfig keep caches until exit: leak reports there are noise.
  ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    run_suite _build-asan --timeout-multiplier 4 || status=1
fi

exit $status
