#!/usr/bin/env bash
# Sets up the machine, builds, and runs the main program. For now that is
# the native demo (examples/demo -> build/bin/otp_demo); arguments are
# passed on to it. The browser playground will take its place.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

build_dir=${OTP_BUILD_DIR:-build}
jobs=$(nproc 2>/dev/null || echo 2)

bash scripts/setup.sh
cmake -S . -B "$build_dir" -G Ninja -DOTP_WASM="${OTP_WASM:-ON}" >/dev/null
# Only what the demo needs (the wasm build is for the tests, for now).
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
