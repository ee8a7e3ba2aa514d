// String, part 2: graphemes and positions (length, reverse, slice, at,
// first, last, split_at, pad_*), duplicate, validity, and conversions
// (to_integer, to_float, to_atom, to_charlist) with the BIFs' errors.
#include <stdexcept>

#include "shell/lib/chars.hpp"
#include "shell/lib/string_detail.hpp"
#include "shell/lib/enumerable.hpp"
#include "shell/lib/unicode.hpp"
#include "term/inspect_text.hpp"

namespace otp::shell::lib {

namespace {

using Pieces = std::vector<std::string_view>;

Term join(const Pieces& gs, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to && i < gs.size(); ++i) out += gs[i];
  return Term::binary(out);
}

Term slice(Args a) {
  if (a.size() == 3) {
    Pieces gs = graphemes(str_arg(a[0], "slice", {a[0], a[1], a[2]}));
    if (!a[1].is_small() || !a[2].is_small() || a[2].small() < 0) no_clause("String", "slice", {a[0], a[1], a[2]});
    int64_t n = static_cast<int64_t>(gs.size()), start = a[1].small(), len = a[2].small();
    if (start < 0) start = std::max<int64_t>(n + start, 0);
    if (start >= n) return Term::binary("");
    return join(gs, static_cast<std::size_t>(start), static_cast<std::size_t>(std::min(n, start + len)));
  }
  Pieces gs = graphemes(str_arg(a[0], "slice", {a[0], a[1]}));
  int64_t first, last, step;
  if (!enumerable::range_parts(a[1], &first, &last, &step)) no_clause("String", "slice", {a[0], a[1]});
  if (step < 0) {
    if (step != -1 || first <= last)
      raise_argument_error("String.slice/2 does not accept ranges with negative steps, got: " + inspect(a[1]));
    step = 1;
  }
  int64_t n = static_cast<int64_t>(gs.size());
  if (first < 0) first = std::max<int64_t>(first + n, 0);
  if (last < 0) last += n;
  if (first >= n || last < first) return Term::binary("");
  last = std::min(last, n - 1);
  std::string out;
  for (int64_t i = first; i <= last; i += step) out += gs[static_cast<std::size_t>(i)];
  return Term::binary(out);
}

Term at(Args a) {
  Pieces gs = graphemes(str_arg(a[0], "at", {a[0], a[1]}));
  if (!a[1].is_small()) no_clause("String", "at", {a[0], a[1]});
  int64_t n = static_cast<int64_t>(gs.size()), i = a[1].small();
  if (i < 0) i += n;
  if (i < 0 || i >= n) return Term();
  return Term::binary(gs[static_cast<std::size_t>(i)]);
}

Term pad(Args a, bool leading) {
  const char* fun = leading ? "pad_leading" : "pad_trailing";
  Term padding = a.size() > 2 ? a[2] : Term::binary(" ");
  if (!a[0].is_binary() || !a[1].is_small() || a[1].small() < 0 || !padding.is_binary())
    no_clause("String", fun, {a[0], a[1], padding});
  Pieces pg = graphemes(padding.bytes());
  if (pg.empty()) raise_argument_error("expected a string padding element, got: \"\"");
  int64_t len = static_cast<int64_t>(graphemes(a[0].bytes()).size());
  int64_t missing = a[1].small() - len;
  if (missing <= 0) return a[0];
  std::string fill;
  for (int64_t i = 0; i < missing; ++i) fill += pg[static_cast<std::size_t>(i) % pg.size()];
  return Term::binary(leading ? fill + std::string(a[0].bytes()) : std::string(a[0].bytes()) + fill);
}

Term pieces_list(const Pieces& ps) {
  std::vector<Term> out;
  out.reserve(ps.size());
  for (std::string_view p : ps) out.push_back(Term::binary(p));
  return list_of(out);
}

Term to_integer(Args a) {
  if (!a[0].is_binary()) raise_badarg(1, "not a binary");
  int base = 10;
  if (a.size() > 1) {
    if (!a[1].is_small() || a[1].small() < 2 || a[1].small() > 36) raise_badarg(2, "not an integer in the range 2 through 36");
    base = static_cast<int>(a[1].small());
  }
  Term v;
  if (!parse_integer_exact(a[0].bytes(), base, &v)) raise_badarg(1, "not a textual representation of an integer");
  return v;
}

Term to_float(const Term& s) {
  if (!s.is_binary()) raise_badarg(1, "not a binary");
  double d;
  if (!parse_float_exact(s.bytes(), &d)) raise_badarg(1, "not a textual representation of a float");
  return Term::from_double(d);
}

Term to_atom(const Term& s, bool existing) {
  if (!s.is_binary()) raise_badarg(1, "not a binary");
  std::string_view name = s.bytes();
  if (!valid_utf8(name)) raise_badarg(1, "invalid UTF-8 encoding");
  if (graphemes(name).size() > 255) raise_badarg(1, "too long");
  if (existing) {
    Atom found;
    if (!Atom::find(name, found)) raise_badarg(1, "not an already existing atom");
    return Term(found);
  }
  return Term::atom(name);
}

}  // namespace

