// What the terminal sends for a key (xterm.js's onData: characters and
// escape sequences, in xterm's normal cursor mode) turned into editor
// actions. One chunk may hold many keys (typing fast, or a paste: a pasted
// newline arrives as \r), so parseKeys returns a list:
//   { type: 'text', text } | { type: '<action>' }
// Unknown sequences are dropped rather than inserted as text. DOM-free.

const CONTROL = {
  '\r': 'enter',
  '\n': 'enter',
  '\x7f': 'backspace',
  '\x08': 'deleteWordBack',   // Ctrl-Backspace
  '\t': 'complete',
  '\x01': 'home',             // Ctrl-A
  '\x02': 'left',             // Ctrl-B
  '\x03': 'interrupt',        // Ctrl-C
  '\x04': 'eof',              // Ctrl-D
  '\x05': 'end',              // Ctrl-E
  '\x06': 'right',            // Ctrl-F
  '\x0b': 'killToEnd',        // Ctrl-K
  '\x0c': 'clear',            // Ctrl-L
  '\x0e': 'down',             // Ctrl-N
  '\x10': 'up',               // Ctrl-P
  '\x15': 'killToStart',      // Ctrl-U
  '\x17': 'deleteWordBack',   // Ctrl-W
};

// ESC + one character (Alt/Meta + key).
const META = {
  b: 'wordLeft',
  f: 'wordRight',
  d: 'deleteWordForward',
  '\x7f': 'deleteWordBack',   // Alt-Backspace
  '\r': 'enter',
};

// CSI final byte (with a modifier parameter: 1;5 Ctrl, 1;3 Alt).
function csiAction(params, final) {
  const [first, mod] = params.split(';');
  const word = mod === '5' || mod === '3' || mod === '9';
  switch (final) {
    case 'A': return 'up';
    case 'B': return 'down';
    case 'C': return word ? 'wordRight' : 'right';
    case 'D': return word ? 'wordLeft' : 'left';
    case 'H': return 'home';
    case 'F': return 'end';
    case '~':
      switch (first) {
        case '1': case '7': return 'home';
        case '4': case '8': return 'end';
        case '3': return word ? 'deleteWordForward' : 'deleteForward';
        default: return null;
      }
    default: return null;
  }
}

export function parseKeys(data) {
  const keys = [];
  let text = '';
  const flush = () => {
    if (text) keys.push({ type: 'text', text });
    text = '';
  };
  for (let i = 0; i < data.length; ) {
    const c = data[i];
    if (c === '\x1b') {
      flush();
      const next = data[i + 1];
      if (next === '[' || next === 'O') {
        // CSI: parameters then one final byte in @..~ ; SS3: one byte.
        let j = i + 2;
        if (next === '[') while (j < data.length && data[j] >= '0' && data[j] <= '?') j += 1;
        const final = data[j];
        const action = final === undefined ? null : csiAction(data.slice(i + 2, j), final);
        if (action) keys.push({ type: action });
        i = j + 1;
      } else if (next !== undefined) {
        const action = META[next];
        if (action) keys.push({ type: action });
        i += 2;
      } else {
        i += 1;
      }
      continue;
    }
    const action = CONTROL[c];
    if (action) {
      // \r\n from a paste is one line break.
      if (c === '\r' && data[i + 1] === '\n') i += 1;
      flush();
      keys.push({ type: action });
    } else if (c >= ' ') {
      text += c;
    }
    i += 1;
  }
  flush();
  return keys;
}
