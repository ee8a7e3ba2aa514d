// The table of GenStage dispatchers by module atom: the three built-ins are
// answered without a lookup (they are on every stage's hot path); others
// come from a process-wide table under a mutex.
#include "behaviours/gen_stage_dispatcher.hpp"

#include <mutex>
#include <unordered_map>

#include "behaviours/gen_stage_util.hpp"

namespace otp {

namespace gen_stage_detail {
const GenStageDispatcher& demand_dispatcher();
const GenStageDispatcher& broadcast_dispatcher();
const GenStageDispatcher& partition_dispatcher();
}  // namespace gen_stage_detail

namespace gen_stage {

namespace {
struct Table {
  std::mutex mutex;
  std::unordered_map<uint32_t, std::shared_ptr<const GenStageDispatcher>> by_atom;
};
Table& table() {
  static Table t;
  return t;
}
}  // namespace

void register_dispatcher(Atom module, std::shared_ptr<const GenStageDispatcher> dispatcher) {
  Table& t = table();
  std::lock_guard<std::mutex> lock(t.mutex);
  t.by_atom[module.id] = std::move(dispatcher);
}

const GenStageDispatcher* find_dispatcher(Atom module) {
  using namespace gen_stage_detail;
  const Atoms& A = atoms();
  if (module == A.demand_dispatcher) return &demand_dispatcher();
  if (module == A.broadcast_dispatcher) return &broadcast_dispatcher();
  if (module == A.partition_dispatcher) return &partition_dispatcher();
  Table& t = table();
  std::lock_guard<std::mutex> lock(t.mutex);
  auto it = t.by_atom.find(module.id);
  return it == t.by_atom.end() ? nullptr : it->second.get();
}

}  // namespace gen_stage
}  // namespace otp
