// Elixir's exception structs and messages for the built-in functions (see
// errors.hpp).
#include "shell/lib/errors.hpp"

#include "shell/lib/builtins.hpp"
#include "term/error.hpp"
#include "term/fun.hpp"
#include "term/struct.hpp"

namespace otp::shell {

namespace {

Atom A(const char* name) { return Atom::intern(name); }

// The structs raised here, fields in Elixir's definition order.
void register_exceptions() {
  static const bool done = [] {
    auto reg = [](const char* module, std::vector<Atom> fields) {
      fields.push_back(atom::__exception__);
      Atom m = module_atom(module);
      if (!struct_fields(m)) register_struct(m, std::move(fields));
    };
    reg("KeyError", {A("key"), A("term"), atom::message});
    reg("BadMapError", {A("term")});
    reg("Protocol.UndefinedError", {A("protocol"), A("value"), A("description")});
    reg("FunctionClauseError", {A("module"), A("function"), A("arity"), A("kind"), A("args"), A("clauses")});
    reg("BadFunctionError", {A("term")});
    reg("BadArityError", {A("function"), A("args")});
    reg("CaseClauseError", {A("term")});
    reg("TryClauseError", {A("term")});
    reg("MatchError", {A("term")});
    return true;
  }();
  (void)done;
}

Term make(const char* module, std::initializer_list<std::pair<Atom, Term>> values) {
  register_exceptions();
  return make_struct(module_atom(module), values);
}

std::string one_line(const Term& t) {
  InspectOptions o;
  o.pretty = false;
  return inspect(t, o);
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

// Exception.format_mfa/3: Enum.map/2, :lists.nth/2.
std::string format_mfa(const Term& module, const Term& function, const Term& arity) {
  std::string f(function.atom().name());
  std::string shown = inspect(Term(function));  // :name or :"odd name"
  return inspect(module) + "." + (shown.size() > 1 && shown[1] == '"' ? shown.substr(1) : f) + "/" +
         inspect(arity);
}

// FunctionClauseError's pad/1: every line indented by four spaces.
std::string pad(std::string_view s) {
  std::string out;
  for (char c : s) {
    out += c;
    if (c == '\n') out += "    ";
  }
  return out;
}

const Term* field(const Term& e, const char* name) { return e.map_get(Term::atom(name)); }

}  // namespace

void raise_badargs(std::initializer_list<std::pair<int, std::string_view>> problems) {
  std::string msg = "errors were found at the given arguments:\n\n";
  for (const auto& [pos, what] : problems) msg += "  * " + ordinal(pos) + " argument: " + std::string(what) + "\n";
  raise_argument_error(std::move(msg));
}

void raise_badarg(int position, std::string_view what) { raise_badargs({{position, what}}); }

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

std::string arith_blame(std::string_view op, const Term& a, const Term& b) {
  bool word = !op.empty() && op[0] >= 'a' && op[0] <= 'z';
  if (word) return std::string(op) + "(" + one_line(a) + ", " + one_line(b) + ")";
  return one_line(a) + " " + std::string(op) + " " + one_line(b);
}

std::string arith_blame(std::string_view op, const Term& a) { return std::string(op) + "(" + one_line(a) + ")"; }
void raise_clause_error(std::string_view module, Term term) {
  register_exceptions();
  throw ErlangError(make_struct(module_atom(module), {{A("term"), std::move(term)}}));
}

void raise_empty() { raise("Enum.EmptyError", "empty error"); }
void raise_out_of_bounds() { raise("Enum.OutOfBoundsError", "out of bounds error"); }

std::string exception_message(const Term& e) {
  if (e.is_atom(atom::badarg)) return "argument error";
  if (e.is_atom(atom::badarith)) return "bad argument in arithmetic expression";
  if (e.is_tuple() && e.tuple_size() == 2 && e[0].is_atom()) {
    std::string_view tag = e[0].atom().name();
    if (tag == "badfun") return "expected a function, got: " + one_line(e[1]);
    if (tag == "badmap") return "expected a map, got: " + one_line(e[1]);
    if (tag == "badkey") return "key " + one_line(e[1]) + " not found";
    if (tag == "case_clause") return "no case clause matching: " + one_line(e[1]);
    if (tag == "badmatch") return "no match of right hand side value: " + one_line(e[1]);
    if (tag == "badarity" && e[1].is_tuple() && e[1].tuple_size() == 2)
      return exception_message(make("BadArityError", {{A("function"), e[1][0]}, {A("args"), e[1][1]}}));
  }
  if (!e.is_map()) return "";
  const Term* mod = field(e, "__struct__");
  if (!mod || !mod->is_atom()) return "";
  std::string_view m = mod->atom().name();
  if (m == "Elixir.KeyError") {
    const Term* msg = field(e, "message");
    if (msg && msg->is_binary()) return std::string(msg->bytes());
    std::string out = "key " + one_line(*field(e, "key")) + " not found";
    if (!field(e, "term")->is_atom(atom::nil)) out += " in: " + one_line(*field(e, "term"));
    return out;
  }
  if (m == "Elixir.CompileError") {
    const Term* file = field(e, "file");
    const Term* line = field(e, "line");
    const Term* desc = field(e, "description");
    std::string where;
    if (file && file->is_binary()) {
      where = std::string(file->bytes());
      if (line && line->is_small() && line->small() > 0) where += ":" + std::to_string(line->small());
      where += ": ";
    }
    return where + (desc && desc->is_binary() ? std::string(desc->bytes()) : std::string());
  }
  if (m == "Elixir.CaseClauseError") return "no case clause matching: " + one_line(*field(e, "term"));
  if (m == "Elixir.TryClauseError") return "no try clause matching: " + one_line(*field(e, "term"));
  if (m == "Elixir.MatchError") return "no match of right hand side value: " + one_line(*field(e, "term"));
  if (m == "Elixir.BadMapError") return "expected a map, got: " + one_line(*field(e, "term"));
  if (m == "Elixir.BadFunctionError") return "expected a function, got: " + one_line(*field(e, "term"));
  if (m == "Elixir.BadArityError") {
    const Term& f = *field(e, "function");
    const Term& args = *field(e, "args");
    std::ptrdiff_t n = list_length(args);
    std::string out = one_line(f) + " with arity " + std::to_string(f.is_fun() ? f.fun().arity() : 0) +
                      " called with " + (n == 0 ? "no arguments" : std::to_string(n) + (n == 1 ? " argument" : " arguments"));
    if (n > 0) {
      out += " (";
      bool first = true;
      for (const Term* c = &args; c->is_cons(); c = &c->tail()) {
        out += (first ? "" : ", ") + one_line(c->head());
        first = false;
      }
      out += ")";
    }
    return out;
  }
  if (m == "Elixir.Protocol.UndefinedError") {
    const Term& value = *field(e, "value");
    std::string type;
    const Term* vmod = value.is_map() ? value.map_get(Term(atom::__struct__)) : nullptr;
    if (vmod && vmod->is_atom()) type = inspect(*vmod) + " (a struct)";
    else if (value.is_atom()) type = "Atom";
    else if (value.is_binary()) type = "BitString";
    else if (value.is_float()) type = "Float";
    else if (value.is_fun()) type = "Function";
    else if (value.is_integer()) type = "Integer";
    else if (value.is_list()) type = "List";
    else if (value.is_map()) type = "Map";
    else if (value.is_pid()) type = "PID";
    else if (value.is_ref()) type = "Reference";
    else type = "Tuple";
    const Term& d = *field(e, "description");
    std::string desc = d.is_binary() && !d.bytes().empty() ? ", " + std::string(d.bytes()) : "";
    return "protocol " + inspect(*field(e, "protocol")) + " not implemented for " + one_line(value) + " of type " +
           type + desc;
  }
  if (m == "Elixir.FunctionClauseError") {
    const Term& function = *field(e, "function");
    if (function.is_atom(atom::nil)) return "no function clause matches";
    std::string mfa = format_mfa(*field(e, "module"), function, *field(e, "arity"));
    std::string out = "no function clause matching in " + mfa;
    const Term& args = *field(e, "args");
    if (!args.is_list()) return out;
    out += "\n\nThe following arguments were given to " + mfa + ":\n";
    int i = 1;
    for (const Term* c = &args; c->is_cons(); c = &c->tail(), ++i)
      out += pad("\n# ") + std::to_string(i) + pad("\n") + pad(one_line(c->head())) + "\n";
    const Term& clauses = *field(e, "clauses");
    std::ptrdiff_t n = list_length(clauses);
    if (clauses.is_cons() && n > 0) {
      std::ptrdiff_t shown = n < 10 ? n : 10;
      out += "\nAttempted function clauses (showing " + std::to_string(shown) + " out of " + std::to_string(n) +
             "):\n\n";
      std::ptrdiff_t k = 0;
      for (const Term* c = &clauses; c->is_cons() && k < shown; c = &c->tail(), ++k)
        out += "    " + std::string(c->head().bytes()) + "\n";
      if (n > shown)
        out += "    ...\n    (" + std::to_string(n - shown) + (n - shown == 1 ? " clause" : " clauses") + " not shown)\n";
    }
    return out;
  }
  const Term* msg = field(e, "message");
  if (msg && msg->is_binary()) return std::string(msg->bytes());
  return "";
}

}  // namespace otp::shell
