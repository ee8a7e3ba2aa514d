// Elixir's Enumerable protocol in C++, for the library (Enum, Stream, ...)
// and the evaluator (`for` comprehensions, Task.async_stream results).
//
// Enumerables: lists, maps (elements {k, v} in map order), %Range{} (Elixir
// 1.14: `1..3` is %Range{first: 1, last: 3, step: 1}), %MapSet{map: %{x =>
// []}, version: 2}, %Stream{enum:, funs:, accs:, done:} built by this
// library's Stream functions, and funs of arity 2, which speak Elixir's
// protocol: fun.({:cont, acc}, reducer) -> {:done, acc} | {:halted, acc} |
// {:suspended, acc, continuation}. Anything else raises
// Protocol.UndefinedError ("protocol Enumerable not implemented for 1 of
// type Integer"); so does a struct other than those above.
//
// Two ways to walk one: each() pushes elements to a callback that may halt
// (Elixir's reduce with {:halt, acc}); open() gives a pull Cursor (Elixir's
// {:suspend, acc}), which zip and Stream stages need. Lazy enumerables made
// in C++ (make_lazy: Stream.iterate/unfold/..., Task.async_stream) are
// funs of arity 2 whose protocol runs on a fresh cursor, so the evaluator
// and user code can also call them as Elixir funs.
//
// A cursor that holds resources (Stream.resource, a suspended foreign fun)
// releases them in close(), which a consumer that stops early calls in its
// normal flow: destructors never run shell code (they may not block).
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "runtime/function_ref.hpp"
#include "term/term.hpp"

namespace otp::shell::enumerable {

class Cursor {
 public:
  virtual ~Cursor() = default;
  // The next element into *out; false once the enumerable is exhausted.
  virtual bool next(Term* out) = 0;
  // The consumer stops early: release what the enumerable holds.
  virtual void close() {}
};
using CursorPtr = std::unique_ptr<Cursor>;
using Opener = std::function<CursorPtr()>;

bool is_enumerable(const Term& t) noexcept;
[[noreturn]] void raise_not_enumerable(const Term& t);

// A fresh cursor over `t` (raises for a non-enumerable).
CursorPtr open(const Term& t);
// Calls f(x) for each element in order until f returns false; returns false
// if f halted. Spends one reduction per element in the calling process.
bool each(const Term& t, FunctionRef<bool(const Term&)> f);
std::vector<Term> to_vector(const Term& t);
Term to_list(const Term& t);  // a list is returned as it is

// Enumerable.count/1 and member?/2 without walking: lists (count only),
// maps, ranges and MapSets; nullopt when the enumerable must be walked.
std::optional<int64_t> fast_count(const Term& t);
std::optional<bool> fast_member(const Term& t, const Term& x);

// ---- lazy enumerables written in C++ ----------------------------------------
// A fun of arity 2 inspected as `#Function<index.103858489/2 in module.origin>`
// (Elixir's Stream funs: module "Elixir.Stream", origin "unfold/2").
Term make_lazy(Atom module, std::string origin, uint32_t index, Opener opener);
// A cursor over a C++ generator: next() gives the next element, nullopt at
// the end; close (optional) releases what it holds when the consumer stops
// early. E.g. Task.async_stream: make_lazy(Task, "async_stream/3", 0,
// [..] { auto s = std::make_shared<AsyncStream>(..); return generator(
// [s] { return s->next(); }); }).
CursorPtr generator(std::function<std::optional<Term>()> next, std::function<void()> close = {});
// Stream stages: %Stream{} over `enumerable` with one more stage (a fun of
// arity 1 named `origin`, e.g. "map/2") that wraps the cursor of what comes
// before; `acc`, if given, is pushed on :accs as Elixir does.
using Wrap = std::function<CursorPtr(CursorPtr)>;
Term add_stage(const Term& enumerable, std::string origin, uint32_t index, Wrap wrap,
               std::optional<Term> acc = std::nullopt);

// ---- Range, MapSet, Stream structs (registered on first use) ---------------
Term make_range(Term first, Term last, Term step);
bool is_range(const Term& t) noexcept;
// first, last, step of a range whose fields are small integers.
bool range_parts(const Term& t, int64_t* first, int64_t* last, int64_t* step) noexcept;
Term range_size(const Term& t);  // Range.size/1, an integer term

// %MapSet{map: map, version: 2}; `map` has every element as a key, [] values.
Term make_mapset(Term map);
Term mapset_of(const std::vector<Term>& elems);
bool is_mapset(const Term& t) noexcept;
const Term& mapset_map(const Term& t);  // the inner map of a MapSet

bool is_stream(const Term& t) noexcept;
// The struct module a map names, or nullptr for a plain map.
const Term* struct_name(const Term& map) noexcept;

}  // namespace otp::shell::enumerable
