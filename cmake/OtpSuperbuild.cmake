# The superbuild: the native configure adds the wasm build of this same
# source tree (em++, cmake/WasmToolchain.cmake) as an ExternalProject in
# <build>/wasm, rebuilt on every build (BUILD_ALWAYS; its own ninja decides
# what is out of date), and puts its tests into the top-level ctest run.
# The two builds are independent, so ninja runs them side by side.
include(ExternalProject)

unset(_otp_emxx)
find_program(_otp_emxx NAMES em++ NO_CACHE)  # looked up again at every configure
if(NOT _otp_emxx)
  message(FATAL_ERROR
    "OTP_WASM is ON but em++ was not found: the tests must run in both builds.\n"
    "Install emscripten (bash scripts/setup.sh does), or configure with -DOTP_WASM=OFF "
    "to build and test natively only.")
endif()
set(OTP_EMSCRIPTEN_TOOLCHAIN "/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake"
    CACHE FILEPATH "emscripten's own CMake toolchain file")
if(NOT EXISTS "${OTP_EMSCRIPTEN_TOOLCHAIN}")
  message(FATAL_ERROR "OTP_WASM is ON but ${OTP_EMSCRIPTEN_TOOLCHAIN} does not exist (install emscripten, or -DOTP_WASM=OFF)")
endif()
unset(_otp_node)
find_program(_otp_node NAMES node nodejs NO_CACHE)
if(NOT _otp_node)
  message(FATAL_ERROR "OTP_WASM is ON but node was not found: the wasm tests run under node (install nodejs, or -DOTP_WASM=OFF)")
endif()

set(OTP_EM_CACHE "$ENV{OTP_EM_CACHE}" CACHE PATH "Writable emscripten cache (empty: Debian's prebuilt one)")
set(OTP_WASM_EXTRA_LINK_FLAGS "" CACHE STRING "Extra em++ link flags for every wasm executable (a ;-list)")
cmake_host_system_information(RESULT _otp_cores QUERY NUMBER_OF_LOGICAL_CORES)
set(OTP_WASM_JOBS "${_otp_cores}" CACHE STRING "Parallel jobs of the wasm build")

set(OTP_WASM_BINARY_DIR "${CMAKE_BINARY_DIR}/wasm")
ExternalProject_Add(otp_wasm
  SOURCE_DIR "${CMAKE_SOURCE_DIR}"
  BINARY_DIR "${OTP_WASM_BINARY_DIR}"
  PREFIX "${CMAKE_BINARY_DIR}/wasm-ep"
  CMAKE_GENERATOR "${CMAKE_GENERATOR}"
  CMAKE_ARGS
    "-DCMAKE_TOOLCHAIN_FILE=${CMAKE_SOURCE_DIR}/cmake/WasmToolchain.cmake"
  CMAKE_CACHE_ARGS
    "-DCMAKE_BUILD_TYPE:STRING=${CMAKE_BUILD_TYPE}"
    "-DOTP_WERROR:BOOL=${OTP_WERROR}"
    "-DOTP_CCACHE:BOOL=${OTP_CCACHE}"
    "-DOTP_CONFORMANCE_DIR:PATH=${OTP_CONFORMANCE_DIR}"
    "-DOTP_EM_CACHE:PATH=${OTP_EM_CACHE}"
    "-DOTP_EMSCRIPTEN_TOOLCHAIN:FILEPATH=${OTP_EMSCRIPTEN_TOOLCHAIN}"
    "-DOTP_WASM_EXTRA_LINK_FLAGS:STRING=${OTP_WASM_EXTRA_LINK_FLAGS}"
    "-DOTP_NODE_EXECUTABLE:FILEPATH=${_otp_node}"
  BUILD_COMMAND "${CMAKE_COMMAND}" --build "${OTP_WASM_BINARY_DIR}" -j "${OTP_WASM_JOBS}"
  BUILD_ALWAYS ON
  INSTALL_COMMAND ""
  TEST_COMMAND ""
  USES_TERMINAL_CONFIGURE ON
  USES_TERMINAL_BUILD ON
)

# `ctest` in <build> also runs the wasm build's tests (named "wasm: ...",
# label "wasm"). If the wasm build has not produced its test list yet, one
# failing placeholder test says so instead of the wasm tests silently missing.
set(_otp_wasm_tests "${CMAKE_BINARY_DIR}/otp_wasm_tests.cmake")
file(WRITE "${_otp_wasm_tests}"
  "if(EXISTS \"${OTP_WASM_BINARY_DIR}/CTestTestfile.cmake\")\n"
  "  subdirs(\"${OTP_WASM_BINARY_DIR}\")\n"
  "else()\n"
  "  add_test([=[wasm: the wasm build has not run (cmake --build ${CMAKE_BINARY_DIR})]=] \"${CMAKE_COMMAND}\" -E false)\n"
  "endif()\n")
set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES "${_otp_wasm_tests}")
