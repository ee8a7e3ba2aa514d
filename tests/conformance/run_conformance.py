#!/usr/bin/env python3
"""Replays every IEx transcript of the conformance folder through otp_replay
and compares the screens after normalize.py (the folder's own normaliser),
as the folder's README says: a case matches when `normalize.py
--no-stacktrace` of the replay equals that of NAME.out or of one of its
NAME.altK.out files (racy cases are also compared with --unordered).

    run_conformance.py --replay build/bin/otp_replay --cases ../shared/conformance
                       [--min-pass N] [--diff] [CASE ...]

Prints one line per case (MATCH / DIFF), the diffs with --diff, and
"N passed, M failed". Exits non-zero when fewer than --min-pass cases match
(the floor the suite has reached, so a regression fails the test)."""
import argparse
import difflib
import glob
import os
import subprocess
import sys

RACY = {"t3_warnings", "t9_module_basics", "t9_hot_reload", "t4_link_raise", "t5_agent_crash",
        "t9_counter_supervised", "t9_divide_let_it_crash"}


def normalise(normalizer, text, *flags):
    return subprocess.run([sys.executable, normalizer, "--no-stacktrace", *flags], input=text,
                          capture_output=True, text=True, check=True).stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--replay", required=True)
    ap.add_argument("--cases", required=True)
    ap.add_argument("--min-pass", type=int, default=0)
    ap.add_argument("--diff", action="store_true")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    normalizer = os.path.join(args.cases, "normalize.py")
    names = args.names or sorted(os.path.basename(p)[:-4] for p in glob.glob(os.path.join(args.cases, "*.iex")))
    passed, failed = 0, []
    for name in names:
        iex = os.path.join(args.cases, name + ".iex")
        try:
            run = subprocess.run([args.replay, iex], capture_output=True, text=True, timeout=120)
            screen = run.stdout
            note = run.stderr.strip() if run.returncode == 0 else "exit status %d: %s" % (run.returncode, run.stderr.strip())
        except subprocess.TimeoutExpired:
            screen, note = "", "timed out"
        expected = [os.path.join(args.cases, name + ".out")] + sorted(
            glob.glob(os.path.join(args.cases, name + ".alt*.out")))
        got = normalise(normalizer, screen)
        ok = False
        first_want = None
        for path in expected:
            with open(path, encoding="utf-8") as f:
                want_text = f.read()
            want = normalise(normalizer, want_text)
            first_want = first_want if first_want is not None else want
            if got == want:
                ok = True
                break
            if name in RACY and normalise(normalizer, screen, "--unordered") == normalise(normalizer, want_text, "--unordered"):
                ok = True
                break
        if ok:
            passed += 1
            print("MATCH", name)
        else:
            failed.append(name)
            print("DIFF ", name, ("(" + note + ")") if note else "")
            if args.diff:
                sys.stdout.writelines(difflib.unified_diff(first_want.splitlines(True), got.splitlines(True),
                                                           "expected/" + name, "replay/" + name))
    print("%d passed, %d failed" % (passed, len(failed)))
    if failed:
        print("differing:", " ".join(failed))
    return 0 if passed >= args.min_pass else 1


if __name__ == "__main__":
    sys.exit(main())
