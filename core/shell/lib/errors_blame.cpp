// IEx's blame (Exception.blame/3 of Elixir 1.14, see errors.hpp): the
// extra text an error gets when IEx prints it at the prompt, and the
// "Did you mean:" suggestions of UndefinedFunctionError and KeyError,
// ranked with String.jaro_distance/2.
//
// Who calls what: the IEx session's error printer (blame_exception) and
// Exception.blame/3 (exception.cpp).
#include <algorithm>

#include "runtime/process.hpp"
#include "shell/eval/behaviour_native.hpp"
#include "shell/eval/module.hpp"
#include "shell/lib/builtins.hpp"
#include "shell/lib/errors.hpp"
#include "term/error.hpp"

namespace otp::shell {

namespace {

std::string one_line(const Term& t) {
  InspectOptions o;
  o.pretty = false;
  return inspect(t, o);
}

// Code points of a UTF-8 string (Elixir compares graphemes; function
// names and keys are ASCII in practice).
std::vector<uint32_t> code_points(std::string_view s) {
  std::vector<uint32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    uint32_t cp = n == 1 ? c : c & (0x3F >> (n - 1));
    for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += static_cast<std::size_t>(n);
  }
  return out;
}

// The module's exports: a shell module's public functions, else the
// built-in library's. *loaded tells whether the module exists at all.
std::vector<std::pair<Atom, unsigned>> exports_of(Atom module, bool* loaded) {
  if (Process* p = Process::current()) {
    if (auto m = modules_of(p->node()).find(module)) {
      *loaded = true;
      return m->exports();
    }
    if (!builtins().has_module(module) && has_native_module(p->node(), module)) {  // behaviour_native.hpp
      *loaded = true;
      return native_exports(p->node(), module);
    }
  }
  *loaded = builtins().has_module(module);
  return builtins().exports(module);
}

bool is_identifier(std::string_view s) {
  if (s.empty() || !((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_')) return false;
  for (std::size_t i = 1; i < s.size(); ++i) {
    char c = s[i];
    bool last = i + 1 == s.size();
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (last && (c == '?' || c == '!')))) return false;
  }
  return true;
}

// Code.Identifier.inspect_as_function/1.
std::string function_name_text(Atom name) {
  std::string_view s = name.name();
  if (is_identifier(s)) return std::string(s);
  std::string shown = one_line(Term(name));  // :"odd name" or :+
  return shown.size() > 1 && shown[1] == '"' ? shown.substr(1) : shown.substr(1);
}

struct Candidate {
  double dist;
  std::string name;
  std::string line;
};

// Sorted by distance (best first, stable), the best 5, then by name.
std::string format_suggestions(std::vector<Candidate> c) {
  if (c.empty()) return "";
  std::stable_sort(c.begin(), c.end(), [](const Candidate& a, const Candidate& b) { return a.dist > b.dist; });
  if (c.size() > 5) c.resize(5);
  std::stable_sort(c.begin(), c.end(), [](const Candidate& a, const Candidate& b) { return a.name < b.name; });
  std::string out = ". Did you mean:\n\n";
  for (const Candidate& k : c) out += "      * " + k.line + "\n";
  return out;
}

constexpr double kThreshold = 0.77;

std::string function_hint(Atom module, Atom function, unsigned arity) {
  bool loaded = false;
  std::vector<std::pair<Atom, unsigned>> exports = exports_of(module, &loaded);
  std::vector<Candidate> c;
  for (const auto& [name, a] : exports)
    if (name == function && a != arity) c.push_back({1.0, std::string(name.name()), function_name_text(name) + "/" + std::to_string(a)});
  if (c.empty()) {
    for (const auto& [name, a] : exports) {
      double d = jaro_distance(function.name(), name.name());
      if (d >= kThreshold) c.push_back({d, std::string(name.name()), function_name_text(name) + "/" + std::to_string(a)});
    }
  }
  return format_suggestions(std::move(c));
}

std::string key_hint(const Term& key, const Term& term) {
  std::vector<Term> keys;
  if (term.is_map()) {
    for (const MapEntry& e : term.map_entries()) {
      if (!e.key.is_atom()) return "";
      keys.push_back(e.key);
    }
  } else if (term.is_list() && list_length(term) >= 0) {
    for (const Term* c = &term; c->is_cons(); c = &c->tail()) {
      const Term& kv = c->head();
      if (!kv.is_tuple() || kv.tuple_size() != 2 || !kv[0].is_atom()) return "";
      keys.push_back(kv[0]);
    }
  } else {
    return "";
  }
  std::vector<Candidate> c;
  for (const Term& k : keys) {
    double d = jaro_distance(key.atom().name(), k.atom().name());
    if (d >= kThreshold) c.push_back({d, std::string(k.atom().name()), one_line(k)});
  }
  return format_suggestions(std::move(c));
}

std::string arith_suffix(const Term& stacktrace) {
  if (!stacktrace.is_cons()) return "";
  const Term& f = stacktrace.head();
  if (!f.is_tuple() || f.tuple_size() != 4 || !f[0].is_atom() || f[0].atom().name() != "erlang" || !f[1].is_atom() ||
      !f[2].is_list())
    return "";
  std::string op(f[1].atom().name());
  std::vector<Term> a;
  for (const Term* c = &f[2]; c->is_cons(); c = &c->tail()) a.push_back(c->head());
  if (a.size() == 1 && (op == "+" || op == "-")) return ": " + op + "(" + one_line(a[0]) + ")";
  if (a.size() == 1 && op == "bnot") return ": Bitwise.bnot(" + one_line(a[0]) + ")";
  if (a.size() != 2) return "";
  if (op == "+" || op == "-" || op == "*" || op == "/") return ": " + one_line(a[0]) + " " + op + " " + one_line(a[1]);
  if (op == "div" || op == "rem") return ": " + op + "(" + one_line(a[0]) + ", " + one_line(a[1]) + ")";
  if (op == "band" || op == "bor" || op == "bxor" || op == "bsl" || op == "bsr")
    return ": Bitwise." + op + "(" + one_line(a[0]) + ", " + one_line(a[1]) + ")";
  return "";
}

}  // namespace

double jaro_distance(std::string_view s1, std::string_view s2) {
  if (s1 == s2) return 1.0;
  if (s1.empty() || s2.empty()) return 0.0;
  std::vector<uint32_t> c1 = code_points(s1), c2 = code_points(s2);
  const std::ptrdiff_t len1 = static_cast<std::ptrdiff_t>(c1.size()), len2 = static_cast<std::ptrdiff_t>(c2.size());
  // Elixir walks the shorter string over a window of the longer one.
  std::vector<uint32_t>& walk = len1 < len2 ? c1 : c2;
  std::vector<int64_t> window(len1 < len2 ? c2.begin() : c1.begin(), len1 < len2 ? c2.end() : c1.end());
  const std::ptrdiff_t lim = (len1 < len2 ? len2 : len1) / 2 - 1;
  std::ptrdiff_t pre = 0, start = 0, comm = 0, trans = 0, former = -1;
  for (std::ptrdiff_t idx = 0; idx < static_cast<std::ptrdiff_t>(walk.size()); ++idx) {
    std::ptrdiff_t budget = pre + 1 + lim;
    for (std::ptrdiff_t j = 0; budget > 0 && start + j < static_cast<std::ptrdiff_t>(window.size()); ++j, --budget) {
      if (window[static_cast<std::size_t>(start + j)] == static_cast<int64_t>(walk[static_cast<std::size_t>(idx)])) {
        window[static_cast<std::size_t>(start + j)] = -1;  // matched: Elixir's nil
        std::ptrdiff_t current = idx - pre + j;
        ++comm;
        if (current < former) ++trans;
        former = current;
        break;
      }
    }
    if (pre == lim) ++start;
    else ++pre;
  }
  if (comm == 0) return 0.0;
  double c = static_cast<double>(comm);
  return (c / static_cast<double>(len1) + c / static_cast<double>(len2) + (c - static_cast<double>(trans)) / c) / 3;
}

std::string undefined_function_message(const Term& module, const Term& function, const Term& arity, const Term& reason) {
  if (function.is_atom(atom::nil) || arity.is_atom(atom::nil)) return "undefined function";
  std::string mfa = format_mfa_text(module, function, arity);
  if (!reason.is_atom(atom::nil))
    return "function " + mfa + " is undefined (" + (reason.is_binary() ? std::string(reason.bytes()) : reason.is_atom() ? std::string(reason.atom().name()) : one_line(reason)) + ")";
  if (module.is_atom(atom::nil) || !module.is_atom()) return "function " + mfa + " is undefined";
  bool loaded = false;
  exports_of(module.atom(), &loaded);
  if (loaded) return "function " + mfa + " is undefined or private";
  return "function " + mfa + " is undefined (module " + one_line(module) + " is not available)";
}

Term blame_exception(const Term& reason, const Term& stacktrace) {
  Term e = normalize_exception(reason, stacktrace);
  const Term* mod = e.map_get(Term(atom::__struct__));
  if (!mod || !mod->is_atom()) return e;
  std::string_view m = mod->atom().name();
  const Term* msg = e.map_get(Term(atom::message));
  if (m == "Elixir.ArithmeticError" && msg && msg->is_binary()) {
    std::string suffix = arith_suffix(stacktrace);
    if (!suffix.empty()) return e.map_put(Term(atom::message), Term::binary(std::string(msg->bytes()) + suffix));
    return e;
  }
  if (m == "Elixir.UndefinedFunctionError" && msg && !msg->is_binary()) {
    const Term* module = e.map_get(Term::atom("module"));
    const Term* function = e.map_get(Term::atom("function"));
    const Term* arity = e.map_get(Term::atom("arity"));
    const Term* why = e.map_get(Term::atom("reason"));
    if (!module || !function || !arity || !why) return e;
    std::string text = undefined_function_message(*module, *function, *arity, *why);
    if (module->is_atom(atom::nil) && arity->is_small() && arity->small() == 0)
      text += ". If you are using the dot syntax, such as map.field or module.function, make sure the left side of the dot is an atom or a map";
    else if (why->is_atom(atom::nil) && text.ends_with("is undefined or private") && function->is_atom() && arity->is_small())
      text += function_hint(module->atom(), function->atom(), static_cast<unsigned>(arity->small()));
    return e.map_put(Term(atom::message), Term::binary(text));
  }
  if (m == "Elixir.KeyError" && msg && !msg->is_binary()) {
    const Term* key = e.map_get(Term::atom("key"));
    const Term* term = e.map_get(Term::atom("term"));
    if (!key || !term) return e;
    std::string text = exception_message(e);
    if (key->is_atom() && !term->is_atom(atom::nil)) text += key_hint(*key, *term);
    return e.map_put(Term(atom::message), Term::binary(text));
  }
  return e;
}

}  // namespace otp::shell
