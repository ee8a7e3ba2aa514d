#!/usr/bin/env bash
# Sets up the machine, builds the playground and serves it on localhost:
# the node as WebAssembly (wasm/ -> <build>/wasm/bin/otp_web.{js,wasm}),
# the page around it (web/ -> web/dist, static files that work from any
# server and offline), then a static server printing the address to open.
#
#   bash scripts/run.sh              # build, serve at http://127.0.0.1:8080/
#   OTP_PORT=9000 bash scripts/run.sh
#   OTP_HOST=0.0.0.0 bash scripts/run.sh   # reachable from other machines
#   bash scripts/run.sh --shell [args]     # otpsh, the native IEx-like shell, in
#                                          # this terminal (no browser, no wasm)
#   bash scripts/run.sh --demo [args]      # the native runtime demo instead
#                                          # (examples/demo -> <build>/bin/otp_demo)
#
# The first build compiles the whole runtime with em++ (minutes); later
# ones rebuild what changed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

build_dir=${OTP_BUILD_DIR:-build}
jobs=$(nproc 2>/dev/null || echo 2)

# --- otpsh: the same IEx session natively, in this terminal --------------------
if [[ ${1:-} == --shell ]]; then
  shift
  bash scripts/setup.sh build
  cmake -S . -B "$build_dir" -G Ninja -DOTP_WASM="${OTP_WASM:-ON}" >/dev/null
  cmake --build "$build_dir" --parallel "$jobs" --target otpsh
  [[ -x $build_dir/bin/otpsh ]] || { echo "run.sh: otpsh was not built: $build_dir/bin/otpsh is missing" >&2; exit 1; }
  exec "$build_dir/bin/otpsh" "$@"
fi

# --- the native demo (what this script ran before the playground) ------------
if [[ ${1:-} == --demo ]]; then
  shift
  bash scripts/setup.sh build
  cmake -S . -B "$build_dir" -G Ninja -DOTP_WASM="${OTP_WASM:-ON}" >/dev/null
  if ! cmake --build "$build_dir" --target help | grep -q '^otp_demo:'; then
    echo "run.sh: demo not built: there is no otp_demo target (examples/demo/main.cpp)" >&2
    exit 1
  fi
  cmake --build "$build_dir" --parallel "$jobs" --target otp_demo
  if [[ ! -x $build_dir/bin/otp_demo ]]; then
    echo "run.sh: demo not built: $build_dir/bin/otp_demo is missing" >&2
    exit 1
  fi
  exec "$build_dir/bin/otp_demo" "$@"
fi

# --- the playground ---------------------------------------------------------------
bash scripts/setup.sh build web

# The wasm tree of the superbuild (cmake/OtpSuperbuild.cmake uses the same
# folder and toolchain), configured directly so only the node is built here,
# not the wasm test programs.
wasm_dir=$build_dir/wasm
cmake -S . -B "$wasm_dir" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$PWD/cmake/WasmToolchain.cmake" \
  -DOTP_WEB_SMALL="${OTP_WEB_SMALL:-ON}" >/dev/null
cmake --build "$wasm_dir" --parallel "$jobs" --target otp_web
for f in otp_web.js otp_web.wasm; do
  if [[ ! -f $wasm_dir/bin/$f ]]; then
    echo "run.sh: the node was not built: $wasm_dir/bin/$f is missing" >&2
    exit 1
  fi
done

echo "run.sh: building the page (web/dist)"
node_dir=$(cd "$wasm_dir/bin" && pwd)
(cd web && OTP_WEB_NODE_DIR="$node_dir" node node_modules/vite/bin/vite.js build --logLevel warn)
[[ -f web/dist/index.html ]] || { echo "run.sh: the page was not built: web/dist/index.html is missing" >&2; exit 1; }

exec node web/serve.mjs --dir web/dist --port "${OTP_PORT:-8080}" --host "${OTP_HOST:-127.0.0.1}"
