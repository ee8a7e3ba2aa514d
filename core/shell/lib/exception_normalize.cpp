// Exception.normalize(:error, reason, stacktrace) of Elixir 1.14
// (ErlangError.normalize/2): Erlang error reasons as Elixir's exception
// structs (see errors.hpp). Called by the evaluator's rescue, the IEx
// printer (through blame_exception) and Exception.normalize/2,3.
#include "shell/lib/builtins.hpp"
#include "shell/lib/errors.hpp"
#include "term/error.hpp"

namespace otp::shell {

namespace {

Atom A(const char* name) { return Atom::intern(name); }

std::string one_line(const Term& t) {
  InspectOptions o;
  o.pretty = false;
  return inspect(t, o);
}

}  // namespace

Term normalize_exception(const Term& reason, const Term& stacktrace) {
  if (reason.is_map()) {
    const Term* ex = reason.map_get(Term(atom::__exception__));
    if (ex && ex->is_atom(atom::true_)) return reason;
  }
  auto make = [](const char* module, std::initializer_list<std::pair<Atom, Term>> fields) {
    return make_exception(module_atom(module), fields);
  };
  // {mod, fun, arity} of the first frame, as ErlangError.normalize reads it.
  auto frame = [&](int i) -> Term {
    if (!stacktrace.is_cons() || !stacktrace.head().is_tuple() || stacktrace.head().tuple_size() != 4) return Term();
    const Term& f = stacktrace.head();
    if (i == 2 && f[2].is_list()) return Term::integer(static_cast<int64_t>(list_length(f[2])));
    return f[static_cast<std::size_t>(i)];
  };
  if (reason.is_atom()) {
    std::string_view a = reason.atom().name();
    if (a == "badarg") {
      // :erlang.apply(term, fun, args) on a term that is not a module
      const Term& f = stacktrace.is_cons() ? stacktrace.head() : Term::empty_list();
      if (f.is_tuple() && f.tuple_size() == 4 && f[0].is_atom(Atom::intern("erlang")) && f[1].is_atom(Atom::intern("apply")) &&
          list_length(f[2]) == 3) {
        std::vector<Term> a3 = list_to_vector(f[2]);
        if (!a3[0].is_atom())
          return make("ArgumentError",
                      {{Atom(atom::message),
                        Term::binary("you attempted to apply a function named " + one_line(a3[1]) + " on " + one_line(a3[0]) +
                                     ". If you are using Kernel.apply/3, make sure the module is an atom. If you are "
                                     "using the dot syntax, such as module.function(), make sure the left-hand side of "
                                     "the dot is a module atom")}});
      }
      return make("ArgumentError", {});
    }
    if (a == "badarith") return make("ArithmeticError", {});
    if (a == "system_limit") return make("SystemLimitError", {});
    if (a == "cond_clause") return make("CondClauseError", {});
    if (a == "undef")
      return make("UndefinedFunctionError", {{A("module"), frame(0)}, {A("function"), frame(1)}, {A("arity"), frame(2)}});
    if (a == "function_clause")
      return make("FunctionClauseError", {{A("module"), frame(0)}, {A("function"), frame(1)}, {A("arity"), frame(2)}});
  }
  if (reason.is_tuple() && reason.tuple_size() >= 2 && reason[0].is_atom()) {
    std::string_view tag = reason[0].atom().name();
    const Term& v = reason[1];
    if (reason.tuple_size() == 2) {
      if (tag == "badmatch") return make("MatchError", {{A("term"), v}});
      if (tag == "case_clause") return make("CaseClauseError", {{A("term"), v}});
      if (tag == "try_clause") return make("TryClauseError", {{A("term"), v}});
      if (tag == "with_clause") return make("WithClauseError", {{A("term"), v}});
      if (tag == "badmap") return make("BadMapError", {{A("term"), v}});
      if (tag == "badfun") return make("BadFunctionError", {{A("term"), v}});
      if (tag == "badkey") {
        // the map, from the frame of the function that failed
        Term term;
        const Term& f = stacktrace.is_cons() ? stacktrace.head() : Term::empty_list();
        if (f.is_tuple() && f.tuple_size() == 4 && f[0].is_atom() && f[1].is_atom() && f[2].is_list()) {
          std::vector<Term> a = list_to_vector(f[2]);
          std::string_view m = f[0].atom().name(), fn = f[1].atom().name();
          if (m == "Elixir.Map" && (fn == "get_and_update!" || fn == "update!") && a.size() == 3) term = a[0];
          if (m == "maps" && fn == "update" && a.size() == 3) term = a[2];
          if (m == "maps" && fn == "get" && a.size() == 2) term = a[1];
          if (m == "erlang" && fn == "map_get" && a.size() == 2) term = a[1];
        }
        return make("KeyError", {{A("key"), v}, {A("term"), term}});
      }
      if (tag == "badarg") return make("ArgumentError", {{Atom(atom::message), Term::binary("argument error: " + one_line(v))}});
      if (tag == "badarity" && v.is_tuple() && v.tuple_size() == 2)
        return make("BadArityError", {{A("function"), v[0]}, {A("args"), v[1]}});
    }
    if (reason.tuple_size() == 3) {
      if (tag == "badkey" && !reason[2].is_map())
        return make("KeyError", {{A("key"), v},
                                 {A("term"), reason[2]},
                                 {Atom(atom::message),
                                  Term::binary("key " + one_line(v) + " not found in: " + one_line(reason[2]) +
                                               ". If you are using the dot syntax, such as map.field, make sure the "
                                               "left-hand side of the dot is a map")}});
      if (tag == "badkey") return make("KeyError", {{A("key"), v}, {A("term"), reason[2]}});
      if (tag == "badstruct") return make("BadStructError", {{A("struct"), v}, {A("term"), reason[2]}});
      if (tag == "badbool") return make("BadBooleanError", {{A("operator"), v}, {A("term"), reason[2]}});
    }
  }
  return make("ErlangError", {{A("original"), reason}});
}

}  // namespace otp::shell
