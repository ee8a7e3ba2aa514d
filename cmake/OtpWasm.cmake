# The WebAssembly side of the build (em++ through cmake/WasmToolchain.cmake).
# Defines the same interface targets as OtpNative.cmake (otp::boost,
# otp::catch2; otp::boost_context is empty here) plus the emscripten flags.
#
# Flags that every wasm executable gets (the browser bridge too) are listed
# once, in OTP_WASM_LINK_FLAGS below: add a new one there. For node-run
# programs only (tests, bench, examples), see otp_node_program(). For a single target:
#   if(EMSCRIPTEN) target_link_options(TARGET PRIVATE -sFOO=1) endif()
# and for one build, without editing: -DOTP_WASM_EXTRA_LINK_FLAGS="-sFOO=1;-sBAR=2"
# on the top-level configure (forwarded to build/wasm).

# Catch2, Boost and nlohmann-json live in /usr/include, which must never be
# on em++'s include path (glibc's headers would shadow emscripten's libc).
# So a folder in the build tree holds only symlinks to the libraries' own
# folders.
set(OTP_HOST_INCLUDE_DIR "/usr/include" CACHE PATH "Where the host's boost/ and catch2/ header folders are")
set(OTP_WASM_THIRD_PARTY_DIR "${CMAKE_BINARY_DIR}/third_party/include")
file(MAKE_DIRECTORY "${OTP_WASM_THIRD_PARTY_DIR}")
foreach(lib boost catch2 nlohmann fmt)
  if(NOT IS_DIRECTORY "${OTP_HOST_INCLUDE_DIR}/${lib}")
    message(FATAL_ERROR "${OTP_HOST_INCLUDE_DIR}/${lib} is missing: install libboost-dev, catch2, nlohmann-json3-dev and libfmt-dev (bash scripts/setup.sh)")
  endif()
  if(NOT EXISTS "${OTP_WASM_THIRD_PARTY_DIR}/${lib}")
    file(CREATE_LINK "${OTP_HOST_INCLUDE_DIR}/${lib}" "${OTP_WASM_THIRD_PARTY_DIR}/${lib}" SYMBOLIC)
  endif()
endforeach()

add_library(otp_boost INTERFACE)
target_include_directories(otp_boost SYSTEM INTERFACE "${OTP_WASM_THIRD_PARTY_DIR}")
add_library(otp::boost ALIAS otp_boost)
add_library(otp_boost_context INTERFACE)  # no Boost.Context in wasm
add_library(otp::boost_context ALIAS otp_boost_context)
add_library(otp_catch2 INTERFACE)
target_include_directories(otp_catch2 SYSTEM INTERFACE "${OTP_WASM_THIRD_PARTY_DIR}")
add_library(otp::catch2 ALIAS otp_catch2)
add_library(otp_json INTERFACE)
target_include_directories(otp_json SYSTEM INTERFACE "${OTP_WASM_THIRD_PARTY_DIR}")
add_library(otp::json ALIAS otp_json)

set(OTP_CATCH2_CMAKE_DIR "/usr/lib/cmake/Catch2" CACHE PATH "Folder of Catch2's Catch.cmake")
list(APPEND CMAKE_MODULE_PATH "${OTP_CATCH2_CMAKE_DIR}")

# Exceptions are on everywhere: a C++ exception escaping a process is that
# process's crash, so the runtime relies on them in wasm as natively.
add_compile_options(-fexceptions)

