// GenStage for the shell: the adapter that runs an interpreted module's
// GenStage callbacks on the C++ GenStage (core/behaviours/gen_stage.hpp),
// and the built-in GenStage module (start, subscriptions, demand, calls),
// as the gen_stage package's API.
//
// As GenStage itself, `use GenStage` defines only child_spec/1: callbacks
// the module lacks take GenStage's defaults (the C++ base class), looked up
// on the module's current version at every call (hot code upgrade).
#include "behaviours/gen_stage.hpp"
#include "shell/eval/behaviour.hpp"
#include "shell/lib/builtins.hpp"
#include "shell/lib/errors.hpp"

namespace otp::shell::lib {

namespace {

using namespace behaviour;
using Args = std::span<const Term>;

class InterpretedGenStage final : public GenStage {
 public:
  explicit InterpretedGenStage(Atom module) : m_(module) {}
  Term module_name() const override { return Term(m_); }
  Term init(const Term& args) const override { return callback(m_, "init", {args}, Frames::Init); }
  Term handle_demand(const Term& demand, const Term& state) const override {
    return callback(m_, "handle_demand", {demand, state}, Frames::Dispatch);
  }
  Term handle_events(const Term& events, const Term& from, const Term& state) const override {
    return callback(m_, "handle_events", {events, from, state}, Frames::Dispatch);
  }
  Term handle_subscribe(const Term& kind, const Term& opts, const Term& from, const Term& state) const override {
    if (!has("handle_subscribe", 4)) return GenStage::handle_subscribe(kind, opts, from, state);
    return callback(m_, "handle_subscribe", {kind, opts, from, state}, Frames::Dispatch);
  }
  Term handle_cancel(const Term& reason, const Term& from, const Term& state) const override {
    if (!has("handle_cancel", 3)) return GenStage::handle_cancel(reason, from, state);
    return callback(m_, "handle_cancel", {reason, from, state}, Frames::Dispatch);
  }
  Term handle_call(const Term& req, const Term& from, const Term& state) const override {
    if (!has("handle_call", 3)) return GenStage::handle_call(req, from, state);
    return callback(m_, "handle_call", {req, from, state}, Frames::Call);
  }
  Term handle_cast(const Term& req, const Term& state) const override {
    if (!has("handle_cast", 2)) return GenStage::handle_cast(req, state);
    return callback(m_, "handle_cast", {req, state}, Frames::Dispatch);
  }
  Term handle_info(const Term& msg, const Term& state) const override {
    if (!has("handle_info", 2)) return GenStage::handle_info(msg, state);
    return callback(m_, "handle_info", {msg, state}, Frames::Dispatch);
  }
  void terminate(const Term& reason, const Term& state) const override {
    if (has("terminate", 2)) callback(m_, "terminate", {reason, state});
  }
  Term code_change(const Term& old_vsn, const Term& state, const Term& extra) const override {
    if (!has("code_change", 3)) return GenStage::code_change(old_vsn, state, extra);
    return callback(m_, "code_change", {old_vsn, state, extra});
  }

