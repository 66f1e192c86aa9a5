# build-aux/deps.sh — Debian packages Overture needs, installed when missing.
# Sourced by run.sh and test.sh; works as root or through sudo.

# To build and run.
OV_BUILD_PACKAGES="meson ninja-build pkg-config gcc libc6-dev gettext
  libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libcsv-dev libjson-glib-dev libcairo2-dev libpango1.0-dev
  desktop-file-utils"

# To run the whole test suite (virtual display, data validators, the peers
# some tests compare with: gnumeric's ssconvert; bsdutils' script(1) gives
# the CLI a terminal; valgrind for the leak check; python3 reads the log;
# fonts-cantarell is the font the chart tests measure and paint their text in).
OV_TEST_PACKAGES="xvfb xauth dbus-daemon appstream libxml2-utils sqlite3
  gnumeric flatpak-builder fonts-cantarell adwaita-icon-theme time bsdutils
  valgrind python3 poppler-utils locales"

# The date tests type dates as German and US English speakers do: their
# LC_TIME must exist (Debian's minimal images carry only C.UTF-8).
OV_TEST_LOCALES="de_DE en_US"

ov_missing_packages () {
  missing=""
  for pkg in "$@"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = "installed" ] || missing="$missing $pkg"
  done
  echo "$missing"
}

ov_install_packages () {
  missing=$(ov_missing_packages "$@")
  [ -n "$missing" ] || return 0

  echo "Installing missing packages:$missing"
  if [ "$(id -u)" -eq 0 ]; then
    as_root=""
  elif command -v sudo >/dev/null 2>&1; then
    as_root="sudo"
  else
    echo "These packages are missing and neither root nor sudo is available:$missing" >&2
    return 1
  fi

  # shellcheck disable=SC2086
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  # shellcheck disable=SC2086
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
}

ov_generate_locales () {
  for name in "$@"; do
    if ! locale -a 2>/dev/null | grep -qix "$name.utf8"; then
      echo "Generating the locale $name.UTF-8"
      if [ "$(id -u)" -eq 0 ]; then
        localedef -i "$name" -c -f UTF-8 "$name.UTF-8"
      else
        sudo localedef -i "$name" -c -f UTF-8 "$name.UTF-8"
      fi
    fi
  done
}

# Through sudo, build and run as the person who asked (when the checkout is
# theirs), so _build and the database do not end up owned by root.
ov_as_invoking_user () {
  if [ "$(id -u)" -eq 0 ] && [ -n "${SUDO_USER:-}" ] && [ "$SUDO_USER" != root ] &&
     [ "$(stat -c %U .)" = "$SUDO_USER" ]; then
    sudo -u "$SUDO_USER" --preserve-env=DISPLAY,WAYLAND_DISPLAY,XDG_RUNTIME_DIR,DBUS_SESSION_BUS_ADDRESS,XAUTHORITY,OVERTURE_DB,LANG,LANGUAGE "$@"
  else
    "$@"
  fi
}

# Meson's compiler probes read their standard input ("cc -E -v -"): give
# them an empty one, whatever the caller's is (a CI runner's pipe, say).
ov_setup_build () {
  builddir=$1
  shift
  if [ -f "$builddir/build.ninja" ]; then
    ov_as_invoking_user meson setup --reconfigure "$builddir" "$@" >/dev/null </dev/null
  else
    ov_as_invoking_user meson setup "$builddir" "$@" </dev/null
  fi
  ov_as_invoking_user meson compile -C "$builddir" </dev/null
}
