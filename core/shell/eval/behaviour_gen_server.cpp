// GenServer for the shell: the adapter that runs an interpreted module's
// callbacks on the C++ GenServer loop, and the built-in GenServer module
// (start_link/start/call/cast/reply/stop/whereis) as Elixir 1.14's.
//
// The adapter calls Mod.init/1, handle_call/3, ... of the module's current
// version at every message (hot code upgrade, see behaviour.hpp). `use
// GenServer` defines the default callbacks in the module itself
// (behaviour_use.cpp), so a missing required callback fails exactly as on
// BEAM (UndefinedFunctionError); the optional ones (handle_info/2,
// terminate/2, format_status/2) are skipped when the module lacks them.
#include "behaviours/gen_server.hpp"
#include "runtime/exit.hpp"
#include "shell/eval/behaviour.hpp"
#include "shell/eval/behaviour_native.hpp"
#include "shell/eval/module.hpp"
#include "shell/lib/builtins.hpp"
#include "shell/lib/errors.hpp"
#include "term/error.hpp"

namespace otp::shell {

namespace behaviour {
namespace {

Term A(const char* s) { return Term::atom(s); }

class InterpretedGenServer final : public GenServer {
 public:
  explicit InterpretedGenServer(Atom module) : m_(module) {}
  Term module_name() const override { return Term(m_); }
  Term init(const Term& args) const override { return callback(m_, "init", {args}, Frames::Init); }
  Term handle_call(const Term& req, const Term& from, const Term& state) const override {
    return callback(m_, "handle_call", {req, from, state}, Frames::Call);
  }
  Term handle_cast(const Term& req, const Term& state) const override {
    return callback(m_, "handle_cast", {req, state}, Frames::Dispatch);
  }
  Term handle_info(const Term& msg, const Term& state) const override {
    // OTP 25 drops a message to a module without handle_info/2 (its
    // warning is not shown by Elixir's logger).
    if (!exports(m_, Atom::intern("handle_info"), 2)) return gen_server::noreply(state);
    return callback(m_, "handle_info", {msg, state}, Frames::Dispatch);
  }
  Term handle_continue(const Term& cont, const Term& state) const override {
    return callback(m_, "handle_continue", {cont, state}, Frames::Dispatch);
  }
  void terminate(const Term& reason, const Term& state) const override {
    if (exports(m_, Atom::intern("terminate"), 2)) callback(m_, "terminate", {reason, state});
  }
  Term code_change(const Term& old_vsn, const Term& state, const Term& extra) const override {
    return callback(m_, "code_change", {old_vsn, state, extra});
  }
  Term format_status(const Term& state) const override {
    if (!exports(m_, Atom::intern("format_status"), 2)) return state;
    Process* p = Process::current();
    Term pdict = p ? p->dictionary() : Term::empty_list();
    return callback(m_, "format_status", {A("terminate"), Term::list({pdict, state})});
  }

