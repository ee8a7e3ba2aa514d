#include "behaviours/sys.hpp"

#include "runtime/exit.hpp"
#include "term/fun.hpp"

namespace otp::sys {

namespace {
Term request(Process& self, const Term& server, Term req, const char* fun, Timeout timeout) {
  return gen::system_call(self, server, std::move(req), Term::atom(fun), timeout);
}
}  // namespace

Term get_state(Process& self, const Term& server, Timeout timeout) {
  return request(self, server, Term::atom("get_state"), "get_state", timeout);
}

Term replace_state(Process& self, const Term& server, const Term& fun, Timeout timeout) {
  Term r = request(self, server, Term::tuple({Term::atom("replace_state"), fun}), "replace_state", timeout);
  if (r.is_tuple() && r.tuple_size() == 2 && r[0].is_atom() && r[0].atom().name() == "$sys_error")
    throw ExitSignal{Term::tuple(
        {r[1], Term::tuple({Term::atom("sys"), Term::atom("replace_state"),
                            Term::list({server, fun, gen::timeout_term(timeout)})})})};
  return r;
}

Term replace_state(Process& self, const Term& server, std::function<Term(const Term&)> fun,
                   Timeout timeout) {
  Term f = make_fun(Atom::intern("sys"), "replace_state/2", 1,
                    [fun = std::move(fun)](std::span<const Term> args) { return fun(args[0]); });
  return replace_state(self, server, f, timeout);
}

Term get_status(Process& self, const Term& server, Timeout timeout) {
  return request(self, server, Term::atom("get_status"), "get_status", timeout);
}

Term suspend(Process& self, const Term& server, Timeout timeout) {
  return request(self, server, Term::atom("suspend"), "suspend", timeout);
}

Term resume(Process& self, const Term& server, Timeout timeout) {
  return request(self, server, Term::atom("resume"), "resume", timeout);
}

Term change_code(Process& self, const Term& server, const Term& module, const Term& old_vsn,
                 const Term& extra, Timeout timeout) {
  return request(self, server, Term::tuple({Term::atom("change_code"), module, old_vsn, extra}),
                 "change_code", timeout);
}

Term trace(Process& self, const Term& server, bool on, Timeout timeout) {
  return request(self, server, Term::tuple({Term::atom("trace"), Term::boolean(on)}), "trace", timeout);
}

}  // namespace otp::sys
