// Shared between the Enum files of core/shell/lib.
#pragma once
#include "shell/lib/support.hpp"

namespace otp::shell::lib {

// Enum.into/2,3: the elements (mapped by *transform if given) collected
// into a list, a plain map, a MapSet or a binary (Collectable).
Term into(const Term& enumerable, const Term& collectable, const Term* transform);

// Sorting (enum_sort.cpp): a stable merge sort where `first(a, b)` says a
// may come before b (Elixir's sorter funs: true when a precedes or equals b).
void merge_sort(std::vector<Term>& v, FunctionRef<bool(const Term&, const Term&)> first);

}  // namespace otp::shell::lib
