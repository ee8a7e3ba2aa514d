// Exception.message/1 for Elixir 1.14's exception structs (see
// errors.hpp). The texts are Elixir's own (lib/elixir/lib/exception.ex of
// 1.14); Erlang reasons are normalised first (exception_normalize.cpp).
#include "shell/lib/builtins.hpp"
#include "shell/lib/errors.hpp"
#include "term/error.hpp"
#include "term/fun.hpp"

namespace otp::shell {

namespace {

std::string one_line(const Term& t) {
  InspectOptions o;
  o.pretty = false;
  return inspect(t, o);
}

// A field of the struct, nil when absent (a hand-made exception map).
Term get(const Term& e, const char* name) {
  const Term* v = e.map_get(Term::atom(name));
  return v ? *v : Term();
}

std::string text(const Term& t) { return t.is_binary() ? std::string(t.bytes()) : one_line(t); }
// "#{term}": binaries and atoms as their text.
std::string name_of(const Term& t) { return t.is_atom() ? std::string(t.atom().name()) : text(t); }

// FunctionClauseError's pad/1: every line indented by four spaces.
std::string pad(std::string_view s) {
  std::string out;
  for (char c : s) {
    out += c;
    if (c == '\n') out += "    ";
  }
  return out;
}

// Exception.format_file_line/3 (with "iex" as the relative file).
std::string file_line(const Term& file, const Term& line, const Term& column = Term()) {
  if (file.is_atom(atom::nil)) return "";
  std::string out = text(file) + ":";
  if (line.is_small() && line.small() > 0) {
    out += std::to_string(line.small()) + ":";
    if (column.is_small() && column.small() > 0) out += std::to_string(column.small()) + ":";
  }
  return out;
}

std::string function_clause_message(const Term& e) {
  const Term function = get(e, "function");
  if (function.is_atom(atom::nil)) return "no function clause matches";
  std::string mfa = format_mfa_text(get(e, "module"), function, get(e, "arity"));
  std::string out = "no function clause matching in " + mfa;
  const Term args = get(e, "args");
  if (!args.is_list()) return out;
  out += "\n\nThe following arguments were given to " + mfa + ":\n";
  int i = 1;
  for (const Term* c = &args; c->is_cons(); c = &c->tail(), ++i)
    out += pad("\n# ") + std::to_string(i) + pad("\n") + pad(one_line(c->head())) + "\n";
  const Term clauses = get(e, "clauses");
  std::ptrdiff_t n = list_length(clauses);
  if (clauses.is_cons() && n > 0) {
    std::ptrdiff_t shown = n < 10 ? n : 10;
    out += "\nAttempted function clauses (showing " + std::to_string(shown) + " out of " + std::to_string(n) + "):\n\n";
    std::ptrdiff_t k = 0;
    for (const Term* c = &clauses; c->is_cons() && k < shown; c = &c->tail(), ++k)
      out += "    " + text(c->head()) + "\n";
    if (n > shown)
      out += "    ...\n    (" + std::to_string(n - shown) + (n - shown == 1 ? " clause" : " clauses") + " not shown)\n";
  }
  return out;
}

std::string bad_arity_message(const Term& e) {
  const Term f = get(e, "function");
  const Term args = get(e, "args");
  std::ptrdiff_t n = list_length(args);
  std::string listed;
  for (const Term* c = &args; c->is_cons(); c = &c->tail()) listed += (listed.empty() ? "" : ", ") + one_line(c->head());
  std::string count = n == 0 ? "no arguments" : n == 1 ? "1 argument (" + listed + ")" : std::to_string(n) + " arguments (" + listed + ")";
  return one_line(f) + " with arity " + std::to_string(f.is_fun() ? f.fun().arity() : 0) + " called with " + count;
}

std::string protocol_message(const Term& e) {
  const Term value = get(e, "value");
  std::string type;
  const Term* vmod = value.is_map() ? value.map_get(Term(atom::__struct__)) : nullptr;
  if (vmod && vmod->is_atom()) type = one_line(*vmod) + " (a struct)";
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
  const Term d = get(e, "description");
  std::string desc = d.is_binary() && !d.bytes().empty() ? ", " + std::string(d.bytes()) : "";
  return "protocol " + one_line(get(e, "protocol")) + " not implemented for " + one_line(value) + " of type " + type + desc;
}

}  // namespace

std::string format_mfa_text(const Term& module, const Term& function, const Term& arity) {
  std::string shown = one_line(function);  // :name or :"odd name"
  std::string f = function.is_atom() ? std::string(function.atom().name()) : shown;
  return one_line(module) + "." + (shown.size() > 1 && shown[1] == '"' ? shown.substr(1) : f) + "/" + one_line(arity);
}

std::string posix_text(const Term& reason) {
  static const std::pair<const char*, const char*> texts[] = {
      {"enoent", "no such file or directory"}, {"eacces", "permission denied"},
      {"eisdir", "illegal operation on a directory"}, {"enotdir", "not a directory"},
      {"eexist", "file already exists"}, {"enospc", "no space left on device"},
      {"ebadf", "bad file number"}, {"einval", "invalid argument"}, {"emfile", "too many open files"},
      {"enomem", "not enough memory"}, {"erofs", "read-only file system"}, {"eperm", "not owner"},
      {"enotsup", "operation not supported"}, {"enametoolong", "file name too long"}};
  if (reason.is_atom())
    for (const auto& [name, t] : texts)
      if (reason.atom().name() == name) return t;
  return "unknown POSIX error";
}

std::string exception_message(const Term& e) {
  if (!e.is_map()) {
    if (e.is_atom() || e.is_tuple()) {
      Term n = normalize_exception(e);
      if (n.is_map() && !(n.map_get(Term::atom("original")) && *n.map_get(Term::atom("original")) == e))
        return exception_message(n);
    }
    return "";
  }
  const Term* mod = e.map_get(Term(atom::__struct__));
  if (!mod || !mod->is_atom()) return "";
  std::string_view m = mod->atom().name();
  if (m.rfind("Elixir.", 0) == 0) m.remove_prefix(7);
  if (m == "KeyError") {
    const Term msg = get(e, "message");
    if (msg.is_binary()) return std::string(msg.bytes());
    std::string out = "key " + one_line(get(e, "key")) + " not found";
    if (!get(e, "term").is_atom(atom::nil)) out += " in: " + one_line(get(e, "term"));
    return out;
  }
  if (m == "CompileError" || m == "TokenMissingError")
    return file_line(get(e, "file"), get(e, "line")) + " " + text(get(e, "description"));
  if (m == "SyntaxError") return file_line(get(e, "file"), get(e, "line"), get(e, "column")) + " " + text(get(e, "description"));
  if (m == "CaseClauseError") return "no case clause matching: " + one_line(get(e, "term"));
  if (m == "TryClauseError") return "no try clause matching: " + one_line(get(e, "term"));
  if (m == "WithClauseError") return "no with clause matching: " + one_line(get(e, "term"));
  if (m == "MatchError") return "no match of right hand side value: " + one_line(get(e, "term"));
  if (m == "CondClauseError") return "no cond clause evaluated to a truthy value";
  if (m == "BadMapError") return "expected a map, got: " + one_line(get(e, "term"));
  if (m == "BadStructError") return "expected a struct named " + one_line(get(e, "struct")) + ", got: " + one_line(get(e, "term"));
  if (m == "BadFunctionError") return "expected a function, got: " + one_line(get(e, "term"));
  if (m == "BadBooleanError")
    return "expected a boolean on left-side of \"" + name_of(get(e, "operator")) + "\", got: " + one_line(get(e, "term"));
  if (m == "BadArityError") return bad_arity_message(e);
  if (m == "Protocol.UndefinedError") return protocol_message(e);
  if (m == "FunctionClauseError") return function_clause_message(e);
  if (m == "UndefinedFunctionError") {
    const Term msg = get(e, "message");
    if (msg.is_binary()) return std::string(msg.bytes());
    return undefined_function_message(get(e, "module"), get(e, "function"), get(e, "arity"), get(e, "reason"));
  }
  if (m == "ErlangError") {
    const Term reason = get(e, "reason");
    return "Erlang error: " + one_line(get(e, "original")) + (reason.is_binary() ? std::string(reason.bytes()) : "");
  }
  if (m == "File.Error") {
    std::string action = text(get(e, "action"));
    const Term reason = get(e, "reason");
    std::string why = action == "remove directory" && reason.is_atom() && reason.atom().name() == "eexist"
                          ? "directory is not empty"
                          : posix_text(reason);
    return "could not " + action + " " + one_line(get(e, "path")) + ": " + why;
  }
  if (m == "IO.StreamError" && !get(e, "message").is_binary()) return "error during streaming: " + posix_text(get(e, "reason"));
  if (m == "System.EnvError")
    return "could not fetch environment variable " + one_line(get(e, "env")) + " because it is not set";
  const Term msg = get(e, "message");
  if (msg.is_binary()) return std::string(msg.bytes());
  return "";
}

}  // namespace otp::shell
