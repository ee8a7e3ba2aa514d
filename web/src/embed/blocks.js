// What a runnable block types and what it expects, read from its text: the
// same rules as the doc-test's (tests/doctest/page.cpp, inputs_of), so a
// page runs in the browser exactly as it is checked. docs/embedding.md
// describes the markup.
//
// A session block: lines starting "iex>" are typed, "...>" lines continue
// the input before them; every other line is expected output. A code
// block: its non-empty lines, typed between "(" and ")" so the block runs
// as one expression and shows its last result, like a notebook cell.

export function sessionInputs(text) {
  const inputs = [];
  for (const line of text.split('\n')) {
    for (const [prefix, continuation] of [['iex>', false], ['...>', true]]) {
      if (!line.startsWith(prefix)) continue;
      let rest = line.slice(prefix.length);
      if (rest.startsWith(' ')) rest = rest.slice(1);
      if (rest) inputs.push({ line: rest, continuation });
    }
  }
  return inputs;
}

export function codeInputs(text) {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.trim() !== '');
  return [{ line: '(', continuation: false }, ...lines.map((line) => ({ line, continuation: true })),
    { line: ')', continuation: true }];
}

// The text of a <pre> as the doc-test reads it (the HTML parser already
// dropped the newline right after <pre>).
export function blockText(pre) {
  return pre.textContent;
}
