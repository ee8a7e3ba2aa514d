// The IEx terminal: an xterm.js Terminal showing the node's output, with a
// line editor at the bottom (the "edit area"). main.js feeds it the node's
// events (output, prompt, clear) and gives it callbacks for what the user
// does (a line, Ctrl-C, Tab).
//
// The edit area is everything below the node's output: lines typed while
// the node was busy (type-ahead, dimmed: they are sent one per prompt, in
// order) and the line being edited, after the prompt when there is one. It
// is redrawn whole after each change: erase it (cursor back to where it
// began, erase to the end of the screen), write it again, put the cursor
// where it belongs. layout.js says where wrapped text lands, so editing
// works across wrapped rows. Output from the node is written where the area
// began, and the area is redrawn after it.
//
// The prompt and what happens on Enter come from the node (IEx decides
// between "iex(2)> " and "...(2)> "): the terminal sends every line as it
// is, one per prompt. A multi-line paste is a series of lines and Enters.
import { LineBuffer } from './line-buffer.js';
import { parseKeys } from './keys.js';
import { advance, settle, stripAnsi, textWidth } from './layout.js';

const DIM = '\x1b[2m';
const RESET = '\x1b[0m';
const TAIL_MAX = 4096;

export class IexTerminal {
  // term: an opened xterm.js Terminal. history: a History. Callbacks:
  // onLine(line), onInterrupt(), onComplete(textBeforeCursor) -> Promise of
  // {insert, candidates}.
  constructor(term, { history, onLine, onInterrupt, onComplete }) {
    this.term = term;
    this.history = history;
    this.onLine = onLine;
    this.onInterrupt = onInterrupt;
    this.onComplete = onComplete;
    this.prompt = null;     // the node's prompt, null while it is busy
    this.line = new LineBuffer();
    this.typeahead = [];    // lines entered while busy, oldest first
    this.tail = '';         // output after its last line break (no escapes)
    this.drawn = null;      // the edit area on screen: { startCol, cursorRow, wrappedStart }
    this.held = 0;          // resizes under way: no drawing until they end
    this.completionSeq = 0;
    term.onData((data) => this.handleData(data));
  }

  // --- from the node ---------------------------------------------------------

  output(text) {
    if (!text) return;
    const erase = this.eraseSeq();  // first: it may reset the tail
    const nl = text.lastIndexOf('\n');
    let tail = nl >= 0 ? text.slice(nl + 1) : this.tail + text;
    const cr = tail.lastIndexOf('\r');
    if (cr >= 0) tail = tail.slice(cr + 1);
    this.tail = stripAnsi(tail).slice(-TAIL_MAX);
    this.term.write(erase + text.replace(/\r?\n/g, '\r\n') + this.drawSeq());
  }

  showPrompt(prompt) {
    this.prompt = prompt;
    if (this.typeahead.length) this.submit(this.typeahead.shift());
    else this.redraw();
  }

  // The node is gone (restarting): no prompt until the new one asks.
  nodeGone() {
    this.prompt = null;
    this.redraw();
  }

  clearScreen() {
    this.term.write(this.eraseSeq() + '\x1b[H\x1b[2J\x1b[3J');
    this.tail = '';
    this.redraw();
  }

  // A line from the page itself (restart notices), dimmed.
  notice(text) {
    const lead = this.tail ? '\n' : '';
    this.output(`${lead}${DIM}${text}${RESET}\n`);
  }

  // --- resizing ---------------------------------------------------------------

  // Erase the area, let `resize` change the terminal's size once xterm has
  // drawn the erase, draw the area again for the new width. Resizes may
  // overlap (a window being dragged): the area comes back after the last.
  resizeWith(resize) {
    this.held += 1;
    this.term.write(this.eraseSeq(), () => {
      try {
        resize();
      } finally {
        this.held -= 1;
        if (this.held === 0) this.redraw();
      }
    });
  }

  // --- keys ---------------------------------------------------------------------

  handleData(data) {
    for (const key of parseKeys(data)) this.handleKey(key);
  }

  handleKey(key) {
    const line = this.line;
    switch (key.type) {
      case 'text': line.insert(key.text); break;
      case 'enter': this.enter(); return;
      case 'interrupt': this.interrupt(); return;
      case 'complete': this.complete(); return;
      case 'clear': this.clearScreen(); return;
      case 'eof': if (!line.deleteForward()) return; break;
      case 'up': {
        const e = this.history.previous(line.text);
        if (e === undefined) return;
        line.set(e);
        break;
      }
      case 'down': {
        const e = this.history.next();
        if (e === undefined) return;
        line.set(e);
        break;
      }
      default:
        if (typeof line[key.type] !== 'function' || !line[key.type]()) return;
    }
    this.redraw();
  }

