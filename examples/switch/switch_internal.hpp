// Internal to the switch example (call.cpp, switch.cpp, shell.cpp): the
// per-node switch record and the call module object. Not a public header.
#pragma once
#include <memory>
#include <vector>

#include "behaviours/gen_server.hpp"
#include "switch/switch.hpp"

namespace otp::examples::telephone {

// One per node (Node::service): the configuration, the partitions' names
// and the counters the summary reads. Only processes of the node and the
// host between run slices touch it (a node is single-threaded).
struct SwitchNode {
  explicit SwitchNode(Node&) {}
  Config config;
  std::vector<Term> partitions;  // :"Elixir.Switch.Calls.P<k>"
  Term modules;                  // [Switch.Call], shared by every call's child spec
  int64_t next_id = 0;           // the next call's id
  int64_t set_up = 0;            // place_call got {:ok, pid}
  int64_t inits = 0;             // call inits that returned {:ok, ...}
  int64_t completed = 0;
  int64_t crashed = 0;
  int64_t shell_callbacks = 0;
};

inline SwitchNode& switch_of(Node& node) { return node.service<SwitchNode>(); }

// The one Switch.Call module object (C++ callbacks, shell dispatch).
const std::shared_ptr<const GenServer>& call_module();
// Starts one call process linked to `self` (its supervisor): {:ok, pid}.
Term start_call(Process& self, const Term& call);

}  // namespace otp::examples::telephone
