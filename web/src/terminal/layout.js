// Where text lands on a terminal `cols` wide, wrapping as xterm.js does:
// a character that does not fit in the rest of the row goes to the start of
// the next row (a wide one too, leaving the last cell empty), and a row
// that is exactly full leaves the cursor "pending" at col == cols until the
// next character wraps it. DOM-free, used by iex-terminal.js to redraw the
// edit area and by the tests.
//
// Widths follow wcwidth closely enough for a shell: combining marks and
// zero-width characters take no cell, East Asian wide and fullwidth
// characters and emoji take two, everything else one. ANSI escape
// sequences are not text: strip them first (stripAnsi).

const ZERO_WIDTH = /[\p{Mn}\p{Me}\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/u;
// [first, last] code points drawn two cells wide.
const WIDE = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x23f0, 0x23f0],
  [0x23f3, 0x23f3], [0x25fd, 0x25fe], [0x2614, 0x2615], [0x2648, 0x2653], [0x267f, 0x267f],
  [0x2693, 0x2693], [0x26a1, 0x26a1], [0x26aa, 0x26ab], [0x26bd, 0x26be], [0x26c4, 0x26c5],
  [0x26ce, 0x26ce], [0x26d4, 0x26d4], [0x26ea, 0x26ea], [0x26f2, 0x26f3], [0x26f5, 0x26f5],
  [0x26fa, 0x26fa], [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b], [0x2728, 0x2728],
  [0x274c, 0x274c], [0x274e, 0x274e], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797],
  [0x27b0, 0x27b0], [0x27bf, 0x27bf], [0x2b1b, 0x2b1c], [0x2b50, 0x2b50], [0x2b55, 0x2b55],
  [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf],
  [0xa960, 0xa97f], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f],
  [0xff00, 0xff60], [0xffe0, 0xffe6], [0x16fe0, 0x16fe4], [0x17000, 0x18cff], [0x1b000, 0x1b2ff],
  [0x1f004, 0x1f004], [0x1f0cf, 0x1f0cf], [0x1f18e, 0x1f18e], [0x1f191, 0x1f19a], [0x1f200, 0x1f251],
  [0x1f300, 0x1f64f], [0x1f680, 0x1f6ff], [0x1f7e0, 0x1f7eb], [0x1f90c, 0x1f9ff], [0x1fa70, 0x1faff],
  [0x20000, 0x3fffd],
];

export function charWidth(ch) {
  const cp = ch.codePointAt(0);
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (cp < 0x1100) return ZERO_WIDTH.test(ch) ? 0 : 1;
  if (ZERO_WIDTH.test(ch)) return 0;
  let lo = 0;
  let hi = WIDE.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < WIDE[mid][0]) hi = mid - 1;
    else if (cp > WIDE[mid][1]) lo = mid + 1;
    else return 2;
  }
  return 1;
}

export function textWidth(text) {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

// CSI and OSC sequences and lone ESC-x pairs.
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]/g;

export function stripAnsi(text) {
  return text.replace(ANSI, '');
}

// The position after writing `text` from `pos` ({row, col}); col may end
// equal to cols (a full row, wrap pending). Tabs go to the next multiple
// of 8; a newline starts a new row.
export function advance(pos, text, cols) {
  let { row, col } = pos;
  for (const ch of text) {
    if (ch === '\n') {
      row += 1;
      col = 0;
      continue;
    }
    if (ch === '\t') {
      if (col >= cols) { row += 1; col = 0; }
      col = Math.min(cols, (Math.floor(col / 8) + 1) * 8);
      continue;
    }
    const w = charWidth(ch);
    if (w === 0) continue;
    if (col + w > cols) {
      row += 1;
      col = 0;
    }
    col += w;
  }
  return { row, col };
}

// Where the cursor shows at `pos`: a pending wrap shows at the next row.
export function settle(pos, cols) {
  return pos.col >= cols ? { row: pos.row + 1, col: 0 } : pos;
}

// The column where output that ended with `tail` (the text after its last
// line break, escape sequences removed) left the cursor: the position of
// the end of `tail` in a row that started at column 0.
export function tailColumn(tail, cols) {
  return advance({ row: 0, col: 0 }, tail, cols);
}
