// The output normaliser of the doc-test (tests/doctest/normalize.cpp, after
// ../shared/conformance/normalize.py --no-stacktrace), for the browser: a
// snippet compares what the node printed with what its page states, so the
// reader sees whether the run matched. Keep the two in step.
const SUBS = [
  [/#PID<\d+\.\d+\.\d+>/g, '#PID<*>'],
  [/(^|[^#\w])<\d+\.\d+\.\d+>/g, '$1<*>'],
  [/#Reference<[\d.]+>/g, '#Reference<*>'],
  [/#Port<[\d.]+>/g, '#Port<*>'],
  [/#Function<\d+\.\d+\//g, '#Function<*/'],
  [/^\d\d:\d\d:\d\d\.\d\d\d (?=\[)/, '* '],
  [/^Interactive .* - press Ctrl\+C to exit \(type h\(\) ENTER for help\)$/, 'Interactive * - press Ctrl+C to exit (type h() ENTER for help)'],
  [/^iex\(\d+\)>/, 'iex>'],
  [/^\.\.\.\(\d+\)>/, '...>'],
];

const STACK = [
  /^\s{4,}\([\w]+ [\d.\w-]+\) \S+:\d+: \S/,
  /^\s{4,}\([\w]+ [\d.\w-]+\) \S+\.\w+\/\d+$/,
  /^\s{4,}\([\w]+ [\d.\w-]+\) \S+\(.*\)$/,
  /^\s{4,}iex:\d+: \S/,
  /^\s{4,}:?[\w.]+\.\S+\(.*\)$/,
  /^\s{4,}[\w.]+\.\w+[?!]?\/\d+$/,
];

const MODULE_BIN = /\{:module, ([\w.:"]+),\s*<<70, 79, 82, 49,[^>]*>>,\s*/g;

const isPrompt = (line) => line.startsWith('iex>') || line.startsWith('...>');

export function normalise(input) {
  const text = input.replace(/\r\n/g, '\n').replace(MODULE_BIN, '{:module, $1, <<*>>, ');
  const lines = [];
  for (let line of text.split('\n')) {
    line = line.replace(/[ \t]+$/, '');
    for (const [re, rep] of SUBS) line = line.replace(re, rep);
    if (!STACK.some((re) => re.test(line))) lines.push(line);
  }
  const out = [];
  lines.forEach((line, i) => {
    if (line === '' && (out.length === 0 || i + 1 === lines.length || isPrompt(lines[i + 1]))) return;
    out.push(line);
  });
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.length ? `${out.join('\n')}\n` : '';
}
