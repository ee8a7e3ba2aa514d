// String, part 1: case, trimming, searching, patterns (Elixir
// 1.14 semantics over UTF-8 binaries; see unicode.hpp for the Unicode
// covered). Patterns are strings or lists of strings; regexes are not
// supported here.
#include "shell/lib/string_detail.hpp"
#include "shell/lib/unicode.hpp"

namespace otp::shell::lib {

std::string_view str_arg(const Term& s, const char* fun, std::initializer_list<Term> args) {
  if (!s.is_binary()) raise_function_clause("String", fun, std::vector<Term>(args));
  return s.bytes();
}

std::vector<std::string> patterns(const Term& p, const char* fun, std::initializer_list<Term> args) {
  std::vector<std::string> out;
  if (p.is_binary()) {
    out.emplace_back(p.bytes());
    return out;
  }
  if (p.is_list() && list_length(p) >= 0) {
    for (const Term* c = &p; c->is_cons(); c = &c->tail()) {
      if (!c->head().is_binary()) raise_badarg(2, "not a valid pattern");
      out.emplace_back(c->head().bytes());
    }
    return out;
  }
  (void)fun;
  (void)args;
  raise_badarg(2, "not a valid pattern");
}

// The earliest (then longest) match of any non-empty pattern at or after from.
bool find_match(std::string_view s, const std::vector<std::string>& pats, std::size_t from, std::size_t* at, std::size_t* len) {
  bool found = false;
  for (const std::string& p : pats) {
    if (p.empty()) continue;
    std::size_t i = s.find(p, from);
    if (i == std::string_view::npos) continue;
    if (!found || i < *at || (i == *at && p.size() > *len)) {
      *at = i;
      *len = p.size();
      found = true;
    }
  }
  return found;
}

namespace {

const char* mode_name(const Term& m) {
  if (m.is_atom(Atom::intern("default"))) return "default";
  if (m.is_atom(Atom::intern("ascii"))) return "ascii";
  if (m.is_atom(Atom::intern("greek")) || m.is_atom(Atom::intern("turkic"))) return "default";
  return nullptr;
}

Term change_case(Args a, int which) {
  static const char* names[] = {"upcase", "downcase", "capitalize"};
  Term mode = a.size() > 1 ? a[1] : Term::atom("default");
  const char* m = mode_name(mode);
  if (!a[0].is_binary() || !m) {
    std::string n = names[which];
    std::vector<std::string_view> clauses;
    if (which == 0)
      clauses = {"def upcase(\"\", _mode)", "def upcase(string, :default) when is_binary(string)",
                 "def upcase(string, :ascii) when is_binary(string)",
                 "def upcase(string, mode) when is_binary(string) and mode === :greek or mode === :turkic"};
    else if (which == 1)
      clauses = {"def downcase(\"\", _mode)", "def downcase(string, :default) when is_binary(string)",
                 "def downcase(string, :ascii) when is_binary(string)",
                 "def downcase(string, mode) when is_binary(string) and mode === :greek or mode === :turkic"};
    raise_function_clause("String", names[which], {a[0], mode}, clauses);
  }
  bool ascii = std::string_view(m) == "ascii";
  std::string_view s = a[0].bytes();
  if (which == 0) return Term::binary(upcase(s, ascii));
  if (which == 1) return Term::binary(downcase(s, ascii));
  return Term::binary(capitalize(s, ascii));
}

// trim/trim_leading/trim_trailing: whitespace, or repetitions of to_trim.
Term trim(Args a, bool lead, bool trail, const char* fun) {
  std::string_view s = a.size() > 1 ? str_arg(a[0], fun, {a[0], a[1]}) : str_arg(a[0], fun, {a[0]});
  std::size_t b = 0, e = s.size();
  if (a.size() > 1) {
    if (!a[1].is_binary()) no_clause("String", fun, {a[0], a[1]});
    std::string_view t = a[1].bytes();
    if (t.empty()) return a[0];
    while (lead && e - b >= t.size() && s.substr(b, t.size()) == t) b += t.size();
    while (trail && e - b >= t.size() && s.substr(e - t.size(), t.size()) == t) e -= t.size();
    return Term::binary(s.substr(b, e - b));
  }
  if (lead)
    while (std::size_t n = whitespace_at(s, b)) b += n;
  if (trail) {
    std::vector<std::string_view> cps = codepoints(s.substr(b));
    while (!cps.empty() && whitespace_at(cps.back(), 0) == cps.back().size()) {
      e -= cps.back().size();
      cps.pop_back();
    }
  }
  return Term::binary(s.substr(b, e - b));
}

// contains?/starts_with?/ends_with? against a pattern or a list of them.
Term test(Args a, int which) {
  static const char* names[] = {"contains?", "starts_with?", "ends_with?"};
  std::string_view s = str_arg(a[0], names[which], {a[0], a[1]});
  for (const std::string& p : patterns(a[1], names[which], {a[0], a[1]})) {
    bool hit = which == 0   ? s.find(p) != std::string_view::npos
               : which == 1 ? s.substr(0, p.size()) == p
                            : s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
    if (hit) return Term::boolean(true);
  }
  return Term::boolean(false);
}

Term replace_affix(Args a, bool prefix) {
  const char* fun = prefix ? "replace_prefix" : "replace_suffix";
  std::string_view s = str_arg(a[0], fun, {a[0], a[1], a[2]});
  if (!a[1].is_binary() || !a[2].is_binary()) no_clause("String", fun, {a[0], a[1], a[2]});
  std::string_view m = a[1].bytes();
  if (prefix && s.substr(0, m.size()) == m) return Term::binary(std::string(a[2].bytes()) + std::string(s.substr(m.size())));
  if (!prefix && s.size() >= m.size() && s.substr(s.size() - m.size()) == m)
    return Term::binary(std::string(s.substr(0, s.size() - m.size())) + std::string(a[2].bytes()));
  return a[0];
}

}  // namespace

void add_string(Library& lib) {
  lib.add("String", "upcase", 1, [](Args a) { return change_case(a, 0); }, "The string in upper case.");
  lib.add("String", "upcase", 2, [](Args a) { return change_case(a, 0); }, "Upper case in mode :default or :ascii.");
  lib.add("String", "downcase", 1, [](Args a) { return change_case(a, 1); }, "The string in lower case.");
  lib.add("String", "downcase", 2, [](Args a) { return change_case(a, 1); }, "Lower case in mode :default or :ascii.");
  lib.add("String", "capitalize", 1, [](Args a) { return change_case(a, 2); }, "The first grapheme upcased, the rest downcased.");
  lib.add("String", "capitalize", 2, [](Args a) { return change_case(a, 2); }, "capitalize/1 in mode :default or :ascii.");
  lib.add("String", "trim", 1, [](Args a) { return trim(a, true, true, "trim"); }, "Without leading and trailing whitespace.");
  lib.add("String", "trim", 2, [](Args a) { return trim(a, true, true, "trim"); }, "Without leading and trailing to_trim.");
  lib.add("String", "trim_leading", 1, [](Args a) { return trim(a, true, false, "trim_leading"); }, "Without leading whitespace.");
  lib.add("String", "trim_leading", 2, [](Args a) { return trim(a, true, false, "trim_leading"); }, "Without leading to_trim.");
  lib.add("String", "trim_trailing", 1, [](Args a) { return trim(a, false, true, "trim_trailing"); }, "Without trailing whitespace.");
  lib.add("String", "trim_trailing", 2, [](Args a) { return trim(a, false, true, "trim_trailing"); }, "Without trailing to_trim.");
  lib.add("String", "contains?", 2, [](Args a) { return test(a, 0); }, "True if the string contains the pattern (or one of them).");
  lib.add("String", "starts_with?", 2, [](Args a) { return test(a, 1); }, "True if the string starts with the prefix (or one of them).");
  lib.add("String", "ends_with?", 2, [](Args a) { return test(a, 2); }, "True if the string ends with the suffix (or one of them).");
  lib.add("String", "replace_prefix", 3, [](Args a) { return replace_affix(a, true); }, "The string with a leading match replaced.");
  lib.add("String", "replace_suffix", 3, [](Args a) { return replace_affix(a, false); }, "The string with a trailing match replaced.");
}

}  // namespace otp::shell::lib
