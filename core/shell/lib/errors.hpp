// Elixir's exceptions for the failures of built-in functions, built as the
// real structs (%KeyError{key: :a, term: %{}, message: nil}, ...) so that a
// `rescue e -> e` in the shell sees what Elixir 1.14 would, and their
// messages (Exception.message/1) for printing.
//
// Who calls what: library files (core/shell/lib/*.cpp) raise these; the
// evaluator may raise them for its own calls (a FunctionClauseError of a
// shell function) and prints any exception with exception_message().
//
// Representation choices:
//  - BIF argument errors (elem/2, hd/1, String.to_integer/1 ...) raise
//    %ArgumentError{} with OTP 25's error_info text ("errors were found at
//    the given arguments:\n\n  * 1st argument: not a tuple\n"), the form
//    Elixir's normalisation gives; the raw :badarg reason is not kept.
//  - A FunctionClauseError is raised already blamed: `args` holds the
//    arguments (IEx's "The following arguments were given to ..."), `kind`
//    and `clauses` the attempted clauses as source text when known (binaries
//    such as "def first([], default)", printed without IEx's colours).
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "term/term.hpp"

namespace otp::shell {

// "errors were found at the given arguments:\n\n  * 1st argument: <what>\n"
// for each (position, what), as an ArgumentError.
[[noreturn]] void raise_badargs(std::initializer_list<std::pair<int, std::string_view>> problems);
[[noreturn]] void raise_badarg(int position, std::string_view what);
// %FunctionClauseError{module, function, arity = args.size(), args, ...}.
// `module` as written ("Enum", ":lists"); `clauses` as source text.
[[noreturn]] void raise_function_clause(std::string_view module, std::string_view function, std::vector<Term> args,
                                        std::vector<std::string_view> clauses = {});
[[noreturn]] void raise_key_error(Term key, Term term);  // key K not found in: T
[[noreturn]] void raise_bad_map(Term term);              // expected a map, got: T
// protocol P not implemented for V of type T
[[noreturn]] void raise_protocol_undefined(std::string_view protocol, Term value, std::string description = "");
// "bad argument in arithmetic expression", with IEx's blame when given:
// ": :a + 1" (the operation as IEx shows it, e.g. arith_blame("+", a, b)).
[[noreturn]] void raise_arithmetic(std::string_view blame = "");
std::string arith_blame(std::string_view op, const Term& a, const Term& b);  // "1 / 0", "div(1, 0)"
std::string arith_blame(std::string_view op, const Term& a);                 // "-(:a)"
// %CaseClauseError{term}, %TryClauseError{term} or %MatchError{term}:
// "no case clause matching: T", "no try clause matching: T", "no match of
// right hand side value: T".
[[noreturn]] void raise_clause_error(std::string_view module, Term term);
[[noreturn]] void raise_empty();         // Enum.EmptyError
[[noreturn]] void raise_out_of_bounds(); // Enum.OutOfBoundsError

// Exception.message/1 for the exceptions above (and any struct with a
// binary :message); "" for a term that is not one of them. Erlang reasons
// (:badarg, {:badfun, f}, {:badarity, {f, args}}, :badarith, {:badkey, k},
// {:badmap, t}) are given Elixir's normalised message too.
std::string exception_message(const Term& exception);

}  // namespace otp::shell
