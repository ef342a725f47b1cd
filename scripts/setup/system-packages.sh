#!/usr/bin/env bash
# Makes sure the Debian packages `npm start` or `npm test` need are installed, before anything long starts
# (docs/testing.md): code-server's native modules are built on first install (a C/C++ toolchain, pkg-config, Python
# and the X11, keyboard, Kerberos and secret-storage headers), and the tests drive Debian's Chromium.
#
#   bash scripts/setup/system-packages.sh start   what `npm start` needs
#   bash scripts/setup/system-packages.sh test    what `npm test` needs (the above, plus Chromium and a font)
#
# Missing packages are installed with apt-get when running as root, or with sudo when it works without a password;
# otherwise the script stops at once and prints the exact command to run. On a machine without dpkg (not Debian or
# Ubuntu) it only says which packages the build expects, and carries on.
set -euo pipefail

purpose="${1:-test}"
case "$purpose" in
  start) ;;
  test) ;;
  *)
    echo "usage: $0 start|test" >&2
    exit 2
    ;;
esac

# What code-server's native modules (built by scripts/editor/install-code-server.sh) and the packaging need.
packages=(build-essential pkg-config python3 libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev ca-certificates git unzip openssl)
# What the tests need besides: the browser Playwright drives, a font so screenshots have text, and ripgrep (the search
# tool's unit tests run the real binary, the one VS Code ships being the same program).
if [ "$purpose" = test ]; then packages+=(chromium fonts-dejavu-core ripgrep); fi

say() { echo "[system-packages] $*" >&2; }

if ! command -v dpkg-query >/dev/null 2>&1; then
  say "no dpkg here, so the Debian packages cannot be checked; the build expects the equivalents of: ${packages[*]}"
  exit 0
fi

missing=()
for package in "${packages[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)"
  [ "$status" = "install ok installed" ] || missing+=("$package")
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

command_line="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  runner=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  runner=(sudo)
else
  say "missing Debian packages: ${missing[*]}"
  say "install them first (as root), then run the command again:"
  echo "  sudo sh -c '$command_line'" >&2
  exit 1
fi

started=$(date +%s)
say "installing missing Debian packages: ${missing[*]} (about a minute)"
export DEBIAN_FRONTEND=noninteractive
"${runner[@]}" apt-get update -qq
"${runner[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
say "installed in $(($(date +%s) - started)) s"
