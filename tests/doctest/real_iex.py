#!/usr/bin/env python3
"""Checks the documentation pages' expected outputs against REAL IEx.

The doc-test (otp_doctest) checks that this project's node prints what a page
says; this tool checks that what the page says is what Elixir 1.14 itself
prints, so the pages stay the truth and not a copy of our own output.

    tests/doctest/real_iex.py [--conformance DIR] [--keep DIR] PAGE.html...

For each page, every block not marked data-real-iex="no" (blocks that use
what only the playground has: the chatroom application, GenStage, the
observer) is typed into one fresh `iex` through the conformance folder's
capture.sh (tmux, 600 ms settle: see its README), a block marked
data-node="fresh" into an iex of its own. The screen is cut back into
blocks the way the doc-test and the embedder cut theirs (docs/embedding.md)
and compared after normalize.py --no-stacktrace and the prompt numbers.
Prints MATCH / DIFF per block, and "N passed, M failed". Needs Debian's
elixir and tmux. Real IEx is racy in places (logger reports vs. results):
a DIFF there may need a second run.

The blocks are read with Python's html.parser (a real HTML parser), which
also cross-checks the doc-test's simpler scanner: the counts must agree.
"""
import argparse
import difflib
import html.parser
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CONFORMANCE = os.path.normpath(os.path.join(HERE, '../../../shared/conformance'))
PROMPT_RE = re.compile(r'^(iex|\.\.\.)\(\d+\)>(?: (.*))?$')


class Blocks(html.parser.HTMLParser):
    """Collects <pre class="otp-run"> blocks and their <pre class="otp-output">."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []
        self.current = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get('class') or '').split()
        if tag != 'pre':
            return
        if 'otp-run' in classes:
            self.current = {'kind': a.get('data-kind', 'session'), 'fresh': a.get('data-node') == 'fresh',
                            'real': a.get('data-real-iex') != 'no', 'text': '', 'expected': None,
                            'line': self.getpos()[0], 'into': 'text'}
            self.blocks.append(self.current)
        elif 'otp-output' in classes and self.blocks:
            self.current = self.blocks[-1]
            self.current['into'] = 'expected'
            self.current['expected'] = ''

    def handle_endtag(self, tag):
        if tag == 'pre':
            self.current = None

    def handle_data(self, data):
        if self.current is not None:
            self.current[self.current['into']] += data


def strip_first_newline(s):
    return s[1:] if s.startswith('\n') else s


def inputs_of(block):
    text = strip_first_newline(block['text'])
    if block['kind'] == 'code':
        return ['('] + [l for l in text.split('\n') if l.strip()] + [')']
    out = []
    for line in text.split('\n'):
        for prefix in ('iex>', '...>'):
            if line.startswith(prefix):
                rest = line[len(prefix):]
                rest = rest[1:] if rest.startswith(' ') else rest
                if rest:
                    out.append(rest)
    return out


def load_normalize(conformance):
    sys.path.insert(0, conformance)
    import normalize  # the conformance folder's normaliser
    return normalize


def normalise(normalize, text):
    out = normalize.normalise(text, keep_banner=True, no_stack=True)
    lines = [re.sub(r'^iex\(\d+\)>', 'iex>', re.sub(r'^\.\.\.\(\d+\)>', '...>', l)) for l in out.split('\n')]
    while lines and lines[0] == '':
        lines.pop(0)
    while lines and lines[-1] == '':
        lines.pop()
    # blank lines before a prompt do not count (normalize.py drops them
    # before iex(N)> only; the page writes iex>)
    lines = [l for i, l in enumerate(lines)
             if not (l == '' and i + 1 < len(lines) and re.match(r'^(iex|\.\.\.)>', lines[i + 1]))]
    return '\n'.join(lines) + '\n'


def unordered(text):
    """The lines, sorted, without blank ones: what normalize.py --unordered
    compares for the cases where real IEx's output order is racy (a logger
    report against the caller's error)."""
    return sorted(l for l in text.split('\n') if l.strip())


