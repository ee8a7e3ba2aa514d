// Which library files make up the shell's built-in modules: one add_<area>
// per file of core/shell/lib, called once when the library is built.
#include "shell/lib/builtins.hpp"

namespace otp::shell {

void add_library_modules(Library&) {}

}  // namespace otp::shell
