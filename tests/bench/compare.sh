#!/usr/bin/env bash
# Runs the bench natively, as wasm under node, as wasm inside Chromium, and
# the Erlang/OTP peers, in one go, and prints one table pairing the figures
# (see shared/BENCH.md and tests/bench/README.md).
#
# Usage: bash tests/bench/compare.sh [options] [NATIVE_BENCH] [-- BENCH_ARGS...]
#
#   NATIVE_BENCH, --native PATH
#                  the native bench (default: build/tests/bench/otp_bench,
#                  else the first otp_bench executable under build*/)
#   --wasm PATH    the wasm bench's .js, run as `node --no-experimental-fetch
#                  PATH` (default: build*/**/otp_bench.js, else another
#                  *bench*.js under build*/; the wasm side is skipped if none)
#   --chromium PATH
#                  the browser bench, otp_bench_web.js or its folder, run in
#                  Debian's chromium by tests/bench/chromium.mjs (default:
#                  build*/**/otp_bench_web.js; skipped if none, or without
#                  chromium or web/node_modules/playwright-core)
#   --no-native, --no-wasm, --no-chromium, --no-erlang
#                  skip that side
#   --only NAME    passed to every bench as `--only NAME` (the C++ bench runs
#                  the figures whose name contains NAME), and to the Erlang
#                  peers, which do the same (repeatable, or NAME,NAME)
#   --scale F      passed to every bench and to the Erlang peers: sizes x F,
#                  for quick checks; the figures are compared at the default
#                  sizes
#   --erl-runs N   runs per Erlang figure (median; default 3)
#   --keep DIR     keep the raw outputs (native.out, wasm.out, chromium.out,
#                  erlang.out)
#   -h, --help
#   Any other argument, and everything after --, goes to the benches as is
#   (e.g. --tab-limits: the C++ benches add max_idle_procs and
#   switch_max_calls).
#
# The table goes to stdout; the benches' own output goes to stderr, prefixed
# with [native], [wasm], [chromium] or [erlang], as they run. Sides run one
# after the other, never at the same time. Exit status: 0, or 1 when a side that was
# run failed (the table is printed anyway).

set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

native=""
wasm=""
chromium=""
do_native=1
do_wasm=1
do_chromium=1
do_erlang=1
keep=""
erl_runs=""
bench_args=()
erl_only=()

usage() { sed -n '2,/^$/s/^# \{0,1\}//p' "$0"; }

while [ $# -gt 0 ]; do
    case "$1" in
        -h|--help) usage; exit 0 ;;
        --native) native=$2; shift 2 ;;
        --native=*) native=${1#*=}; shift ;;
        --wasm) wasm=$2; shift 2 ;;
        --wasm=*) wasm=${1#*=}; shift ;;
        --chromium) chromium=$2; shift 2 ;;
        --chromium=*) chromium=${1#*=}; shift ;;
        --no-native) do_native=0; shift ;;
        --no-wasm) do_wasm=0; shift ;;
        --no-chromium) do_chromium=0; shift ;;
        --no-erlang|--no-erl) do_erlang=0; shift ;;
        --keep) keep=$2; shift 2 ;;
        --keep=*) keep=${1#*=}; shift ;;
        --erl-runs) erl_runs=$2; shift 2 ;;
        --erl-runs=*) erl_runs=${1#*=}; shift ;;
        --only)
            [ $# -ge 2 ] || { echo "compare.sh: --only needs a NAME" >&2; exit 2; }
            bench_args+=("$1" "$2"); erl_only+=(--only "$2"); shift 2 ;;
        --only=*)
            bench_args+=(--only "${1#*=}"); erl_only+=(--only "${1#*=}"); shift ;;
        --scale)
            [ $# -ge 2 ] || { echo "compare.sh: --scale needs a factor" >&2; exit 2; }
            bench_args+=("$1" "$2"); erl_only+=(--scale "$2"); shift 2 ;;
        --scale=*)
            bench_args+=(--scale "${1#*=}"); erl_only+=(--scale "${1#*=}"); shift ;;
        --) shift; bench_args+=("$@"); break ;;
        -*) bench_args+=("$1"); shift ;;
        *)
            if [ -z "$native" ] && [ -f "$1" ]; then
                native=$1
            else
                bench_args+=("$1")
            fi
            shift ;;
    esac
done

is_elf() { [ "$(head -c 4 "$1" 2>/dev/null | od -An -c | tr -d ' ')" = '177ELF' ]; }

