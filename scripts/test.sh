#!/usr/bin/env bash
# Sets up the machine, builds natively and as WebAssembly, and runs every
# test of both builds through ctest. Exit status: ctest's.
#
#   bash scripts/test.sh                 # everything
#   OTP_WASM=OFF bash scripts/test.sh    # native only (explicitly; CI never does this)
#   OTP_BUILD_DIR=out bash scripts/test.sh
#   OTP_WERROR=ON bash scripts/test.sh   # warnings as errors (default: ON when $CI is set)
#   CTEST_ARGS="-R scheduler" bash scripts/test.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

build_dir=${OTP_BUILD_DIR:-build}
wasm=${OTP_WASM:-ON}
# -Werror under CI (CI=true), not on a developer's machine, unless OTP_WERROR says.
werror=${OTP_WERROR:-$([[ -n ${CI:-} && ${CI:-} != false && ${CI:-} != 0 ]] && echo ON || echo OFF)}
jobs=$(nproc 2>/dev/null || echo 2)

bash scripts/setup.sh
if [[ $wasm != ON ]]; then
  echo "test.sh: WARNING: OTP_WASM=$wasm: the wasm build and its tests are SKIPPED" >&2
fi

cmake -S . -B "$build_dir" -G Ninja -DOTP_WASM="$wasm" -DOTP_WERROR="$werror"
cmake --build "$build_dir" --parallel "$jobs"

log=$build_dir/ctest.log
set +e
# shellcheck disable=SC2086  # CTEST_ARGS is a list of words
ctest --test-dir "$build_dir" --output-on-failure --no-tests=error -j "$jobs" ${CTEST_ARGS:-} 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# ctest's summary ("97% tests passed, 6 tests failed out of 176"), then the
# same counts as a plain closing line.
summary=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1 || true)
if [[ $summary =~ ([0-9]+)\ tests?\ failed\ out\ of\ ([0-9]+) ]]; then
  failed=${BASH_REMATCH[1]}
  total=${BASH_REMATCH[2]}
  echo
  echo "test.sh: ctest: $summary"
  echo "tests: $((total - failed)) passed, $failed failed"
fi
exit "$status"
