// Collectable for Enum.into/2,3 (and Map.new, MapSet.new): lists, plain
// maps, MapSets and binaries, as Elixir 1.14's Collectable implementations.
#include "shell/lib/enum_detail.hpp"
#include "shell/lib/enumerable.hpp"

namespace otp::shell::lib {

Term into(const Term& e, const Term& target, const Term* transform) {
  auto value = [&](const Term& x) { return transform ? call(*transform, x) : x; };
  if (target.is_list()) {
    std::vector<Term> out;
    for (const Term* c = &target; c->is_cons(); c = &c->tail()) out.push_back(c->head());
    enumerable::each(e, [&](const Term& x) { return out.push_back(value(x)), true; });
    return list_of(out);
  }
  if (target.is_binary()) {
    std::string out(target.bytes());
    enumerable::each(e, [&](const Term& x) {
      Term v = value(x);
      if (!v.is_binary())
        raise_function_clause("Collectable.BitString", "-into/1-fun-0-",
                              {Term::binary(out), Term::tuple({Term::atom("cont"), v})});
      out += v.bytes();
      return true;
    });
    return Term::binary(out);
  }
  if (enumerable::is_mapset(target)) {
    std::vector<std::pair<Term, Term>> entries;
    for (const MapEntry& m : enumerable::mapset_map(target).map_entries()) entries.emplace_back(m.key, m.value);
    enumerable::each(e, [&](const Term& x) { return entries.emplace_back(value(x), Term::empty_list()), true; });
    return enumerable::make_mapset(Term::map(std::move(entries)));
  }
  if (target.is_map() && !enumerable::struct_name(target)) {
    std::vector<std::pair<Term, Term>> entries;
    for (const MapEntry& m : target.map_entries()) entries.emplace_back(m.key, m.value);
    enumerable::each(e, [&](const Term& x) {
      Term kv = value(x);
      if (!kv.is_tuple() || kv.tuple_size() != 2) raise_argument_error("argument error");
      entries.emplace_back(kv[0], kv[1]);
      return true;
    });
    return Term::map(std::move(entries));  // duplicate keys: the last wins
  }
  raise_protocol_undefined("Collectable", target);
}

}  // namespace otp::shell::lib