# build directories of the project: build, build-*, ...
build_dirs() {
    for d in "$root"/build "$root"/build*; do
        [ -d "$d" ] && printf '%s\n' "$d"
    done | sort -u
}

find_native() {
    if [ -x "$root/build/tests/bench/otp_bench" ]; then
        printf '%s\n' "$root/build/tests/bench/otp_bench"; return
    fi
    local d f
    for d in $(build_dirs); do
        while IFS= read -r f; do
            if [ -x "$f" ] && is_elf "$f"; then printf '%s\n' "$f"; return; fi
        done < <(find "$d" \( -name node_modules -o -name CMakeFiles \) -prune -o \
                      -type f -name otp_bench -print 2>/dev/null | sort)
    done
    # a script wrapper is accepted too, if nothing ELF was found
    for d in $(build_dirs); do
        f=$(find "$d" -name node_modules -prune -o -type f -name otp_bench -perm -u+x -print 2>/dev/null | sort | head -n 1)
        [ -n "$f" ] && { printf '%s\n' "$f"; return; }
    done
}

# find_js SKIP PATTERN...: the first file under build*/ matching a pattern
# (tried in the order given) that is not named SKIP
find_js() {
    local d f pat skip=$1; shift
    for pat in "$@"; do
        for d in $(build_dirs); do
            f=$(find "$d" \( -name node_modules -o -name CMakeFiles \) -prune -o \
                     -type f -name "$pat" ! -name "$skip" -print 2>/dev/null | sort | head -n 1)
            [ -n "$f" ] && { printf '%s\n' "$f"; return; }
        done
    done
}
# otp_bench_web.js is built for a browser's worker: node cannot run it
find_wasm() { find_js otp_bench_web.js otp_bench.js '*bench*.js'; }
find_chromium() { find_js '' otp_bench_web.js; }

loadavg() { cut -d" " -f1-3 /proc/loadavg 2>/dev/null || echo "?"; }
load_start=$(loadavg)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/otp-bench-compare.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
: > "$tmp/native.out"; : > "$tmp/wasm.out"; : > "$tmp/chromium.out"; : > "$tmp/erlang.out"
status=0
sides=()

# run_side LABEL OUTFILE CMD...: output to OUTFILE and, prefixed, to stderr
run_side() {
    local label=$1 out=$2; shift 2
    echo "[$label] \$ $*" >&2
    local t0=$SECONDS
    "$@" 2>&1 | tee "$out" | sed -u "s/^/[$label] /" >&2
    local rc=${PIPESTATUS[0]}
    echo "[$label] exit $rc after $((SECONDS - t0)) s" >&2
    if [ "$rc" -ne 0 ]; then
        status=1
        sides+=("$label: exited $rc")
    else
        sides+=("$label: ran")
    fi
}

