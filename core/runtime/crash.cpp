#include "runtime/crash.hpp"

#include <new>
#include <stdexcept>
#include <typeinfo>

#if defined(__GNUG__) || defined(__clang__)
#include <cxxabi.h>
#include <cstdlib>
#endif

#include "runtime/exit.hpp"
#include "term/error.hpp"

namespace otp {

namespace {

std::string demangle(const char* name) {
#if defined(__GNUG__) || defined(__clang__)
  int status = 0;
  char* d = abi::__cxa_demangle(name, nullptr, nullptr, &status);
  if (status == 0 && d) {
    std::string s(d);
    std::free(d);
    return s;
  }
#endif
  return name;
}

// An exception struct (%{__struct__: Mod, message: "..."}): its module and message.
bool exception_struct(const Term& reason, std::string* module, std::string* message) {
  if (!reason.is_map()) return false;
  const Term* mod = reason.map_get(Term(atom::__struct__));
  const Term* msg = reason.map_get(Term(atom::message));
  if (!mod || !mod->is_atom() || !msg || !msg->is_binary()) return false;
  std::string_view name = mod->atom().name();
  if (name.rfind("Elixir.", 0) == 0) name.remove_prefix(7);
  *module = std::string(name);
  *message = std::string(msg->bytes());
  return true;
}

// Elixir's message for a BIF's badarg that carries error_info texts
// (ErlangError.normalize/2 in Elixir 1.14), ending in a newline as Elixir's:
//   errors were found at the given arguments:
//
//     * 1st argument: not a tuple
std::string arguments_message(const Term& info) {
  std::string out = "errors were found at the given arguments:\n\n";
  for (const MapEntry& e : info.map_entries()) {  // integer keys come first, in order
    if (!e.key.is_small() || !e.value.is_binary()) continue;
    int64_t n = e.key.small();
    std::string ord = n == 1 ? "1st" : n == 2 ? "2nd" : n == 3 ? "3rd" : std::to_string(n) + "th";
    out += "  * " + ord + " argument: " + std::string(e.value.bytes()) + "\n";
  }
  return out;
}

}  // namespace

std::string error_headline(const Term& reason, const Term& arguments_info) {
  if (reason.is_atom(atom::badarg) && arguments_info.is_map() && arguments_info.map_size() > 0)
    return "** (ArgumentError) " + arguments_message(arguments_info);
  return error_headline(reason);
}

std::string format_exit_reason(const Term& reason) {
  InspectOptions plain;  // Kernel.inspect/1's defaults, on one line
  plain.pretty = false;
  plain.width = 1 << 30;
  if (reason.is_atom()) {
    std::string_view a = reason.atom().name();
    if (a == "normal" || a == "shutdown" || a == "killed") return std::string(a);
    if (a == "calling_self") return "process attempted to call itself";
    if (a == "timeout") return "time out";
    if (a == "noconnection") return "no connection to remote node";
    if (a == "noproc")
      return "no process: the process is not alive or there's no process currently associated with the given "
             "name, possibly because its application isn't started";
  }
  if (reason.is_tuple() && reason.tuple_size() == 2 && reason[0].is_atom()) {
    std::string_view tag = reason[0].atom().name();
    if (tag == "shutdown") return "shutdown: " + inspect(reason[1], plain);
    if (tag == "nodedown" && reason[1].is_atom()) return "no connection to " + std::string(reason[1].atom().name());
    if (tag == "bad_return_value") return "bad return value: " + inspect(reason[1], plain);
    if (tag == "bad_call") return "bad call: " + inspect(reason[1], plain);
    if (tag == "bad_cast") return "bad cast: " + inspect(reason[1], plain);
  }
  return inspect(reason, plain);
}

namespace {
HeadlineFormatter g_headline_formatter = nullptr;
}  // namespace

void set_headline_formatter(HeadlineFormatter f) noexcept { g_headline_formatter = f; }

std::string error_headline(const Term& reason) {
  if (g_headline_formatter) {
    std::string text = g_headline_formatter(reason);
    if (!text.empty()) return "** " + text;
  }
  std::string module, message;
  if (exception_struct(reason, &module, &message)) return "** (" + module + ") " + message;
  if (reason.is_atom(atom::badarith)) return "** (ArithmeticError) bad argument in arithmetic expression";
  if (reason.is_atom(atom::badarg)) return "** (ArgumentError) argument error";
  if (reason.is_atom(atom::system_limit)) return "** (SystemLimitError) a system limit has been reached";
  if (reason.is_tuple() && reason.tuple_size() == 3 && reason[0].is_atom(atom::cpp_exception) &&
      reason[1].is_binary() && reason[2].is_binary())
    return "** (" + std::string(reason[1].bytes()) + ") " + std::string(reason[2].bytes());
  return "** (ErlangError) Erlang error: " + inspect(reason);
}

bool is_system_limit(const std::exception& x) noexcept {
  return dynamic_cast<const std::bad_alloc*>(&x) || dynamic_cast<const std::length_error*>(&x);
}

Term crash_reason(std::exception_ptr e, CrashInfo* info) {
  auto with_stack = [](Term r) { return Term::tuple({std::move(r), Term::empty_list()}); };
  try {
    std::rethrow_exception(e);
  } catch (const KillUnwind&) {
    info->crashed = false;
    return Term(atom::killed);
  } catch (const ExitSignal& x) {
    info->crashed = false;
    return x.reason;
  } catch (const ThrownValue& t) {
    Term r = Term::tuple({Term(atom::nocatch), t.value});
    info->crashed = true;
    info->headline = error_headline(r);
    return with_stack(std::move(r));
  } catch (const ErlangError& err) {
    info->crashed = true;
    info->headline = error_headline(err.reason, err.arguments_info);
    if (err.stacktrace.is_list()) return Term::tuple({err.reason, err.stacktrace});
    return with_stack(err.reason);
  } catch (const std::exception& x) {
    Term r = is_system_limit(x) ? Term(atom::system_limit)
                                : Term::tuple({Term(atom::cpp_exception), Term::binary(demangle(typeid(x).name())),
                                               Term::binary(x.what())});
    info->crashed = true;
    info->headline = error_headline(r);
    return with_stack(std::move(r));
  } catch (...) {
    Term r = Term::tuple({Term(atom::cpp_exception), Term::binary("unknown exception"),
                          Term::binary("")});
    info->crashed = true;
    info->headline = error_headline(r);
    return with_stack(std::move(r));
  }
}

}  // namespace otp
