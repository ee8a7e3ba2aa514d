// The shell language's parser: source text -> syntax tree (ast.hpp), with
// Elixir 1.14's grammar, precedence and syntax errors.
//
// parse() answers as IEx's reader needs: Complete (the top-level
// expressions), Incomplete (the input stops inside an expression: open
// bracket, do-block, string, heredoc, trailing operator or comma; IEx asks
// for another line) or Error (Elixir's exact message and position). It never
// throws for bad input and never recurses deeper than kMaxDepth nesting
// levels (deeper input is an Error), so it is safe on small fiber stacks.
// The IEx loop itself (#iex:break, `|> f` continuing the last result) is in
// iex_input.hpp.
//
// Cost: linear in the input; nodes come from one arena per parse.
//
// Who calls what: the IEx reader (iex_input.hpp), tests and the fuzzer.
// parse() touches no node; the tree's literal Terms belong to the calling
// thread (terms are not shared between threads).
#pragma once
#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "shell/ast.hpp"
#include "shell/errors.hpp"

namespace otp::shell {

// Nesting limits: deeper input is a syntax error ("expression is nested too
// deeply"), never a stack overflow. The parser recurses once per nesting
// level (bracket, operand, block) and stops at kMaxDepth levels or when it
// has used kStackBudget bytes of stack, whichever comes first (natively
// about 60 to 200 levels; far beyond real code). The budget leaves room on
// a 128 KiB fiber stack for its caller and the runtime's stack reserve.
inline constexpr int kMaxDepth = 256;
inline constexpr std::size_t kStackBudget = 48 * 1024;

enum class ParseStatus : uint8_t { Complete, Incomplete, Error };

struct ParseOptions {
  uint32_t line = 1;  // the first line's number (IEx: the prompt counter)
  // IEx's pipe shorthand: an input that starts with a binary operator
  // (`|> f()`) is parsed as `v(-1) |> f()`; after a match (`last_was_match`)
  // that is an error instead.
  bool iex_pipe_shorthand = false;
  bool last_was_match = false;
};

struct ParseResult {
  ParseStatus status = ParseStatus::Error;
  std::shared_ptr<Arena> arena;   // owns every node
  std::vector<Node*> exprs;       // Complete: the top-level expressions (none for blank input)
  std::optional<SyntaxError> error;  // Error; for Incomplete, the error at the end of input
  std::vector<Warning> warnings;  // Complete: the compiler warnings IEx prints first

  bool complete() const noexcept { return status == ParseStatus::Complete; }
  bool incomplete() const noexcept { return status == ParseStatus::Incomplete; }
};

ParseResult parse(std::string_view source, const ParseOptions& opts = {});

}  // namespace otp::shell
