// Funs: an abstract boxed kind that the interpreter (and C++ code) subclass.
//
// inspect prints a local fun as `#Function<index.uniq/arity in Mod.name>` and
// an external one (`&Mod.fun/arity`) as `&Mod.fun/arity`, where Mod is the
// module atom inspected as Elixir does (`:erl_eval`, `Foo.Bar`) and `name` is
// the origin text (e.g. "expr/6" or "-main/0-fun-0-" already shortened by
// the creator). Calling is left to subclasses (no `call` here yet).
#pragma once
#include <string>

#include "term/term.hpp"

namespace otp {

class FunObject : public HeapObject {
 public:
  FunObject(Atom module, std::string name, uint32_t arity, bool external = false, uint32_t index = 0,
            uint32_t uniq = 0)
      : HeapObject(Kind::Fun),
        module_(module), name_(std::move(name)), arity_(arity), index_(index), uniq_(uniq), external_(external) {}
  virtual ~FunObject() = default;
  FunObject(const FunObject&) = delete;
  FunObject& operator=(const FunObject&) = delete;

  Atom module() const noexcept { return module_; }
  const std::string& name() const noexcept { return name_; }
  uint32_t arity() const noexcept { return arity_; }
  uint32_t index() const noexcept { return index_; }
  uint32_t uniq() const noexcept { return uniq_; }
  bool external() const noexcept { return external_; }

  // Funs compare by identity unless a subclass knows better (same module and
  // origin and environment). Used by ===, == and term order within funs.
  virtual bool same_as(const FunObject& other) const noexcept { return this == &other; }

 private:
  Atom module_;
  std::string name_;
  uint32_t arity_, index_, uniq_;
  bool external_;
};

}  // namespace otp
