// Internal to GenStage: the GenServer module every stage runs (StageServer)
// and the engine that interprets the stage protocol for one message.
//
// The server's state term is the %GenStage{} struct, exactly Elixir's:
//   %GenStage{mod, state, type, dispatcher_mod, dispatcher_state, buffer,
//             buffer_keep, events, monitors, producers, consumers}
//   events     producer: :forward, or the accumulated demands (a list) under
//              demand: :accumulate; producer_consumer: {queue, demand}, the
//              batches received but not yet handled ({events, ref}, plus
//              {:info, msg} and {:cancel, ...} kept in order) and the
//              downstream demand not yet met
//   monitors   %{consumer_monitor_ref => subscription_ref}
//   producers  %{ref => {producer_pid, cancel_mode, {demand, min, max} | :manual}}
//   consumers  %{ref => {consumer_pid, monitor_ref}}
// Each message unpacks it into a Stage (terms in C++ fields), the engine
// works on that, and the result is packed again.
#pragma once
#include <memory>
#include <optional>

#include "behaviours/gen_stage.hpp"
#include "behaviours/gen_stage_util.hpp"

namespace otp::gen_stage_detail {

enum class Type : uint8_t { Producer, ProducerConsumer, Consumer };

struct Stage {
  Term mod, state, type, dispatcher_mod, dispatcher_state, buffer, buffer_keep, events, monitors, producers,
      consumers;
  Type kind = Type::Consumer;
  Term packed;  // the struct this was unpacked from (nil for a new stage)

  static Stage unpack(const Term& s);
  // The struct again: `packed` itself when no field changed, else `packed`
  // with the changed fields put (no sort of the keys on the hot path).
  Term pack() const;

 private:
  Term* field(Atom key);
  const Term* field(Atom key) const { return const_cast<Stage*>(this)->field(key); }
};

// How a step ended: {:noreply, stage} | {:noreply, stage, :hibernate} |
// {:stop, reason, stage} (the stage itself is the engine's, updated in place).
struct Flow {
  enum Kind : uint8_t { NoReply, Hibernate, Stop } kind = NoReply;
  Term reason;
  bool stopped() const { return kind == Stop; }
  static Flow stop(Term r) { return Flow{Stop, std::move(r)}; }
};

// consumer_subscribe's answer: a reply for sync_subscribe, a stop, or both.
struct Subscribed {
  Flow flow;
  std::optional<Term> reply;
};

// GenStage's own GenServer module, one per started stage, over the user's
// stage module (its callbacks are called with the user state).
class StageServer final : public GenServer {
 public:
  explicit StageServer(std::shared_ptr<const GenStage> mod) : mod_(std::move(mod)) {}
  Term module_name() const override;
  Term init(const Term& args) const override;
  Term handle_call(const Term& request, const Term& from, const Term& state) const override;
  Term handle_cast(const Term& request, const Term& state) const override;
  Term handle_info(const Term& msg, const Term& state) const override;
  void terminate(const Term& reason, const Term& state) const override;
  Term code_change(const Term& old_vsn, const Term& state, const Term& extra) const override;
  Term format_status(const Term& state) const override;  // the user state

 private:
  std::shared_ptr<const GenStage> mod_;
};

class Engine {
 public:
  Engine(Process& self, const GenStage& mod, Stage& st) : self_(self), node_(self.node()), mod_(mod), st_(st) {}

  // ---- shared (gen_stage_server.cpp) ----
  // handle_noreply_callback: {:noreply, events, state[, :hibernate]} | {:stop, reason, state}.
  Flow noreply_result(const Term& ret);
  void send(const Term& pid, Term msg);

  // ---- producer side (gen_stage_producer.cpp) ----
  Flow on_gen_producer(const Term& msg);  // {:"$gen_producer", from, request}
  Flow producer_cancel(const Term& ref, Atom kind, const Term& reason);
  Flow producer_demand(const Term& mode);
  void producer_info(const Term& msg);
  void buffer_or_dispatch_info(const Term& msg);
  void dispatch_events(const Term& events, int64_t length);
  Term estimate_buffered_count() const;

  // ---- consumer side (gen_stage_consumer.cpp) ----
  Flow on_gen_consumer(const Term& msg);  // {:"$gen_consumer", from, events | {:cancel, r}}
  Subscribed consumer_subscribe(const Term& current, const Term& to, const Term& opts);
  // The init/1 subscribe_to list: nullopt, or the reason init stops with.
  std::optional<Term> consumer_init_subscribe(const Term& producers);
  Flow consumer_cancel(const Term& ref, Atom kind, const Term& reason);

 private:
  const GenStageDispatcher& dispatcher() const;
  Flow dispatcher_callback(const Term& result);
  int64_t take_from_buffer(int64_t counter);
  void buffer_events(const Term& events);
  void dispatch_info(const Term& msg);
  Flow producer_subscribe(const Term& opts, const Term& from);

  Flow consumer_dispatch(std::vector<std::pair<Term, int64_t>>& batches, const Term& from);
  std::vector<std::pair<Term, int64_t>> consumer_receive(const Term& from, const Term& entry, const Term& events);
  Subscribed consumer_subscribed(const Term& opts, const Term& ref, const Term& pid, const Term& cancel, int64_t min,
                                 int64_t max);
  Flow invoke_cancel(const Term& mode, const Term& kind_reason, const Term& pid_ref);
  Flow take_pc_events();
  Flow send_pc_events(const Term& events, const Term& ref);
  void ask(const Term& from, int64_t n);

  Process& self_;
  Node& node_;
  const GenStage& mod_;
  Stage& st_;
};

// Option checks (GenStage.Utils), Elixir's messages on failure.
struct Validated {
  Term value;
  std::optional<std::string> error;
};
Validated validate_integer(const Term& opts, Atom key, Term fallback, int64_t min, std::optional<int64_t> max,
                           bool infinity, Term* rest = nullptr);
Validated validate_in(const Term& opts, Atom key, Term fallback, std::initializer_list<Atom> values,
                      Term* rest = nullptr);

}  // namespace otp::gen_stage_detail