Term string_to_atom(const Term& s, bool existing) { return to_atom(s, existing); }
Term string_to_float(const Term& s) { return to_float(s); }
Term string_to_integer(Args a) { return to_integer(a); }

void add_string_more(Library& lib) {
  lib.add("String", "length", 1, [](Args a) {
    return Term::integer(static_cast<int64_t>(graphemes(str_arg(a[0], "length", {a[0]})).size()));
  }, "The number of graphemes.");
  lib.add("String", "reverse", 1, [](Args a) {
    Pieces gs = graphemes(str_arg(a[0], "reverse", {a[0]}));
    std::string out;
    for (auto it = gs.rbegin(); it != gs.rend(); ++it) out += *it;
    return Term::binary(out);
  }, "The graphemes in reverse order.");
  lib.add("String", "slice", 2, slice, "The graphemes at the indices of a range.");
  lib.add("String", "slice", 3, slice, "len graphemes from start (negative from the end).");
  lib.add("String", "at", 2, at, "The grapheme at position (negative from the end), or nil.");
  lib.add("String", "first", 1, [](Args a) {
    Pieces gs = graphemes(str_arg(a[0], "first", {a[0]}));
    return gs.empty() ? Term() : Term::binary(gs.front());
  }, "The first grapheme, or nil.");
  lib.add("String", "last", 1, [](Args a) {
    Pieces gs = graphemes(str_arg(a[0], "last", {a[0]}));
    return gs.empty() ? Term() : Term::binary(gs.back());
  }, "The last grapheme, or nil.");
  lib.add("String", "split_at", 2, [](Args a) {
    Pieces gs = graphemes(str_arg(a[0], "split_at", {a[0], a[1]}));
    if (!a[1].is_small()) no_clause("String", "split_at", {a[0], a[1]});
    int64_t n = static_cast<int64_t>(gs.size()), i = a[1].small();
    i = i < 0 ? std::max<int64_t>(n + i, 0) : std::min(i, n);
    return Term::tuple({join(gs, 0, static_cast<std::size_t>(i)), join(gs, static_cast<std::size_t>(i), gs.size())});
  }, "{graphemes before position, the rest}.");
  lib.add("String", "duplicate", 2, [](Args a) {
    if (!a[0].is_binary()) raise_badarg(1, "not a binary");
    if (!a[1].is_small() || a[1].small() < 0) raise_badarg(2, "out of range");
    // Sized up front: one allocation, and a count past what memory can
    // hold is a system_limit at once rather than a loop (which an empty
    // string would make endless) that no reduction interrupts.
    const std::string_view s = a[0].bytes();
    const auto n = static_cast<uint64_t>(a[1].small());
    std::string out;
    if (s.empty() || n == 0) return Term::binary(out);
    if (n > out.max_size() / s.size()) throw std::length_error("String.duplicate: too long");
    out.reserve(static_cast<std::size_t>(n * s.size()));
    for (uint64_t i = 0; i < n; ++i) out += s;
    return Term::binary(out);
  }, "The string repeated n times.");
  lib.add("String", "pad_leading", 2, [](Args a) { return pad(a, true); }, "Padded with spaces in front to count graphemes.");
  lib.add("String", "pad_leading", 3, [](Args a) { return pad(a, true); }, "Padded in front with padding to count graphemes.");
  lib.add("String", "pad_trailing", 2, [](Args a) { return pad(a, false); }, "Padded with spaces at the end to count graphemes.");
  lib.add("String", "pad_trailing", 3, [](Args a) { return pad(a, false); }, "Padded at the end with padding to count graphemes.");
  lib.add("String", "graphemes", 1, [](Args a) { return pieces_list(graphemes(str_arg(a[0], "graphemes", {a[0]}))); }, "The graphemes as strings.");
  lib.add("String", "codepoints", 1, [](Args a) { return pieces_list(codepoints(str_arg(a[0], "codepoints", {a[0]}))); }, "The code points as strings.");
  lib.add("String", "valid?", 1, [](Args a) { return Term::boolean(valid_utf8(str_arg(a[0], "valid?", {a[0]}))); }, "True if the string is valid UTF-8.");
  lib.add("String", "printable?", 1, [](Args a) { return Term::boolean(is_printable_string(str_arg(a[0], "printable?", {a[0]}))); }, "True if every character is printable.");
  lib.add("String", "to_integer", 1, to_integer, "The integer the whole string spells.");
  lib.add("String", "to_integer", 2, to_integer, "The integer the whole string spells in a base.");
  lib.add("String", "to_float", 1, [](Args a) { return to_float(a[0]); }, "The float the whole string spells (with a decimal point).");
  lib.add("String", "to_atom", 1, [](Args a) { return to_atom(a[0], false); }, "The atom with this name.");
  lib.add("String", "to_existing_atom", 1, [](Args a) { return to_atom(a[0], true); }, "The existing atom with this name.");
  lib.add("String", "to_charlist", 1, [](Args a) {
    if (!a[0].is_binary()) raise_badarg(1, "not a binary");
    return to_charlist(a[0]);
  }, "The string as a list of code points.");
}

}  // namespace otp::shell::lib
