// :erlang, the rest a learner reaches for around processes: the process
// dictionary (get/put/erase/get_keys), system_info, statistics, node/1,
// nodes/0, is_alive/0, apply/2,3, and Kernel.node/1.
//
// Limits: system_info and statistics answer the common items
// (process_count, process_limit, schedulers, otp_release, ...; run_queue,
// reductions, wall_clock, runtime) with this node's values: one scheduler,
// the node's clock; anything else is OTP's badarg.
#include "services/ets.hpp"
#include "shell/lib/otp_proc.hpp"

namespace otp::shell::lib {

namespace {

Term node1(Args a) {
  proc::need_pid(a[0], 1);
  return Term(atom::nonode_nohost);
}

Term system_info(Args a) {
  Process& self = caller(":erlang.system_info/1");
  std::string_view item = a[0].is_atom() ? a[0].atom().name() : "";
  if (item == "process_count") return Term::integer(static_cast<int64_t>(self.node().process_count()));
  if (item == "process_limit") return Term::integer(262144);
  if (item == "schedulers" || item == "schedulers_online" || item == "logical_processors" ||
      item == "logical_processors_available" || item == "thread_pool_size")
    return Term::integer(1);
  if (item == "otp_release") return Term::charlist("25");
  if (item == "version") return Term::charlist("13.1.5");
  if (item == "machine") return Term::charlist("BEAM");
  if (item == "system_version") return Term::charlist("Erlang/OTP 25 [erts-13.1.5] [otp-playground] [64-bit]\n");
  if (item == "wordsize") return Term::integer(8);
  if (item == "atom_limit") return Term::integer(1048576);
  if (item == "port_count") return Term::integer(0);
  if (item == "port_limit") return Term::integer(65536);
  if (item == "ets_limit") return Term::integer(8192);
  if (item == "ets_count") return Term::integer(list_length(ets::all(self.node())));
  badarg(1, "invalid system info item");
}

Term statistics(Args a) {
  Process& self = caller(":erlang.statistics/1");
  std::string_view item = a[0].is_atom() ? a[0].atom().name() : "";
  if (item == "run_queue" || item == "total_run_queue_lengths") return Term::integer(0);
  if (item == "wall_clock" || item == "runtime") return Term::tuple({Term::integer(self.node().now_ms()), Term::integer(0)});
  if (item == "reductions") return Term::tuple({Term::integer(static_cast<int64_t>(self.reductions())), Term::integer(0)});
  if (item == "context_switches") return Term::tuple({Term::integer(0), Term::integer(0)});
  badarg(1, "invalid statistics item");
}

Term erase_all(Args) {
  Process& self = caller(":erlang.erase/0");
  Term all = self.dictionary();
  for (const Term* c = &all; c->is_cons(); c = &c->tail()) self.erase(c->head()[0]);
  return all;
}

Term get_keys(Args a) {
  Term all = caller(":erlang.get_keys").dictionary();
  std::vector<Term> keys;
  for (const Term* c = &all; c->is_cons(); c = &c->tail())
    if (a.empty() || c->head()[1] == a[0]) keys.push_back(c->head()[0]);
  return list_of(keys);
}

}  // namespace

void add_otp_erlang_info(Library& lib) {
  const char* E = ":erlang";
  lib.add(E, "get", 0, [](Args) { return caller(":erlang.get/0").dictionary(); }, "The process dictionary.");
  lib.add(E, "get", 1, [](Args a) { return caller(":erlang.get/1").get(a[0]); }, "A value of the process dictionary, or :undefined.");
  lib.add(E, "put", 2, [](Args a) { return caller(":erlang.put/2").put(a[0], a[1]); }, "Stores a value; the old one or :undefined.");
  lib.add(E, "erase", 1, [](Args a) { return caller(":erlang.erase/1").erase(a[0]); }, "Removes a key; its value or :undefined.");
  lib.add(E, "erase", 0, erase_all, "Empties the process dictionary; its old contents.");
  lib.add(E, "get_keys", 0, get_keys, "The keys of the process dictionary.");
  lib.add(E, "get_keys", 1, get_keys, "The keys holding a value.");
  lib.add(E, "system_info", 1, system_info, "process_count, process_limit, schedulers, otp_release, ...");
  lib.add(E, "statistics", 1, statistics, "run_queue, reductions, wall_clock, runtime.");
  lib.add(E, "node", 1, node1, "The node of a pid: :nonode@nohost.");
  lib.add(E, "nodes", 0, [](Args) { return Term::empty_list(); }, "Connected nodes: none.");
  lib.add(E, "is_alive", 0, [](Args) { return Term(atom::false_); }, "False: this node is not distributed.");
  lib.add(E, "apply", 2, [](Args a) {
    if (!proper_list(a[1])) badarg(2, "not a list");
    tick();
    std::vector<Term> args = list_to_vector(a[1]);
    return apply_fun(a[0], args);
  }, "Calls fun with a list of arguments.");
  lib.add(E, "apply", 3, [](Args a) {
    if (!a[0].is_atom() || !a[1].is_atom() || !proper_list(a[2])) raise_argument_error("argument error");
    return apply_mfa(a[0], a[1], a[2]);
  }, "Calls module.fun with a list of arguments.");
  lib.add("Kernel", "node", 1, node1, "The node of a pid: :nonode@nohost.");
}

}  // namespace otp::shell::lib
