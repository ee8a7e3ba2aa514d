// The :sys protocol of a GenServer: {:system, from, request} messages.
#include "behaviours/gen_server_loop.hpp"
#include "term/fun.hpp"

namespace otp::gen_server_detail {

// {:system, from, request}: the :sys protocol.
void Loop::system(const Term& msg) {
  const Term& from = msg[1];
  const Term& req = msg[2];
  auto answer = [&](Term t) { gen::reply(node_, from, std::move(t)); };
  if (req.is_atom(atom::get_state)) {
    answer(s_.state);
  } else if (is_tagged(req, atom::replace_state, 2)) {
    CrashInfo crash;
    auto failed = catch_exit([&] {
      Term st = s_.state;
      s_.state = apply_fun(req[1], std::span<const Term>(&st, 1));
    }, &crash);
    if (failed) {
      answer(Term::tuple({Term::atom("$sys_error"), Term::tuple({Term::atom("callback_failed"), *failed})}));
    } else {
      answer(s_.state);
    }
  } else if (req.is_atom(atom::get_status)) {
    Term status = s_.suspended ? atom_of("suspended") : Term(atom::running);
    Term header = Term::tuple({atom_of("header"),
                               Term::charlist("Status for generic server " + inspect(report_name()))});
    Term data = Term::tuple({atom_of("data"), Term::list({Term::tuple({Term::charlist("Status"), status}),
                                                          Term::tuple({Term::charlist("Parent"), Term(s_.parent)}),
                                                          Term::tuple({Term::charlist("Logged events"),
                                                                       Term::empty_list()})})});
    Term state = Term::tuple({atom_of("data"), Term::list({Term::tuple({Term::charlist("State"), s_.state})})});
    answer(Term::tuple({atom_of("status"), Term(self_.self()),
                        Term::tuple({Term(atom::module), atom_of("gen_server")}),
                        Term::list({self_.dictionary(), status, Term(s_.parent), Term::empty_list(),
                                    Term::list({header, data, state})})}));
  } else if (req.is_atom(atom::suspend)) {
    s_.suspended = true;
    answer(Term(atom::ok));
    // Only system messages (and the parent's EXIT) are handled until :resume.
    while (s_.suspended) {
      Term next = *self_.receive(
          [this](const Term& m) {
            return (m.is_tuple() && m.tuple_size() == 3 && m[0] == gen::system_tag()) ||
                   (is_tagged(m, atom::EXIT, 3) && self_.trapping_exits() && m[1].is_pid() &&
                    m[1].pid() == s_.parent);
          },
          Timeout::infinity());
      if (next[0] == gen::system_tag())
        system(next);
      else
        stop(next[2], next, nullptr);
    }
  } else if (req.is_atom(atom::resume)) {
    s_.suspended = false;
    answer(Term(atom::ok));
  } else if (is_tagged(req, atom::change_code, 4)) {
    auto& staged = node_.service<StagedModules>().by_pid;
    auto it = staged.find(StagedModules::key(self_.self()));
    if (it != staged.end()) {
      s_.mod = it->second;
      staged.erase(it);
    }
    Term r;
    CrashInfo crash;
    if (auto failed = catch_exit([&] { r = s_.mod->code_change(req[2], s_.state, req[3]); }, &crash)) {
      answer(Term::tuple({Term(atom::error), *failed}));
    } else if (is_tagged(r, atom::ok, 2)) {
      s_.state = r[1];
      answer(Term(atom::ok));
    } else {
      answer(r);
    }
  } else if (is_tagged(req, atom::trace, 2)) {
    s_.trace = req[1].is_atom(atom::true_);
    answer(Term(atom::ok));
  } else if (is_tagged(req, atom::terminate, 2)) {
    stop(req[1], Term::empty_list(), nullptr);  // Elixir shows "Last message: []"
  } else {
    answer(Term::tuple({Term(atom::error), atom_of("unknown_system_msg")}));
  }
}

}  // namespace otp::gen_server_detail
