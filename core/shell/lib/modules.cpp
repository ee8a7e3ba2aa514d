// Which library files make up the shell's built-in modules: one add_<area>
// per file of core/shell/lib, called once when the library is built.
#include "shell/lib/builtins.hpp"

namespace otp::shell {

namespace lib {
#define OTP_SHELL_LIB_AREAS(X)                                                                      \
  X(kernel) X(kernel_more) X(enum) X(enum_slice) X(enum_chunk) X(enum_sort) X(stream) X(stream_generators) X(map) \
  X(list) X(keyword) X(tuple_mapset) X(string) X(string_split) X(string_more) X(numbers) X(erlang) X(erlang_more)   \
  X(lists) X(lists_more) X(io) X(math)
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
