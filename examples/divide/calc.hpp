// Calc: the seed's "let it crash" server. divide(a, b) is just a / b; when
// b is 0 the server crashes, its supervisor starts a fresh one (state back
// to %{ops: 0}), the caller sees the exit, and nothing else is affected.
//
//   {:ok, _} = Supervisor.start_link([Calc], strategy: :one_for_one, name: CalcSup)
//   GenServer.call(Calc, {:divide, 10, 2})   #=> 5.0
//   GenServer.call(Calc, {:divide, 1, 0})    ** (exit) ... ArithmeticError
#pragma once
#include "behaviours/gen_server.hpp"

namespace otp::examples {

class Calc : public GenServer {
 public:
  Term module_name() const override;
  Term init(const Term& args) const override;  // {:ok, %{ops: 0}}
  Term handle_call(const Term& request, const Term& from, const Term& state) const override;
};

namespace calc {
// Calc.start_link(_): registered as Calc.
Term start_link(Process& self);
// GenServer.call(Calc, {:divide, a, b}).
Term divide(Process& self, Term a, Term b);
// Calc's child spec (id Calc, start {Calc, :start_link, [[]]}); also
// registers the start function with the node.
Term child_spec(Node& node);
// Supervisor.start_link([Calc], strategy: :one_for_one, name: CalcSup).
Term start_supervised(Process& self);
}  // namespace calc

}  // namespace otp::examples
