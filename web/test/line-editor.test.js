// The terminal's DOM-free parts (line buffer, history, key parsing, wrap
// layout), run by node's test runner: `node --test web/test/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineBuffer } from '../src/terminal/line-buffer.js';
import { History } from '../src/terminal/history.js';
import { parseKeys } from '../src/terminal/keys.js';
import { advance, charWidth, settle, stripAnsi } from '../src/terminal/layout.js';

class MemoryStorage {
  constructor() { this.map = new Map(); }
  getItem(k) { return this.map.has(k) ? this.map.get(k) : null; }
  setItem(k, v) { this.map.set(k, String(v)); }
}

test('word motion stops at Elixir word boundaries', () => {
  const b = new LineBuffer('Enum.map(list, fn x -> x end)');
  b.end();
  b.wordLeft();
  assert.equal(b.text.slice(b.cursor), 'end)');
  b.home();
  b.wordRight();
  assert.equal(b.beforeCursor(), 'Enum');
  b.wordRight();
  assert.equal(b.beforeCursor(), 'Enum.map');
});

test('backspace and delete remove whole code points', () => {
  const b = new LineBuffer('a😀b');
  b.end();
  b.left();
  b.backspace();
  assert.equal(b.text, 'ab');
  b.home();
  b.deleteForward();
  assert.equal(b.text, 'b');
});

test('kills and word deletion edit around the cursor', () => {
  const b = new LineBuffer('spawn(fn -> 1 end)');
  b.end();
  b.deleteWordBack();
  assert.equal(b.text, 'spawn(fn -> 1 ');
  b.home();
  b.deleteWordForward();
  assert.equal(b.text, '(fn -> 1 ');
  b.right();
  b.killToEnd();
  assert.equal(b.text, '(');
  b.killToStart();
  assert.equal(b.text, '');
});

test('history walks back and returns to the draft, and survives a reload', () => {
  const storage = new MemoryStorage();
  const h = new History(storage);
  h.add('1 + 1');
  h.add('');
  h.add('self()');
  h.add('self()');
  assert.deepEqual(h.entries, ['1 + 1', 'self()']);
  assert.equal(h.previous('dra'), 'self()');
  assert.equal(h.previous('self()'), '1 + 1');
  assert.equal(h.previous('1 + 1'), undefined);
  assert.equal(h.next(), 'self()');
  assert.equal(h.next(), 'dra');
  assert.equal(h.next(), undefined);
  const again = new History(storage);
  assert.deepEqual(again.entries, ['1 + 1', 'self()']);
});

test('history keeps working when the storage throws', () => {
  const broken = { getItem() { throw new Error('denied'); }, setItem() { throw new Error('denied'); } };
  const h = new History(broken);
  h.add('x = 1');
  assert.equal(h.previous(''), 'x = 1');
});

test('keys: arrows, word jumps, controls and a pasted block', () => {
  assert.deepEqual(parseKeys('\x1b[D\x1b[1;5C\x1b[3~\x1bb\x7f\t'), [
    { type: 'left' }, { type: 'wordRight' }, { type: 'deleteForward' }, { type: 'wordLeft' },
    { type: 'backspace' }, { type: 'complete' },
  ]);
  assert.deepEqual(parseKeys('a = 1\r\nb = 2\rc'), [
    { type: 'text', text: 'a = 1' }, { type: 'enter' }, { type: 'text', text: 'b = 2' }, { type: 'enter' },
    { type: 'text', text: 'c' },
  ]);
  assert.deepEqual(parseKeys('\x03\x0c\x1b[H\x1b[F\x1b[99X'), [
    { type: 'interrupt' }, { type: 'clear' }, { type: 'home' }, { type: 'end' },
  ]);
});

test('layout wraps as xterm does, wide characters included', () => {
  assert.deepEqual(advance({ row: 0, col: 0 }, 'abcdefghij', 10), { row: 0, col: 10 });
  assert.deepEqual(settle({ row: 0, col: 10 }, 10), { row: 1, col: 0 });
  assert.deepEqual(advance({ row: 0, col: 0 }, 'abcdefghijk', 10), { row: 1, col: 1 });
  assert.deepEqual(advance({ row: 0, col: 9 }, '漢', 10), { row: 1, col: 2 });
  assert.equal(charWidth('é'), 1);
  assert.equal(charWidth('\u0301'), 0);
  assert.equal(stripAnsi('\x1b[33m42\x1b[0m'), '42');
});
