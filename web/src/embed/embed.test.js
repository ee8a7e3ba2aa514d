// node --test: the embedder's block reading and output comparison, which
// must follow the doc-test's (tests/doctest/page.cpp, normalize.cpp) so a
// snippet that the doc-test passes shows "as on the page" in the browser.
// ctest: "web: the embedder reads blocks and compares outputs as the doc-test does".
import test from 'node:test';
import assert from 'node:assert/strict';
import { codeInputs, sessionInputs } from './blocks.js';
import { normalise } from './normalize.js';
import { strip } from './ansi.js';

test('a session types its iex> and ...> lines, and nothing else', () => {
  const text = 'iex> defmodule M do\n...>   def f, do: 1\n...> end\n{:module, M, <<70, 79, 82, 49, ...>>, {:f, 0}}\niex>\niex> M.f()\n1\n';
  assert.deepEqual(sessionInputs(text).map((i) => [i.line, i.continuation]),
    [['defmodule M do', false], ['  def f, do: 1', true], ['end', true], ['M.f()', false]]);
});

test('a code block is typed between ( and ), without its empty lines', () => {
  assert.deepEqual(codeInputs('a = 1\n\nb = a + 1\n').map((i) => i.line), ['(', 'a = 1', 'b = a + 1', ')']);
});

test('pids, references, funs, time stamps and prompt numbers do not count', () => {
  const page = 'iex> self()\n#PID<0.110.0>\niex> make_ref()\n#Reference<0.1.2.3>\n\n12:00:00.000 [error] x\n#Function<42.3316493/1 in :erl_eval.expr/6>\n';
  const node = 'iex(7)> self()\n#PID<0.3.0>\niex(8)> make_ref()\n#Reference<0.524288.0.1>\n\n00:00:09.700 [error] x\n#Function<1.2/1 in :erl_eval.expr/6>\n';
  assert.equal(normalise(page), normalise(node));
  assert.equal(normalise('iex(2)> 1\n...(2)> + 1\n2'), 'iex> 1\n...> + 1\n2\n');
});

test('module bytes, stack frames, banners and blank ends are normalised away', () => {
  const real = '{:module, Hot,\n <<70, 79, 82, 49, 0, 0, 8,\n   1, 2>>, {:handle_call, 3}}\n** (ArithmeticError) bad argument in arithmetic expression\n    iex:2: Math.divide/2\n    (stdlib 4.2) erl_eval.erl:744: :erl_eval.do_apply/7\n\nInteractive Elixir (1.14.0) - press Ctrl+C to exit (type h() ENTER for help)\n\n';
  const page = '\n{:module, Hot, <<70, 79, 82, 49, ...>>, {:handle_call, 3}}\n** (ArithmeticError) bad argument in arithmetic expression\n\nInteractive OTP Playground (0.1.0) - press Ctrl+C to exit (type h() ENTER for help)';
  assert.equal(normalise(real), normalise(page));
  assert.notEqual(normalise('[1, 2]'), normalise('[1, 3]'));
});

test('colours are stripped for the comparison', () => {
  assert.equal(strip('\x1b[33m42\x1b[0m'), '42');
});
