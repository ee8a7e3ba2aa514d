#!/usr/bin/env bash
# Installs what OTP Playground needs on a fresh Debian 12 machine (as root).
# Checks with dpkg-query first: a second run installs nothing and takes
# about a second. Fails with a message naming the step that failed.
#
#   bash scripts/setup.sh               # build + test: g++, cmake, ninja, ccache,
#                                       # Boost, Catch2, nlohmann-json, {fmt}, emscripten, node >= 18
#   bash scripts/setup.sh bench_peers   # also Erlang/Elixir (benchmark peers, optional)
#
# Each group is one function `ensure_<group>`; to add one (npm packages for
# web/, Debian's chromium for the browser tests, ...) write the function and
# name the group on the command line of the script that needs it.
set -euo pipefail

log() { echo "setup.sh: $*"; }
fail() { echo "setup.sh: FAILED at step: $*" >&2; exit 1; }

apt_updated=0
# The named Debian packages that are not installed, one a line.
missing_debs() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -qx 'install ok installed' || echo "$p"
  done
}
# Installs those of the named Debian packages that are missing.
apt_install() {
  local missing
  mapfile -t missing < <(missing_debs "$@")
  ((${#missing[@]})) || return 0
  command -v apt-get >/dev/null || fail "install ${missing[*]} (no apt-get: this script is for Debian 12)"
  [[ $(id -u) == 0 ]] || fail "install ${missing[*]} (needs root: run it as root)"
  if ((!apt_updated)); then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq || fail "apt-get update"
    apt_updated=1
  fi
  log "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    || fail "apt-get install ${missing[*]}"
}

# node >= 18 runs the wasm tests. A node already on the machine is kept.
ensure_node() {
  command -v node >/dev/null || apt_install nodejs
  local v
  v=$(node --version 2>/dev/null) || fail "check node (node --version does not run)"
  local major=${v#v}
  major=${major%%.*}
  if ! [[ $major =~ ^[0-9]+$ ]] || ((major < 18)); then
    fail "check node (found $v, need >= 18)"
  fi
}

# Compilers, build tools and libraries for both builds (native and wasm).
ensure_build() {
  ensure_node
  apt_install cmake ninja-build g++ ccache libboost-dev libboost-context-dev catch2 nlohmann-json3-dev libfmt-dev emscripten \
    libedit-dev python3 tmux
  local tool
  for tool in cmake ninja g++ ccache em++; do
    "$tool" --version >/dev/null 2>&1 || fail "check $tool (installed, but \`$tool --version\` does not run)"
  done
  [[ -f /usr/include/catch2/catch.hpp ]] || fail "check Catch2 (/usr/include/catch2/catch.hpp missing)"
  [[ -f /usr/include/nlohmann/json.hpp ]] || fail "check nlohmann-json (/usr/include/nlohmann/json.hpp missing)"
  [[ -f /usr/include/fmt/format.h ]] || fail "check libfmt-dev (/usr/include/fmt/format.h missing)"
}

# The browser page (web/: vite, xterm.js) and its tests (Playwright driving
# Debian's chromium; no browser is downloaded). npm comes with NodeSource's
# nodejs; Debian's nodejs needs Debian's npm. `npm ci` runs again only when
# package-lock.json is newer than what node_modules was installed from.
ensure_web() {
  ensure_node
  command -v npm >/dev/null || apt_install npm
  apt_install chromium fonts-dejavu-core
  [[ -x /usr/bin/chromium ]] || fail "check chromium (/usr/bin/chromium missing)"
  local web
  web="$(cd "$(dirname "${BASH_SOURCE[0]}")/../web" && pwd)" || fail "find web/"
  if [[ ! $web/node_modules/.package-lock.json -nt $web/package-lock.json ]]; then
    log "npm ci in web/"
    (cd "$web" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci in web/"
  fi
}

# Optional: the real Erlang/OTP and Elixir, only to run the benchmark peers
# side by side (tests/bench). Never needed by the build or the tests.
ensure_bench_peers() {
  apt_install erlang-base elixir
}

groups=("$@")
((${#groups[@]})) || groups=(build web)
for group in "${groups[@]}"; do
  declare -F "ensure_$group" >/dev/null || fail "unknown group '$group' (known: $(declare -F | sed -n 's/^declare -f ensure_//p' | tr '\n' ' '))"
  "ensure_$group"
done
log "ok (${groups[*]})"
