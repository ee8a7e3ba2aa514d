#!/usr/bin/env python3
"""Checks wasm/asyncify-remove.txt against a linked wasm (who calls it: a
person editing the list; see the list's header and docs/web.md).

The list names functions that ASYNCIFY leaves uninstrumented. That is safe
only for a function that can never be on the stack when a fiber switches
(emscripten_fiber_swap). This script proves it from the call graph of a
wasm linked with names and without binaryen's optimizations (which merge
similar functions and turn constant call targets into parameters): the
build's own link line with -O1 --profiling-funcs, e.g.

  ninja -C BUILD -t commands otp_web | tail -1 \
    | sed 's/ -Oz / -O1 --profiling-funcs /; s#-o bin/otp_web.js#-o /tmp/n/otp_web.js#' \
    | (cd BUILD && sh)

(for otp_tests, add -O1 --profiling-funcs before its -o). The rules:

  * a direct call is an edge;
  * an indirect call (call_indirect, and the invoke_<sig> imports through
    which emscripten 3.1.6 makes every call that may throw) is an edge to
    EVERY function in the table with that signature (wasm checks the
    signature at the call, so nothing else can be reached);
  * an invoke_<sig> call with a constant index is a direct call;
  * the only import that switches is emscripten_fiber_swap; no other import
    calls back into wasm code that could reach it, and imports are reached
    through the table only by invoke_<sig> calls with their constant index;
  * the list's `#! assume` lines name functions the proof may treat as not
    switching when an entry calls them (they stay instrumented).

A function is "switching" when it can reach emscripten_fiber_swap. An entry
is proved safe when every function it matches is not switching; otherwise
the script prints a call chain from a matched function to the swap.

  asyncify_check.py WASM LIST              check LIST's entries (exit 1 if one SWITCHES)
  asyncify_check.py WASM --why PATTERN [LIST]   why each matching function switches
  asyncify_check.py WASM --top N [DEPTH]   the largest groups no direct call chain
                                           links to a switch (candidates to study)
"""
import collections
import re
import subprocess
import sys


VALTYPE = r"(?:i32|i64|f32|f64|v128|funcref|externref)"
LETTER = {"i": "i32", "j": "i64", "f": "f32", "d": "f64"}
FUNC = re.compile(r"^ \((?:func|import \"[^\"]*\" \"[^\"]*\" \(func) \$([^\s()]+)(.*)$")
CALL = re.compile(r"\((?:return_)?call \$([^\s()]+)")
INDIRECT = re.compile(r"\((?:return_)?call_indirect (?:\$\S+ )?\(type \$(\S+)\)")
CONST = re.compile(r"^\s*\(i32\.const (\d+)\)")
INVOKE = re.compile(r"(?:legalfunc\$|legalimport\$)?invoke_([vijfd])([ijfd]*)")


def unescape(name):
    return re.sub(r"\\([0-9a-f]{2})", lambda m: chr(int(m.group(1), 16)), name)


def header_sig(rest):
    params = re.findall(r"\(param (?:\$\S+ )?((?:%s ?)+)\)" % VALTYPE, rest)
    results = re.findall(r"\(result ((?:%s ?)+)\)" % VALTYPE, rest)
    return (tuple(" ".join(params).split()), tuple(" ".join(results).split()))


def type_sig(tname):
    ps, rs = tname.split("_=>_")
    return (() if ps == "none" else tuple(ps.split("_")), () if rs == "none" else tuple(rs.split("_")))


def analyse(path):
    """Call graph of the wasm's text (wasm-dis): per function its callees, the
    switching set and the size of each function's text (a proxy for code)."""
    text = subprocess.run(["wasm-dis", path], check=True, capture_output=True, text=True).stdout
    lines = text.split("\n")
    sig, table, body = {}, [], {}
    cur = None
    for k, line in enumerate(lines):
        m = FUNC.match(line)
        if m:
            cur = m.group(1)
            sig[cur] = header_sig(m.group(2))
            body[cur] = [k, k + 1, line.startswith(" (import")]
        elif line.startswith(" (elem (i32.const "):
            off = int(re.match(r" \(elem \(i32\.const (\d+)\)", line).group(1))
            table = [None] * off + re.findall(r"\$(\S+?)(?=[ )])", line[line.index(")") + 1:])
            cur = None
        elif line.startswith(" (") and not line.startswith(" (func"):
            cur = None
        elif cur is not None:
            body[cur][1] = k + 1
    # Indirect calls by signature reach the table's wasm functions. An import
    # has a table slot only for invoke_* calls with its constant index (e.g.
    # emscripten_fiber_swap, invoked by otp::fiber::switch_to), which are
    # followed exactly below.
    by_sig = collections.defaultdict(set)
    for f in set(table) - {None}:
        if not body[f][2]:
            by_sig[sig[f]].add(f)

    def invoke_sig(m):
        return (tuple(LETTER[c] for c in m.group(2)), () if m.group(1) == "v" else (LETTER[m.group(1)],))

    edges, indirect, size = {}, {}, {}
    for f, (s, e, imported) in body.items():
        out = edges[f] = set()
        ind = indirect[f] = set()
        size[f] = 0 if imported else sum(len(lines[k]) for k in range(s, e))
        if imported or INVOKE.fullmatch(f):
            m = INVOKE.fullmatch(f)
            if m:  # a call through the table whose target is not a constant
                ind |= by_sig[invoke_sig(m)]
            continue
        for k in range(s, e):
            line = lines[k]
            m = CALL.search(line)
            if m:
                g = m.group(1)
                im = INVOKE.fullmatch(g)
                c = CONST.match(lines[k + 1]) if im else None
                if c:
                    out.add(table[int(c.group(1))])
                elif im:
                    ind |= by_sig[invoke_sig(im)]
                else:
                    out.add(g)
                continue
            m = INDIRECT.search(line)
            if m:
                ind |= by_sig[type_sig(m.group(1))]
    if "emscripten_fiber_swap" not in edges:
        raise SystemExit("no emscripten_fiber_swap (is the wasm linked with --profiling-funcs?)")
    defined = [f for f, b in body.items() if not b[2]]
    return defined, size, edges, indirect