 private:
  Atom m_;
};

}  // namespace

std::shared_ptr<const GenServer> gen_server_module(Atom mod) {
  // A module defined in the shell wins over a C++ one of the same name.
  if (Process* p = Process::current(); p && !modules_of(p->node()).find(mod))
    if (auto native = find_native_gen_server(p->node(), mod)) return native;
  return std::make_shared<InterpretedGenServer>(mod);
}

}  // namespace behaviour

namespace lib {

namespace {

using namespace behaviour;
using Args = std::span<const Term>;

Term A(const char* s) { return Term::atom(s); }

[[noreturn]] void no_clause(const char* fun, Args a) {
  raise_function_clause("GenServer", fun, std::vector<Term>(a.begin(), a.end()));
}

Term start(Args a, bool link) {
  Term opts = a.size() > 2 ? a[2] : Term::empty_list();
  if (!a[0].is_atom() || !opts.is_list())
    raise_function_clause("GenServer", link ? "start_link" : "start", {a[0], a[1], opts});
  GenServerOptions o = start_options(opts, link);
  return gen_server::start(self(), gen_server_module(a[0].atom()), a[1], o);
}

// exit({reason, {GenServer, fun, args}}) as GenServer's own checks do.
[[noreturn]] void exit_with(const char* reason, const char* fun, std::initializer_list<Term> args) {
  throw ExitSignal{Term::tuple({A(reason), Term::tuple({A("Elixir.GenServer"), A(fun), Term::list(args)})})};
}

Term call(Args a) {
  Term timeout = a.size() > 2 ? a[2] : Term::integer(5000);
  Timeout t;
  if (!timeout_of(timeout, &t)) raise_function_clause("GenServer", "call", {a[0], a[1], timeout});
  Process& me = self();
  std::optional<Pid> pid = gen::whereis(me.node(), a[0]);
  if (pid && *pid == me.self()) exit_with("calling_self", "call", {a[0], a[1], timeout});
  return gen::call(me, a[0], a[1], t);
}

Term cast(Args a) {
  const Term& dest = a[0];
  if (!dest.is_atom() && !dest.is_pid() && !(dest.is_tuple() && (dest.tuple_size() == 2 || dest.tuple_size() == 3)))
    no_clause("cast", a);
  gen::cast(self().node(), dest, a[1]);
  return Term(atom::ok);
}

Term reply(Args a) {
  if (!a[0].is_tuple() || a[0].tuple_size() != 2 || !a[0][0].is_pid()) no_clause("reply", a);
  gen::reply(self().node(), a[0], a[1]);
  return Term(atom::ok);
}

Term stop(Args a) {
  Term reason = a.size() > 1 ? a[1] : Term(atom::normal);
  Term timeout = a.size() > 2 ? a[2] : Term(atom::infinity);
  Timeout t;
  if (!timeout_of(timeout, &t)) t = Timeout::infinity();
  Process& me = self();
  std::optional<Pid> pid = gen::whereis(me.node(), a[0]);
  if (pid && *pid == me.self()) exit_with("calling_self", "stop", {a[0], reason, timeout});
  return gen_server::stop(me, a[0], reason, t);
}

Term whereis(Args a) {
  const Term& s = a[0];
  if (s.is_pid()) return s;
  std::optional<Pid> pid;
  if (s.is_atom() || (s.is_tuple() && s.tuple_size() == 3)) pid = gen::whereis(self().node(), s);
  else if (s.is_tuple() && s.tuple_size() == 2 && s[0].is_atom() && s[1].is_atom()) pid = gen::whereis(self().node(), s[0]);
  return pid ? Term(*pid) : Term(atom::nil);
}

}  // namespace

void add_behaviour_gen_server(Library& lib) {
  const char* G = "GenServer";
  lib.add(G, "start_link", 2, [](Args a) { return start(a, true); },
          "Starts a GenServer of `module` linked to the caller: {:ok, pid} | {:error, reason} | :ignore.");
  lib.add(G, "start_link", 3, [](Args a) { return start(a, true); },
          "Starts a linked GenServer with options (name:, timeout:).");
  lib.add(G, "start", 2, [](Args a) { return start(a, false); }, "Starts a GenServer without a link.");
  lib.add(G, "start", 3, [](Args a) { return start(a, false); }, "Starts a GenServer without a link, with options.");
  lib.add(G, "call", 2, call, "Sends a request and waits for the reply (5000 ms).");
  lib.add(G, "call", 3, call, "Sends a request and waits for the reply, with a timeout.");
  lib.add(G, "cast", 2, cast, "Sends an asynchronous request: :ok.");
  lib.add(G, "reply", 2, reply, "Replies to a caller from a callback's `from`: :ok.");
  lib.add(G, "stop", 1, stop, "Stops the server with reason :normal and waits: :ok.");
  lib.add(G, "stop", 2, stop, "Stops the server with a reason and waits: :ok.");
  lib.add(G, "stop", 3, stop, "Stops the server with a reason and a timeout: :ok.");
  lib.add(G, "whereis", 1, whereis, "The pid of a server (pid, name or {:via, ...}), or nil.");
}

}  // namespace lib
}  // namespace otp::shell
