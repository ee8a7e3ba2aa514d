// Switch.Call: the GenServer of one telephone call, in C++, and the dispatch
// that lets a Switch.Call module defined in the shell take over any of its
// callbacks (hot code upgrade; see switch.hpp).
//
// State: {id, hangup_at}, the same tuple the call was started with (shared
// with its child spec, so it costs nothing more). The C++ version:
//   init          arms a :hangup timer for hangup_at -> {:ok, call}
//   handle_info   :hangup -> {:stop, :normal, call}; :noise -> raises
//                 {:line_noise, id}; anything else as `use GenServer`
//   handle_call   :info -> {:reply, {:cpp, call}, call}
// terminate counts the call as completed (:normal, :shutdown) or crashed
// whichever version ran, then runs the shell's terminate/2 if it has one.
#include <algorithm>

#include "runtime/exit.hpp"
#include "shell/eval/interp.hpp"
#include "shell/eval/module.hpp"
#include "switch/switch_internal.hpp"
#include "term/error.hpp"

namespace otp::examples::telephone {

namespace {

Atom atom_of(const char* s) { return Atom::intern(s); }

const Atom& call_atom() {
  static const Atom a = atom_of("Elixir.Switch.Call");
  return a;
}

// The shell's Switch.Call, if it exports fun/arity now. Looked up at every
// callback: redefining the module moves the calls at their next message.
bool in_shell(Node& node, Atom fun, unsigned arity) {
  std::shared_ptr<const shell::Module> m = shell::modules_of(node).find(call_atom());
  if (!m) return false;
  const shell::Module::Function* f = m->find(fun, arity);
  return f && !f->priv;
}

Term run_shell(Node& node, Atom fun, std::vector<Term> args) {
  ++switch_of(node).shell_callbacks;
  return shell::Interp::call_remote(call_atom(), fun, std::move(args));
}

bool is_call(const Term& call) {
  return call.is_tuple() && call.tuple_size() == 2 && call[0].is_small() && call[1].is_small();
}

bool clean_reason(const Term& r) {
  return r.is_atom(atom::normal) || r.is_atom(atom::shutdown) ||
         (r.is_tuple() && r.tuple_size() == 2 && r[0].is_atom(atom::shutdown));
}

class Call final : public GenServer {
 public:
  Term module_name() const override { return Term(call_atom()); }

  Term init(const Term& call) const override {
    static const Atom fun = atom_of("init");
    Process& self = *Process::current();
    Term r = in_shell(self.node(), fun, 1) ? run_shell(self.node(), fun, {call}) : cpp_init(self, call);
    if (r.is_tuple() && r.tuple_size() >= 2 && r[0].is_atom(atom::ok)) ++switch_of(self.node()).inits;
    return r;
  }

  Term handle_info(const Term& msg, const Term& call) const override {
    static const Atom fun = atom_of("handle_info");
    static const Term hangup = Term::atom("hangup"), noise = Term::atom("noise");
    Node& node = Process::current()->node();
    if (in_shell(node, fun, 2)) return run_shell(node, fun, {msg, call});
    if (msg == hangup) return gen_server::stop_noreply(Term(atom::normal), call);
    if (msg == noise && is_call(call)) throw ErlangError(Term::tuple({Term::atom("line_noise"), call[0]}));
    return GenServer::handle_info(msg, call);
  }

  Term handle_call(const Term& request, const Term& from, const Term& call) const override {
    static const Atom fun = atom_of("handle_call");
    static const Term info = Term::atom("info");
    Node& node = Process::current()->node();
    if (in_shell(node, fun, 3)) return run_shell(node, fun, {request, from, call});
    if (request == info) return gen_server::reply(Term::tuple({Term::atom("cpp"), call}), call);
    return GenServer::handle_call(request, from, call);
  }

  Term handle_cast(const Term& request, const Term& call) const override {
    static const Atom fun = atom_of("handle_cast");
    Node& node = Process::current()->node();
    if (in_shell(node, fun, 2)) return run_shell(node, fun, {request, call});
    return GenServer::handle_cast(request, call);
  }

  Term handle_continue(const Term& cont, const Term& call) const override {
    static const Atom fun = atom_of("handle_continue");
    Node& node = Process::current()->node();
    if (in_shell(node, fun, 2)) return run_shell(node, fun, {cont, call});
    return GenServer::handle_continue(cont, call);
  }

  void terminate(const Term& reason, const Term& call) const override {
    static const Atom fun = atom_of("terminate");
    Node& node = Process::current()->node();
    SwitchNode& s = switch_of(node);
    ++(clean_reason(reason) ? s.completed : s.crashed);
    if (in_shell(node, fun, 2)) run_shell(node, fun, {reason, call});
  }

  Term code_change(const Term& old_vsn, const Term& call, const Term& extra) const override {
    static const Atom fun = atom_of("code_change");
    Node& node = Process::current()->node();
    if (in_shell(node, fun, 3)) return run_shell(node, fun, {old_vsn, call, extra});
    return GenServer::code_change(old_vsn, call, extra);
  }

 private:
  static Term cpp_init(Process& self, const Term& call) {
    if (!is_call(call)) return Term::tuple({Term(atom::stop), Term::tuple({Term(atom::badarg), call})});
    static const Term hangup = Term::atom("hangup");
    const int64_t in = std::max<int64_t>(0, call[1].small() - self.node().now_ms());
    self.send_after(in, Term(self.self()), hangup);
    return gen_server::ok(call);
  }
};

}  // namespace

const std::shared_ptr<const GenServer>& call_module() {
  static const std::shared_ptr<const GenServer> module = std::make_shared<const Call>();
  return module;
}

Term call_module_name() { return Term(call_atom()); }

Term start_call(Process& self, const Term& call) { return gen_server::start(self, call_module(), call); }

}  // namespace otp::examples::telephone
