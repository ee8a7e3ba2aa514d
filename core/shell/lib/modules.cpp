// Which library files make up the shell's built-in modules: one add_<area>
// per file of core/shell/lib, called once when the library is built.
#include "shell/lib/builtins.hpp"

namespace otp::shell {

namespace lib {
#define OTP_SHELL_LIB_AREAS(X)                                                                      \
  X(kernel) X(kernel_more) X(enum) X(enum_slice) X(enum_chunk) X(enum_sort) X(stream) X(stream_generators) X(map) \
  X(list) X(keyword) X(tuple_mapset) X(string) X(string_split) X(string_more) X(numbers) X(erlang) X(erlang_more)   \
  X(lists) X(lists_more) X(io) X(math) X(iex_helpers) OTP_SHELL_LANGUAGE_AREAS(X) OTP_SHELL_BEHAVIOUR_AREAS(X) \
  OTP_SHELL_OTP_AREAS(X)
// Exceptions, Access, File and bitstrings (exception*.cpp, access.cpp, kernel_access.cpp, file.cpp).
#define OTP_SHELL_LANGUAGE_AREAS(X) X(exception_structs) X(exception) X(access) X(file)
// The OTP behaviours' modules (GenServer, Supervisor, ...), in core/shell/eval/behaviour_*.cpp.
#define OTP_SHELL_BEHAVIOUR_AREAS(X)                                                                 \
  X(behaviour_gen_server) X(behaviour_supervisor) X(behaviour_dynamic_supervisor) X(behaviour_gen_stage) \
  X(behaviour_sys) X(behaviour_use)
// Processes and OTP services (Process, :erlang's process BIFs, Agent, Task,
// Registry, Application, :ets, :timer), in core/shell/lib/otp_*.cpp.
#define OTP_SHELL_OTP_AREAS(X)                                                                       \
  X(otp_process) X(otp_erlang_proc) X(otp_erlang_info) X(otp_agent) X(otp_task) X(otp_task_stream) X(otp_registry)      \
  X(otp_application) X(otp_application_env) X(otp_ets) X(otp_timer)
#define X(area) void add_##area(Library& lib);
OTP_SHELL_LIB_AREAS(X)
#undef X
}  // namespace lib

void add_library_modules(Library& l) {
#define X(area) lib::add_##area(l);
  OTP_SHELL_LIB_AREAS(X)
#undef X
}

}  // namespace otp::shell
