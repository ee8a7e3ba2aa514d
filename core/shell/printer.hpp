// Syntax tree -> Elixir source text, in the style of Macro.to_string/1.
//
// to_source(parse("1 + 2 * 3")) is "1 + 2 * 3"; with explicit_parens every
// operator expression is parenthesized, "(1 + (2 * 3))", which makes the
// parser's grouping visible (tests use it for precedence and associativity).
// Calls are printed with parentheses (`IO.puts("hi")`), except zero-arity
// calls written without them (`map.key`, `Mod.fun`). do-blocks are printed
// over several lines, indented by two spaces. Not byte-exact with Elixir's
// formatter: a readable, re-parseable rendering for messages and tests.
#pragma once
#include <span>
#include <string>

#include "shell/ast.hpp"

namespace otp::shell {

struct PrintOptions {
  bool explicit_parens = false;
};

std::string to_source(const Node* n, const PrintOptions& opts = {});
// Several top-level expressions, one per line.
std::string to_source(std::span<Node* const> exprs, const PrintOptions& opts = {});

}  // namespace otp::shell
