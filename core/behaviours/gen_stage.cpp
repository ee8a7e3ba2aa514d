// GenStage's API: starting stages, subscriptions, demand, calls, and the
// default callbacks of `use GenStage`. The stage itself is StageServer
// (gen_stage_server.cpp), a GenServer module.
#include "behaviours/gen_stage.hpp"

#include "behaviours/gen_stage_server.hpp"
#include "term/error.hpp"

namespace otp {

using namespace gen_stage_detail;

namespace {

std::string proc_name() {
  Process* p = Process::current();
  return p ? inspect(self_name(*p)) : std::string("?");
}

[[noreturn]] void undefined(const GenStage& m, const char* function, int arity) {
  std::string name(m.module_name().atom().name());
  if (name.rfind("Elixir.", 0) == 0) name.erase(0, 7);
  throw ErlangError(Term::map({{Term(atom::__struct__), Term::atom("Elixir.UndefinedFunctionError")},
                               {Term(atom::__exception__), Term(atom::true_)},
                               {Term(atom::message), Term::binary("function " + name + "." + function + "/" +
                                                                  std::to_string(arity) +
                                                                  " is undefined or private")}}));
}

}  // namespace

// ---- default callbacks ----

Term GenStage::handle_demand(const Term&, const Term&) const { undefined(*this, "handle_demand", 2); }
Term GenStage::handle_events(const Term&, const Term&, const Term&) const { undefined(*this, "handle_events", 3); }

Term GenStage::handle_subscribe(const Term&, const Term&, const Term&, const Term& state) const {
  return gen_stage::automatic(state);
}

Term GenStage::handle_cancel(const Term&, const Term&, const Term& state) const {
  return gen_stage::noreply(Term::empty_list(), state);
}

Term GenStage::handle_call(const Term&, const Term&, const Term&) const {
  raise_runtime_error("attempted to call GenStage " + proc_name() + " but no handle_call/3 clause was provided");
}

Term GenStage::handle_cast(const Term&, const Term&) const {
  raise_runtime_error("attempted to cast GenStage " + proc_name() + " but no handle_cast/2 clause was provided");
}

Term GenStage::handle_info(const Term& msg, const Term& state) const {
  if (Process* p = Process::current())
    log(p->node(), "error",
        erl(module_name()) + " " + erl(self_name(*p)) + " received unexpected message in handle_info/2: " + erl(msg));
  return gen_stage::noreply(Term::empty_list(), state);
}

void GenStage::terminate(const Term&, const Term&) const {}

Term GenStage::code_change(const Term&, const Term& state, const Term&) const {
  return tuple2(Term(atom::ok), state);
}

namespace gen_stage {

// ---- starting ----

Term start_link(Process& caller, std::shared_ptr<const GenStage> module, Term args, GenStageOptions options) {
  atoms();  // registers the %GenStage{} struct
  options.link = true;
  return gen_server::start(caller, std::make_shared<StageServer>(std::move(module)), std::move(args), options);
}

Term start(Process& caller, std::shared_ptr<const GenStage> module, Term args, GenStageOptions options) {
  atoms();
  options.link = false;
  return gen_server::start(caller, std::make_shared<StageServer>(std::move(module)), std::move(args), options);
}

Term start(Node& node, std::shared_ptr<const GenStage> module, Term args, GenStageOptions options) {
  atoms();
  return gen_server::start(node, std::make_shared<StageServer>(std::move(module)), std::move(args), options);
}

GenStageOptions options(const Term& keyword) {
  GenStageOptions o;
  if (const Term* name = keyword_find(keyword, Atom::intern("name"))) o.name = *name;
  if (const Term* t = keyword_find(keyword, Atom::intern("timeout")))
    o.timeout = t->is_integer() ? Timeout{t->small()} : Timeout::infinity();
  return o;
}

// ---- subscriptions and demand ----

namespace {
Term subscribe_request(const Term& current, const Term& opts, const char* which) {
  Term rest;
  Term to = keyword_pop(opts, atoms().to, Term(atoms().none), &rest);
  if (!keyword_find(opts, atoms().to))
    raise_argument_error(std::string("expected :to argument in ") + which + "_(re)subscribe");
  return Term::tuple({Term(atoms().subscribe_tag), current, to, rest});
}
}  // namespace

Term sync_subscribe(Process& self, const Term& stage, const Term& opts, Timeout timeout) {
  return call(self, stage, subscribe_request(Term(), opts, "sync"), timeout);
}

Term sync_resubscribe(Process& self, const Term& stage, const Term& tag, const Term& reason, const Term& opts,
                      Timeout timeout) {
  return call(self, stage, subscribe_request(tuple2(tag, reason), opts, "sync"), timeout);
}

Term async_subscribe(Node& node, const Term& stage, const Term& opts) {
  return cast(node, stage, subscribe_request(Term(), opts, "async"));
}

Term async_resubscribe(Node& node, const Term& stage, const Term& tag, const Term& reason, const Term& opts) {
  return cast(node, stage, subscribe_request(tuple2(tag, reason), opts, "async"));
}

Term ask(Process& self, const Term& from, int64_t demand) {
  if (demand > 0 && from[0].is_pid())
    self.send(from[0].pid(), tuple3(Term(atoms().gen_producer), tuple2(Term(self.self()), from[1]),
                                    tuple2(Term(atoms().ask), Term::integer(demand))));
  return Term(atom::ok);
}

Term cancel(Process& self, const Term& from, const Term& reason) {
  if (from[0].is_pid())
    self.send(from[0].pid(), tuple3(Term(atoms().gen_producer), tuple2(Term(self.self()), from[1]),
                                    tuple2(Term(atoms().cancel), reason)));
  return Term(atom::ok);
}

// ---- GenServer-like API ----

Term call(Process& self, const Term& stage, Term request, Timeout timeout) {
  return gen::call(self, stage, std::move(request), timeout);
}

Term cast(Node& node, const Term& stage, Term request) {
  gen::cast(node, stage, std::move(request));
  return Term(atom::ok);
}

Term reply(Node& node, const Term& from, Term r) {
  gen::reply(node, from, std::move(r));
  return Term(atom::ok);
}

Term stop(Process& self, const Term& stage, Term reason, Timeout timeout) {
  return gen_server::stop(self, stage, std::move(reason), timeout);
}

Term sync_info(Process& self, const Term& stage, Term msg, Timeout timeout) {
  return call(self, stage, tuple2(Term(atoms().info_tag), std::move(msg)), timeout);
}

Term async_info(Node& node, const Term& stage, Term msg) {
  return cast(node, stage, tuple2(Term(atoms().info_tag), std::move(msg)));
}

Term demand(Node& node, const Term& stage, const Term& mode) {
  if (!mode.is_atom(atoms().forward) && !mode.is_atom(atoms().accumulate))
    throw ErlangError(Term(atom::function_clause));
  return cast(node, stage, tuple2(Term(atoms().demand_tag), mode));
}

Term demand(Process& self, const Term& stage, Timeout timeout) {
  return call(self, stage, Term(atoms().demand_tag), timeout);
}

Term estimate_buffered_count(Process& self, const Term& stage, Timeout timeout) {
  return call(self, stage, Term(atoms().estimate_tag), timeout);
}

Term child_spec(Term id, std::shared_ptr<const GenStage> module, Term args, GenStageOptions options,
                supervisor::ChildOptions child) {
  if (child.module == Atom{0}) child.module = module->module_name().atom();
  return supervisor::child_spec(
      std::move(id),
      [module, args, options](Process& self) { return start_link(self, module, args, options); }, child);
}

void stage_module(Node& node, Pid stage, std::shared_ptr<const GenStage> module) {
  gen_server::stage_module(node, stage, std::make_shared<StageServer>(std::move(module)));
}

// ---- callback returns ----

Term noreply(Term events, Term state) { return tuple3(Term(atom::noreply), std::move(events), std::move(state)); }
Term reply(Term r, Term events, Term state) {
  return Term::tuple({Term(atom::reply), std::move(r), std::move(events), std::move(state)});
}
Term stop_noreply(Term reason, Term state) { return tuple3(Term(atom::stop), std::move(reason), std::move(state)); }
Term producer(Term state, Term opts) { return tuple3(Term(atoms().producer), std::move(state), std::move(opts)); }
Term producer_consumer(Term state, Term opts) {
  return tuple3(Term(atoms().producer_consumer), std::move(state), std::move(opts));
}
Term consumer(Term state, Term opts) { return tuple3(Term(atoms().consumer), std::move(state), std::move(opts)); }
Term automatic(Term state) { return tuple2(Term(atoms().automatic), std::move(state)); }
Term manual(Term state) { return tuple2(Term(atoms().manual), std::move(state)); }

}  // namespace gen_stage
}  // namespace otp
