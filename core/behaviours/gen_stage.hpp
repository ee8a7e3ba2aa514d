// GenStage: producer, producer_consumer and consumer stages that exchange
// events with back-pressure, as Elixir's gen_stage package (GenStage 1.x).
//
// A stage is a GenServer process (GenStage's server module; :sys works on it
// and :sys.get_state answers the %GenStage{} struct, whose :state field is
// the user state, as in Elixir) running a *stage module*: a const C++
// object with GenStage's callbacks, taking and returning terms in Elixir's
// shapes, so a module written in the shell (`use GenStage`) can stand in:
//
//   init(args)  {:producer | :producer_consumer | :consumer, state[, opts]}
//               | :ignore | {:stop, reason}
//      producer opts: demand: :forward | :accumulate, buffer_size: n |
//        :infinity (10_000; :infinity for producer_consumer), buffer_keep:
//        :first | :last (:last), dispatcher: Module | {Module, opts}
//        (GenStage.DemandDispatcher); consumer opts: subscribe_to: [to |
//        {to, subscription_opts}]
//   handle_demand(n, state)          {:noreply, events, state[, :hibernate]}
//   handle_events(events, from, s)   | {:stop, reason, state}
//   handle_cancel({:cancel | :down, reason}, from, s)
//   handle_info(msg, s), handle_cast(req, s)
//   handle_call(req, from, s)        also {:reply, r, events, s[, :hibernate]},
//                                    {:stop, reason, r, s}
//   handle_subscribe(:producer | :consumer, opts, from, s)
//                                    {:automatic | :manual, s} | {:stop, r, s}
//   terminate(reason, s), code_change(old_vsn, s, extra) {:ok, s}
//
// Subscription options (keyword lists, as Elixir's): to: stage,
// max_demand: 1000, min_demand: max*3/4, cancel: :permanent | :transient |
// :temporary, plus dispatcher options (partition: p, selector: fun).
// A consumer asks max_demand at once and asks again each time what it has
// left to receive drops to min_demand; events arrive in batches of at most
// max_demand - min_demand. A producer emits no more than was asked; what it
// emits beyond that waits in its buffer.
//
// The protocol between stages is GenStage's own, so any process may speak it:
//   {:"$gen_producer", {consumer, ref}, {:subscribe, current, opts}}
//   {:"$gen_producer", {consumer, ref}, {:ask, n}}
//   {:"$gen_producer", {consumer, ref}, {:cancel, reason}}
//   {:"$gen_consumer", {producer, ref}, events}
//   {:"$gen_consumer", {producer, ref}, {:cancel, reason}}
// and both sides monitor each other.
//
// Who calls what: start_link, start(Process&), sync_subscribe, ask, cancel
// and call, a process of the node (`caller` / `self`); start(Node&) and the
// async_* functions, the host too. Stage and dispatcher callbacks run in the
// stage process.
#pragma once
#include <memory>

#include "behaviours/child_spec.hpp"
#include "behaviours/gen_server.hpp"
#include "behaviours/gen_stage_dispatcher.hpp"

namespace otp {

// Callbacks are const, as GenServer's: the state lives in the stage process.
// Defaults are those of `use GenStage`.
class GenStage {
 public:
  virtual ~GenStage() = default;

