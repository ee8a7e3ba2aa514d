// Enum, part 3: chunks, zips and de-duplication (chunk_every, chunk_by,
// zip, zip_with, unzip, with_index, dedup, uniq, intersperse, concat,
// take_every, map_every). zip walks its inputs with cursors, so it stops at
// the shortest and works on infinite streams.
#include "shell/lib/cursors.hpp"
#include "shell/lib/enum_detail.hpp"

namespace otp::shell::lib {

namespace {

using enumerable::each;

Term chunk_every(Args a) {
  Term step = a.size() > 2 ? a[2] : a[1];
  Term leftover = a.size() > 3 ? a[3] : Term::empty_list();
  if (!a[1].is_small() || a[1].small() <= 0 || !step.is_small() || step.small() <= 0)
    raise_function_clause("Enum", "chunk_every", {a[0], a[1], step, leftover});
  bool discard = leftover.is_atom(Atom::intern("discard"));
  Term pad = discard ? Term::empty_list() : enumerable::to_list(leftover);
  Chunker ch(a[1].small(), step.small(), discard ? nullptr : &pad);
  std::vector<Term> out;
  Term chunk;
  each(a[0], [&](const Term& x) {
    if (ch.feed(x, &chunk)) out.push_back(chunk);
    return true;
  });
  if (ch.finish(&chunk)) out.push_back(chunk);
  return list_of(out);
}

Term chunk_by(Args a) {
  std::vector<Term> out, cur;
  Term key;
  each(a[0], [&](const Term& x) {
    Term k = call(a[1], x);
    if (!cur.empty() && !(k == key)) {
      out.push_back(list_of(cur));
      cur.clear();
    }
    key = k;
    cur.push_back(x);
    return true;
  });
  if (!cur.empty()) out.push_back(list_of(cur));
  return list_of(out);
}

// zip/1,2 and zip_with/2,3: up to the shortest.
Term zip(std::vector<Term> enums, const Term* f, bool list_args) {
  std::vector<CursorPtr> cs;
  for (const Term& e : enums) cs.push_back(enumerable::open(e));
  std::vector<Term> out, xs(cs.size());
  while (!cs.empty()) {
    for (std::size_t i = 0; i < cs.size(); ++i) {
      if (!cs[i]->next(&xs[i])) {
        for (std::size_t j = 0; j < cs.size(); ++j)
          if (j != i) cs[j]->close();
        return list_of(out);
      }
    }
    tick();
    if (!f) out.push_back(Term::tuple(std::span<const Term>(xs)));
    else out.push_back(list_args ? call(*f, list_of(xs)) : call(*f, xs[0], xs[1]));
  }
  return list_of(out);
}

Term unzip(Args a) {
  std::vector<Term> l, r;
  each(a[0], [&](const Term& x) {
    if (!x.is_tuple() || x.tuple_size() != 2) no_clause("Enum", "unzip", {a[0]});
    l.push_back(x[0]);
    r.push_back(x[1]);
    return true;
  });
  return Term::tuple({list_of(l), list_of(r)});
}

Term with_index(Args a) {
  Term arg = a.size() > 1 ? a[1] : Term::integer(0);
  bool fun = is_fun(arg, 2);
  if (!fun && !arg.is_integer()) no_clause("Enum", "with_index", {a[0], arg});
  Term i = fun ? Term::integer(0) : arg;
  std::vector<Term> out;
  each(a[0], [&](const Term& x) {
    out.push_back(fun ? call(arg, x, i) : Term::tuple({x, i}));
    i = add(i, Term::integer(1));
    return true;
  });
  return list_of(out);
}

// dedup/dedup_by (consecutive) and uniq/uniq_by (all).
Term distinct(const Term& e, const Term* key_fun, bool consecutive) {
  std::vector<Term> out;
  TermSet seen;
  std::optional<Term> last;
  each(e, [&](const Term& x) {
    Term k = key_fun ? call(*key_fun, x) : x;
    if (consecutive) {
      bool same = last && *last == k;
      last = k;
      if (!same) out.push_back(x);
    } else if (seen.insert(k).second) {
      out.push_back(x);
    }
    return true;
  });
  return list_of(out);
}

Term intersperse(Args a) {
  std::vector<Term> out;
  each(a[0], [&](const Term& x) {
    if (!out.empty()) out.push_back(a[1]);
    return out.push_back(x), true;
  });
  return list_of(out);
}

Term concat(const Term& enums) {
  std::vector<Term> out;
  each(enums, [&](const Term& e) {
    each(e, [&](const Term& x) { return out.push_back(x), true; });
    return true;
  });
  return list_of(out);
}

Term every(Args a, bool map) {
  if (!a[1].is_small() || a[1].small() < 0 || (map && !is_fun(a[2], 1)))
    raise_function_clause("Enum", map ? "map_every" : "take_every", std::vector<Term>(a.begin(), a.end()));
  int64_t nth = a[1].small(), i = 0;
  if (nth == 0 && map) return enumerable::to_list(a[0]);
  std::vector<Term> out;
  if (nth == 0) return Term::empty_list();
  each(a[0], [&](const Term& x) {
    bool hit = i++ % nth == 0;
    if (map) out.push_back(hit ? call(a[2], x) : x);
    else if (hit) out.push_back(x);
    return true;
  });
  return list_of(out);
}

}  // namespace

void add_enum_chunk(Library& lib) {
  lib.add("Enum", "chunk_every", 2, chunk_every, "Chunks of count elements.");
  lib.add("Enum", "chunk_every", 3, chunk_every, "Chunks of count elements, a new one every step.");
  lib.add("Enum", "chunk_every", 4, chunk_every, "As chunk_every/3, padding the last chunk from leftover (or :discard).");
  lib.add("Enum", "chunk_by", 2, chunk_by, "Chunks of consecutive elements with the same fun value.");
  lib.add("Enum", "zip", 2, [](Args a) { return zip({a[0], a[1]}, nullptr, false); }, "Pairs up elements into tuples, up to the shortest.");
  lib.add("Enum", "zip", 1, [](Args a) { return zip(enumerable::to_vector(a[0]), nullptr, false); }, "Zips enumerables into tuples, up to the shortest.");
  lib.add("Enum", "zip_with", 3, [](Args a) { return zip({a[0], a[1]}, &a[2], false); }, "fun.(x, y) of paired elements, up to the shortest.");
  lib.add("Enum", "zip_with", 2, [](Args a) { return zip(enumerable::to_vector(a[0]), &a[1], true); }, "fun.([x, y, ...]) of zipped elements.");
  lib.add("Enum", "unzip", 1, unzip, "{firsts, seconds} of a list of pairs.");
  lib.add("Enum", "with_index", 1, with_index, "Each element paired with its index: {x, i}.");
  lib.add("Enum", "with_index", 2, with_index, "With an offset, or fun.(x, index) for each element.");
  lib.add("Enum", "dedup", 1, [](Args a) { return distinct(a[0], nullptr, true); }, "Drops consecutive duplicates (===).");
  lib.add("Enum", "dedup_by", 2, [](Args a) { return distinct(a[0], &a[1], true); }, "Drops consecutive elements with equal fun values.");
  lib.add("Enum", "uniq", 1, [](Args a) { return distinct(a[0], nullptr, false); }, "Drops repeated elements (===), keeping the first.");
  lib.add("Enum", "uniq_by", 2, [](Args a) { return distinct(a[0], &a[1], false); }, "Drops elements whose fun value was seen.");
  lib.add("Enum", "intersperse", 2, intersperse, "Puts separator between elements.");
  lib.add("Enum", "concat", 1, [](Args a) { return concat(a[0]); }, "Concatenates an enumerable of enumerables.");
  lib.add("Enum", "concat", 2, [](Args a) { return concat(Term::list({a[0], a[1]})); }, "Concatenates two enumerables.");
  lib.add("Enum", "take_every", 2, [](Args a) { return every(a, false); }, "Every nth element, starting with the first.");
  lib.add("Enum", "map_every", 3, [](Args a) { return every(a, true); }, "Maps every nth element, starting with the first.");
}

}  // namespace otp::shell::lib
