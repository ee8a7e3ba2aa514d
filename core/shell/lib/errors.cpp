// Raising Elixir's exceptions from the built-in functions (see errors.hpp);
// their messages are in exception_message.cpp, IEx's blame in
// errors_blame.cpp, the structs' definitions in exception_structs.cpp.
#include "shell/lib/errors.hpp"

#include "shell/lib/builtins.hpp"
#include "term/error.hpp"
#include "term/fun.hpp"
#include "term/struct.hpp"

namespace otp::shell {

namespace {

Atom A(const char* name) { return Atom::intern(name); }

Term make(const char* module, std::initializer_list<std::pair<Atom, Term>> values) {
  return make_exception(module_atom(module), values);
}

std::string ordinal(int n) {
  const char* suffix = "th";
  if (n % 100 < 11 || n % 100 > 13) {
    if (n % 10 == 1) suffix = "st";
    else if (n % 10 == 2) suffix = "nd";
    else if (n % 10 == 3) suffix = "rd";
  }
  return std::to_string(n) + suffix;
}

}  // namespace

void raise_badargs(std::initializer_list<std::pair<int, std::string_view>> problems) {
  std::string msg = "errors were found at the given arguments:\n\n";
  for (const auto& [pos, what] : problems) msg += "  * " + ordinal(pos) + " argument: " + std::string(what) + "\n";
  raise_argument_error(std::move(msg));
}

void raise_badarg(int position, std::string_view what) { raise_badargs({{position, what}}); }

std::string arguments_error_text(const Term& info) {
  std::string msg = "errors were found at the given arguments:\n\n";
  if (!info.is_map()) return msg;
  for (const MapEntry& e : info.map_entries())
    if (e.key.is_small() && e.value.is_binary())
      msg += "  * " + ordinal(static_cast<int>(e.key.small())) + " argument: " + std::string(e.value.bytes()) + "\n";
  return msg;
}

void raise_function_clause(std::string_view module, std::string_view function, std::vector<Term> args,
                           std::vector<std::string_view> clauses) {
  Term arity = Term::integer(static_cast<int64_t>(args.size()));
  std::vector<Term> cs;
  for (std::string_view c : clauses) cs.push_back(Term::binary(c));
  throw ErlangError(make("FunctionClauseError",
                         {{A("module"), Term(module_atom(module))},
                          {A("function"), Term::atom(function)},
                          {A("arity"), arity},
                          {A("kind"), clauses.empty() ? Term() : Term::atom("def")},
                          {A("args"), Term::list(std::span<const Term>(args))},
                          {A("clauses"), clauses.empty() ? Term() : Term::list(std::span<const Term>(cs))}}));
}

void raise_key_error(Term key, Term term) {
  throw ErlangError(make("KeyError", {{A("key"), std::move(key)}, {A("term"), std::move(term)}}));
}

void raise_bad_map(Term term) { throw ErlangError(make("BadMapError", {{A("term"), std::move(term)}})); }

void raise_protocol_undefined(std::string_view protocol, Term value, std::string description) {
  throw ErlangError(make("Protocol.UndefinedError", {{A("protocol"), Term(module_atom(protocol))},
                                                     {A("value"), std::move(value)},
                                                     {A("description"), Term::binary(description)}}));
}

void raise_arithmetic(std::string_view blame) {
  std::string msg = "bad argument in arithmetic expression";
  if (!blame.empty()) msg += ": " + std::string(blame);
  raise("ArithmeticError", std::move(msg));
}

void raise_arithmetic() { throw ErlangError(Term(atom::badarith)); }

void raise_arithmetic(const ArithOp& at) {
  ErlangError e{Term(atom::badarith)};
  e.stacktrace = Term::list({Term::tuple({Term::atom("erlang"), Term::atom(at.op),
                                          Term::list(std::span<const Term>(at.args)), Term::empty_list()})});
  throw e;
}

void rethrow_arithmetic(const ArithOp& at) {
  try {
    throw;
  } catch (ErlangError& e) {
    if (e.reason.is_atom(atom::badarith) && !e.stacktrace.is_cons()) raise_arithmetic(at);
    throw;
  }
}

ArithOp arith_blame(std::string_view op, const Term& a, const Term& b) { return ArithOp{std::string(op), {a, b}}; }
ArithOp arith_blame(std::string_view op, const Term& a) { return ArithOp{std::string(op), {a}}; }

void raise_undefined_function(Atom module, Atom function, std::size_t arity, Term reason) {
  throw ErlangError(make("UndefinedFunctionError", {{A("module"), Term(module)},
                                                    {A("function"), Term(function)},
                                                    {A("arity"), Term::integer(static_cast<int64_t>(arity))},
                                                    {A("reason"), std::move(reason)}}));
}

void raise_clause_error(std::string_view module, Term term) {
  throw ErlangError(make_exception(module_atom(module), {{A("term"), std::move(term)}}));
}

void raise_empty() { raise("Enum.EmptyError", "empty error"); }
void raise_out_of_bounds() { raise("Enum.OutOfBoundsError", "out of bounds error"); }

}  // namespace otp::shell
