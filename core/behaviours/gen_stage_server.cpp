// GenStage's GenServer module: init/1 (stage types and their options) and
// the routing of calls, casts and messages to the engine, which handles the
// stage protocol (producer side in gen_stage_producer.cpp, consumer side in
// gen_stage_consumer.cpp) and calls the user's stage module.
#include "behaviours/gen_stage_server.hpp"

#include "behaviours/gen_stage_buffer.hpp"
#include "term/error.hpp"

namespace otp::gen_stage_detail {

namespace {

Term bad_opts(const std::string& message) {
  return tuple2(Term(atom::stop), tuple2(Term(atoms().bad_opts), Term::binary(message)));
}

Term ok_stage(const Stage& st) { return tuple2(Term(atom::ok), st.pack()); }

// init_dispatcher/1: dispatcher: Module | {Module, opts}.
std::optional<std::string> init_dispatcher(Stage& st, const Term& opts, Term* rest) {
  const Atoms& A = atoms();
  Term d = keyword_pop(opts, A.dispatcher, Term(A.demand_dispatcher), rest);
  Term module, dopts = Term::empty_list();
  if (d.is_atom()) {
    module = d;
  } else if (d.is_tuple() && d.tuple_size() == 2 && d[0].is_atom() && d[1].is_list()) {
    module = d[0];
    dopts = d[1];
  } else {
    return "expected :dispatcher to be an atom or a {atom, list}, got: " + inspect(d);
  }
  const GenStageDispatcher* disp = gen_stage::find_dispatcher(module.atom());
  if (!disp) return "expected :dispatcher to be a dispatcher module, got: " + inspect(module);
  Term r = disp->init(dopts);
  st.dispatcher_mod = module;
  st.dispatcher_state = r[1];
  return std::nullopt;
}

Stage blank(const Term& mod, const Term& state, Atom type) {
  Stage st;
  st.mod = mod;
  st.state = state;
  st.type = Term(type);
  st.events = Term(atoms().forward);
  st.monitors = st.producers = st.consumers = Term::map({});
  return st;
}

}  // namespace

// ---- StageServer: the GenServer callbacks ----

Term StageServer::module_name() const { return Term(atoms().gen_stage); }

Term StageServer::init(const Term& args) const {
  const Atoms& A = atoms();
  Term r = mod_->init(args);
  if (r.is_atom(atom::ignore) || tagged(r, atom::stop, 2)) return r;
  auto bad = [&] { return tuple2(Term(atom::stop), tuple2(Term(atom::bad_return_value), r)); };
  if (!r.is_tuple() || (r.tuple_size() != 2 && r.tuple_size() != 3) || !r[0].is_atom()) return bad();
  Term opts = r.tuple_size() == 3 ? r[2] : Term::empty_list();
  if (!opts.is_list()) return bad();
  Process& self = *Process::current();
  const Term mod = mod_->module_name();
  Term rest;
  if (r[0].is_atom(A.producer)) {
    Stage st = blank(mod, r[1], A.producer);
    st.kind = Type::Producer;
    if (auto e = init_dispatcher(st, opts, &opts)) return bad_opts(*e);
    Validated size = validate_integer(opts, A.buffer_size, Term::integer(10000), 0, std::nullopt, true, &opts);
    if (size.error) return bad_opts(*size.error);
    Validated keep = validate_in(opts, A.buffer_keep, Term(A.last), {A.first, A.last}, &opts);
    if (keep.error) return bad_opts(*keep.error);
    Validated demand = validate_in(opts, A.demand, Term(A.forward), {A.accumulate, A.forward}, &opts);
    if (demand.error) return bad_opts(*demand.error);
    if (!opts.is_nil_list()) return bad_opts("unknown options " + inspect(opts));
    st.buffer = buffer::make(size.value);
    st.buffer_keep = keep.value;
    st.events = demand.value.is_atom(A.accumulate) ? Term::empty_list() : Term(A.forward);
    return ok_stage(st);
  }
  const bool pc = r[0].is_atom(A.producer_consumer);
  if (!pc && !r[0].is_atom(A.consumer)) return bad();
  Stage st = blank(mod, r[1], pc ? A.producer_consumer : A.consumer);
  st.kind = pc ? Type::ProducerConsumer : Type::Consumer;
  if (pc)
    if (auto e = init_dispatcher(st, opts, &opts)) return bad_opts(*e);
  Term subscribe_to = keyword_pop(opts, A.subscribe_to, Term::empty_list(), &opts);
  if (!subscribe_to.is_list())
    return bad_opts("expected :subscribe_to to be a list, got: " + inspect(subscribe_to));
  if (pc) {
    Validated size = validate_integer(opts, A.buffer_size, Term(A.infinity), 0, std::nullopt, true, &opts);
    if (size.error) return bad_opts(*size.error);
    Validated keep = validate_in(opts, A.buffer_keep, Term(A.last), {A.first, A.last}, &opts);
    if (keep.error) return bad_opts(*keep.error);
    st.buffer = buffer::make(size.value);
    st.buffer_keep = keep.value;
    st.events = tuple2(queue_new(), Term::integer(0));
  }
  if (!opts.is_nil_list()) return bad_opts("unknown options " + inspect(opts));
  Engine engine(self, *mod_, st);
  if (auto reason = engine.consumer_init_subscribe(subscribe_to)) return tuple2(Term(atom::stop), *reason);
  return ok_stage(st);
}

namespace {
Term noreply_of(const Flow& f, const Stage& st) {
  if (f.kind == Flow::Stop) return tuple3(Term(atom::stop), f.reason, st.pack());
  if (f.kind == Flow::Hibernate) return tuple3(Term(atom::noreply), st.pack(), Term(atoms().hibernate));
  return tuple2(Term(atom::noreply), st.pack());
}
}  // namespace

Term StageServer::handle_call(const Term& req, const Term& from, const Term& s) const {
  const Atoms& A = atoms();
  Stage st = Stage::unpack(s);
  Engine engine(*Process::current(), *mod_, st);
  if (tagged(req, A.info_tag, 2)) {
    engine.producer_info(req[1]);
    return tuple3(Term(atom::reply), Term(atom::ok), st.pack());
  }
  if (tagged(req, A.subscribe_tag, 4)) {
    Subscribed r = engine.consumer_subscribe(req[1], req[2], req[3]);
    if (r.flow.stopped())
      return r.reply ? Term::tuple({Term(atom::stop), r.flow.reason, *r.reply, st.pack()})
                     : tuple3(Term(atom::stop), r.flow.reason, st.pack());
    return tuple3(Term(atom::reply), *r.reply, st.pack());
  }
  if (req.is_atom(A.estimate_tag))
    return tuple3(Term(atom::reply), engine.estimate_buffered_count(), st.pack());
  if (req.is_atom(A.demand_tag)) {
    Term mode = st.events.is_list() ? Term(A.accumulate) : Term(A.forward);
    return tuple3(Term(atom::reply), mode, st.pack());
  }
  Term r = mod_->handle_call(req, from, st.state);
  if ((tagged(r, atom::reply, 4) || tagged(r, atom::reply, 5)) && r[2].is_list() &&
      (r.tuple_size() == 4 || r[4].is_atom(A.hibernate))) {
    engine.dispatch_events(r[2], list_length(r[2]));
    st.state = r[3];
    if (r.tuple_size() == 5) return Term::tuple({Term(atom::reply), r[1], st.pack(), Term(A.hibernate)});
    return tuple3(Term(atom::reply), r[1], st.pack());
  }
  if (tagged(r, atom::stop, 4)) {
    st.state = r[3];
    return Term::tuple({Term(atom::stop), r[1], r[2], st.pack()});
  }
  return noreply_of(engine.noreply_result(r), st);
}

Term StageServer::handle_cast(const Term& req, const Term& s) const {
  const Atoms& A = atoms();
  Stage st = Stage::unpack(s);
  Engine engine(*Process::current(), *mod_, st);
  if (tagged(req, A.info_tag, 2)) {
    engine.producer_info(req[1]);
    return tuple2(Term(atom::noreply), st.pack());
  }
  if (tagged(req, A.demand_tag, 2)) return noreply_of(engine.producer_demand(req[1]), st);
  if (tagged(req, A.subscribe_tag, 4)) return noreply_of(engine.consumer_subscribe(req[1], req[2], req[3]).flow, st);
  return noreply_of(engine.noreply_result(mod_->handle_cast(req, st.state)), st);
}

Term StageServer::handle_info(const Term& msg, const Term& s) const {
  const Atoms& A = atoms();
  Stage st = Stage::unpack(s);
  Engine engine(*Process::current(), *mod_, st);
  if (msg.is_tuple() && msg.tuple_size() == 3) {
    const Term& tag = msg[0];
    if (tag.is_atom(A.gen_consumer) || tag.is_atom(A.gen_producer)) {
      const Term& from = msg[1];
      if (from.is_tuple() && from.tuple_size() == 2)
        return noreply_of(tag.is_atom(A.gen_consumer) ? engine.on_gen_consumer(msg) : engine.on_gen_producer(msg), st);
    }
  } else if (tagged(msg, atom::DOWN, 5)) {
    const Term& ref = msg[1];
    if (st.producers.map_get(ref)) return noreply_of(engine.consumer_cancel(ref, A.down, msg[4]), st);
    if (const Term* consumer_ref = st.monitors.map_get(ref))
      return noreply_of(engine.producer_cancel(*consumer_ref, A.down, msg[4]), st);
  }
  return noreply_of(engine.noreply_result(mod_->handle_info(msg, st.state)), st);
}

void StageServer::terminate(const Term& reason, const Term& s) const {
  const Term* state = s.is_map() ? s.map_get(Term(atoms().state)) : nullptr;
  mod_->terminate(reason, state ? *state : s);
}

Term StageServer::format_status(const Term& s) const {
  const Term* state = s.is_map() ? s.map_get(Term(atoms().state)) : nullptr;
  return state ? *state : s;
}

Term StageServer::code_change(const Term& old_vsn, const Term& s, const Term& extra) const {
  const Atoms& A = atoms();
  Term r = mod_->code_change(old_vsn, *s.map_get(Term(A.state)), extra);
  if (tagged(r, atom::ok, 2)) return tuple2(Term(atom::ok), s.map_put(Term(A.state), r[1]));
  return r;
}

// ---- shared helpers ----

Flow Engine::noreply_result(const Term& r) {
  const Atoms& A = atoms();
  if ((tagged(r, atom::noreply, 3) || tagged(r, atom::noreply, 4)) && r[1].is_list() &&
      (r.tuple_size() == 3 || r[3].is_atom(A.hibernate))) {
    dispatch_events(r[1], list_length(r[1]));
    st_.state = r[2];
    return Flow{r.tuple_size() == 4 ? Flow::Hibernate : Flow::NoReply, Term()};
  }
  if (tagged(r, atom::stop, 3)) {
    st_.state = r[2];
    return Flow::stop(r[1]);
  }
  return Flow::stop(tuple2(Term(atom::bad_return_value), r));
}

void Engine::send(const Term& pid, Term msg) {
  if (pid.is_pid()) self_.send(pid.pid(), std::move(msg));
}

}  // namespace otp::gen_stage_detail
