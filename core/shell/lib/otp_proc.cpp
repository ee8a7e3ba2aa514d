// The process BIFs of otp_proc.hpp, part 1: flags, process_info, monitors,
// registered names and group leaders, with OTP 25's argument texts.
//
// Limits: only trap_exit changes anything; the other process flags OTP 25
// accepts (priority, message_queue_data, min_heap_size, ...) are checked and
// answer BEAM's defaults. process_info items that this runtime does not
// track (current_stacktrace, parent, binary, ...) answer fixed values.
#include "shell/lib/otp_proc.hpp"

#include <string>
#include <vector>

#include "term/error.hpp"

namespace otp::shell::lib::proc {

namespace {

bool is_name(const Term& t, const char* n) { return t.is_atom() && t.atom().name() == n; }

bool one_of(const Term& v, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (is_name(v, n)) return true;
  return false;
}

bool non_negative(const Term& v) { return v.is_small() && v.small() >= 0; }

// A flag other than trap_exit: checks the value, answers BEAM's default.
Term other_flag(const Term& flag, const Term& v) {
  auto bad_value = [] { badarg(2, "invalid value for this process flag"); };
  if (flag.is_atom(atom::priority)) {
    if (!one_of(v, {"low", "normal", "high", "max"})) bad_value();
    return Term(atom::normal);
  }
  if (is_name(flag, "message_queue_data")) {
    if (!one_of(v, {"on_heap", "off_heap"})) bad_value();
    return Term::atom("on_heap");
  }
  if (is_name(flag, "min_heap_size") || is_name(flag, "min_bin_vheap_size") || is_name(flag, "fullsweep_after")) {
    if (!non_negative(v)) bad_value();
    return Term::integer(is_name(flag, "min_heap_size") ? 233 : is_name(flag, "fullsweep_after") ? 65535 : 46422);
  }
  if (is_name(flag, "max_heap_size")) {
    if (!(v.is_map() || (non_negative(v) && (v.small() == 0 || v.small() >= 233)))) bad_value();
    return Term::integer(0);
  }
  if (is_name(flag, "sensitive")) {
    if (!v.is_boolean()) bad_value();
    return Term(atom::false_);
  }
  if (is_name(flag, "save_calls")) {
    if (!v.is_small() || v.small() < 0 || v.small() > 10000) bad_value();
    return Term::integer(0);
  }
  if (is_name(flag, "error_handler")) {
    if (!v.is_atom()) bad_value();
    return Term::atom("error_handler");
  }
  badarg(1, "invalid process flag");
}

// Items process_info knows on BEAM that this runtime does not track.
bool fixed_item(Atom item, Term* out) {
  std::string_view n = item.name();
  if (n == "current_stacktrace" || n == "binary" || n == "sequential_trace_token" || n == "last_calls") {
    *out = n == "last_calls" ? Term(atom::false_) : Term::empty_list();
  } else if (n == "catchlevel" || n == "trace") {
    *out = Term::integer(0);
  } else if (n == "min_heap_size") {
    *out = Term::integer(233);
  } else if (n == "min_bin_vheap_size") {
    *out = Term::integer(46422);
  } else if (n == "fullsweep_after") {
    *out = Term::integer(65535);
  } else if (n == "message_queue_data") {
    *out = Term::atom("on_heap");
  } else if (n == "parent") {
    *out = Term(atom::undefined);
  } else {
    return false;
  }
  return true;
}

// {item, value} for a live process; badarg for an unknown item.
Term item_of(Node& node, const Term& pid, const Term& item) {
  if (!item.is_atom()) badarg(2, "invalid item or item list");
  try {
    return node.process_info(pid, item);
  } catch (const ErlangError& e) {
    if (!e.reason.is_atom(atom::badarg)) throw;
  }
  Term v;
  if (!fixed_item(item.atom(), &v)) badarg(2, "invalid item or item list");
  return Term::tuple({item, v});
}

}  // namespace

void need_pid(const Term& t, int position) {
  if (!t.is_pid()) badarg(position, "not a pid");
}
void need_ref(const Term& t, int position) {
  if (!t.is_ref()) badarg(position, "not a reference");
}

Term process_flag(const Term& flag, const Term& value) {
  Process& self = caller("process_flag/2");
  if (flag.is_atom(atom::trap_exit)) {
    if (!value.is_boolean()) badarg(2, "invalid value for this process flag");
    return Term::boolean(self.trap_exit(value.is_atom(atom::true_)));
  }
  return other_flag(flag, value);
}

Term process_info(const Term& pid, const Term& undefined) {
  need_pid(pid, 1);
  Term r = caller("process_info/1").node().process_info(pid);
  return r.is_atom(atom::undefined) ? undefined : r;
}

Term process_info(const Term& pid, const Term& spec, const Term& undefined, bool erlang) {
  need_pid(pid, 1);
  Node& node = caller("process_info/2").node();
  if (spec.is_list()) {
    if (!proper_list(spec)) badarg(2, "invalid item or item list");
    std::vector<Term> out;
    for (const Term* c = &spec; c->is_cons(); c = &c->tail()) out.push_back(item_of(node, pid, c->head()));
    if (!node.alive(pid.pid())) return undefined;
    return list_of(out);
  }
  Term r = item_of(node, pid, spec);
  if (r.is_atom(atom::undefined)) return undefined;
  if (erlang && spec.is_atom(atom::registered_name) && r[1].is_nil_list()) return Term::empty_list();
  return r;
}

Term monitor(const Term& item) {
  Process& self = caller("monitor/2");
  if (item.is_pid() || item.is_atom()) return Term(self.monitor(item));
  if (item.is_tuple() && item.tuple_size() == 2 && item[0].is_atom() && item[1].is_atom(atom::nonode_nohost))
    return Term(self.monitor(item[0]));
  badarg(2, "not a pid");
}

Term demonitor(const Term& ref, const Term& options) {
  need_ref(ref, 1);
  if (!proper_list(options)) badarg(2, "not a list");
  bool flush = false, info = false;
  for (const Term* c = &options; c->is_cons(); c = &c->tail()) {
    if (is_name(c->head(), "flush")) flush = true;
    else if (is_name(c->head(), "info")) info = true;
    else badarg(2, "invalid option in list");
  }
  bool found = caller("demonitor/2").demonitor(ref.ref(), flush);
  return Term::boolean(!info || found);
}

Term register_name(const Term& name, const Term& pid) {
  Node& node = caller("register/2").node();
  if (!name.is_atom()) badarg(1, "not an atom");
  if (name.is_atom(atom::undefined)) badarg(1, "'undefined' is not a valid name");
  if (!pid.is_pid()) badarg(2, "not a pid or port");
  if (!node.alive(pid.pid())) badarg(2, "the pid does not refer to an existing process");
  if (node.whereis(name)) badarg(1, "name is in use");
  if (!node.process_info(pid, Term(atom::registered_name))[1].is_nil_list())
    badarg(2, "this process or port already has a name");
  node.register_name(name, pid);
  return Term(atom::true_);
}

Term unregister_name(const Term& name) {
  Node& node = caller("unregister/1").node();
  if (!name.is_atom() || !node.whereis(name)) badarg(1, "not a pid");
  node.unregister_name(name);
  return Term(atom::true_);
}

Term whereis(const Term& name) {
  if (!name.is_atom()) badarg(1, "not an atom");
  std::optional<Pid> p = caller("whereis/1").node().whereis(name);
  return p ? Term(*p) : Term(atom::undefined);
}

Term group_leader() { return Term(caller("group_leader/0").group_leader()); }

Term set_group_leader(const Term& leader, const Term& pid) {
  need_pid(leader, 1);
  need_pid(pid, 2);
  Node& node = caller("group_leader/2").node();
  if (!node.alive(pid.pid())) raise_argument_error("argument error");
  if (Process* self = Process::current(); self && self->self() == pid.pid()) self->set_group_leader(leader.pid());
  else node.set_group_leader(pid, leader.pid());
  return Term(atom::true_);
}

}  // namespace otp::shell::lib::proc
