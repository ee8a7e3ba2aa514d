// `<<...>>` in expressions and patterns (see interp_data.hpp): reads each
// segment's specifiers (`x::binary-size(4)`, `n::16-little-signed`,
// `c::utf8`, `x::8*4`), reports Elixir's compile errors for bad ones, and
// drives shell/lib/bitstring.hpp's Writer and Reader.
//
// segment  -> value | value :: specs
// specs    -> spec | specs - spec
// spec     -> integer | float | binary | bytes | bits | bitstring | utf8 | utf16 | utf32
//           | signed | unsigned | big | little | native | N | size(expr) | unit(N) | N * M
#include "shell/eval/interp_data.hpp"
#include "shell/eval/raise.hpp"
#include "shell/lib/bitstring.hpp"
#include "shell/lib/builtins.hpp"
#include "shell/lib/chars.hpp"
#include "term/error.hpp"

namespace otp::shell {

namespace {

using bits::Type;

struct Segment {
  const Node* value = nullptr;
  bits::Spec spec;
  const Node* size = nullptr;  // size(expr) or N: evaluated when used
  bool literal_string = false;  // "abc" (or an interpolation) as the value
};

struct Parse {
  const Node* at;
  Segment seg;
  const char* type_word = nullptr;  // the type as written, or inferred from a literal
  bool type_explicit = false, sign_given = false, unit_given = false;

  [[noreturn]] void fail(const std::string& what) const { raise_compile_error(at, what); }

  void set_type(Type t, const char* word) {
    // An integer literal may be written as a float or a code point; a
    // float literal only as a float.
    std::string_view inferred = type_word && !type_explicit ? type_word : "";
    bool fits = inferred.empty() || inferred == word ||
                (inferred == "integer" && t != Type::Binary && t != Type::Bitstring);
    if (type_word && (type_explicit || !fits))
      fail(std::string("conflicting type specification for bit field: \"") + word + "\" and \"" + type_word + "\"");
    seg.spec.type = t;
    type_word = word;
    type_explicit = true;
  }
  void set_size(const Node* n) {
    if (seg.size) fail("conflicting size specification for bit field: \"" + to_source(n) + "\" and \"" + to_source(seg.size) + "\"");
    seg.size = n;
  }
  void set_unit(const Node* n) {
    if (n->kind != NodeKind::Literal || !n->value.is_small() || n->value.small() < 1 || n->value.small() > 256)
      fail("unit in bitstring expects an integer as argument, got: " + to_source(n));
    seg.spec.unit = n->value.small();
    unit_given = true;
  }