  enter() {
    const text = this.line.text;
    this.history.add(text);
    this.line.set('');
    if (this.prompt !== null) {
      this.submit(text);
    } else {
      this.typeahead.push(text);
      this.redraw();
    }
  }

  // Writes the prompt and the line as the transcript shows them, sends it.
  submit(text) {
    this.term.write(this.eraseSeq() + this.prompt + text + '\r\n');
    this.tail = '';
    this.prompt = null;
    this.onLine(text);
    this.redraw();
  }

  interrupt() {
    if (this.prompt === null) {
      this.onInterrupt();
      return;
    }
    // At a prompt: drop the line. IEx abandons unfinished multi-line input
    // and prompts again itself; at a fresh prompt the page re-prompts.
    const continuation = this.prompt.startsWith('...');
    this.term.write(this.eraseSeq() + this.prompt + this.line.text + '^C' + (continuation ? '' : '\r\n'));
    this.tail = continuation ? '^C' : '';
    this.line.set('');
    this.history.reset();
    if (continuation) {
      this.prompt = null;
      this.onInterrupt();
    }
    this.redraw();
  }

  async complete() {
    const before = this.line.beforeCursor();
    const seq = ++this.completionSeq;
    let answer;
    try {
      answer = await this.onComplete(before);
    } catch {
      return;  // no completion when the node cannot answer
    }
    // Too late: another Tab, or the line changed meanwhile.
    if (seq !== this.completionSeq || this.line.beforeCursor() !== before) return;
    const { insert = '', candidates = [] } = answer ?? {};
    if (insert) this.line.insert(insert);
    if (candidates.length > 1) this.listCandidates(candidates);
    else if (insert) this.redraw();
  }

  listCandidates(candidates) {
    const cols = this.term.cols;
    const width = Math.max(...candidates.map(textWidth)) + 2;
    const perRow = Math.max(1, Math.floor(cols / width));
    let grid = '';
    for (let i = 0; i < candidates.length; i += perRow) {
      grid += candidates.slice(i, i + perRow).map((c) => c + ' '.repeat(width - textWidth(c))).join('').trimEnd();
      grid += '\r\n';
    }
    this.term.write(this.eraseSeq() + (this.prompt ?? '') + this.line.text + '\r\n' + grid);
    this.tail = '';
    this.redraw();
  }

  // --- drawing ------------------------------------------------------------------

  redraw() {
    this.term.write(this.eraseSeq() + this.drawSeq());
  }

  // Back to where the area began and erase to the end of the screen.
  eraseSeq() {
    const d = this.drawn;
    if (!d) return '';
    this.drawn = null;
    if (d.wrappedStart) {
      // The area began on a full row (wrap pending): that state cannot be
      // restored, the start of the next row is the same place to write.
      this.tail = '';
      return (d.cursorRow > 1 ? `\x1b[${d.cursorRow - 1}A` : '') + '\r\x1b[J';
    }
    return (d.cursorRow > 0 ? `\x1b[${d.cursorRow}A` : '') + `\x1b[${d.startCol + 1}G\x1b[J`;
  }

  // Writes the area and leaves the cursor in the line; records what it drew.
  drawSeq() {
    if (this.held) return '';
    const editing = this.prompt !== null || !this.line.isEmpty();
    if (!editing && this.typeahead.length === 0) return '';
    const cols = this.term.cols;
    const start = advance({ row: 0, col: 0 }, this.tail, cols);
    let pos = { row: 0, col: start.col };
    let out = '';
    for (const t of this.typeahead) {
      out += DIM + t + RESET + '\r\n';
      pos = advance(pos, t, cols);
      pos = { row: pos.row + 1, col: 0 };
    }
    const head = (this.prompt ?? '') + this.line.beforeCursor();
    const cursor = settle(advance(pos, head, cols), cols);
    let end = advance(pos, head + this.line.text.slice(this.line.cursor), cols);
    out += (this.prompt ?? '') + this.line.text;
    if (end.col >= cols) {
      out += ' \b\x1b[K';  // leave the pending wrap: the cursor to the next row
      end = settle(end, cols);
    }
    if (end.row > cursor.row) out += `\x1b[${end.row - cursor.row}A`;
    out += `\x1b[${cursor.col + 1}G`;
    this.drawn = { startCol: start.col, cursorRow: cursor.row, wrappedStart: start.col >= cols };
    return out;
  }
}
