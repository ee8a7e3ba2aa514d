#!/usr/bin/env bash
# otpsh without a terminal: piped lines are evaluated one at a time with
# their results and no prompts; scripts and -e print no results and exit 1
# when they raise.   otpsh_pipe_test.sh path/to/otpsh
set -euo pipefail
OTPSH=$1
fail() { echo "FAILED: $*"; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

got=$(printf '%s\n' '1 + 1' 'x = [1, 2]' 'Enum.map(x, &(&1 * 10))' 'raise "boom"' 'x' \
  'defmodule Sq do' '  def sq(n), do: n * n' 'end' 'Sq.sq(12)' | "$OTPSH")
want=$'2\n[1, 2]\n[10, 20]\n** (RuntimeError) boom\n\n[1, 2]\n{:module, Sq,'
[[ $got == "$want"* ]] || fail "piped session printed:"$'\n'"$got"
[[ $got == *$'\n144' ]] || fail "piped session did not end with 144:"$'\n'"$got"

printf 'IO.puts("from a script")\nx = 6 * 7\nIO.puts(x)\n' >"$WORK/ok.exs"
got=$("$OTPSH" "$WORK/ok.exs") || fail "a script that does not raise exited with $?"
[[ $got == $'from a script\n42' ]] || fail "script printed: $got"

printf 'IO.puts("before")\nraise ArgumentError, "bad"\nIO.puts("never")\n' >"$WORK/bad.exs"
set +e
got=$("$OTPSH" "$WORK/bad.exs")
status=$?
set -e
((status == 1)) || fail "a raising script exited with $status"
[[ $got == $'before\n** (ArgumentError) bad'* && $got != *never* ]] || fail "raising script printed: $got"

got=$("$OTPSH" -e 'IO.puts(Enum.sum(1..10))') || fail "-e exited with $?"
[[ $got == 55 ]] || fail "-e printed: $got"
echo "otpsh pipe test: ok"