def switching(edges, indirect, cut=frozenset(), use_indirect=True):
    """The functions that can reach emscripten_fiber_swap without passing
    through a function of `cut`, each mapped to the next one on such a path."""
    callers = collections.defaultdict(list)
    for f in edges:
        if f in cut:
            continue
        for g in edges[f] | (indirect[f] if use_indirect else set()):
            callers[g].append(f)
    nxt = {"emscripten_fiber_swap": None}
    work = ["emscripten_fiber_swap"]
    while work:
        g = work.pop()
        for f in callers[g]:
            if f not in nxt:
                nxt[f] = g
                work.append(f)
    return nxt


def pattern(entry):
    return re.compile("".join(".*" if c == "*" else re.escape(c) for c in entry) + r"\Z")


def chain(f, nxt):
    out = []
    while f is not None and len(out) < 12:
        out.append(unescape(f)[:140])
        f = nxt[f]
    return out


def read_list(path):
    """The list's entries, and its `#! assume PATTERN` lines (see the list's
    header): functions that stay instrumented, but that the proof may treat
    as never switching when a listed function calls them."""
    entries, assumed = [], []
    for line in open(path):
        entry = line.strip()
        if entry.startswith("#! assume "):
            assumed.append(entry[len("#! assume "):].strip())
        elif entry and not entry.startswith("#"):
            entries.append(entry)
    return entries, assumed


def matching(patterns, defined, plain):
    rxs = [pattern(e) for e in patterns]
    return {f for f in defined if any(rx.match(plain[f]) for rx in rxs)}


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    defined, size, edges, indirect = analyse(sys.argv[1])
    plain = {f: unescape(f) for f in defined}
    if sys.argv[2] == "--top":
        # Candidates: what no DIRECT call chain links to a switch.
        nxt = switching(edges, indirect, use_indirect=False)
        groups = collections.Counter()
        depth = int(sys.argv[4]) if len(sys.argv) > 4 else 3
        for f in defined:
            if f not in nxt:
                base = re.sub(r"<.*", "", plain[f].split("(")[0])
                groups["::".join(base.split("::")[:depth])] += size[f]
        for g, n in groups.most_common(int(sys.argv[3])):
            print(n, g)
        return
    if sys.argv[2] == "--why":
        members = set()
        if len(sys.argv) > 4:
            entries, assumed = read_list(sys.argv[4])
            members = matching(entries + assumed, defined, plain)
        nxt = switching(edges, indirect, members)
        rx = pattern(sys.argv[3])
        for f in defined:
            if rx.match(plain[f]):
                bad = [g for g in edges[f] | indirect[f] if g in nxt and g not in members]
                print(("SWITCHES " if bad else "ok       ") + plain[f][:160])
                for g in bad[:5]:
                    kind = "direct  " if g in edges[f] else "indirect"
                    print("   %s -> %s" % (kind, "\n               -> ".join(chain(g, nxt)[:6])))
        return
    entries, assumed = read_list(sys.argv[2])
    rxs = [(e, pattern(e)) for e in entries]
    hits = {e: [f for f in defined if rx.match(plain[f])] for e, rx in rxs}
    members = set().union(*hits.values())
    trusted = members | matching(assumed, defined, plain)
    nxt = switching(edges, indirect, trusted)
    failed = 0
    for e in entries:
        hit = hits[e]
        direct = [(f, g) for f in hit for g in edges[f] if g in nxt and g not in trusted]
        ind = [(f, g) for f in hit for g in indirect[f] if g in nxt and g not in trusted]
        n = sum(size[f] for f in hit)
        if not hit:
            print("NO MATCH  %s" % e)
        elif direct:
            failed += 1
            print("SWITCHES  %s" % e)
            f, g = direct[0]
            print("    " + plain[f][:140] + "\n      -> " + "\n      -> ".join(chain(g, nxt)))
        elif ind:
            calls = sorted({plain[f][:100] for f, _ in ind})
            print("INDIRECT %8d %4d  %s  (by %d functions: %s)" % (n, len(hit), e, len(calls), "; ".join(calls[:3])))
        else:
            print("proved   %8d %4d  %s" % (n, len(hit), e))
    total = sum(size[f] for f in defined)
    print("the list matches %d functions, %.1f%% of the code (as wasm text); %d entries fail" %
          (len(members), 100.0 * sum(size[f] for f in members) / total, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
