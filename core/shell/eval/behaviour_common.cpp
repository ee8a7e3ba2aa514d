// What the behaviour built-ins share (see behaviour.hpp): calling a module's
// current version (with BEAM's stack frames), start options, the
// supervisors' start resolver and Logger's line format. Child specs are in
// behaviour_child_spec.cpp.
#include <cstdio>

#include "behaviours/child_spec.hpp"
#include "shell/eval/behaviour.hpp"
#include "shell/eval/behaviour_native.hpp"
#include "shell/eval/interp.hpp"
#include "shell/eval/module.hpp"
#include "shell/lib/builtins.hpp"
#include "shell/lib/errors.hpp"
#include "term/error.hpp"

namespace otp::shell::behaviour {

namespace {
Term A(const char* s) { return Term::atom(s); }
}  // namespace

Process& self() {
  Process* p = Process::current();
  if (!p) raise("RuntimeError", "OTP behaviours can only be used from a process");
  return *p;
}

bool exports(Atom mod, Atom fun, unsigned arity) {
  Process* p = Process::current();
  if (!p) return false;
  auto m = modules_of(p->node()).find(mod);
  if (!m) return builtins().find(mod, fun, arity) || find_native(p->node(), mod, fun, arity);
  const Module::Function* f = m->find(fun, arity);
  return f && !f->priv;
}

namespace {


// BEAM would show gen_server.erl's and proc_lib.erl's frames below a
// callback; this runtime has no such frames (its loop is C++), so the
// trace ends at the interpreted callback, keeping at most 8 frames.
void add_frames(ErlangError& e, Frames where) {
  (void)where;
  if (!e.stacktrace.is_list()) return;
  std::vector<Term> frames = list_to_vector(e.stacktrace);
  if (frames.size() <= 8) return;
  frames.resize(8);
  e.stacktrace = Term::list(std::span<const Term>(frames));
}

}  // namespace

Term callback(Atom mod, const char* fun, std::vector<Term> args, Frames frames) {
  Atom f = Atom::intern(fun);
  const bool exists = exports(mod, f, static_cast<unsigned>(args.size()));
  Term arg_list = exists ? Term() : Term::list(std::span<const Term>(args));
  try {
    if (Process* p = Process::current(); p && !modules_of(p->node()).find(mod))
      if (const NativeFn* fn = find_native(p->node(), mod, f, static_cast<unsigned>(args.size())))
        return (*fn)(*p, args);
    return Interp::call_remote(mod, f, std::move(args));
  } catch (ErlangError& e) {
    if (!exists && e.stacktrace.is_nil_list())
      e.stacktrace = Term::list({Term::tuple({Term(mod), Term(f), arg_list, Term::empty_list()})});
    add_frames(e, frames);
    throw;
  }
}

bool timeout_of(const Term& t, Timeout* out) {
  if (t.is_atom(atom::infinity)) {
    *out = Timeout::infinity();
    return true;
  }
  if (t.is_small() && t.small() >= 0) {
    *out = Timeout{t.small()};
    return true;
  }
  return false;
}

StopArgs stop_args(const char* module, std::span<const Term> a) {
  StopArgs out{a.size() > 1 ? a[1] : Term(atom::normal), Timeout::infinity()};
  if (a.size() > 2 && !timeout_of(a[2], &out.timeout))
    raise_function_clause(module, "stop", std::vector<Term>(a.begin(), a.end()));
  return out;
}

const Term* keyword_get(const Term& keyword, const char* key) {
  Term k = A(key);
  for (const Term* c = &keyword; c->is_cons(); c = &c->tail()) {
    const Term& kv = c->head();
    if (kv.is_tuple() && kv.tuple_size() == 2 && kv[0] == k) return &kv[1];
  }
  return nullptr;
}

Term start_name(const Term& opts) {
  const Term* name = keyword_get(opts, "name");
  if (!name || name->is_atom(atom::nil)) return Term::empty_list();
  if (name->is_atom()) return *name;
  if (name->is_tuple() && name->tuple_size() == 2 && (*name)[0].is_atom(Atom::intern("global")))
    raise("RuntimeError", "{:global, term} names are not supported in this shell (use an atom or {:via, Registry, {registry, key}})");
  if (name->is_tuple() && name->tuple_size() == 3 && (*name)[0].is_atom(atom::via) && (*name)[1].is_atom())
    return *name;
  raise_argument_error(
      "expected :name option to be one of the following:\n\n  * nil\n  * atom\n  * {:global, term}\n"
      "  * {:via, module, term}\n\nGot: " + inspect(*name) + "\n");
}

GenServerOptions start_options(const Term& opts, bool link) {
  GenServerOptions o;
  o.name = start_name(opts);
  o.link = link;
  if (const Term* t = keyword_get(opts, "timeout")) timeout_of(*t, &o.timeout);
  return o;
}

// ---- the supervisors' start resolver ----

void install_start_resolver(otp::Node& node) {
  struct Installed {
    explicit Installed(otp::Node&) {}
    bool done = false;
  };
  Installed& flag = node.service<Installed>();
  if (flag.done) return;
  flag.done = true;
  supervisor::set_start_resolver(node, [](otp::Node& n, Atom m, Atom f, std::size_t arity) -> supervisor::StartMfa {
    auto mod = modules_of(n).find(m);
    if (mod) {
      const Module::Function* fn = mod->find(f, static_cast<unsigned>(arity));
      if (!fn || fn->priv) return {};
    } else if (!builtins().find(m, f, static_cast<unsigned>(arity))) {
      const NativeFn* native = find_native(n, m, f, static_cast<unsigned>(arity));
      return native ? supervisor::StartMfa(*native) : supervisor::StartMfa();
    }
    return [m, f](Process&, std::span<const Term> args) {
      return Interp::call_remote(m, f, std::vector<Term>(args.begin(), args.end()));
    };
  });
}

void log(otp::Node& node, const char* level, const std::string& text) {
  if (!node.reports()) return;
  node.log(node.log_prefix(level) + text + "\n");
}

}  // namespace otp::shell::behaviour