def capture(conformance, typed, keep):
    """Types `typed` into a fresh iex; returns the normalised screen."""
    work = keep or tempfile.mkdtemp(prefix='real_iex_')
    os.makedirs(work, exist_ok=True)
    case = os.path.join(work, 'page.iex')
    with open(case, 'w') as f:
        f.write('\n'.join(typed) + '\n')
    subprocess.run(['bash', os.path.join(conformance, 'capture.sh'), '-o', work, '-r', work, case],
                   check=False, stdout=subprocess.DEVNULL)
    with open(os.path.join(work, 'page.out')) as f:
        return f.read()


def split_screen(screen, typed):
    """[(prompt kind, output text)] per typed line, cut as the doc-test cuts."""
    k = 0
    parts = []
    pending_echo = False  # a prompt was shown whose rest was not the next input
    for line in screen.split('\n'):
        m = PROMPT_RE.match(line)
        if m:
            rest = m.group(2) or ''
            if k < len(typed) and rest == typed[k]:
                parts.append([m.group(1), ''])
                k += 1
                pending_echo = False
                continue
            pending_echo = True
            if parts and (rest or k < len(typed)):
                parts[-1][1] += rest + '\n'
            continue
        if pending_echo and k < len(typed) and line == typed[k]:
            parts.append(['iex', ''])  # echoed on a line of its own
            k += 1
            pending_echo = False
            continue
        if parts:
            parts[-1][1] += line + '\n'
    return parts, k == len(typed)


def check_group(normalize, conformance, blocks, keep, label):
    typed = [l for b in blocks for l in inputs_of(b)]
    screen = capture(conformance, typed, keep)
    parts, complete = split_screen(screen, typed)
    results = []
    i = 0
    for b in blocks:
        n = len(inputs_of(b))
        mine = parts[i:i + n]
        i += n
        if b['kind'] == 'session':
            got = ''.join(('iex> ' if kind == 'iex' else '...> ') + line + '\n' + out
                          for (kind, out), line in zip(mine, inputs_of(b)))
            want = strip_first_newline(b['text'])
        else:
            got = ''.join(out for _, out in mine)
            want = strip_first_newline(b['expected'] or '')
        results.append((b, normalise(normalize, want), normalise(normalize, got)))
    if not complete:
        print(f'{label}: the screen did not show every typed line (a TIMEOUT?)')
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--conformance', default=DEFAULT_CONFORMANCE)
    ap.add_argument('--keep', help='keep the .iex and the captures in this folder')
    ap.add_argument('pages', nargs='+')
    args = ap.parse_args()
    normalize = load_normalize(args.conformance)
    passed = failed = 0
    for path in args.pages:
        parser = Blocks()
        with open(path, encoding='utf-8') as f:
            parser.feed(f.read())
        blocks = parser.blocks
        for idx, b in enumerate(blocks, 1):
            b['index'] = idx
        shared = [b for b in blocks if b['real'] and not b['fresh']]
        groups = [shared] + [[b] for b in blocks if b['real'] and b['fresh']]
        skipped = [b for b in blocks if not b['real']]
        for g in groups:
            if not g:
                continue
            keep = args.keep and os.path.join(args.keep, os.path.basename(path), str(g[0]['index']))
            for b, want, got in check_group(normalize, args.conformance, g, keep, path):
                tag = f'{path} block {b["index"]} (line {b["line"]}, {b["kind"]})'
                if want == got:
                    passed += 1
                    print(f'MATCH {tag}')
                elif unordered(want) == unordered(got):
                    passed += 1
                    print(f'MATCH {tag} (in another order: real IEx is racy here)')
                else:
                    failed += 1
                    print(f'DIFF  {tag}')
                    sys.stdout.writelines(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                                               'page', 'real iex'))
        for b in skipped:
            print(f'SKIP  {path} block {b["index"]} (line {b["line"]}): data-real-iex="no"')
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
