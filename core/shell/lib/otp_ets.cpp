// :ets over core/services/ets.hpp: every function the runtime offers, called
// by the calling process (protection is checked against it; a table it
// creates dies with it, or passes to its heir). A badarg is the runtime's:
// reason :badarg with OTP 25's per-argument texts (arguments_info), which
// the evaluator and the session print as Elixir does:
//   ** (ArgumentError) errors were found at the given arguments:
//     * 1st argument: the table identifier does not refer to an existing ETS table
//
// Not provided (as in the runtime): the continuation forms (select/3,
// match/3, ...), file dumps, safe_fixtable, select_replace, slot; fun2ms is
// a parse transform and does not exist in a shell either.
#include "services/ets.hpp"
#include "shell/lib/otp_support.hpp"

namespace otp::shell::lib {

namespace {

Process& me() { return caller(":ets"); }

}  // namespace

void add_otp_ets(Library& lib) {
  const char* E = ":ets";
  lib.add(E, "new", 2, [](Args a) { return ets::new_table(me(), a[0], a[1]); },
          "A new table owned by the caller: set | ordered_set | bag | duplicate_bag, public | protected | private, named_table, {:keypos, n}, {:heir, pid, data}.");
  lib.add(E, "delete", 1, [](Args a) { return ets::delete_(me(), a[0]); }, "Deletes a table.");
  lib.add(E, "delete", 2, [](Args a) { return ets::delete_(me(), a[0], a[1]); }, "Deletes the objects under a key.");
  lib.add(E, "rename", 2, [](Args a) { return ets::rename(me(), a[0], a[1]); }, "Renames a named table.");
  lib.add(E, "give_away", 3, [](Args a) { return ets::give_away(me(), a[0], a[1], a[2]); },
          "Makes pid the owner; it receives {:\"ETS-TRANSFER\", tab, from, gift}.");
  lib.add(E, "setopts", 2, [](Args a) { return ets::setopts(me(), a[0], a[1]); }, "Sets the heir or the protection.");
  lib.add(E, "whereis", 1, [](Args a) { return ets::whereis(me(), a[0]); }, "The reference of a named table, or :undefined.");
  lib.add(E, "info", 1, [](Args a) { return ets::info(me(), a[0]); }, "Information about a table, or :undefined.");
  lib.add(E, "info", 2, [](Args a) { return ets::info(me(), a[0], a[1]); }, "One item of information (:size, :owner, :protection, ...).");
  lib.add(E, "all", 0, [](Args) { return ets::all(me().node()); }, "The identifiers of all tables.");
  lib.add(E, "insert", 2, [](Args a) { return ets::insert(me(), a[0], a[1]); }, "Inserts an object or a list of objects; true.");
  lib.add(E, "insert_new", 2, [](Args a) { return ets::insert_new(me(), a[0], a[1]); },
          "Inserts unless a key is present: true or false.");
  lib.add(E, "lookup", 2, [](Args a) { return ets::lookup(me(), a[0], a[1]); }, "The objects under a key.");
  lib.add(E, "lookup_element", 3, [](Args a) { return ets::lookup_element(me(), a[0], a[1], a[2]); },
          "The element at a position of the object(s) under a key.");
  lib.add(E, "member", 2, [](Args a) { return ets::member(me(), a[0], a[1]); }, "True if an object has the key.");
  lib.add(E, "take", 2, [](Args a) { return ets::take(me(), a[0], a[1]); }, "Removes and returns the objects under a key.");
  lib.add(E, "delete_object", 2, [](Args a) { return ets::delete_object(me(), a[0], a[1]); }, "Deletes an exact object.");
  lib.add(E, "delete_all_objects", 1, [](Args a) { return ets::delete_all_objects(me(), a[0]); }, "Empties a table.");
  lib.add(E, "update_counter", 3, [](Args a) { return ets::update_counter(me(), a[0], a[1], a[2]); },
          "Adds to counters of the object under a key: the new value(s).");
  lib.add(E, "update_counter", 4, [](Args a) { return ets::update_counter(me(), a[0], a[1], a[2], a[3]); },
          "update_counter/3 inserting a default object first if the key is missing.");
  lib.add(E, "update_element", 3, [](Args a) { return ets::update_element(me(), a[0], a[1], a[2]); },
          "Replaces elements {pos, value} of the object under a key; false if none.");
  lib.add(E, "tab2list", 1, [](Args a) { return ets::tab2list(me(), a[0]); }, "All objects of a table.");
  lib.add(E, "first", 1, [](Args a) { return ets::first(me(), a[0]); }, "The first key, or :\"$end_of_table\".");
  lib.add(E, "last", 1, [](Args a) { return ets::last(me(), a[0]); }, "The last key, or :\"$end_of_table\".");
  lib.add(E, "next", 2, [](Args a) { return ets::next(me(), a[0], a[1]); }, "The key after a key, or :\"$end_of_table\".");
  lib.add(E, "prev", 2, [](Args a) { return ets::prev(me(), a[0], a[1]); }, "The key before a key, or :\"$end_of_table\".");
  lib.add(E, "foldl", 3, [](Args a) { return ets::foldl(me(), a[0], a[1], a[2]); }, "Folds fun.(object, acc) over a table.");
  lib.add(E, "foldr", 3, [](Args a) { return ets::foldr(me(), a[0], a[1], a[2]); }, "Folds from the other end.");
  lib.add(E, "match", 2, [](Args a) { return ets::match(me(), a[0], a[1]); }, "The bindings of :\"$N\" for each matching object.");
  lib.add(E, "match_object", 2, [](Args a) { return ets::match_object(me(), a[0], a[1]); }, "The objects matching a pattern.");
  lib.add(E, "match_delete", 2, [](Args a) { return ets::match_delete(me(), a[0], a[1]); }, "Deletes the objects matching a pattern.");
  lib.add(E, "select", 2, [](Args a) { return ets::select(me(), a[0], a[1]); }, "The results of a match spec [{head, guards, body}].");
  lib.add(E, "select_count", 2, [](Args a) { return ets::select_count(me(), a[0], a[1]); },
          "The number of objects for which a match spec returns true.");
  lib.add(E, "select_delete", 2, [](Args a) { return ets::select_delete(me(), a[0], a[1]); },
          "Deletes the objects for which a match spec returns true; their count.");
}

}  // namespace otp::shell::lib
