// The line being edited at the prompt: its text and the cursor, with the
// editing operations of a readline (characters, words, kills). DOM-free and
// terminal-free: iex-terminal.js maps keys onto these and redraws; the tests
// in line-buffer.test.js drive it directly.
//
// The cursor is an index into the JS string (UTF-16 units) that always sits
// on a code point boundary, so an emoji or an accented letter moves and
// deletes as one character. A "word" is a run of letters, digits, `_`, `?`
// and `!` (an Elixir identifier); `.` `(` and spaces separate words, so
// Ctrl-Left from the end of `Enum.map` stops before `map`.

const WORD = /[\p{L}\p{N}_?!]/u;

function isWordChar(ch) {
  return ch !== undefined && WORD.test(ch);
}

export class LineBuffer {
  constructor(text = '', cursor = text.length) {
    this.text = text;
    this.cursor = cursor;
  }

  set(text, cursor = text.length) {
    this.text = text;
    this.cursor = Math.max(0, Math.min(cursor, text.length));
  }

  beforeCursor() {
    return this.text.slice(0, this.cursor);
  }

  isEmpty() {
    return this.text.length === 0;
  }

  insert(s) {
    this.text = this.text.slice(0, this.cursor) + s + this.text.slice(this.cursor);
    this.cursor += s.length;
  }

  // The index of the code point before / after `i`.
  prevIndex(i = this.cursor) {
    if (i <= 0) return 0;
    const lo = this.text.charCodeAt(i - 1);
    if (i >= 2 && lo >= 0xdc00 && lo <= 0xdfff) {
      const hi = this.text.charCodeAt(i - 2);
      if (hi >= 0xd800 && hi <= 0xdbff) return i - 2;
    }
    return i - 1;
  }

  nextIndex(i = this.cursor) {
    if (i >= this.text.length) return this.text.length;
    const cp = this.text.codePointAt(i);
    return i + (cp > 0xffff ? 2 : 1);
  }

  charAt(i) {
    return i < this.text.length ? String.fromCodePoint(this.text.codePointAt(i)) : undefined;
  }

  charBefore(i) {
    return i > 0 ? this.charAt(this.prevIndex(i)) : undefined;
  }

  // --- motion (each returns whether the cursor moved) ----------------------

  left() { return this.moveTo(this.prevIndex()); }
  right() { return this.moveTo(this.nextIndex()); }
  home() { return this.moveTo(0); }
  end() { return this.moveTo(this.text.length); }
  wordLeft() { return this.moveTo(this.wordStartBefore(this.cursor)); }
  wordRight() { return this.moveTo(this.wordEndAfter(this.cursor)); }

  moveTo(i) {
    if (i === this.cursor) return false;
    this.cursor = i;
    return true;
  }

  // Start of the word before i: skip separators, then word characters.
  wordStartBefore(i) {
    while (i > 0 && !isWordChar(this.charBefore(i))) i = this.prevIndex(i);
    while (i > 0 && isWordChar(this.charBefore(i))) i = this.prevIndex(i);
    return i;
  }

  // End of the word after i: skip separators, then word characters.
  wordEndAfter(i) {
    const n = this.text.length;
    while (i < n && !isWordChar(this.charAt(i))) i = this.nextIndex(i);
    while (i < n && isWordChar(this.charAt(i))) i = this.nextIndex(i);
    return i;
  }

  // --- deletion (each returns whether the text changed) --------------------

  backspace() { return this.deleteRange(this.prevIndex(), this.cursor); }
  deleteForward() { return this.deleteRange(this.cursor, this.nextIndex()); }
  deleteWordBack() { return this.deleteRange(this.wordStartBefore(this.cursor), this.cursor); }
  deleteWordForward() { return this.deleteRange(this.cursor, this.wordEndAfter(this.cursor)); }
  killToEnd() { return this.deleteRange(this.cursor, this.text.length); }
  killToStart() { return this.deleteRange(0, this.cursor); }

  deleteRange(from, to) {
    if (from >= to) return false;
    this.text = this.text.slice(0, from) + this.text.slice(to);
    this.cursor = from;
    return true;
  }
}
