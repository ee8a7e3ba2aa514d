// ETS: Erlang term storage, as OTP 25's `ets` module.
//
// Each function is the Erlang function of the same name (delete_ and
// new_table where C++ reserves the word), with Erlang's argument order and
// return values, called by the process `self` that makes the call: the
// shell maps `:ets.fun(args)` straight onto these, and C++ processes call
// them directly. Misuse is error(badarg), thrown as ErlangError whose
// arguments_info carries OTP's texts ("the table identifier does not refer
// to an existing ETS table", ...; see ets_errors.hpp), and affects only the
// calling process.
//
// Tables belong to the node (one table space per Node) and to their owner,
// the process that created them: see ets_tables.hpp for identifiers,
// protection (public / protected / private, checked against `self` on every
// call), heirs and what happens when the owner dies; ets_store.hpp for how
// objects are kept (set and bag: hash tables matching keys with =:=;
// ordered_set: a tree in term order matching keys with ==); ets_match.hpp
// for match specs. Lookups return the stored tuples themselves (shared, not
// copied). Objects are visited in table order: term order for ordered_set,
// hash order otherwise. Calls spend reductions like other runtime calls.
//
// Not provided: the continuation forms (select/3, match/3, ...), file
// dumps (tab2file, ...), safe_fixtable, select_replace, slot.
#pragma once
#include <functional>

#include "runtime/node.hpp"

namespace otp::ets {

// --- tables -------------------------------------------------------------------
// ets:new/2. Options: set | ordered_set | bag | duplicate_bag, public |
// protected | private, named_table, {keypos, Pos}, {heir, Pid, Data} |
// {heir, none}, {read_concurrency, Bool}, {write_concurrency, Bool | auto},
// {decentralized_counters, Bool}, compressed (accepted, no effect). Returns
// the name for a named table, else the table's reference.
Term new_table(Process& self, const Term& name, const Term& options);
Term delete_(Process& self, const Term& tab);  // ets:delete/1: true
Term rename(Process& self, const Term& tab, const Term& name);  // the table identifier after the rename
Term give_away(Process& self, const Term& tab, const Term& pid, const Term& gift);  // true
// ets:setopts/2: {heir, Pid, Data} | {heir, none} | {protection, P}, or a list.
Term setopts(Process& self, const Term& tab, const Term& options);
Term whereis(Process& self, const Term& name);  // the table's reference, or :undefined
// ets:info/1: [id:, decentralized_counters:, read_concurrency:,
// write_concurrency:, compressed:, memory:, owner:, heir:, name:, size:,
// node:, named_table:, type:, keypos:, protection:] or :undefined.
Term info(Process& self, const Term& tab);
Term info(Process& self, const Term& tab, const Term& item);  // ets:info/2
Term all(Node& node);  // ets:all/0: the identifiers of the node's tables, oldest first
// For observers outside any process: ets:info/1 of `tab` (no access needed).
Term info(Node& node, const Term& tab);

// --- objects ------------------------------------------------------------------
Term insert(Process& self, const Term& tab, const Term& objects);      // an object or a list: true
Term insert_new(Process& self, const Term& tab, const Term& objects);  // false if any key exists
Term lookup(Process& self, const Term& tab, const Term& key);          // [objects]
Term lookup_element(Process& self, const Term& tab, const Term& key, const Term& pos);
Term member(Process& self, const Term& tab, const Term& key);
Term take(Process& self, const Term& tab, const Term& key);  // [objects], removed
Term delete_(Process& self, const Term& tab, const Term& key);  // ets:delete/2: true
Term delete_object(Process& self, const Term& tab, const Term& object);
Term delete_all_objects(Process& self, const Term& tab);
// ets:update_counter/3,4: op is Incr | {Pos, Incr} | {Pos, Incr, Threshold,
// SetValue} or a list of them (then a list of the new values); with a
// default object, a missing key is first inserted as that object.
Term update_counter(Process& self, const Term& tab, const Term& key, const Term& op);
Term update_counter(Process& self, const Term& tab, const Term& key, const Term& op, const Term& default_object);
// ets:update_element/3: {Pos, Value} or a list of them; false if no object.
Term update_element(Process& self, const Term& tab, const Term& key, const Term& changes);

// --- traversal ----------------------------------------------------------------
Term tab2list(Process& self, const Term& tab);
Term first(Process& self, const Term& tab);  // a key or :"$end_of_table"
Term last(Process& self, const Term& tab);
Term next(Process& self, const Term& tab, const Term& key);
Term prev(Process& self, const Term& tab, const Term& key);
// ets:foldl/3 and foldr/3 with a fun term of arity 2 (applied in `self`),
// or a C++ callable. The objects are those in the table when the fold starts.
Term foldl(Process& self, const Term& fun, const Term& acc, const Term& tab);
Term foldr(Process& self, const Term& fun, const Term& acc, const Term& tab);
Term foldl(Process& self, const std::function<Term(const Term& object, const Term& acc)>& fun, Term acc,
           const Term& tab);

// --- matching -----------------------------------------------------------------
Term match(Process& self, const Term& tab, const Term& pattern);         // [[bindings]]
Term match_object(Process& self, const Term& tab, const Term& pattern);  // [objects]
Term match_delete(Process& self, const Term& tab, const Term& pattern);  // true
Term select(Process& self, const Term& tab, const Term& match_spec);     // [results]
Term select_count(Process& self, const Term& tab, const Term& match_spec);   // objects whose result is true
Term select_delete(Process& self, const Term& tab, const Term& match_spec);  // deletes those; their count

}  // namespace otp::ets
