// Between enumerable.cpp and lazy.cpp: how funs of arity 2 and %Stream{}
// are walked (lazy.cpp), for enumerable.cpp's open() and each().
#pragma once
#include "shell/lib/enumerable.hpp"

namespace otp::shell::enumerable::detail {

// A fun made by make_lazy (walked through its own cursor).
bool is_lazy(const Term& fun) noexcept;
// A cursor over a fun of arity 2: a lazy fun's own, or Elixir's protocol
// with {:suspend, acc} for any other fun.
CursorPtr open_fun(const Term& fun);
// Pushes each element of a foreign fun of arity 2 (Elixir's reduce).
bool each_foreign(const Term& fun, FunctionRef<bool(const Term&)> f);
// A cursor over %Stream{enum:, funs:}: the enum's, wrapped by each stage.
CursorPtr open_stream(const Term& stream);

}  // namespace otp::shell::enumerable::detail
