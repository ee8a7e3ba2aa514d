#!/bin/sh
# Runs the Erlang/OTP and Elixir peers of the bench figures (shared/BENCH.md)
# and prints their `ERL <name> <value>` lines (plus `NOTE ...` lines).
#
# Usage: sh tests/bench/erl/run.sh [--only NAME[,NAME...]]... [--runs N] [--scale F]
#
# Needs erl/escript (Debian's erlang); the shell_* figures need elixir and
# are skipped, with a NOTE, when it is not installed.
dir=$(cd "$(dirname "$0")" && pwd)

if ! command -v escript >/dev/null 2>&1; then
    echo "NOTE escript (Erlang/OTP) is not installed: no Erlang figures" >&2
    exit 2
fi

escript "$dir/otp_peer_bench.escript" "$@" || status=$?

if command -v elixir >/dev/null 2>&1; then
    elixir "$dir/shell_bench.exs" "$@" || status=${status:-$?}
else
    echo "NOTE elixir is not installed: no shell_fib25_ms / shell_ring_hop_ns peers"
fi
exit "${status:-0}"
