#!/usr/bin/env bash
# otpsh in a real terminal (tmux): line editing, history kept between runs,
# tab completion, Ctrl-C interrupting a running input, Ctrl-D exiting.
#   otpsh_terminal_test.sh path/to/otpsh
# Each step polls the screen (capture-pane) until the expected text shows,
# failing after 20 s.
set -euo pipefail
OTPSH=$(realpath "$1")
command -v tmux >/dev/null || { echo "tmux is not installed (bash scripts/setup.sh installs it)"; exit 1; }
WORK=$(mktemp -d)
SOCK="$WORK/tmux.sock"
trap 'tmux -S "$SOCK" kill-server 2>/dev/null || true; rm -rf "$WORK"' EXIT

start() {
  tmux -S "$SOCK" new-session -d -x 120 -y 40 -s t "env HOME=$WORK TERM=xterm-256color $OTPSH; echo OTPSH-EXITED; sleep 600"
}
screen() { tmux -S "$SOCK" capture-pane -p -J -t t; }
keys() { tmux -S "$SOCK" send-keys -t t "$@"; }
# Polls until the screen matches the extended regexp $1.
expect() {
  local i
  for ((i = 0; i < 400; i++)); do
    if screen | grep -Eq -- "$1"; then return 0; fi
    sleep 0.05
  done
  echo "FAILED: the screen never showed /$1/; it shows:"; screen; exit 1
}

start
expect 'iex\(1\)> $'
keys -l '1 + 41'; keys Enter
expect '^42$'
keys -l 'x_hist = :kept'; keys Enter
expect '^:kept$'
# Tab completion of a module function.
keys -l 'Enum.fla'; keys Tab
expect 'iex\(3\)> Enum\.flat_map'
keys C-u; keys -l 'List.first([7])'; keys Enter
expect '^7$'
# Ctrl-C interrupts a running evaluation and the prompt comes back.
keys -l 'Process.sleep(:infinity)'; keys Enter
expect 'Process\.sleep\(:infinity\)'
keys C-c
expect '\*\* \(EXIT\) interrupted'
expect 'iex\(4\)> $'
# Ctrl-D exits; history survives into the next run.
keys C-d
expect 'OTPSH-EXITED'
# A second run on a new tmux server (a killed server may still be exiting).
tmux -S "$SOCK" kill-server 2>/dev/null || true
SOCK="$WORK/tmux2.sock"
start
expect 'iex\(1\)> $'
keys Up Up Up
expect 'iex\(1\)> x_hist = :kept'
keys C-u; keys C-c
expect 'Ctrl\+C again'
keys C-c
expect 'OTPSH-EXITED'
echo "otpsh terminal test: ok"
