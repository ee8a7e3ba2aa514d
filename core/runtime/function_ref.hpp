// A non-owning reference to a callable, for matchers passed down the
// receive path without allocating (std::function would copy the closure).
//
// Who calls what: the runtime's receive path (Process::receive takes one); a
// FunctionRef must not outlive the callable it refers to, so pass it down,
// never store it.
#pragma once
#include <type_traits>
#include <utility>

namespace otp {

template <class Sig>
class FunctionRef;

template <class R, class... Args>
class FunctionRef<R(Args...)> {
 public:
  template <class F, class = std::enable_if_t<!std::is_same_v<std::decay_t<F>, FunctionRef>>>
  FunctionRef(F&& f) noexcept  // NOLINT: implicit by design
      : obj_(const_cast<void*>(static_cast<const void*>(&f))),
        call_([](void* o, Args... a) -> R {
          return (*static_cast<std::remove_reference_t<F>*>(o))(std::forward<Args>(a)...);
        }) {}
  R operator()(Args... a) const { return call_(obj_, std::forward<Args>(a)...); }

 private:
  void* obj_;
  R (*call_)(void*, Args...);
};

}  // namespace otp
