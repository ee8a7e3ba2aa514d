// String.Chars, List.Chars, chardata, iodata and UTF-8 (see chars.hpp).
#include "shell/lib/chars.hpp"

#include "shell/lib/support.hpp"
#include "term/float_format.hpp"
#include "term/struct.hpp"

namespace otp::shell::lib {

namespace {

[[noreturn]] void cannot_convert(const Term& list) {
  InspectOptions o;
  o.pretty = false;
  raise_argument_error(
      "cannot convert the given list to a string.\n\nTo be converted to a string, a list must either be empty or "
      "only\ncontain the following elements:\n\n  * strings\n  * integers representing Unicode code points\n  * a "
      "list containing one of these three elements\n\nPlease check the given list or call inspect/1 to get the list "
      "representation, got:\n\n" +
      inspect(list, o) + "\n");
}

[[noreturn]] void unicode_error(std::string message) {
  static const bool registered = [] {
    Atom m = module_atom("UnicodeConversionError");
    if (!struct_fields(m)) register_struct(m, {Atom::intern("encoded"), atom::message, atom::__exception__});
    return true;
  }();
  (void)registered;
  throw ErlangError(make_struct(module_atom("UnicodeConversionError"),
                                {{Atom::intern("encoded"), Term::binary("")},
                                 {atom::message, Term::binary(message)}}));
}

[[noreturn]] void invalid_code_point(const Term& cp) { unicode_error("invalid code point " + inspect(cp)); }

// Appends chardata; returns the offending element's kind: 0 ok, 1 not
// chardata, 2 a bad code point (*bad is set).
int chardata(std::string& out, const Term& t, Term* bad) {
  if (t.is_binary()) {
    out += t.bytes();
    return 0;
  }
  const Term* c = &t;
  for (; c->is_cons(); c = &c->tail()) {
    const Term& h = c->head();
    if (h.is_small()) {
      int64_t cp = h.small();
      if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        *bad = h;
        return 2;
      }
      append_utf8(out, static_cast<uint32_t>(cp));
    } else if (h.is_binary() || h.is_list()) {
      if (int r = chardata(out, h, bad)) return r;
    } else if (h.is_integer()) {
      *bad = h;
      return 2;
    } else {
      return 1;
    }
  }
  if (c->is_binary()) {  // chardata may end in a binary tail
    out += c->bytes();
    return 0;
  }
  return c->is_nil_list() ? 0 : 1;
}

}  // namespace

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool next_codepoint(std::string_view s, std::size_t& i, uint32_t* cp) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  int n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
  if (n < 0 || i + static_cast<std::size_t>(n) >= s.size()) return false;
  uint32_t v = n == 0 ? c : n == 1 ? (c & 0x1F) : n == 2 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k <= n; ++k) {
    unsigned char d = b(i + static_cast<std::size_t>(k));
    if ((d >> 6) != 2) return false;
    v = (v << 6) | (d & 0x3F);
  }
  static const uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
  if (v < kMin[n] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return false;
  i += static_cast<std::size_t>(n) + 1;
  *cp = v;
  return true;
}

bool valid_utf8(std::string_view s) {
  uint32_t cp;
  for (std::size_t i = 0; i < s.size();)
    if (!next_codepoint(s, i, &cp)) return false;
  return true;
}

std::string float_chars(double d) { return erlang_float_short(d); }

void append_chardata(std::string& out, const Term& t) {
  Term bad;
  int r = chardata(out, t, &bad);
  if (r == 1) cannot_convert(t);
  if (r == 2) invalid_code_point(bad);
}

bool try_append_chardata(std::string& out, const Term& t) {
  Term bad;
  return chardata(out, t, &bad) == 0;
}

std::string chardata_to_string(const Term& t) {
  std::string out;
  append_chardata(out, t);
  return out;
}

bool append_iodata(std::string& out, const Term& t) {
  if (t.is_binary()) {
    out += t.bytes();
    return true;
  }
  const Term* c = &t;
  for (; c->is_cons(); c = &c->tail()) {
    const Term& h = c->head();
    if (h.is_small() && h.small() >= 0 && h.small() <= 255) out += static_cast<char>(h.small());
    else if (!(h.is_binary() || h.is_list()) || !append_iodata(out, h)) return false;
  }
  if (c->is_binary()) {
    out += c->bytes();
    return true;
  }
  return c->is_nil_list();
}

void append_chars(std::string& out, const Term& t) {
  if (t.is_binary()) out += t.bytes();
  else if (t.is_atom()) out += t.is_atom(atom::nil) ? std::string_view() : t.atom().name();
  else if (t.is_small()) out += std::to_string(t.small());
  else if (t.is_integer()) out += t.bigint().str();
  else if (t.is_float()) out += float_chars(t.as_double());
  else if (t.is_list()) append_chardata(out, t);
  else raise_protocol_undefined("String.Chars", t);
}

std::string to_chars(const Term& t) {
  if (t.is_binary()) return std::string(t.bytes());
  std::string out;
  append_chars(out, t);
  return out;
}

Term to_charlist(const Term& t) {
  if (t.is_list()) return t;
  if (t.is_binary() || t.is_atom() || t.is_number()) {
    std::string s = t.is_binary() ? std::string(t.bytes()) : t.is_atom() ? std::string(t.atom().name()) : to_chars(t);
    if (!valid_utf8(s)) {
      // Elixir returns {:error, ...} tuples from :unicode; a binary that is
      // not UTF-8 raises UnicodeConversionError as List.Chars does.
      unicode_error("invalid encoding starting at " + inspect(Term::binary(s)));
    }
    return Term::charlist(s);
  }
  raise_protocol_undefined("List.Chars", t);
}

}  // namespace otp::shell::lib
