#!/usr/bin/env bash
# Brings up what the engine and e2e tests talk to, on this machine only (loopback):
#   - a real Docker engine (Debian's docker.io; dockerd started as root when none answers),
#   - the base image dfs-test/busybox:latest, built locally from Debian's busybox-static because no
#     registry can be reached and nothing can be pulled,
#   - with --registry: two real registries (Debian's docker-registry), one open on
#     127.0.0.1:5055 and one with htpasswd basic auth on 127.0.0.1:5056 (user dfs / pass dfs-secret).
# Idempotent: whatever already runs is reused. Long-lived servers are started with setsid so they
# outlive the test runner; their PIDs are written to $DFS_TEST_STATE for whoever wants to stop them.
set -euo pipefail
say() { printf '[test-engine] %s\n' "$*"; }
want_registry=0
[ "${1:-}" = "--registry" ] && want_registry=1
state=${DFS_TEST_STATE:-/tmp/dfs-test-engine}
mkdir -p "$state"

need=()
command -v dockerd >/dev/null || need+=(docker.io)
command -v file >/dev/null || need+=(file)
{ [ -x /bin/busybox ] && file -L /bin/busybox 2>/dev/null | grep -q 'statically linked'; } || need+=(busybox-static)
if ((want_registry)); then
  command -v docker-registry >/dev/null || need+=(docker-registry)
  command -v htpasswd >/dev/null || need+=(apache2-utils)
fi
command -v shellcheck >/dev/null || need+=(shellcheck)
if ((${#need[@]})); then
  say "apt-get install ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if ! docker version >/dev/null 2>&1; then
  say "starting dockerd (log: $state/dockerd.log)"
  setsid dockerd >"$state/dockerd.log" 2>&1 </dev/null &
  echo $! >"$state/dockerd.pid"
  for _ in $(seq 1 120); do docker version >/dev/null 2>&1 && break; sleep 0.5; done
  docker version >/dev/null 2>&1 || { tail -30 "$state/dockerd.log"; echo "dockerd did not come up" >&2; exit 1; }
fi
say "engine: $(docker version --format 'server {{.Server.Version}}, API {{.Server.APIVersion}}')"

if ! docker image inspect dfs-test/busybox:latest >/dev/null 2>&1; then
  say "building base image dfs-test/busybox:latest from busybox-static"
  root=$(mktemp -d)
  mkdir -p "$root/bin" "$root/tmp" "$root/etc" "$root/www" "$root/root"
  cp /bin/busybox "$root/bin/busybox"
  for app in $("$root/bin/busybox" --list); do [ "$app" = busybox ] || ln -sf busybox "$root/bin/$app"; done
  echo 'root:x:0:0:root:/root:/bin/sh' >"$root/etc/passwd"
  echo 'root:x:0:' >"$root/etc/group"
  tar -C "$root" -c . | docker import -c 'ENV PATH=/bin' -c 'CMD ["sh"]' - dfs-test/busybox:latest >/dev/null
  rm -rf "$root"
fi

start_registry() { # name port auth(0|1)
  local name=$1 port=$2 auth=$3 dir="$state/registry-$1"
  if curl -s -o /dev/null "http://127.0.0.1:$port/v2/"; then return 0; fi
  say "starting registry $name on 127.0.0.1:$port"
  mkdir -p "$dir/data"
  {
    echo "version: 0.1"
    echo "log: {level: warn}"
    echo "storage: {filesystem: {rootdirectory: $dir/data}, delete: {enabled: true}}"
    echo "http: {addr: 127.0.0.1:$port}"
    if [ "$auth" = 1 ]; then
      htpasswd -Bbn dfs dfs-secret >"$dir/htpasswd"
      echo "auth: {htpasswd: {realm: dfs-test, path: $dir/htpasswd}}"
    fi
  } >"$dir/config.yml"
  setsid docker-registry serve "$dir/config.yml" >"$dir/log" 2>&1 </dev/null &
  echo $! >"$dir/pid"
  for _ in $(seq 1 80); do curl -s -o /dev/null "http://127.0.0.1:$port/v2/" && return 0; sleep 0.25; done
  tail -20 "$dir/log"; echo "registry $name did not come up" >&2; exit 1
}
if ((want_registry)); then
  start_registry open 5055 0
  start_registry auth 5056 1
fi
say "ready"
