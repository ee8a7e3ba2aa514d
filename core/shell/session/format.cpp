// Elixir's Exception formatting (lib/elixir/lib/exception.ex of 1.14) for
// the session: banners, exits and stack traces.
#include "shell/session/format.hpp"

#include <string_view>

#include "runtime/crash.hpp"
#include "shell/eval/interp.hpp"

namespace otp::shell {

namespace {

// Kernel.inspect/1's defaults: no pretty-printing, as exit texts use.
std::string plain(const Term& t) {
  InspectOptions o;
  o.pretty = false;
  o.width = 1 << 30;
  return inspect(t, o);
}

bool is_identifier(std::string_view s) {
  if (s.empty()) return false;
  auto lower = [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; };
  auto word = [&](char c) { return lower(c) || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  if (!lower(s[0])) return false;
  std::size_t n = s.size();
  if (s.back() == '?' || s.back() == '!') --n;
  for (std::size_t i = 1; i < n; ++i)
    if (!word(s[i])) return false;
  return true;
}

bool is_operator(std::string_view s) {
  static constexpr std::string_view ops[] = {"+",  "-",  "*",   "/",   "==", "!=", "===", "!==", "<",  ">",
                                             "<=", ">=", "=<",  "/=",  "=:=", "=/=", "++",  "--", "<>", "|>",
                                             "!",  "&&", "||",  "and", "or", "not", "in",  "..", "=~", "**"};
  for (std::string_view o : ops)
    if (s == o) return true;
  return false;
}

// A function name as Macro.inspect_atom(:remote_call, name) writes it.
std::string fun_name_text(const Term& fun) {
  if (!fun.is_atom()) return plain(fun);
  std::string_view s = fun.atom().name();
  if (is_identifier(s) || is_operator(s)) return std::string(s);
  return plain(Term::binary(s));
}

std::string module_text(const Term& module) {
  return module.is_atom() ? module_text_of(module.atom()) : plain(module);
}

// A charlist or binary file name.
bool text_of(const Term& t, std::string* out) {
  if (t.is_binary()) {
    *out = std::string(t.bytes());
    return true;
  }
  out->clear();
  for (const Term* c = &t; c->is_cons(); c = &c->tail()) {
    if (!c->head().is_small()) return false;
    out->push_back(static_cast<char>(c->head().small()));
  }
  return t.is_list();
}

std::string format_location(const Term& location) {
  std::string file;
  Term line;
  bool have_file = false;
  for (const Term* c = &location; c->is_cons(); c = &c->tail()) {
    const Term& kv = c->head();
    if (!kv.is_tuple() || kv.tuple_size() != 2 || !kv[0].is_atom()) continue;
    if (kv[0].atom().name() == "file") have_file = text_of(kv[1], &file);
    if (kv[0].atom().name() == "line") line = kv[1];
  }
  if (!have_file) return "";
  if (line.is_small() && line.small() > 0) return file + ":" + std::to_string(line.small()) + ": ";
  return file + ": ";
}

bool is_stacktrace(const Term& t) {
  if (!t.is_cons()) return false;
  for (const Term* c = &t; c->is_cons(); c = &c->tail()) {
    const Term& e = c->head();
    if (!e.is_tuple() || (e.tuple_size() != 4 && e.tuple_size() != 3)) return false;
  }
  return true;
}

std::string indent_lines(const std::string& text, const std::string& joiner) {
  std::string out;
  for (char c : text) {
    if (c == '\n')
      out += joiner;
    else
      out += c;
  }
  return out;
}

std::string format_start_child(const Term& child, const Term& reason, const std::string& joiner) {
  return "shutdown: failed to start child: " + plain(child) + joiner + "** (EXIT) " +
         format_exit(reason, joiner + "    ");
}

}  // namespace

std::string format_mfa(const Term& module, const Term& fun, const Term& args_or_arity) {
  std::string out = module_text(module) + "." + fun_name_text(fun);
  if (args_or_arity.is_small()) return out + "/" + std::to_string(args_or_arity.small());
  out += "(";
  bool first = true;
  for (const Term* c = &args_or_arity; c->is_cons(); c = &c->tail()) {
    if (!first) out += ", ";
    first = false;
    out += plain(c->head());
  }
  return out + ")";
}

std::string format_stacktrace_entry(const Term& e) {
  if (e.is_tuple() && e.tuple_size() == 4) {
    std::string_view fun = e[1].is_atom() ? e[1].atom().name() : std::string_view();
    if (fun == "__MODULE__" && e[2].is_small() && e[2].small() == 0)
      return format_location(e[3]) + module_text(e[0]) + " (module)";
    if (fun == "__MODULE__") return format_location(e[3]) + "(module)";
    if (fun == "__FILE__") return format_location(e[3]) + "(file)";
    return format_location(e[3]) + format_mfa(e[0], e[1], e[2]);
  }
  if (e.is_tuple() && e.tuple_size() == 3) return format_location(e[2]) + plain(e[0]);
  return plain(e);
}

std::string format_stacktrace(const Term& stacktrace, const std::string& indent) {
  std::string out;
  for (const Term* c = &stacktrace; c->is_cons(); c = &c->tail()) out += indent + format_stacktrace_entry(c->head()) + "\n";
  return out;
}

std::string format_exit(const Term& reason, const std::string& joiner) {
  if (reason.is_tuple() && reason.tuple_size() == 2) {
    const Term& a = reason[0];
    const Term& b = reason[1];
    if (is_stacktrace(b)) {
      std::string banner = format_banner(Atom(atom::error), a, b);
      std::string out = "an exception was raised:" + joiner + indent_lines(banner, joiner);
      for (const Term* c = &b; c->is_cons(); c = &c->tail())
        out += joiner + "    " + format_stacktrace_entry(c->head());
      return out;
    }
    if (a.is_atom(atom::shutdown) && b.is_tuple() && b.tuple_size() == 3 && b[0].is_atom() &&
        b[0].atom().name() == "failed_to_start_child") {
      const Term& r = b[2];
      if (r.is_tuple() && r.tuple_size() == 2 && r[0].is_atom() && r[0].atom().name() == "EXIT")
        return format_start_child(b[1], r[1], joiner);
      return format_start_child(b[1], r, joiner);
    }
    if (b.is_tuple() && b.tuple_size() == 3 && b[0].is_atom() && b[1].is_atom() && b[2].is_list()) {
      return "exited in: " + format_mfa(b[0], b[1], b[2]) + joiner + "** (EXIT) " +
             format_exit(a, joiner + "    ");
    }
  }
  return format_exit_reason(reason);
}

std::string format_banner(Atom kind, const Term& reason, const Term& stacktrace) {
  (void)stacktrace;
  std::string_view k = kind.name();
  if (k == "throw") return "** (throw) " + plain(reason);
  if (k == "exit") return "** (exit) " + format_exit(reason);
  Term ex = normalize_error(reason);
  std::string mod = module_text(*ex.map_get(Term(atom::__struct__)));
  return "** (" + mod + ") " + error_message(ex);
}

}  // namespace otp::shell