  // The module's name as Elixir prints it, e.g. :"Elixir.Numbers".
  virtual Term module_name() const = 0;
  virtual Term init(const Term& args) const = 0;
  // Required of producers / of consumers and producer_consumers: the
  // defaults raise UndefinedFunctionError as a missing function would.
  virtual Term handle_demand(const Term& demand, const Term& state) const;
  virtual Term handle_events(const Term& events, const Term& from, const Term& state) const;
  // {:automatic, state}
  virtual Term handle_subscribe(const Term& kind, const Term& opts, const Term& from, const Term& state) const;
  // {:noreply, [], state}
  virtual Term handle_cancel(const Term& reason, const Term& from, const Term& state) const;
  // Raise "attempted to call/cast GenStage ... but no handle_call/3 clause was provided".
  virtual Term handle_call(const Term& request, const Term& from, const Term& state) const;
  virtual Term handle_cast(const Term& request, const Term& state) const;
  // Logs "... received unexpected message in handle_info/2" and goes on.
  virtual Term handle_info(const Term& msg, const Term& state) const;
  virtual void terminate(const Term& reason, const Term& state) const;
  virtual Term code_change(const Term& old_vsn, const Term& state, const Term& extra) const;
};

// name, timeout (for init), link: as GenServer's.
using GenStageOptions = GenServerOptions;

namespace gen_stage {

// GenStage.start_link/3 and start/3: {:ok, pid} | :ignore | {:error, reason}.
Term start_link(Process& caller, std::shared_ptr<const GenStage> module, Term args, GenStageOptions options = {});
Term start(Process& caller, std::shared_ptr<const GenStage> module, Term args, GenStageOptions options = {});
Term start(Node& node, std::shared_ptr<const GenStage> module, Term args, GenStageOptions options = {});
// Options from Elixir's keyword list: [name: name, timeout: ms].
GenStageOptions options(const Term& keyword);

// GenStage.sync_subscribe/3: the consumer subscribes and answers once it
// has sent the subscription: {:ok, subscription_tag} | {:error,
// :not_a_consumer} | {:error, {:bad_opts, message}}. `opts` must hold :to
// (ArgumentError otherwise).
Term sync_subscribe(Process& self, const Term& stage, const Term& opts, Timeout timeout = Timeout{5000});
// Cancels subscription `tag` with `reason`, then subscribes (one step).
Term sync_resubscribe(Process& self, const Term& stage, const Term& tag, const Term& reason, const Term& opts,
                      Timeout timeout = Timeout{5000});
// GenStage.async_subscribe/2 and async_resubscribe/4: :ok.
Term async_subscribe(Node& node, const Term& stage, const Term& opts);
Term async_resubscribe(Node& node, const Term& stage, const Term& tag, const Term& reason, const Term& opts);

// GenStage.ask/3: asks the producer of subscription `from` ({pid, ref}) for
// `demand` events (for :manual subscriptions); 0 sends nothing. :ok.
Term ask(Process& self, const Term& from, int64_t demand);
// GenStage.cancel/3: cancels subscription `from` with `reason`. :ok.
Term cancel(Process& self, const Term& from, const Term& reason);

// GenStage.call/3, cast/2, reply/2, stop/3.
Term call(Process& self, const Term& stage, Term request, Timeout timeout = Timeout{5000});
Term cast(Node& node, const Term& stage, Term request);
Term reply(Node& node, const Term& from, Term reply);
Term stop(Process& self, const Term& stage, Term reason = Term(atom::normal), Timeout timeout = Timeout::infinity());

// GenStage.sync_info/3, async_info/2: an info message delivered to the
// stage's handle_info/2 after the events buffered before it. :ok.
Term sync_info(Process& self, const Term& stage, Term msg, Timeout timeout = Timeout{5000});
Term async_info(Node& node, const Term& stage, Term msg);
// GenStage.demand/2 (:forward | :accumulate; async, :ok) and demand/1.
Term demand(Node& node, const Term& stage, const Term& mode);
Term demand(Process& self, const Term& stage, Timeout timeout = Timeout{5000});
// GenStage.estimate_buffered_count/2.
Term estimate_buffered_count(Process& self, const Term& stage, Timeout timeout = Timeout{5000});

// A child spec whose start is start_link(module, args, options):
// %{id: id, start: fun, modules: [module_name]} (as `use GenStage`'s
// child_spec, with the supervisor's defaults for the rest).
Term child_spec(Term id, std::shared_ptr<const GenStage> module, Term args, GenStageOptions options = {},
                supervisor::ChildOptions child = {});

// Stages `module` for a live stage: it takes effect at :sys.change_code.
void stage_module(Node& node, Pid stage, std::shared_ptr<const GenStage> module);

// Callback returns.
Term noreply(Term events, Term state);
Term reply(Term reply, Term events, Term state);
Term stop_noreply(Term reason, Term state);
Term producer(Term state, Term opts = Term::empty_list());
Term producer_consumer(Term state, Term opts = Term::empty_list());
Term consumer(Term state, Term opts = Term::empty_list());
Term automatic(Term state);
Term manual(Term state);

}  // namespace gen_stage
}  // namespace otp