# --- native
if [ "$do_native" = 1 ]; then
    [ -n "$native" ] || native=$(find_native)
    if [ -z "$native" ]; then
        sides+=("native: no bench found (looked for build/tests/bench/otp_bench and build*/**/otp_bench)")
    elif [ ! -f "$native" ]; then
        sides+=("native: $native does not exist"); status=1
    else
        case "$native" in /*) ;; *) native=$PWD/$native ;; esac
        run_side native "$tmp/native.out" "$native" ${bench_args[@]+"${bench_args[@]}"}
        sides[${#sides[@]}-1]="${sides[${#sides[@]}-1]} ($native)"
    fi
else
    sides+=("native: skipped (--no-native)")
fi

# --- wasm
if [ "$do_wasm" = 1 ]; then
    [ -n "$wasm" ] || wasm=$(find_wasm)
    if [ -z "$wasm" ]; then
        sides+=("wasm: no bench .js found under build*/ (optional)")
    elif ! command -v node >/dev/null 2>&1; then
        sides+=("wasm: node is not installed")
    elif [ ! -f "$wasm" ]; then
        sides+=("wasm: $wasm does not exist"); status=1
    else
        run_side wasm "$tmp/wasm.out" node --no-experimental-fetch "$wasm" ${bench_args[@]+"${bench_args[@]}"}
        sides[${#sides[@]}-1]="${sides[${#sides[@]}-1]} ($wasm)"
    fi
else
    sides+=("wasm: skipped (--no-wasm)")
fi

# --- wasm inside Chromium (a Web Worker of a page, tests/bench/chromium.mjs)
if [ "$do_chromium" = 1 ]; then
    [ -n "$chromium" ] || chromium=$(find_chromium)
    [ -d "$chromium" ] && chromium=${chromium%/}/otp_bench_web.js
    browser=${OTP_CHROMIUM:-/usr/bin/chromium}
    if [ -z "$chromium" ]; then
        sides+=("chromium: no otp_bench_web.js found under build*/ (optional)")
    elif ! command -v node >/dev/null 2>&1; then
        sides+=("chromium: node is not installed")
    elif [ ! -x "$browser" ]; then
        sides+=("chromium: $browser is not installed (optional)")
    elif [ ! -d "$root/web/node_modules/playwright-core" ]; then
        sides+=("chromium: web/node_modules/playwright-core is missing (bash scripts/setup.sh web)")
    elif [ ! -f "$chromium" ]; then
        sides+=("chromium: $chromium does not exist"); status=1
    else
        run_side chromium "$tmp/chromium.out" node "$here/chromium.mjs" --dir "$(dirname "$chromium")" \
            -- ${bench_args[@]+"${bench_args[@]}"}
        sides[${#sides[@]}-1]="${sides[${#sides[@]}-1]} ($chromium in $browser)"
    fi
else
    sides+=("chromium: skipped (--no-chromium)")
fi

# --- Erlang/OTP peers
if [ "$do_erlang" = 1 ]; then
    # The peers are Debian's erlang and elixir; install them if we can (root).
    if ! command -v erl >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && [ -f "$here/../../scripts/setup.sh" ]; then
        bash "$here/../../scripts/setup.sh" bench_peers >&2 || true
    fi
    if command -v erl >/dev/null 2>&1 && command -v escript >/dev/null 2>&1; then
        erl_args=(${erl_only[@]+"${erl_only[@]}"})
        [ -n "$erl_runs" ] && erl_args+=(--runs "$erl_runs")
        run_side erlang "$tmp/erlang.out" sh "$here/erl/run.sh" ${erl_args[@]+"${erl_args[@]}"}
        sides[${#sides[@]}-1]="${sides[${#sides[@]}-1]} ($(erl -noshell -eval 'io:format("OTP ~s", [erlang:system_info(otp_release)]), halt().' 2>/dev/null))"
    else
        sides+=("erlang: erl is not installed, no Erlang figures (apt-get install erlang elixir)")
    fi
else
    sides+=("erlang: skipped (--no-erlang)")
fi

if [ -n "$keep" ]; then
    mkdir -p "$keep" && cp "$tmp"/native.out "$tmp"/wasm.out "$tmp"/chromium.out "$tmp"/erlang.out "$keep"/
fi

# --- the table
{
    grep '^BENCH ' "$tmp/native.out" | awk '{print "native", $2, $3}'
    grep '^BENCH ' "$tmp/wasm.out"   | awk '{print "wasm", $2, $3}'
    grep '^BENCH ' "$tmp/chromium.out" | awk '{print "chromium", $2, $3}'
    grep '^ERL '   "$tmp/erlang.out" | awk '{print "erlang", $2, $3}'
} | awk '
BEGIN {
    # BENCH.md order
    n = split("ring_hop_ns call_ns spawn_ns proc_bytes genserver_call_ns " \
              "genserver_idle_bytes sup_restart_ns ets_insert_ns ets_lookup_ns " \
              "genstage_events_per_s shell_fib25_ms shell_ring_hop_ns", order, " ")
    # every BENCH.md figure gets a row, measured or not
    for (i = 1; i <= n; i++) { known[order[i]] = 1; seen[order[i]] = 1 }
    # issue targets: op and limit, per side
    tn["ring_hop_ns"] = "<=25";             tw["ring_hop_ns"] = "<=200"
    tn["call_ns"] = "<=60";                 tw["call_ns"] = "<=1000"
    tn["spawn_ns"] = "<=300"
    tn["proc_bytes"] = "<2648"
    tn["genserver_call_ns"] = "<=60";       tw["genserver_call_ns"] = "<=1000"
    tn["genserver_idle_bytes"] = "<1000"
    tn["sup_restart_ns"] = "<=9000";        tw["sup_restart_ns"] = "<=91000"
    tn["ets_insert_ns"] = "<=120";          tw["ets_insert_ns"] = "<=600"
    tn["ets_lookup_ns"] = "<=50";           tw["ets_lookup_ns"] = "<=250"
}
{
    side = $1; name = $2; val = $3
    if (!(name in known) && !(name in extra)) { extra[name] = 1; order[++n] = name }
    v[side, name] = val
    seen[name] = 1
}
function has(side, name) { return ((side, name) in v) }
function higher(name) { return name ~ /_per_s$|max_/ }
function ratio(a, b,   r) {
    if (b + 0 == 0) return "-"
    r = a / b
    if (r >= 100) return sprintf("%.0fx", r)
    if (r >= 10) return sprintf("%.1fx", r)
    if (r >= 0.1) return sprintf("%.2fx", r)
    return sprintf("%.3fx", r)
}
function target(t, side, name,   op, lim, val, ok) {
    if (t == "") return "-"
    if (!has(side, name)) return t
    val = v[side, name] + 0
    if (substr(t, 1, 2) == "<=") { lim = substr(t, 3) + 0; ok = (val <= lim) }
    else if (substr(t, 1, 2) == ">=") { lim = substr(t, 3) + 0; ok = (val >= lim) }
    else if (substr(t, 1, 1) == "<") { lim = substr(t, 2) + 0; ok = (val < lim) }
    else { lim = substr(t, 2) + 0; ok = (val > lim) }
    return t (ok ? " ok" : " MISS")
}
function cell(side, name) { return has(side, name) ? v[side, name] : "-" }
END {
    rows = 0
    nc = split("name native wasm chromium erlang native/erlang wasm/erlang chromium/erlang " \
               "native_target wasm_target chromium_target better", hdr, " ")
    for (c = 1; c <= nc; c++) { sub(/_/, " ", hdr[c]); w[c] = length(hdr[c]); t[0, c] = hdr[c] }
    for (i = 1; i <= n; i++) {
        name = order[i]
        if (!(name in seen)) continue
        r = ++rows
        t[r, 1] = name
        t[r, 2] = cell("native", name)
        t[r, 3] = cell("wasm", name)
        t[r, 4] = cell("chromium", name)
        t[r, 5] = cell("erlang", name)
        t[r, 6] = (has("native", name) && has("erlang", name)) ? ratio(v["native", name], v["erlang", name]) : "-"
        t[r, 7] = (has("wasm", name) && has("erlang", name)) ? ratio(v["wasm", name], v["erlang", name]) : "-"
        t[r, 8] = (has("chromium", name) && has("erlang", name)) ? ratio(v["chromium", name], v["erlang", name]) : "-"
        t[r, 9] = target(tn[name], "native", name)
        t[r, 10] = target(tw[name], "wasm", name)
        t[r, 11] = target(tw[name], "chromium", name)
        t[r, 12] = higher(name) ? "higher" : "lower"
        for (c = 1; c <= nc; c++) if (length(t[r, c]) > w[c]) w[c] = length(t[r, c])
    }
    for (r = 0; r <= rows; r++) {
        line = "|"
        for (c = 1; c <= nc; c++) {
            if (c == 1 || c == nc) line = line sprintf(" %-" w[c] "s |", t[r, c])
            else line = line sprintf(" %" w[c] "s |", t[r, c])
        }
        print line
        if (r == 0) {
            line = "|"
            for (c = 1; c <= nc; c++) {
                dash = ""; for (k = 0; k < w[c] + 2; k++) dash = dash "-"
                if (c != 1 && c != nc) dash = substr(dash, 1, w[c] + 1) ":"
                line = line dash "|"
            }
            print line
        }
    }
}'

cat <<'EOF'

ratio = side / Erlang, same figure, same run. *_ns, *_ms and *_bytes: lower
is better, a ratio under 1x beats Erlang; *_per_s: higher is better, a ratio
over 1x beats Erlang; max_*: higher is better. "-": the figure is absent
from that side. Targets are the issues' (ok / MISS against the measured
value); the chromium column is held to the wasm targets.
EOF
for s in "${sides[@]}"; do echo "  $s"; done
echo "  load average (1, 5, 15 min) at start: $load_start; at end: $(loadavg); cores: $(nproc 2>/dev/null || echo ?)"
busy=$(awk -v l="${load_start%% *}" -v c="$(nproc 2>/dev/null || echo 1)" 'BEGIN { print (l + 0 > c * 0.5) ? 1 : 0 }')
[ "$busy" = 1 ] && echo "  warning: the machine was busy at the start; figures of a loaded machine are not comparable"
exit $status
