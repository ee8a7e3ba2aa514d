// The one translation unit with Catch2's main; the test cases live in the
// other files of tests/unit (and core/**/*.test.cpp).
#ifdef __EMSCRIPTEN__
// Under emscripten isatty() is always true, so Catch would colour output
// that goes to a pipe or a log.
#define CATCH_CONFIG_COLOUR_NONE
#endif
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdlib>

int main(int argc, char* argv[]) {
  const int status = Catch::Session().run(argc, argv);
  // exit(), not return: under ASYNCIFY, once fibers have run, emscripten
  // 3.1.6 loses main's return value and the program would exit 0 with
  // failed tests; exit() keeps the status, for node and ctest.
  std::exit(status);
}