# ASYNCIFY_REMOVE: the functions of wasm/asyncify-remove.txt can never be on
# the stack when a fiber switches, so ASYNCIFY leaves them uninstrumented
# (about a third less code; see the list's header and docs/web.md). emcc
# 3.1.6 reads @file lists one entry a line with no comments, so the build
# gets a copy without them, named by its hash: editing the list reconfigures
# (CMAKE_CONFIGURE_DEPENDS) and, the link line having changed, relinks.
set(OTP_ASYNCIFY_REMOVE_LIST "${PROJECT_SOURCE_DIR}/wasm/asyncify-remove.txt")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${OTP_ASYNCIFY_REMOVE_LIST}")
file(STRINGS "${OTP_ASYNCIFY_REMOVE_LIST}" _otp_remove_lines)
set(_otp_remove "")
foreach(_line IN LISTS _otp_remove_lines)
  string(STRIP "${_line}" _line)
  if(_line STREQUAL "" OR _line MATCHES "^#")
    continue()
  endif()
  if(_line MATCHES "[.#?]")  # emcc turns . # ? into space & , (its command-line escapes)
    message(FATAL_ERROR "asyncify-remove.txt: write '*' for '.', '#' or '?' in: ${_line}")
  endif()
  # binaryen splits the list at commas outside brackets: they must balance
  foreach(_kind paren angle square brace)
    if(_kind STREQUAL paren)
      set(_open_rx "[^(]")
      set(_close_rx "[^)]")
    elseif(_kind STREQUAL angle)
      set(_open_rx "[^<]")
      set(_close_rx "[^>]")
    elseif(_kind STREQUAL square)
      set(_open_rx "[^[]")
      set(_close_rx "[^]]")
    else()
      set(_open_rx "[^{]")
      set(_close_rx "[^}]")
    endif()
    string(REGEX REPLACE "${_open_rx}" "" _opens "${_line}")
    string(REGEX REPLACE "${_close_rx}" "" _closes "${_line}")
    string(LENGTH "${_opens}" _n_open)
    string(LENGTH "${_closes}" _n_close)
    if(NOT _n_open EQUAL _n_close)
      message(FATAL_ERROR "asyncify-remove.txt: unbalanced brackets (write f(*), C<*>::*) in: ${_line}")
    endif()
  endforeach()
  string(APPEND _otp_remove "${_line}\n")
endforeach()
string(MD5 _otp_remove_md5 "${_otp_remove}")
string(SUBSTRING "${_otp_remove_md5}" 0 12 _otp_remove_md5)
set(OTP_ASYNCIFY_REMOVE_FILE "${CMAKE_BINARY_DIR}/asyncify-remove-${_otp_remove_md5}.txt")
file(WRITE "${OTP_ASYNCIFY_REMOVE_FILE}" "${_otp_remove}")

set(OTP_WASM_LINK_FLAGS
  -fexceptions
  -sASYNCIFY                    # emscripten_fiber_t switches by asyncify unwind/rewind
  -sASYNCIFY_STACK_SIZE=65536   # asyncify buffer of the main context (fibers bring their own)
  "-sASYNCIFY_REMOVE=@${OTP_ASYNCIFY_REMOVE_FILE}"
  -sALLOW_MEMORY_GROWTH=1
  -sTOTAL_STACK=8388608         # the host's C stack (3.1.6 spells STACK_SIZE this way)
  -sINITIAL_MEMORY=33554432
)
set(OTP_WASM_EXTRA_LINK_FLAGS "" CACHE STRING "Extra em++ link flags for every wasm executable (a ;-list)")
add_link_options(${OTP_WASM_LINK_FLAGS} ${OTP_WASM_EXTRA_LINK_FLAGS})

# Programs run under node (tests, bench, examples): the runtime exits with
# main's status, the host file system is visible (conformance transcripts),
# and the JS is not minified into one line (node prints the offending source
# line of an uncaught error: one line would be the whole 200 KB program).
function(otp_node_program target)
  target_link_options(${target} PRIVATE -sEXIT_RUNTIME=1 -sNODERAWFS=1 -sENVIRONMENT=node --minify=0)
endfunction()

# add_test(... COMMAND <target>) and catch_discover_tests run wasm programs
# through this (Node's global fetch confuses emscripten 3.1.6's loader).
find_program(OTP_NODE_EXECUTABLE NAMES node nodejs NO_CMAKE_FIND_ROOT_PATH REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR "${OTP_NODE_EXECUTABLE};--no-experimental-fetch")

# Build-time environment for em++ (see WasmToolchain.cmake), then ccache.
set(CMAKE_CXX_COMPILER_LAUNCHER "${CMAKE_COMMAND};-E;env;${OTP_EM_ENV};${CMAKE_CXX_COMPILER_LAUNCHER}")
set(CMAKE_CXX_LINKER_LAUNCHER "${CMAKE_COMMAND};-E;env;${OTP_EM_ENV}")
