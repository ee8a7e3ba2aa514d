# The install test (cmake -P): installs the library into a fresh prefix,
# checks the installed headers, then configures, builds and runs the tiny
# outside project tests/install/consumer against the package, as a user
# would. Registered by tests/CMakeLists.txt; arguments (-D):
#   BUILD_DIR   the native build tree (otp_core, otp_examples built)
#   WORK_DIR    scratch folder (emptied first): WORK_DIR/prefix, WORK_DIR/build
#   CONSUMER    tests/install/consumer
#   CXX         the compiler the library was built with
#   LAUNCHER    ccache, or empty
#   GENERATOR   the CMake generator (Ninja)
cmake_minimum_required(VERSION 3.25)

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}\n${err}")
  endif()
  set(run_output "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")
run("cmake --install" "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}" --component otp_library)

# The installed headers: the package's include folder, no internal header,
# and every #include "..." of an installed header resolves to another one.
set(inc "${prefix}/include/otp_playground")
foreach(f runtime/node.hpp behaviours/gen_server.hpp term/atoms.def examples/switch/switch.hpp
          lib/cmake/OtpPlayground/OtpPlaygroundConfig.cmake lib/cmake/OtpPlayground/OtpPlaygroundConfigVersion.cmake)
  if(f MATCHES "^lib/")
    set(path "${prefix}/${f}")
  else()
    set(path "${inc}/${f}")
  endif()
  if(NOT EXISTS "${path}")
    message(FATAL_ERROR "not installed: ${path}")
  endif()
endforeach()
file(GLOB_RECURSE headers RELATIVE "${inc}" "${inc}/*.hpp")
foreach(h IN LISTS headers)
  if(h MATCHES "_internal\\.hpp$|_detail\\.hpp$|gen_server_loop\\.hpp$")
    message(FATAL_ERROR "internal header installed: ${h}")
  endif()
  file(STRINGS "${inc}/${h}" includes REGEX "^#include \"")
  foreach(line IN LISTS includes)
    string(REGEX REPLACE "^#include \"([^\"]+)\".*" "\\1" target "${line}")
    if(NOT EXISTS "${inc}/${target}" AND NOT EXISTS "${inc}/examples/${target}")
      message(FATAL_ERROR "${h} includes \"${target}\", which is not installed")
    endif()
  endforeach()
endforeach()
list(LENGTH headers n)
message(STATUS "${n} headers installed, every include resolves")

set(launcher)
if(LAUNCHER)
  set(launcher "-DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER}")
endif()
run("configuring the consumer" "${CMAKE_COMMAND}" -S "${CONSUMER}" -B "${WORK_DIR}/build" -G "${GENERATOR}"
    "-DCMAKE_PREFIX_PATH=${prefix}" "-DCMAKE_CXX_COMPILER=${CXX}" ${launcher} -DCMAKE_BUILD_TYPE=Release)
run("building the consumer" "${CMAKE_COMMAND}" --build "${WORK_DIR}/build")
run("running the consumer" "${WORK_DIR}/build/otp_consumer")
message(STATUS "otp_consumer printed:\n${run_output}")
foreach(expected "token passed 1000 hops" "counter says 42" "switch calls up 100")
  string(FIND "${run_output}" "${expected}" at)
  if(at LESS 0)
    message(FATAL_ERROR "otp_consumer did not print \"${expected}\"")
  endif()
endforeach()
