// Funs: an abstract boxed kind that the interpreter (and C++ code) subclass.
//
// inspect prints a local fun as `#Function<index.uniq/arity in Mod.name>` and
// an external one (`&Mod.fun/arity`) as `&Mod.fun/arity`, where Mod is the
// module atom inspected as Elixir does (`:erl_eval`, `Foo.Bar`) and `name` is
// the origin text (e.g. "expr/6" or "-main/0-fun-0-" already shortened by
// the creator). Calling is left to subclasses (no `call` here yet).
#pragma once
#include <functional>
#include <span>
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

  // Applies the fun (in the calling process, if any: Process::current()).
  // The caller has checked that args.size() == arity(). The default is for
  // funs that cannot be applied here: error {:badfun, fun}.
  virtual Term call(std::span<const Term> args) const;

 private:
  Atom module_;
  std::string name_;
  uint32_t arity_, index_, uniq_;
  bool external_;
};

// A fun backed by a C++ callable, printed like a local fun of `module`.
class NativeFun final : public FunObject {
 public:
  using Body = std::function<Term(std::span<const Term>)>;
  NativeFun(Atom module, std::string name, uint32_t arity, Body body)
      : FunObject(module, std::move(name), arity), body_(std::move(body)) {}
  Term call(std::span<const Term> args) const override { return body_(args); }

 private:
  Body body_;
};

// A fun term around a C++ callable.
Term make_fun(Atom module, std::string name, uint32_t arity, NativeFun::Body body);

// Applies a fun term to args: error {:badfun, f} for a non-fun and
// {:badarity, {f, args}} for a wrong number of arguments, as BEAM does.
Term apply_fun(const Term& fun, std::span<const Term> args);

}  // namespace otp
