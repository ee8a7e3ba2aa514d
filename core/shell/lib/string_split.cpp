// String.split/1,2,3 and String.replace/3,4: patterns are strings or lists
// of strings (the earliest, then longest, match wins); the empty pattern
// splits or inserts between graphemes, as Elixir does.
#include "shell/lib/string_detail.hpp"
#include "shell/lib/unicode.hpp"

namespace otp::shell::lib {

namespace {

Term split_whitespace(Args a) {
  if (!a[0].is_binary()) raise_badarg(1, "not a binary");
  std::string_view s = a[0].bytes();
  std::vector<Term> out;
  std::size_t i = 0, start = 0;
  while (i < s.size()) {
    if (std::size_t n = whitespace_at(s, i, true)) {
      if (i > start) out.push_back(Term::binary(s.substr(start, i - start)));
      i += n;
      start = i;
    } else {
      ++i;
    }
  }
  if (s.size() > start) out.push_back(Term::binary(s.substr(start)));
  return list_of(out);
}

bool opt_true(const Term& opts, const char* key, bool dflt) {
  for (const Term* c = &opts; c->is_cons(); c = &c->tail()) {
    const Term& kv = c->head();
    if (kv.is_tuple() && kv.tuple_size() == 2 && kv[0].is_atom(Atom::intern(key))) return truthy(kv[1]);
  }
  return dflt;
}

int64_t opt_parts(const Term& opts) {
  for (const Term* c = &opts; c->is_cons(); c = &c->tail()) {
    const Term& kv = c->head();
    if (kv.is_tuple() && kv.tuple_size() == 2 && kv[0].is_atom(Atom::intern("parts")) && kv[1].is_small())
      return kv[1].small();
  }
  return -1;  // :infinity
}

Term split(Args a) {
  Term opts = a.size() > 2 ? a[2] : Term::empty_list();
  if (!a[0].is_binary()) raise_badarg(1, "not a binary");
  std::string_view s = a[0].bytes();
  std::vector<std::string> pats = patterns(a[1], "split", {a[0], a[1], opts});
  bool trim_empty = opt_true(opts, "trim", false);
  int64_t parts = opt_parts(opts);
  std::vector<std::string_view> pieces;
  bool empty_pattern = true;
  for (const std::string& p : pats) empty_pattern = empty_pattern && p.empty();
  if (empty_pattern) {  // between graphemes, with "" at both ends
    std::vector<std::string_view> gs = graphemes(s);
    pieces.push_back(s.substr(0, 0));
    for (std::size_t i = 0; i < gs.size(); ++i) {
      if (parts > 0 && static_cast<int64_t>(pieces.size()) == parts - 1) {
        pieces.push_back(s.substr(static_cast<std::size_t>(gs[i].data() - s.data())));
        break;
      }
      pieces.push_back(gs[i]);
    }
    if (parts <= 0 || static_cast<int64_t>(pieces.size()) < parts) pieces.push_back(s.substr(s.size()));
  } else {
    std::size_t from = 0, at, len;
    while ((parts <= 0 || static_cast<int64_t>(pieces.size()) < parts - 1) && find_match(s, pats, from, &at, &len)) {
      pieces.push_back(s.substr(from, at - from));
      from = at + len;
    }
    pieces.push_back(s.substr(from));
  }
  std::vector<Term> out;
  for (std::string_view p : pieces)
    if (!(trim_empty && p.empty())) out.push_back(Term::binary(p));
  return list_of(out);
}

Term replace(Args a) {
  Term opts = a.size() > 3 ? a[3] : Term::empty_list();
  std::string_view s = str_arg(a[0], "replace", {a[0], a[1], a[2], opts});
  std::vector<std::string> pats = patterns(a[1], "replace", {a[0], a[1], a[2], opts});
  bool global = opt_true(opts, "global", true);
  const Term& r = a[2];
  if (!r.is_binary() && !is_fun(r, 1)) no_clause("String", "replace", {a[0], a[1], a[2], opts});
  auto replacement = [&](std::string_view match) -> std::string {
    if (r.is_binary()) return std::string(r.bytes());
    Term x = call(r, Term::binary(match));
    if (!x.is_binary()) raise_badarg(1, "not valid character data");
    return std::string(x.bytes());
  };
  std::string out;
  bool empty_pattern = true;
  for (const std::string& p : pats) empty_pattern = empty_pattern && p.empty();
  if (empty_pattern) {  // before every grapheme and at the end
    if (!global) return Term::binary(replacement("") + std::string(s));
    out += replacement("");
    for (std::string_view g : graphemes(s)) {
      out += g;
      out += replacement("");
    }
    return Term::binary(out);
  }
  std::size_t from = 0, at, len;
  while (find_match(s, pats, from, &at, &len)) {
    out += s.substr(from, at - from);
    out += replacement(s.substr(at, len));
    from = at + len;
    if (!global) break;
  }
  out += s.substr(from);
  return Term::binary(out);
}

}  // namespace

void add_string_split(Library& lib) {
  lib.add("String", "split", 1, split_whitespace, "The words between whitespace.");
  lib.add("String", "split", 2, split, "The parts between occurrences of pattern.");
  lib.add("String", "split", 3, split, "split/2 with options parts: n and trim: true.");
  lib.add("String", "replace", 3, replace, "Every occurrence of pattern replaced.");
  lib.add("String", "replace", 4, replace, "replace/3 with option global: false (first only).");
}

}  // namespace otp::shell::lib
