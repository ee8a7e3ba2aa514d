// Shared by List (list.cpp), Keyword and :lists.
#pragma once
#include <optional>

#include "shell/lib/support.hpp"

namespace otp::shell::lib {

// The elements of a proper list, or FunctionClauseError Module.fun(args).
std::vector<Term> proper_list(const Term& l, const char* module, const char* fun, std::initializer_list<Term> args);
// Appends the elements of l, nested lists flattened.
void flatten_into(const Term& l, std::vector<Term>& out);
// The index of the first tuple whose element at pos (0-based) == key.
std::optional<std::size_t> keyfind_index(const std::vector<Term>& items, const Term& key, int64_t pos);

}  // namespace otp::shell::lib
