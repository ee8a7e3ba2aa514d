// Counter: the smallest GenServer, the first thing a reader studies.
//
//   {:ok, pid} = Counter.start_link(0)
//   Counter.increment(pid); Counter.value(pid)   #=> 1
//
// The state is the count. Calls: :value. Casts: :increment, {:add, n}.
#pragma once
#include "behaviours/gen_server.hpp"

namespace otp::examples {

class Counter : public GenServer {
 public:
  Term module_name() const override;
  Term init(const Term& initial) const override;
  Term handle_call(const Term& request, const Term& from, const Term& count) const override;
  Term handle_cast(const Term& request, const Term& count) const override;
};

namespace counter {
// Counter.start_link(initial, name \\ nil): {:ok, pid} | {:error, reason}.
Term start_link(Process& self, Term initial, Term name = Term::empty_list());
Term value(Process& self, const Term& counter);
void increment(Process& self, const Term& counter);
void add(Process& self, const Term& counter, int64_t n);
// Registers {Counter, :start_link} with the node's start functions, so a
// supervisor child spec can say start: {Counter, :start_link, [0]}.
void load(Node& node);
}  // namespace counter

}  // namespace otp::examples
