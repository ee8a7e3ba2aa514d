// Shared by the files that implement ets.hpp (ets_admin.cpp, ets_objects.cpp,
// ets_update.cpp, ets_traverse.cpp): table lookup for the calling process.
#pragma once
#include "services/ets.hpp"
#include "services/ets_errors.hpp"
#include "services/ets_tables.hpp"

namespace otp::ets::detail {

// The table `tab` names, if `self` may use it as `need` says; otherwise
// nullptr and *cause (the caller then fails with its own arguments).
inline Table* resolve(Process& self, const Term& tab, Need need, Cause* cause) {
  return Tables::of(self.node()).resolve(tab, self.self(), need, cause);
}

// Reductions for a call that visited n objects (BEAM charges ETS BIFs by work done).
inline void charge_objects(Process& self, std::size_t n) noexcept {
  self.charge(static_cast<int32_t>(1 + (n > 64000 ? 4000 : n / 16)));
}

inline Term true_() noexcept { return Term(atom::true_); }

}  // namespace otp::ets::detail
