// The syntax tree as Elixir's quoted form (what `quote do: ...` returns),
// with empty metadata: `1 + x` -> {:+, [], [1, {:x, [], nil}]}.
//
// Used by tests to compare the parser with Elixir's own parser (inspect of
// both must be equal), and by the evaluator for quote/Macro-style output.
#pragma once
#include <span>

#include "shell/ast.hpp"
#include "term/term.hpp"

namespace otp::shell {

Term to_quoted(const Node* n);
// A parse result as IEx hands it to the evaluator: no expressions is
// {:__block__, [], []}, one is itself (a lone `not x` / `!x` stays in a
// __block__, as Elixir's parser does), several are a __block__.
Term to_quoted(std::span<Node* const> exprs);

}  // namespace otp::shell
