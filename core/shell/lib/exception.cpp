// The Exception module of Elixir 1.14: message/1, exception?/1,
// normalize/2,3, blame/3, format_banner/2,3, format/2,3, format_exit/1,
// format_mfa/3, format_fa/2, format_stacktrace_entry/1 and
// format_stacktrace/1. The texts come from the same code the IEx session
// prints with (shell/session/format.hpp), so `Exception.format(...)` in the
// shell shows exactly what the prompt would.
#include "shell/lib/support.hpp"
#include "shell/session/format.hpp"

namespace otp::shell::lib {

namespace {

bool is_exception(const Term& t) {
  if (!t.is_map()) return false;
  const Term* s = t.map_get(Term(atom::__struct__));
  const Term* e = t.map_get(Term(atom::__exception__));
  return s && s->is_atom() && e && e->is_atom(atom::true_);
}

bool is_kind(const Term& k) {
  if (k.is_atom(atom::error) || k.is_atom(atom::exit) || k.is_atom(Atom::intern("throw"))) return true;
  return k.is_tuple() && k.tuple_size() == 2 && k[0].is_atom(Atom::intern("EXIT")) && k[1].is_pid();
}

std::string plain(const Term& t) {
  InspectOptions o;
  o.pretty = false;
  return inspect(t, o);
}

Term normalize(const Term& kind, const Term& payload, const Term& stacktrace) {
  if (!kind.is_atom(atom::error)) return payload;
  return normalize_exception(payload, stacktrace);
}

std::string banner(const Term& kind, const Term& payload, const Term& stacktrace) {
  if (!is_kind(kind)) no_clause("Exception", "format_banner", {kind, payload, stacktrace});
  if (kind.is_tuple()) return "** (EXIT from " + plain(kind[1]) + ") " + format_exit(payload);
  if (kind.is_atom(atom::error)) {
    Term e = normalize_exception(payload, stacktrace);
    return "** (" + plain(*e.map_get(Term(atom::__struct__))) + ") " + exception_message(e);
  }
  return format_banner(kind.atom(), payload, stacktrace);
}

Term format(const Term& kind, const Term& payload, const Term& stacktrace) {
  std::string out = banner(kind, payload, stacktrace);
  if (!kind.is_tuple() && stacktrace.is_cons()) out += "\n" + format_stacktrace(stacktrace);
  return Term::binary(out);
}

Term message(Args a) {
  if (!is_exception(a[0]))
    raise_function_clause("Exception", "message", {a[0]}, {"def message(%module{__exception__: true} = exception)"});
  return Term::binary(exception_message(a[0]));
}

Term format_fa(Args a) {
  if (!a[0].is_fun()) no_clause("Exception", "format_fa", {a[0], a[1]});
  if (a[1].is_small()) return Term::binary(plain(a[0]) + "/" + plain(a[1]));
  std::string out = plain(a[0]) + "(";
  bool first = true;
  for (const Term* c = &a[1]; c->is_cons(); c = &c->tail(), first = false) out += (first ? "" : ", ") + plain(c->head());
  return Term::binary(out + ")");
}

Term format_mfa3(Args a) {
  if (!a[0].is_atom() || !a[1].is_atom() || !(a[2].is_small() || a[2].is_list()))
    no_clause("Exception", "format_mfa", {a[0], a[1], a[2]});
  return Term::binary(format_mfa(a[0], a[1], a[2]));
}

}  // namespace

void add_exception(Library& lib) {
  const char* E = "Exception";
  lib.add(E, "message", 1, message, "The message of an exception struct.");
  lib.add(E, "exception?", 1, [](Args a) { return Term::boolean(is_exception(a[0])); }, "Whether the term is an exception struct.");
  lib.add(E, "normalize", 2, [](Args a) { return normalize(a[0], a[1], Term::empty_list()); },
          "An Erlang error reason as an Elixir exception (kind :error); other kinds unchanged.");
  lib.add(E, "normalize", 3, [](Args a) { return normalize(a[0], a[1], a[2]); }, "normalize/2 with a stack trace.");
  lib.add(E, "blame", 3, [](Args a) {
    if (!a[0].is_atom(atom::error)) return tuple2(a[1], a[2]);
    return tuple2(blame_exception(a[1], a[2]), a[2]);
  }, "{exception, stacktrace} with the extra details IEx shows (\"Did you mean\", \": 1 / 0\").");
  lib.add(E, "format_banner", 2, [](Args a) { return Term::binary(banner(a[0], a[1], Term::empty_list())); },
          "\"** (RuntimeError) boom\" for a kind and payload.");
  lib.add(E, "format_banner", 3, [](Args a) { return Term::binary(banner(a[0], a[1], a[2])); }, "format_banner/2 with a stack trace.");
  lib.add(E, "format", 2, [](Args a) { return format(a[0], a[1], Term::empty_list()); }, "The banner and stack trace, as a string.");
  lib.add(E, "format", 3, [](Args a) { return format(a[0], a[1], a[2]); }, "format/2 with a stack trace.");
  lib.add(E, "format_exit", 1, [](Args a) { return Term::binary(format_exit(a[0])); }, "An exit reason as text (\"no process: ...\").");
  lib.add(E, "format_mfa", 3, format_mfa3, "\"Mod.fun/arity\" or \"Mod.fun(args)\".");
  lib.add(E, "format_fa", 2, format_fa, "\"#Function<...>/arity\" or with arguments.");
  lib.add(E, "format_stacktrace_entry", 1, [](Args a) { return Term::binary(format_stacktrace_entry(a[0])); },
          "One stack trace entry as text (\"iex:4: Calc.divide/2\").");
  lib.add(E, "format_stacktrace", 1, [](Args a) { return Term::binary(format_stacktrace(a[0])); },
          "A stack trace, one indented entry per line.");
  lib.add("String", "jaro_distance", 2, [](Args a) {
    if (!a[0].is_binary() || !a[1].is_binary()) no_clause("String", "jaro_distance", {a[0], a[1]});
    return Term::from_double(jaro_distance(a[0].bytes(), a[1].bytes()));
  }, "Similarity of two strings from 0.0 to 1.0 (Jaro distance).");
}

}  // namespace otp::shell::lib
