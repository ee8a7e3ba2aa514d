# Options, flags and warnings shared by the native and the wasm build.
# Included by the top-level CMakeLists.txt right after project().

# The superbuild: the native configure adds the wasm build of this same
# source tree as an ExternalProject (cmake/OtpSuperbuild.cmake). Tests must
# run in both builds, so a missing em++ is an error, not a silent skip:
# pass -DOTP_WASM=OFF to build natively only.
option(OTP_WASM "Also build (and test) everything as WebAssembly with emscripten" ON)

# -Werror follows the CI environment variable unless given explicitly.
set(_otp_werror_default OFF)
if(DEFINED ENV{CI} AND NOT "$ENV{CI}" MATCHES "^(|0|[Ff]alse|FALSE|[Nn]o|NO|[Oo]ff|OFF)$")
  set(_otp_werror_default ON)
endif()
option(OTP_WERROR "Treat compiler warnings as errors (default: ON when $CI is set)" ${_otp_werror_default})
option(OTP_CCACHE "Use ccache as the compiler launcher when it is installed" ON)

# Release-ish by default: the bench must be fast and tests are fine at -O2.
# Release here means -O2 WITHOUT -DNDEBUG: assert() stays on in the runtime.
if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE Release CACHE STRING "Build type (Release = -O2 with asserts)" FORCE)
endif()
set(CMAKE_CXX_FLAGS_RELEASE "-O2" CACHE STRING "Release flags (asserts kept)" FORCE)

set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)

# Every program lands in <build>/bin (wasm: <build>/wasm/bin/NAME.js + .wasm).
set(CMAKE_RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/bin")

# Warnings for every target of this project. Third-party headers (Boost,
# Catch2) come in as SYSTEM include directories, so they stay quiet.
add_compile_options(-Wall -Wextra -Wshadow)
if(OTP_WERROR)
  add_compile_options(-Werror)
endif()

if(OTP_CCACHE)
  find_program(OTP_CCACHE_PROGRAM ccache)
  if(OTP_CCACHE_PROGRAM)
    set(CMAKE_CXX_COMPILER_LAUNCHER "${OTP_CCACHE_PROGRAM}")
  endif()
endif()

# Absolute path of the IEx transcripts (../shared/conformance beside the repo).
get_filename_component(_otp_conformance "${CMAKE_SOURCE_DIR}/../shared/conformance" ABSOLUTE)
set(OTP_CONFORMANCE_DIR "${_otp_conformance}" CACHE PATH "Folder of the IEx conformance transcripts")
if(NOT IS_DIRECTORY "${OTP_CONFORMANCE_DIR}")
  message(WARNING "OTP_CONFORMANCE_DIR (${OTP_CONFORMANCE_DIR}) does not exist: conformance tests will fail")
endif()