 private:
  bool has(const char* fun, unsigned arity) const { return exports(m_, Atom::intern(fun), arity); }
  Atom m_;
};

[[noreturn]] void no_clause(const char* fun, Args a) {
  raise_function_clause("GenStage", fun, std::vector<Term>(a.begin(), a.end()));
}

Timeout timeout_arg(Args a, std::size_t i, const char* fun) {
  Timeout t{5000};
  if (a.size() > i && !timeout_of(a[i], &t)) no_clause(fun, a);
  return t;
}

Term start(Args a, bool link) {
  Term opts = a.size() > 2 ? a[2] : Term::empty_list();
  if (!a[0].is_atom() || !opts.is_list()) no_clause(link ? "start_link" : "start", a);
  GenStageOptions o = start_options(opts, link);
  auto mod = std::make_shared<InterpretedGenStage>(a[0].atom());
  return link ? gen_stage::start_link(self(), mod, a[1], o) : gen_stage::start(self(), mod, a[1], o);
}

Term sync_subscribe(Args a) {
  if (!a[1].is_list()) no_clause("sync_subscribe", a);
  return gen_stage::sync_subscribe(self(), a[0], a[1], timeout_arg(a, 2, "sync_subscribe"));
}

Term sync_resubscribe(Args a) {
  if (!a[3].is_list()) no_clause("sync_resubscribe", a);
  return gen_stage::sync_resubscribe(self(), a[0], a[1], a[2], a[3], timeout_arg(a, 4, "sync_resubscribe"));
}

// GenStage.ask({pid, ref}, demand, opts \\ []): demand a non-negative integer.
Term ask(Args a) {
  const Term& from = a[0];
  if (!from.is_tuple() || from.tuple_size() != 2 || !a[1].is_small() || a[1].small() < 0) no_clause("ask", a);
  return gen_stage::ask(self(), from, a[1].small());
}

Term cancel(Args a) {
  if (!a[0].is_tuple() || a[0].tuple_size() != 2) no_clause("cancel", a);
  return gen_stage::cancel(self(), a[0], a[1]);
}

Term demand(Args a) {
  if (a.size() == 1) return gen_stage::demand(self(), a[0]);
  if (!a[1].is_atom(Atom::intern("forward")) && !a[1].is_atom(Atom::intern("accumulate"))) no_clause("demand", a);
  return gen_stage::demand(self().node(), a[0], a[1]);
}

Term stop(Args a) {
  StopArgs s = stop_args("GenStage", a);
  return gen_stage::stop(self(), a[0], std::move(s.reason), s.timeout);
}

}  // namespace

void add_behaviour_gen_stage(Library& lib) {
  const char* G = "GenStage";
  lib.add(G, "start_link", 2, [](Args a) { return start(a, true); }, "Starts a stage of `module`, linked: {:ok, pid}.");
  lib.add(G, "start_link", 3, [](Args a) { return start(a, true); }, "Starts a linked stage with options (name:).");
  lib.add(G, "start", 2, [](Args a) { return start(a, false); }, "Starts a stage without a link.");
  lib.add(G, "start", 3, [](Args a) { return start(a, false); }, "Starts a stage without a link, with options.");
  lib.add(G, "sync_subscribe", 2, sync_subscribe, "Subscribes a consumer to `to:` and waits: {:ok, tag}.");
  lib.add(G, "sync_subscribe", 3, sync_subscribe, "sync_subscribe/2 with a timeout.");
  lib.add(G, "async_subscribe", 2, [](Args a) { return gen_stage::async_subscribe(self().node(), a[0], a[1]); },
          "Subscribes a consumer to `to:` asynchronously: :ok.");
  lib.add(G, "sync_resubscribe", 4, sync_resubscribe, "Cancels subscription `tag` and subscribes again.");
  lib.add(G, "sync_resubscribe", 5, sync_resubscribe, "sync_resubscribe/4 with a timeout.");
  lib.add(G, "async_resubscribe", 4,
          [](Args a) { return gen_stage::async_resubscribe(self().node(), a[0], a[1], a[2], a[3]); },
          "Cancels subscription `tag` and subscribes again, asynchronously: :ok.");
  lib.add(G, "ask", 2, ask, "Asks the producer of subscription `from` for events (manual demand): :ok.");
  lib.add(G, "ask", 3, ask, "ask/2 with options.");
  lib.add(G, "cancel", 2, cancel, "Cancels subscription `from` with a reason: :ok.");
  lib.add(G, "cancel", 3, cancel, "cancel/2 with options.");
  lib.add(G, "call", 2, [](Args a) { return gen_stage::call(self(), a[0], a[1]); }, "A call to the stage's handle_call/3.");
  lib.add(G, "call", 3, [](Args a) { return gen_stage::call(self(), a[0], a[1], timeout_arg(a, 2, "call")); },
          "A call with a timeout.");
  lib.add(G, "cast", 2, [](Args a) { return gen_stage::cast(self().node(), a[0], a[1]); }, "A cast: :ok.");
  lib.add(G, "reply", 2, [](Args a) { return gen_stage::reply(self().node(), a[0], a[1]); }, "Replies to `from`: :ok.");
  lib.add(G, "stop", 1, stop, "Stops the stage: :ok.");
  lib.add(G, "stop", 2, stop, "Stops the stage with a reason: :ok.");
  lib.add(G, "stop", 3, stop, "Stops the stage with a reason and a timeout: :ok.");
  lib.add(G, "sync_info", 2, [](Args a) { return gen_stage::sync_info(self(), a[0], a[1]); },
          "Queues an info message after the buffered events and waits: :ok.");
  lib.add(G, "sync_info", 3, [](Args a) { return gen_stage::sync_info(self(), a[0], a[1], timeout_arg(a, 2, "sync_info")); },
          "sync_info/2 with a timeout.");
  lib.add(G, "async_info", 2, [](Args a) { return gen_stage::async_info(self().node(), a[0], a[1]); },
          "Queues an info message after the buffered events: :ok.");
  lib.add(G, "demand", 1, demand, "The producer's demand mode: :forward | :accumulate.");
  lib.add(G, "demand", 2, demand, "Sets the producer's demand mode (:forward releases accumulated demand): :ok.");
  lib.add(G, "estimate_buffered_count", 1, [](Args a) { return gen_stage::estimate_buffered_count(self(), a[0]); },
          "How many events the stage holds in its buffer.");
  lib.add(G, "estimate_buffered_count", 2,
          [](Args a) { return gen_stage::estimate_buffered_count(self(), a[0], timeout_arg(a, 1, "estimate_buffered_count")); },
          "estimate_buffered_count/1 with a timeout.");
}

}  // namespace otp::shell::lib
