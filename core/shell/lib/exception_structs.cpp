// Elixir 1.14's exception structs: every exception module of the standard
// library with its fields in definition order and their defaults
// (%RuntimeError{message: "runtime error"}, %KeyError{key: nil, ...}), and
// their generated functions: Mod.exception/1 (defexception's: a message
// string, or a keyword list of fields), Mod.message/1 and Mod.__struct__/0.
//
// Who calls what: `raise Mod, args` in the evaluator and library code call
// make_exception/exception_from; `%RuntimeError{}` in the shell reads the
// defaults through RuntimeError.__struct__/0. Registering the structs here
// (term/struct.hpp) is what makes them print as structs.
#include <utility>

#include "shell/lib/support.hpp"
#include "term/struct.hpp"

namespace otp::shell {

namespace {

struct Field {
  const char* name;
  const char* text_default;  // a binary default, or null for nil
};
struct Def {
  const char* module;  // as Elixir writes it
  std::vector<Field> fields;
};

// Listed once: `elixir -e` over :application.get_key(:elixir, :modules).
const std::vector<Def>& defs() {
  static const std::vector<Def> d = {
      {"ArgumentError", {{"message", "argument error"}}},
      {"ArithmeticError", {{"message", "bad argument in arithmetic expression"}}},
      {"BadArityError", {{"function", nullptr}, {"args", nullptr}}},
      {"BadBooleanError", {{"term", nullptr}, {"operator", nullptr}}},
      {"BadFunctionError", {{"term", nullptr}}},
      {"BadMapError", {{"term", nullptr}}},
      {"BadStructError", {{"struct", nullptr}, {"term", nullptr}}},
      {"CaseClauseError", {{"term", nullptr}}},
      {"Code.LoadError", {{"file", nullptr}, {"message", nullptr}, {"reason", nullptr}}},
      {"CompileError", {{"file", nullptr}, {"line", nullptr}, {"description", "compile error"}}},
      {"CondClauseError", {}},
      {"Enum.EmptyError", {{"message", "empty error"}}},
      {"Enum.OutOfBoundsError", {{"message", "out of bounds error"}}},
      {"ErlangError", {{"original", nullptr}, {"reason", nullptr}}},
      {"File.Error", {{"reason", nullptr}, {"path", nullptr}, {"action", ""}}},
      {"FunctionClauseError",
       {{"module", nullptr}, {"function", nullptr}, {"arity", nullptr}, {"kind", nullptr}, {"args", nullptr},
        {"clauses", nullptr}}},
      {"IO.StreamError", {{"reason", nullptr}, {"message", nullptr}}},
      {"KeyError", {{"key", nullptr}, {"term", nullptr}, {"message", nullptr}}},
      {"MatchError", {{"term", nullptr}}},
      {"Protocol.UndefinedError", {{"protocol", nullptr}, {"value", nullptr}, {"description", ""}}},
      {"RuntimeError", {{"message", "runtime error"}}},
      {"SyntaxError",
       {{"file", nullptr}, {"line", nullptr}, {"column", nullptr}, {"snippet", nullptr}, {"description", "syntax error"}}},
      {"System.EnvError", {{"env", nullptr}}},
      {"SystemLimitError", {{"message", "a system limit has been reached"}}},
      {"TokenMissingError",
       {{"file", nullptr}, {"line", nullptr}, {"snippet", nullptr}, {"column", nullptr},
        {"description", "expression is incomplete"}}},
      {"TryClauseError", {{"term", nullptr}}},
      {"UndefinedFunctionError",
       {{"module", nullptr}, {"function", nullptr}, {"arity", nullptr}, {"reason", nullptr}, {"message", nullptr}}},
      {"UnicodeConversionError", {{"encoded", nullptr}, {"message", nullptr}}},
      {"WithClauseError", {{"term", nullptr}}},
  };
  return d;
}

const Def* find_def(Atom module) {
  for (const Def& d : defs())
    if (module_atom(d.module) == module) return &d;
  return nullptr;
}

// The struct with its defaults, as Mod.__struct__/0 returns it (and the
// struct registered, so that it prints as %Mod{...}).
Term default_struct(const Def& d) {
  const Atom mod = module_atom(d.module);
  if (!struct_fields(mod)) {
    std::vector<Atom> fields{Atom(atom::__exception__)};
    for (const Field& f : d.fields) fields.push_back(Atom::intern(f.name));
    register_struct(mod, std::move(fields));
  }
  std::vector<std::pair<Term, Term>> kv{{Term(atom::__struct__), Term(module_atom(d.module))},
                                        {Term(atom::__exception__), Term(atom::true_)}};
  for (const Field& f : d.fields) kv.emplace_back(Term::atom(f.name), f.text_default ? Term::binary(f.text_default) : Term());
  return Term::map(std::move(kv));
}

bool has_field(const Term& s, const Term& key) { return s.map_get(key) != nullptr && !key.is_atom(atom::__struct__); }

// Kernel.struct!/2 over a keyword list: unknown keys are dropped (Elixir
// 1.14 warns about them and keeps the known ones).
Term with_fields(Term s, const Term& kw) {
  for (const Term* c = &kw; c->is_cons(); c = &c->tail()) {
    const Term& kv = c->head();
    if (!kv.is_tuple() || kv.tuple_size() != 2) throw ErlangError(Term(atom::badarg));
    if (has_field(s, kv[0])) s = s.map_put(kv[0], kv[1]);
  }
  return s;
}

template <std::size_t I>
Term exception_fn(lib::Args a) {
  return exception_from(module_atom(defs()[I].module), a[0]);
}
template <std::size_t I>
Term struct_fn(lib::Args) {
  return default_struct(defs()[I]);
}
Term message_fn(lib::Args a) { return Term::binary(exception_message(a[0])); }

template <std::size_t... I>
void add_all(Library& lib, std::index_sequence<I...>) {
  ((lib.add(defs()[I].module, "exception", 1, exception_fn<I>, "The exception struct for a message or keyword list of fields."),
    lib.add(defs()[I].module, "__struct__", 0, struct_fn<I>, "The struct with its default values."),
    lib.add(defs()[I].module, "message", 1, message_fn, "The exception's message.")),
   ...);
}

constexpr std::size_t kDefCount = 29;

}  // namespace

void register_exception_structs() {
  static const bool done = [] {
    for (const Def& d : defs()) {
      std::vector<Atom> fields;
      for (const Field& f : d.fields) fields.push_back(Atom::intern(f.name));
      fields.push_back(atom::__exception__);
      register_struct(module_atom(d.module), std::move(fields));
    }
    return true;
  }();
  (void)done;
}

Term make_exception(Atom module, std::initializer_list<std::pair<Atom, Term>> values) {
  register_exception_structs();
  Term s;
  if (const Def* d = find_def(module)) {
    s = default_struct(*d);
  } else {
    auto fields = struct_fields(module);
    if (!fields) register_struct(module, {Atom(atom::message), Atom(atom::__exception__)});
    s = make_struct(module, {});
    s = s.map_put(Term(atom::__exception__), Term(atom::true_));
  }
  for (const auto& [k, v] : values)
    if (has_field(s, Term(k))) s = s.map_put(Term(k), v);
  return s;
}

bool is_builtin_exception(Atom module) { return find_def(module) != nullptr; }

Term exception_from(Atom module, const Term& arg) {
  const Def* d = find_def(module);
  if (!d) raise_undefined_function(module, Atom::intern("exception"), 1);
  register_exception_structs();
  Term s = default_struct(*d);
  const bool has_message = s.map_get(Term(atom::message)) != nullptr;
  if (arg.is_binary() && has_message) return s.map_put(Term(atom::message), arg);
  if (arg.is_list() && list_length(arg) >= 0) return with_fields(std::move(s), arg);
  std::vector<std::string_view> clauses;
  if (has_message) clauses.push_back("def exception(msg) when is_binary(msg)");
  clauses.push_back("def exception(args) when is_list(args)");
  raise_function_clause(d->module, "exception", {arg}, clauses);
}

namespace lib {
void add_exception_structs(Library& lib) {
  if (defs().size() != kDefCount) throw std::logic_error("exception_structs: kDefCount is out of date");
  add_all(lib, std::make_index_sequence<kDefCount>{});
}
}  // namespace lib

}  // namespace otp::shell
