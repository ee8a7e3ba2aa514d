// The GenServer loop: one handler process per server, OTP's return shapes,
// timeouts, and Logger's termination report. (:sys is in gen_server_sys.cpp.)
#include <cstdio>

#include "behaviours/gen_server_loop.hpp"
#include "term/error.hpp"

namespace otp::gen_server_detail {

void Loop::die(Term reason, const std::string& headline, const Term& msg, const Term* from) {
  std::string head = headline;
  CrashInfo crash;
  if (auto failed = catch_exit([&] { s_.mod->terminate(reason, s_.state); }, &crash)) {
    // an exception in terminate/2 replaces the reason
    reason = std::move(*failed);
    head = crash.crashed ? crash.headline : "** (stop) " + format_exit_reason(reason);
  }
  if (!is_quiet_reason(reason) && node_.reports()) {
    InspectOptions plain;  // Logger's translator inspects on one line
    plain.pretty = false;
    plain.width = 1 << 30;
    auto inspect = [&](const Term& t) { return otp::inspect(t, plain); };
    std::string text = node_.log_prefix("error") + "GenServer " + inspect(report_name()) +
                       " terminating\n" + head + "\n";
    if (from) {
      const Term& client = (*from)[0];
      text += "Last message (from " + inspect(client) + "): " + inspect(msg) + "\nState: " +
              inspect(s_.mod->format_status(s_.state)) + "\nClient " + inspect(client) +
              (node_.alive(client.pid()) ? " is alive\n\n" : " is dead\n");
    } else {
      text += "Last message: " + inspect(msg) + "\nState: " + inspect(s_.mod->format_status(s_.state)) +
              "\n";
    }
    node_.log(text);
  }
  throw ExitSignal{std::move(reason)};
}

void Loop::stop(Term reason, const Term& msg, const Term* from) {
  std::string headline = "** (stop) " + format_exit_reason(reason);
  die(std::move(reason), headline, msg, from);
}

void Loop::log_trace(const std::string& what) {
  if (s_.trace) node_.log("*DBG* " + inspect(report_name()) + " " + what + "\n");
}

// The last element of a callback's return: a timeout, :hibernate or {:continue, c}.
void Loop::after_callback(const Term& extra) {
  if (extra.is_integer() && extra.is_small() && extra.small() >= 0) {
    const int64_t ms = extra.small();
    Term tick = Term::tuple({timeout_tag(), Term::integer(static_cast<int64_t>(++s_.timeout_seq))});
    s_.timeout_ref = node_.send_after(ms, Term(self_.self()), std::move(tick));
    s_.timeout_armed = true;
  } else if (is_tagged(extra, atom::continue_, 2)) {
    Term cont = extra[1];
    Term r = guarded(cont, nullptr, [&] { return s_.mod->handle_continue(cont, s_.state); });
    noreply_result(r, cont);
  } else if (!extra.is_atom(atom::infinity) && !extra.is_atom(atom::hibernate)) {
    Term bad = Term::tuple({Term(atom::bad_return_value), extra});
    stop(bad, extra, nullptr);
  }
}

void Loop::noreply_result(const Term& r, const Term& msg) {
  if (is_tagged(r, atom::noreply, 2) || is_tagged(r, atom::noreply, 3)) {
    s_.state = r[1];
    if (r.tuple_size() == 3) after_callback(r[2]);
    return;
  }
  if (is_tagged(r, atom::stop, 3)) {
    s_.state = r[2];
    stop(r[1], msg, nullptr);
  }
  die(Term::tuple({Term(atom::bad_return_value), r}), "** (stop) bad return value: " + inspect(r), msg,
      nullptr);
}

void Loop::call_result(const Term& r, const Term& msg, const Term& from) {
  if (is_tagged(r, atom::reply, 3) || is_tagged(r, atom::reply, 4)) {
    gen::reply(node_, from, r[1]);
    s_.state = r[2];
    if (r.tuple_size() == 4) after_callback(r[3]);
    return;
  }
  if (is_tagged(r, atom::noreply, 2) || is_tagged(r, atom::noreply, 3)) {
    s_.state = r[1];
    if (r.tuple_size() == 3) after_callback(r[2]);
    return;
  }
  if (is_tagged(r, atom::stop, 4)) {
    s_.state = r[3];
    gen::reply(node_, from, r[2]);
    stop(r[1], msg, &from);
  }
  if (is_tagged(r, atom::stop, 3)) {
    s_.state = r[2];
    stop(r[1], msg, &from);
  }
  die(Term::tuple({Term(atom::bad_return_value), r}), "** (stop) bad return value: " + inspect(r), msg,
      &from);
}

void Loop::init(const Term& msg) {
  // {:"$gen_init", starter, ack_ref, args, name}
  const Pid starter = msg[1].pid();
  const Term ack = msg[2];
  auto answer = [&](Term result) { node_.send(starter, Term::tuple({ack, std::move(result)})); };
  if (!msg[4].is_nil_list()) {
    std::optional<Pid> holder;
    if (!gen::register_name(node_, msg[4], self_.self(), &holder)) {
      answer(Term::tuple({Term(atom::error), Term::tuple({Term(atom::already_started),
                                                            holder ? Term(*holder) : Term(atom::undefined)})}));
      throw ExitSignal{Term(atom::normal)};
    }
    s_.name = msg[4].is_atom() ? msg[4] : Term::empty_list();
  }
  Term r;
  CrashInfo crash;
  if (auto failed = catch_exit([&] { r = s_.mod->init(msg[3]); }, &crash)) {
    answer(Term::tuple({Term(atom::error), *failed}));
    throw ExitSignal{std::move(*failed)};
  }
  if (is_tagged(r, atom::ok, 2) || is_tagged(r, atom::ok, 3)) {
    s_.state = r[1];
    s_.initialized = true;
    answer(Term::tuple({Term(atom::ok), Term(self_.self())}));
    if (r.tuple_size() == 3) after_callback(r[2]);
    return;
  }
  if (r.is_atom(atom::ignore)) {
    answer(r);
    throw ExitSignal{Term(atom::normal)};
  }
  Term reason = is_tagged(r, atom::stop, 2) ? r[1] : Term::tuple({Term(atom::bad_return_value), r});
  answer(Term::tuple({Term(atom::error), reason}));
  throw ExitSignal{std::move(reason)};
}

void Loop::handle(const Term& msg) {
  if (!s_.initialized) return init(msg);
  if (is_tagged(msg, atom::gen_timeout, 2)) {
    if (!s_.timeout_armed || msg[1].small() != static_cast<int64_t>(s_.timeout_seq)) return;  // stale
    s_.timeout_armed = false;
    Term to(atom::timeout);
    Term r = guarded(to, nullptr, [&] { return s_.mod->handle_info(to, s_.state); });
    return noreply_result(r, to);
  }
  if (s_.timeout_armed) {  // any other message cancels the pending timeout
    node_.cancel_timer(s_.timeout_ref);
    s_.timeout_armed = false;
  }
  if (msg.is_tuple() && msg.tuple_size() == 3 && msg[0] == gen::system_tag()) return system(msg);
  if (msg.is_tuple() && msg.tuple_size() == 3 && msg[0] == gen::gen_call()) {
    const Term& from = msg[1];
    const Term& req = msg[2];
    if (s_.trace) log_trace("got call " + inspect(req) + " from " + inspect(from[0]));
    Term r = guarded(req, &from, [&] { return s_.mod->handle_call(req, from, s_.state); });
    return call_result(r, req, from);
  }
  if (msg.is_tuple() && msg.tuple_size() == 2 && msg[0] == gen::gen_cast()) {
    const Term& req = msg[1];
    if (s_.trace) log_trace("got cast " + inspect(req));
    Term r = guarded(req, nullptr, [&] { return s_.mod->handle_cast(req, s_.state); });
    return noreply_result(r, req);
  }
  if (is_tagged(msg, atom::EXIT, 3) && self_.trapping_exits() && msg[1].is_pid() &&
      msg[1].pid() == s_.parent) {
    stop(msg[2], msg, nullptr);
  }
  if (s_.trace) log_trace("got " + inspect(msg));
  Term r = guarded(msg, nullptr, [&] { return s_.mod->handle_info(msg, s_.state); });
  noreply_result(r, msg);
}

}  // namespace otp::gen_server_detail
