// The evaluator's own errors, as Elixir raises them.
#pragma once
#include <string>
#include <string_view>

#include "shell/ast.hpp"
#include "term/error.hpp"

namespace otp::shell {

// What the evaluator throws for a compile error: an ErlangError carrying
// %CompileError{}, which try/rescue/catch in the shell do not see (Elixir
// reports compile errors before the input runs at all).
struct CompileFailure : ErlangError {
  using ErlangError::ErlangError;
};

// %CompileError{file: "iex", line: L, description: D}: printed
// "** (CompileError) iex:L: D".
[[noreturn]] void raise_compile_error(const Node* at, std::string description);
// A construct this shell does not implement: RuntimeError "<what> is not
// supported in this shell" (never a wrong result).
[[noreturn]] void raise_not_supported(const Node* at, std::string what);
// BadBooleanError: expected a boolean on left-side of "and", got: 1
[[noreturn]] void raise_bad_boolean(std::string_view op, const Term& value);
// Short source text of a node for messages (calls, variables, literals).
std::string to_source(const Node* n);

}  // namespace otp::shell
