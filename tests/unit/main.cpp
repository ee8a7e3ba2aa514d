// The one translation unit with Catch2's main; the test cases live in the
// other files of tests/unit (and core/**/*.test.cpp).
#ifdef __EMSCRIPTEN__
// Under emscripten isatty() is always true, so Catch would colour output
// that goes to a pipe or a log.
#define CATCH_CONFIG_COLOUR_NONE
#endif
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