  void spec(const Node* s) {
    if (s->kind == NodeKind::BinaryOp && s->op == Op::Minus) {
      spec(s->kid(0));
      spec(s->kid(1));
      return;
    }
    if (s->kind == NodeKind::Literal && s->value.is_small()) return set_size(s);
    if (s->kind == NodeKind::BinaryOp && s->op == Op::Mul) {
      set_size(s->kid(0));
      return set_unit(s->kid(1));
    }
    if (s->kind == NodeKind::LocalCall && s->args().size() == 1 && s->name.name() == "size") return set_size(s->args()[0]);
    if (s->kind == NodeKind::LocalCall && s->args().size() == 1 && s->name.name() == "unit") return set_unit(s->args()[0]);
    if (s->kind == NodeKind::Var || (s->kind == NodeKind::LocalCall && s->args().empty())) {
      std::string_view w = s->name.name();
      if (w == "integer") return set_type(Type::Integer, "integer");
      if (w == "float") return set_type(Type::Float, "float");
      if (w == "binary" || w == "bytes") return set_type(Type::Binary, "binary");
      if (w == "bits" || w == "bitstring") return set_type(Type::Bitstring, "bitstring");
      if (w == "utf8") return set_type(Type::Utf8, "utf8");
      if (w == "utf16") return set_type(Type::Utf16, "utf16");
      if (w == "utf32") return set_type(Type::Utf32, "utf32");
      if (w == "signed" || w == "unsigned") {
        seg.spec.is_signed = w == "signed";
        sign_given = true;
        return;
      }
      if (w == "big" || w == "little" || w == "native") {
        seg.spec.little = w != "big";
        return;
      }
      fail("unknown bitstring specifier: " + std::string(w) + "()");
    }
    fail("unknown bitstring specifier: " + to_source(s));
  }
};

Segment parse_segment(const Node* n) {
  Parse p{n, {}};
  const Node* v = n;
  const Node* specs = nullptr;
  if (n->kind == NodeKind::BinaryOp && n->op == Op::Type) {
    v = n->kid(0);
    specs = n->kid(1);
  }
  p.seg.value = v;
  if (v->kind == NodeKind::Literal) {
    const Term& t = v->value;
    if (t.is_binary() && !v->has(kCharlist)) {
      p.seg.literal_string = true;
    } else if (t.is_float()) {
      p.seg.spec.type = Type::Float;
      p.type_word = "float";
    } else if (t.is_integer()) {
      p.type_word = "integer";
    } else {
      p.fail("invalid literal " + to_source(v) + " in <<>>");
    }
  } else if (v->kind == NodeKind::Interp && v->interp_kind() == InterpKind::String) {
    p.seg.literal_string = true;
  } else if (v->kind == NodeKind::Bitstring) {
    p.seg.spec.type = Type::Bitstring;
  }
  if (specs) p.spec(specs);
  Segment& s = p.seg;
  if (s.literal_string) {
    if (s.size || p.unit_given || p.sign_given)
      p.fail("literal string in bitstring supports only endianness and type specifiers, which must be one of: little, "
             "big, native, utf8, utf16, utf32, bits, bytes, binary or bitstring");
    if (!p.type_explicit) s.spec.type = Type::Binary;
  }
  const Type t = s.spec.type;
  const bool utf = t == Type::Utf8 || t == Type::Utf16 || t == Type::Utf32;
  if (utf && (s.size || p.unit_given)) p.fail("size and unit are not supported on utf types");
  if (p.sign_given && t != Type::Integer && t != Type::Float)
    p.fail("signed and unsigned specifiers are supported only on integer and float types");
  if (!p.unit_given && t == Type::Binary) s.spec.unit = 8;
  if (t == Type::Float && s.size && s.size->kind == NodeKind::Literal) {
    int64_t n_bits = s.size->value.small() * s.spec.unit;
    if (n_bits != 16 && n_bits != 32 && n_bits != 64)
      p.fail("float requires size*unit to be 16, 32, or 64 (default), got: " + std::to_string(n_bits));
  }
  return s;
}

// Evaluates a segment's size into its spec; false when it is not an integer.
bool size_of(Interp& in, Segment& s) {
  if (!s.size) return true;
  Term v = in.eval(s.size);
  if (!v.is_small()) return false;
  s.spec.size = v.small();
  s.spec.sized = true;
  return true;
}

// The value part of a segment (`x` of `x::binary`).
const Node* segment_value(const Node* k) {
  return k->kind == NodeKind::BinaryOp && k->op == Op::Type ? k->kid(0) : k;
}

// The code points of a literal string segment with a utf type.
std::vector<Term> code_points(std::string_view text) {
  std::vector<Term> out;
  std::size_t i = 0;
  uint32_t cp = 0;
  while (i < text.size() && lib::next_codepoint(text, i, &cp)) out.push_back(Term::integer(cp));
  return out;
}

bool is_utf(Type t) { return t == Type::Utf8 || t == Type::Utf16 || t == Type::Utf32; }

}  // namespace

Term build_bitstring(Interp& in, const Node* n) {
  bits::Writer w;
  int index = 0;
  for (const Node* k : n->children()) {
    // A variable is looked up first: an undefined one is the error to report.
    Term value;
    const bool var = segment_value(k)->kind == NodeKind::Var;
    if (var) value = in.eval(segment_value(k));
    Segment s = parse_segment(k);
    ++index;
    if (!var) value = in.eval(s.value);
    if (!size_of(in, s)) throw ErlangError(Term(atom::badarg));
    if (s.literal_string && is_utf(s.spec.type)) {
      for (const Term& cp : code_points(value.bytes())) w.append(cp, s.spec, index);
      continue;
    }
    w.append(value, s.spec, index);
  }
  return w.finish();
}

bool match_bitstring(Interp& in, const Node* p, const Term& v,
                     const std::function<bool(const Node*, const Term&)>& match, bool followed) {
  static const char* kNotLast =
      "a binary field without size is only allowed at the end of a binary pattern, at the right side of binary "
      "concatenation and and never allowed in binary generators. The following examples are invalid:\n\n"
      "    rest <> \"foo\"\n    <<rest::binary, \"foo\">>\n\nThey are invalid because there is a bits/bitstring "
      "component not at the end. However, the \"reverse\" would work:\n\n    \"foo\" <> rest\n    <<\"foo\", "
      "rest::binary>>\n\n";
  std::vector<Segment> segs;
  for (const Node* k : p->children()) segs.push_back(parse_segment(k));
  for (std::size_t i = 0; i < segs.size() && (followed || i + 1 < segs.size()); ++i) {
    const Segment& s = segs[i];
    if ((s.spec.type == Type::Binary || s.spec.type == Type::Bitstring) && !s.size && !s.literal_string)
      raise_compile_error(p, kNotLast);
  }
  if (!v.is_binary()) return false;
  bits::Reader r(v.bytes());
  for (Segment& s : segs) {
    if (s.literal_string) {
      Term lit = in.eval(s.value);
      if (is_utf(s.spec.type)) {
        for (const Term& cp : code_points(lit.bytes())) {
          Term got;
          if (!r.read(s.spec, &got) || !(got == cp)) return false;
        }
        continue;
      }
      s.spec.size = static_cast<int64_t>(lit.bytes().size());
      s.spec.sized = true;
      s.spec.unit = 8;
      Term got;
      if (!r.read(s.spec, &got) || !(got == lit)) return false;
      continue;
    }
    if (!size_of(in, s)) return false;
    Term got;
    if (!r.read(s.spec, &got)) return false;
    if (s.value->kind == NodeKind::Literal) {
      if (!(got == s.value->value)) return false;
      continue;
    }
    if (!match(s.value, got)) return false;
  }
  return r.at_end();
}

}  // namespace otp::shell
