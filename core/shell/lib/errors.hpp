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
// The same text for ErlangError::arguments_info (%{position => "what"}).
std::string arguments_error_text(const Term& info);
// %FunctionClauseError{module, function, arity = args.size(), args, ...}.
// `module` as written ("Enum", ":lists"); `clauses` as source text.
[[noreturn]] void raise_function_clause(std::string_view module, std::string_view function, std::vector<Term> args,
                                        std::vector<std::string_view> clauses = {});
[[noreturn]] void raise_key_error(Term key, Term term);  // key K not found in: T
[[noreturn]] void raise_bad_map(Term term);              // expected a map, got: T
// protocol P not implemented for V of type T
[[noreturn]] void raise_protocol_undefined(std::string_view protocol, Term value, std::string description = "");
// Arithmetic errors, as BEAM raises them: the reason is plain :badarith
// ("bad argument in arithmetic expression") and the stack trace's first
// frame is the :erlang operator with its arguments ({:erlang, :/, [1, 0],
// []}), which is what IEx's blame (blame_exception) turns into ": 1 / 0".
// Crash reports and exit reasons show the plain message, as Elixir's.
struct ArithOp {
  std::string op;          // the :erlang function: "+", "/", "div", "band", "bnot", ...
  std::vector<Term> args;  // its arguments
};
ArithOp arith_blame(std::string_view op, const Term& a, const Term& b);  // {:erlang, op, [a, b]}
ArithOp arith_blame(std::string_view op, const Term& a);                 // {:erlang, op, [a]}
[[noreturn]] void raise_arithmetic(const ArithOp& at);
// :badarith with no operator frame (overflow inside a library function).
[[noreturn]] void raise_arithmetic();
// Deprecated (use ArithOp): an ArithmeticError struct whose message already
// carries the blame text, shown everywhere (also in crash reports).
[[noreturn]] void raise_arithmetic(std::string_view blame);
// ErlangError{:badarith} raised by term/arith (float overflow, ...) gets the
// operator frame, so IEx blames it as BEAM's erl_eval would: `1.5e300 *
// 1.0e10` -> ": 1.5e300 * 10000000000.0". Rethrows anything else.
[[noreturn]] void rethrow_arithmetic(const ArithOp& at);

// %UndefinedFunctionError{module, function, arity, reason}: "function
// Foo.bar/0 is undefined (module Foo is not available)", "... is undefined
// or private", or "... is undefined (<reason>)" when reason is a binary.
[[noreturn]] void raise_undefined_function(Atom module, Atom function, std::size_t arity, Term reason = Term());

// Exception.blame/3 for an error (IEx calls it before printing an error at
// the prompt; crash reports do not): the normalised exception of `reason`
// (a struct or an Erlang reason) with the message Elixir 1.14 shows:
//  - ArithmeticError whose stack trace starts with an :erlang operator frame:
//    ": 1 / 0", ": -(:a)", ": div(1, 0)", ": Bitwise.band(1, :a)";
//  - UndefinedFunctionError: the message plus ". Did you mean:" and the
//    candidates (same name with other arities, or String.jaro_distance >=
//    0.77; at most 5, sorted by name: "      * upcase/1\n");
//  - KeyError: the message plus ". Did you mean:" over the atom keys of the
//    map or keyword list.
// Anything else is returned normalised but unchanged.
Term blame_exception(const Term& reason, const Term& stacktrace);
// String.jaro_distance/2 (Elixir's variant, over code points).
double jaro_distance(std::string_view a, std::string_view b);

// Elixir's exception structs (exception_structs.cpp): the struct of `module`
// with its defaults and the given fields (unknown fields are ignored); any
// other module gets a %{message: ...} struct registered for it.
Term make_exception(Atom module, std::initializer_list<std::pair<Atom, Term>> fields);
// Module.exception(arg) for an exception module of Elixir's standard
// library (a message string or a keyword list of fields), with
// FunctionClauseError for anything else and UndefinedFunctionError for an
// unknown module.
Term exception_from(Atom module, const Term& arg);
bool is_builtin_exception(Atom module);
// Registers the standard exception structs (idempotent, thread-safe).
void register_exception_structs();

// %CaseClauseError{term}, %TryClauseError{term} or %MatchError{term}:
// "no case clause matching: T", "no try clause matching: T", "no match of
// right hand side value: T".
[[noreturn]] void raise_clause_error(std::string_view module, Term term);
[[noreturn]] void raise_empty();         // Enum.EmptyError
[[noreturn]] void raise_out_of_bounds(); // Enum.OutOfBoundsError

// Exception.normalize(:error, reason, stacktrace): Erlang reasons become
// Elixir's exception structs ({:badmatch, v} -> %MatchError{term: v},
// :undef -> %UndefinedFunctionError{} of the first frame, anything unknown
// -> %ErlangError{original: reason}); exceptions are returned as they are.
Term normalize_exception(const Term& reason, const Term& stacktrace = Term::empty_list());
// UndefinedFunctionError's message without blame (module/function/arity
// nil or given; reason nil or a binary).
std::string undefined_function_message(const Term& module, const Term& function, const Term& arity, const Term& reason);
// Exception.format_mfa(module, fun, arity) for an arity: "Enum.map/2".
std::string format_mfa_text(const Term& module, const Term& function, const Term& arity);
// :file.format_error/1 for a POSIX reason: "no such file or directory".
std::string posix_text(const Term& reason);

// Exception.message/1 for the exceptions above (and any struct with a
// binary :message); "" for a term that is not one of them. Erlang reasons
// (:badarg, {:badfun, f}, {:badarity, {f, args}}, :badarith, {:badkey, k},
// {:badmap, t}) are given Elixir's normalised message too.
std::string exception_message(const Term& exception);

}  // namespace otp::shell
