// IEx's colours in a snippet's output: the node's session prints ANSI SGR
// sequences (results by type, errors in red) as it does for the terminal;
// this turns them into spans with classes (embed.css gives the colours)
// and drops any other escape sequence. strip() gives the plain text.
const ESC = /\x1b\[([0-9;]*)([A-Za-z])/g;

export function strip(text) {
  return text.replace(ESC, '');
}

// Appends `text` to `element`, carrying the open style in `state`
// ({fg, bold}) from one call to the next.
export function appendAnsi(element, text, state) {
  let last = 0;
  const flush = (s) => {
    if (!s) return;
    if (!state.fg && !state.bold) {
      element.append(s);
      return;
    }
    const span = document.createElement('span');
    if (state.fg) span.className = `otp-fg-${state.fg}`;
    if (state.bold) span.classList.add('otp-bold');
    span.textContent = s;
    element.append(span);
  };
  for (const m of text.matchAll(ESC)) {
    flush(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[2] !== 'm') continue;
    for (const code of (m[1] || '0').split(';').map(Number)) {
      if (code === 0) {
        state.fg = null;
        state.bold = false;
      } else if (code === 1) state.bold = true;
      else if (code === 22) state.bold = false;
      else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) state.fg = code;
      else if (code === 39) state.fg = null;
    }
  }
  flush(text.slice(last));
}
