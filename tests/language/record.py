#!/usr/bin/env python3
"""Records language files from the real IEx (needs Debian's elixir, tmux and
the conformance folder's capture.sh / normalize.py).

    record.py FILE.iex ...          re-record the outputs of existing files
    record.py --check FILE.iex ...  only compare, print the differences

Each file keeps its leading `#` comment lines and its inputs (`iex> ` lines
and their `...> ` continuations); the outputs are replaced by what IEx
1.14 printed, normalised as the conformance folder does with
--no-stacktrace (pids, references and fun names masked, stack-trace lines
dropped), in doctest form. See README.md."""
import argparse
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CONF = os.environ.get("OTP_CONFORMANCE_DIR", os.path.join(HERE, "..", "..", "..", "shared", "conformance"))


def parse(path):
    header, inputs = [], []
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    started = False
    for line in lines:
        if not started and (line.startswith("#") or not line.strip()):
            header.append(line)
            continue
        if line.startswith("iex>"):
            started = True
            inputs.append([line[5:]])
        elif line.startswith("...>") and inputs:
            inputs[-1].append(line[5:])
    return header, inputs


def capture(inputs):
    with tempfile.TemporaryDirectory() as tmp:
        case = os.path.join(tmp, "case.iex")
        with open(case, "w", encoding="utf-8") as f:
            if any(len(i) > 1 for i in inputs):
                f.write("# multiline\n")
            for i in inputs:
                for line in i:
                    f.write(line + "\n")
        subprocess.run(["bash", os.path.join(CONF, "capture.sh"), "-o", tmp, "-r", os.path.join(tmp, "raw"), case],
                       check=True, capture_output=True)
        with open(os.path.join(tmp, "case.out"), encoding="utf-8") as f:
            raw = f.read()
    return subprocess.run([sys.executable, os.path.join(CONF, "normalize.py"), "--no-stacktrace"], input=raw,
                          capture_output=True, text=True, check=True).stdout


# Compile-time frames normalize.py keeps: "    (elixir 1.14.0) expanding macro: Kernel.raise/2".
EXPANDING_RE = re.compile(r"^\s{4,}(\(\w+ [\d.]+\) )?expanding (macro|struct): ")


def doctest(screen):
    out = []
    for line in screen.splitlines():
        if EXPANDING_RE.match(line):
            continue
        m = re.match(r"^iex\(\d+\)>( ?)(.*)$", line)
        if m:
            out.append("iex> " + m.group(2) if m.group(2) or m.group(1) else "iex>")
            continue
        m = re.match(r"^\.\.\.\(\d+\)>( ?)(.*)$", line)
        if m:
            out.append("...> " + m.group(2))
            continue
        out.append(line)
    while out and out[-1] in ("iex>", ""):
        out.pop()
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    bad = 0
    for path in args.files:
        header, inputs = parse(path)
        body = doctest(capture(inputs))
        text = "\n".join(header + body) + "\n"
        with open(path, encoding="utf-8") as f:
            old = f.read()
        if args.check:
            if old != text:
                bad += 1
                print("DIFF", path)
                import difflib
                sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), text.splitlines(True), path, "iex"))
            else:
                print("SAME", path)
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            print("recorded", path)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
