// The pipeline example's stages (see pipeline.hpp). Events travel as lists:
// each callback builds its output list once, with no allocation per event
// beyond the list cells and the numbers themselves.
#include "pipeline/pipeline.hpp"

#include <vector>

#include "behaviours/child_spec.hpp"
#include "term/arith.hpp"

namespace otp::examples {

namespace gs = gen_stage;

namespace {

Term at(const char* s) { return Term::atom(s); }

template <class T>
std::shared_ptr<const T> module() {
  static const auto m = std::make_shared<const T>();
  return m;
}

// [{producer, opts}] or [producer]: the subscribe_to list.
Term subscribe_to(const Term& producer, const Term* opts) {
  return Term::list({opts ? Term::tuple({producer, *opts}) : producer});
}

}  // namespace

// ---- Numbers ----

Term Numbers::module_name() const { return at("Elixir.Numbers"); }

Term Numbers::init(const Term& args) const { return gs::producer(args); }

Term Numbers::handle_demand(const Term& demand, const Term& state) const {
  const int64_t next = state[0].small();
  int64_t n = demand.small();
  if (state[1].is_integer()) n = std::min<int64_t>(n, std::max<int64_t>(0, state[1].small() - next));
  // next..next+n-1, built from the back.
  Term events = Term::empty_list();
  for (int64_t i = next + n - 1; i >= next; --i) events = Term::cons(Term::integer(i), std::move(events));
  return gs::noreply(std::move(events), Term::tuple({Term::integer(next + n), state[1]}));
}

// ---- Doubler ----

Term Doubler::module_name() const { return at("Elixir.Doubler"); }

Term Doubler::init(const Term& args) const {
  const Term* opts = args.tuple_size() > 2 ? &args[2] : nullptr;
  return gs::producer_consumer(args[0], Term::list({Term::tuple({at("subscribe_to"), subscribe_to(args[1], opts)})}));
}

Term Doubler::handle_events(const Term& events, const Term&, const Term& factor) const {
  std::vector<Term> out;
  out.reserve(static_cast<std::size_t>(list_length(events)));
  for (const Term* l = &events; l->is_cons(); l = &l->tail()) {
    const Term& x = l->head();
    const bool fits = x.is_small() && factor.is_small() && x.small() < (int64_t{1} << 31) &&
                      x.small() > -(int64_t{1} << 31) && factor.small() < (int64_t{1} << 31) &&
                      factor.small() > -(int64_t{1} << 31);
    out.push_back(fits ? Term::integer(x.small() * factor.small()) : mul(x, factor));
  }
  return gs::noreply(Term::list(std::span<const Term>(out)), factor);
}

// ---- Sink ----

Term Sink::module_name() const { return at("Elixir.Sink"); }

Term Sink::init(const Term& args) const {
  const Term* opts = args.tuple_size() > 3 ? &args[3] : nullptr;
  Term state = Term::tuple({args[0], args[2], Term::integer(0), Term::integer(0), Term::integer(0)});
  return gs::consumer(std::move(state),
                      Term::list({Term::tuple({at("subscribe_to"), subscribe_to(args[1], opts)})}));
}

Term Sink::handle_events(const Term& events, const Term&, const Term& state) const {
  int64_t count = state[2].small();
  Term sum = state[3];
  int64_t small_sum = 0;
  for (const Term* l = &events; l->is_cons(); l = &l->tail(), ++count) {
    const Term& x = l->head();
    if (x.is_small() && small_sum < (int64_t{1} << 58) && small_sum > -(int64_t{1} << 58))
      small_sum += x.small();
    else
      sum = add(sum, x);
  }
  sum = add(sum, Term::integer(small_sum));
  if (state[1].is_pid())
    Process::current()->send(state[1].pid(), Term::tuple({at("consumed"), state[0], events}));
  Term next = Term::tuple({state[0], state[1], Term::integer(count), std::move(sum),
                           Term::integer(state[4].small() + 1)});
  return gs::noreply(Term::empty_list(), std::move(next));
}

Term Sink::handle_call(const Term& request, const Term& from, const Term& state) const {
  if (request == at("stats"))
    return gs::reply(Term::map({{at("batches"), state[4]}, {at("count"), state[2]}, {at("sum"), state[3]}}),
                     Term::empty_list(), state);
  return GenStage::handle_call(request, from, state);
}

namespace pipeline {

Stages start(Process& self, int64_t count, Term report_to, int64_t max_demand) {
  Stages s;
  Term last = count < 0 ? Term() : Term::integer(count);
  s.numbers = gs::start_link(self, module<Numbers>(), Term::tuple({Term::integer(0), last}))[1];
  s.doubler = gs::start_link(self, module<Doubler>(), Term::tuple({Term::integer(2), s.numbers}))[1];
  Term opts = Term::list({Term::tuple({at("max_demand"), Term::integer(max_demand)})});
  s.a = gs::start_link(self, module<Sink>(), Term::tuple({at("a"), s.doubler, report_to, opts}))[1];
  s.b = gs::start_link(self, module<Sink>(), Term::tuple({at("b"), s.doubler, report_to, opts}))[1];
  return s;
}

Term stats(Process& self, const Term& sink) { return gs::call(self, sink, at("stats")); }

void load(Node& node) {
  auto reg = [&node](const char* name, auto mod) {
    supervisor::register_start(node, Atom::intern(name), Atom::intern("start_link"),
                               [mod](Process& self, std::span<const Term> args) {
                                 return gs::start_link(self, mod, args.empty() ? Term() : args[0]);
                               });
  };
  reg("Elixir.Numbers", std::static_pointer_cast<const GenStage>(module<Numbers>()));
  reg("Elixir.Doubler", std::static_pointer_cast<const GenStage>(module<Doubler>()));
  reg("Elixir.Sink", std::static_pointer_cast<const GenStage>(module<Sink>()));
}

}  // namespace pipeline
}  // namespace otp::examples
