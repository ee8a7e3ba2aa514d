// inspect: terms to Inspect.Algebra documents, as Elixir 1.14's Inspect
// implementations build them, then laid out by algebra::format.
//
// Range, MapSet and Stream structs print as their Inspect implementations
// do (`1..3`, `1..9//2`, `MapSet.new([1, 2])`, `#Stream<[enum: ..., funs:
// [...]]>`).
//
// Limits (documented, not bugs to chase): maps with more than 32 keys print
// in key order, while BEAM prints them in its HAMT hash order; the 4096
// printable_limit on strings/charlists is not applied; ports do not exist.
#include <cstdio>

#include "term/algebra.hpp"
#include "term/float_format.hpp"
#include "term/fun.hpp"
#include "term/inspect_text.hpp"
#include "term/struct.hpp"

namespace otp {
namespace {

using algebra::ContainerBreak;
using algebra::Doc;

struct Inspector {
  algebra::DocArena a;
  Charlists charlists = Charlists::Infer;

  static int decrement(int limit) { return limit < 0 ? limit : limit - 1; }

  const Doc* to_doc(const Term& t, int limit) {
    switch (t.kind()) {
      case Kind::Integer: return a.text(t.is_small() ? std::to_string(t.small()) : t.bigint().str());
      case Kind::Float: return a.text(elixir_float(t.as_double()));
      case Kind::Atom: return a.text(inspect_atom(t.atom()));
      case Kind::Reference: return a.text(ref_text(t.ref()));
      case Kind::Pid: {
        Pid p = t.pid();
        return a.text("#PID<0." + std::to_string(p.number) + "." + std::to_string(p.serial) + ">");
      }
      case Kind::Fun: return a.text(fun_text(t.fun()));
      case Kind::Port: return a.text("#Port<0.0>");
      case Kind::Tuple: {
        std::vector<Term> elems(t.elements().begin(), t.elements().end());
        return container(a.text("{"), elems, nullptr, a.text("}"), limit, ContainerBreak::Flex, false);
      }
      case Kind::Map: return map_doc(t, limit);
      case Kind::Nil: return a.text("[]");
      case Kind::Cons: return list_doc(t, limit);
      case Kind::Binary: return binary_doc(t.bytes(), limit);
    }
    return a.nil();
  }

  static std::string ref_text(Ref r) {
    uint64_t id = r.id;
    return "#Reference<0." + std::to_string(id >> 40) + "." + std::to_string((id >> 20) & 0xFFFFF) + "." +
           std::to_string(id & 0xFFFFF) + ">";
  }

  static std::string fun_text(const FunObject& f) {
    std::string mod = inspect_atom(f.module());
    if (f.external()) return "&" + mod + "." + f.name() + "/" + std::to_string(f.arity());
    return "#Function<" + std::to_string(f.index()) + "." + std::to_string(f.uniq()) + "/" +
           std::to_string(f.arity()) + " in " + mod + "." + f.name() + ">";
  }

  // Elixir's container_each: the limit shrinks by one per element and the
  // shrunk limit is passed down to the element itself.
  template <typename Item, typename Fn>
  const Doc* container_of(const Doc* left, const std::vector<Item>& items, const Term* improper_tail,
                          const Doc* right, int limit, ContainerBreak mode, Fn fn) {
    std::vector<const Doc*> docs;
    const Doc* tail = nullptr;
    bool truncated = false;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (limit == 0) {
        truncated = true;
        break;
      }
      limit = decrement(limit);
      docs.push_back(fn(items[i], limit));
      if (improper_tail && i + 1 == items.size()) tail = to_doc(*improper_tail, limit);
    }
    return algebra::container_doc(a, left, docs, tail, truncated, right, mode);
  }

  const Doc* container(const Doc* left, const std::vector<Term>& items, const Term* improper_tail,
                       const Doc* right, int limit, ContainerBreak mode, bool keyword) {
    if (keyword) {
      return container_of(left, items, improper_tail, right, limit, mode,
                          [&](const Term& kv, int l) { return keyword_doc(kv[0].atom(), kv[1], l); });
    }
    return container_of(left, items, improper_tail, right, limit, mode,
                        [&](const Term& x, int l) { return to_doc(x, l); });
  }

  const Doc* keyword_doc(Atom key, const Term& value, int limit) {
    return a.concat({a.text(inspect_atom_key(key)), a.text(" "), to_doc(value, limit)});
  }

  // A proper list of Unicode code points as UTF-8 (false if it is not one).
  static bool codepoints_utf8(const Term& t, std::string* out) {
    const Term* c = &t;
    for (; c->is_cons(); c = &c->tail()) {
      const Term& h = c->head();
      if (!h.is_small()) return false;
      int64_t cp = h.small();
      if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
      if (cp < 0x80) {
        *out += static_cast<char>(cp);
      } else if (cp < 0x800) {
        *out += static_cast<char>(0xC0 | (cp >> 6));
        *out += static_cast<char>(0x80 | (cp & 0x3F));
      } else if (cp < 0x10000) {
        *out += static_cast<char>(0xE0 | (cp >> 12));
        *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        *out += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        *out += static_cast<char>(0xF0 | (cp >> 18));
        *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        *out += static_cast<char>(0x80 | (cp & 0x3F));
      }
    }
    return c->is_nil_list();
  }

