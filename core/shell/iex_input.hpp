// IEx's reading of typed lines: when an input is complete, needs more lines,
// or is an error (IEx.Evaluator.parse/3 of Elixir 1.14).
//
// The IEx session calls feed() with each line typed at the prompt. Lines
// accumulate until they parse (Complete: evaluate `result.parse.exprs`),
// while the input is unfinished (Incomplete: prompt "...(N)>"), or until a
// syntax error (Error: print `error_text`, then IEx's empty stack trace
// line). Like IEx:
//   * the parse starts at line `counter` (the prompt number), so errors read
//     "iex:N:C" with the source line and a caret;
//   * "#iex:break" abandons an unfinished input with
//     "** (TokenMissingError) iex:N: incomplete expression";
//   * an input starting with a binary operator continues the previous
//     result: "|> f()" is "v(-1) |> f()" (an error right after a match).
// Single-threaded: one reader per IEx session.
#pragma once
#include <string>
#include <string_view>

#include "shell/parser.hpp"

namespace otp::shell {

class IexReader {
 public:
  struct Result {
    ParseStatus status = ParseStatus::Incomplete;
    ParseResult parse;       // Complete: the expressions and the warnings to print first
    std::string error_text;  // Error: "** (SyntaxError) iex:2:1: ..." with the excerpt
    std::string code;        // the text that was parsed (every line, each ending in "\n")
  };

  // One line as typed, without its newline.
  Result feed(std::string_view line, uint32_t counter);
  // An unfinished expression is waiting for more lines.
  bool pending() const noexcept { return !buffer_.empty(); }
  // The evaluation of the last complete input failed: IEx then forgets that
  // it was a match (the pipe shorthand is allowed again).
  void evaluation_failed() noexcept { last_was_match_ = false; }

 private:
  std::string buffer_;
  bool last_was_match_ = false;
};

}  // namespace otp::shell