  const Doc* list_doc(const Term& t, int limit) {
    std::string s;
    if (charlists == Charlists::AsCharlists && codepoints_utf8(t, &s)) return a.text("'" + escape_text(s, '\'') + "'");
    if (charlists == Charlists::Infer && is_ascii_printable_list(t)) {
      s.clear();
      for (const Term* c = &t; c->is_cons(); c = &c->tail()) s += static_cast<char>(c->head().small());
      return a.text("'" + escape_text(s, '\'') + "'");
    }
    std::vector<Term> items;
    const Term* c = &t;
    for (; c->is_cons(); c = &c->tail()) items.push_back(c->head());
    const Term* tail = c->is_nil_list() ? nullptr : c;
    if (!tail && is_keyword_list(t))
      return container(a.text("["), items, nullptr, a.text("]"), limit, ContainerBreak::Strict, true);
    return container(a.text("["), items, tail, a.text("]"), limit, ContainerBreak::Maybe, false);
  }

  const Doc* map_doc(const Term& m, int limit) {
    if (const Doc* d = elixir_struct_doc(m, limit)) return d;
    if (const Doc* d = struct_doc(m, limit)) return d;
    std::vector<MapEntry> entries(m.map_entries().begin(), m.map_entries().end());
    bool keyword = true;
    for (const MapEntry& e : entries)
      keyword = keyword && e.key.is_atom() && e.key.atom().name().substr(0, 7) != "Elixir.";
    return container_of(a.text("%{"), entries, nullptr, a.text("}"), limit, ContainerBreak::Strict,
                        [&](const MapEntry& e, int l) {
                          if (keyword) return keyword_doc(e.key.atom(), e.value, l);
                          return a.concat({to_doc(e.key, l), a.text(" => "), to_doc(e.value, l)});
                        });
  }

  // Inspect.Range, Inspect.MapSet and Inspect.Stream; null for other maps.
  const Doc* elixir_struct_doc(const Term& m, int limit) {
    const Term* mod = m.map_get(Term(atom::__struct__));
    if (!mod || !mod->is_atom()) return nullptr;
    std::string_view name = mod->atom().name();
    auto field = [&](const char* f) { return m.map_get(Term::atom(f)); };
    if (name == "Elixir.Range" && m.map_size() == 4) {
      const Term *first = field("first"), *last = field("last"), *step = field("step");
      if (!first || !last || !step) return nullptr;
      const Doc* d = a.concat({to_doc(*first, limit), a.text(".."), to_doc(*last, limit)});
      bool plain = step->is_small() && step->small() == 1 && compare(*last, *first) >= 0;
      return plain ? d : a.concat({d, a.text("//"), to_doc(*step, limit)});
    }
    if (name == "Elixir.MapSet" && m.map_size() == 3) {
      const Term* set = field("map");
      if (!set || !set->is_map() || !field("version")) return nullptr;
      std::vector<Term> keys;
      for (const MapEntry& e : set->map_entries()) keys.push_back(e.key);
      Charlists saved = charlists;
      charlists = Charlists::AsLists;
      const Doc* inner = to_doc(Term::list(std::span<const Term>(keys)), limit);
      charlists = saved;
      return a.concat({a.text("MapSet.new("), inner, a.text(")")});
    }
    if (name == "Elixir.Stream" && m.map_size() == 5) {
      const Term *enumerable = field("enum"), *funs = field("funs");
      if (!enumerable || !funs || !field("accs") || !field("done") || list_length(*funs) < 0) return nullptr;
      Term reversed = Term::empty_list();
      for (const Term* c = funs; c->is_cons(); c = &c->tail()) reversed = Term::cons(c->head(), reversed);
      Term inner = Term::list({Term::tuple({Term::atom("enum"), *enumerable}), Term::tuple({Term::atom("funs"), reversed})});
      return a.concat({a.text("#Stream<"), to_doc(inner, limit), a.text(">")});
    }
    return nullptr;
  }

  // Returns null if `m` is not a registered struct with exactly its fields.
  const Doc* struct_doc(const Term& m, int limit) {
    const Term* mod = m.map_get(Term(atom::__struct__));
    if (!mod || !mod->is_atom()) return nullptr;
    auto fields = struct_fields(mod->atom());
    if (!fields || fields->size() + 1 != m.map_size()) return nullptr;
    std::vector<Atom> shown;
    for (Atom f : *fields) {
      if (!m.map_get(Term(f))) return nullptr;
      if (f != atom::__exception__ && f != atom::__struct__) shown.push_back(f);
    }
    return container_of(a.text("%" + inspect_atom(mod->atom()) + "{"), shown, nullptr, a.text("}"), limit,
                        ContainerBreak::Strict,
                        [&](Atom f, int l) { return keyword_doc(f, *m.map_get(Term(f)), l); });
  }

  // Inspect.BitString: printable UTF-8 as a string, else <<b, ...>> (nest 2).
  const Doc* binary_doc(std::string_view bytes, int limit) {
    if (is_printable_string(bytes)) return a.text("\"" + escape_text(bytes, '"') + "\"");
    const Doc* inner = nullptr;  // each_bit, built from the back
    std::size_t n = bytes.size();
    std::size_t shown = limit < 0 ? n : std::min<std::size_t>(n, static_cast<std::size_t>(limit));
    if (shown < n) inner = a.text("...");
    for (std::size_t i = shown; i-- > 0;) {
      const Doc* byte = a.text(std::to_string(static_cast<unsigned char>(bytes[i])));
      inner = inner ? a.flex_glue(a.concat(byte, a.text(",")), " ", inner) : byte;
    }
    return a.group(a.concat({a.text("<<"), a.nest(inner, 2), a.text(">>")}));
  }
};

}  // namespace

std::string inspect(const Term& t, const InspectOptions& opts) {
  Inspector in;
  in.charlists = opts.charlists;
  const Doc* doc = in.a.group(in.to_doc(t, opts.limit));
  return algebra::format(doc, opts.pretty ? opts.width : 0);
}

}  // namespace otp
