# Native third-party dependencies (Debian packages: libboost-dev,
# libboost-context-dev, catch2, nlohmann-json3-dev, libfmt-dev). Defines the interface targets that the
# rest of the build uses in both builds:
#   otp::boost   Boost headers (Boost.Multiprecision is header-only)
#   otp::catch2  Catch2 2.x headers, included as <catch2/catch.hpp>
#   otp::json    nlohmann-json 3 (header-only; the observer's JSON)
# and otp::boost_context, linked only by the native fiber backend.

find_package(Boost 1.74 CONFIG REQUIRED COMPONENTS context)
find_package(Catch2 2 CONFIG REQUIRED)
find_package(nlohmann_json 3 CONFIG REQUIRED)  # Debian: nlohmann-json3-dev
# {fmt}, header-only and only inside core/term/float_format.cpp (never in a
# public header, so the installed library does not need it): Debian's libfmt-dev.
find_path(OTP_FMT_INCLUDE_DIR fmt/format.h)
if(NOT OTP_FMT_INCLUDE_DIR)
  message(FATAL_ERROR "fmt/format.h is missing: install libfmt-dev (bash scripts/setup.sh)")
endif()
list(APPEND CMAKE_MODULE_PATH "${Catch2_DIR}")  # for include(Catch)

add_library(otp_boost INTERFACE)
target_link_libraries(otp_boost INTERFACE Boost::headers)
add_library(otp::boost ALIAS otp_boost)

add_library(otp_boost_context INTERFACE)
target_link_libraries(otp_boost_context INTERFACE Boost::context)
add_library(otp::boost_context ALIAS otp_boost_context)

add_library(otp_catch2 INTERFACE)
target_link_libraries(otp_catch2 INTERFACE Catch2::Catch2)
add_library(otp::catch2 ALIAS otp_catch2)

add_library(otp_json INTERFACE)
target_link_libraries(otp_json INTERFACE nlohmann_json::nlohmann_json)
add_library(otp::json ALIAS otp_json)

# Natively a program needs nothing extra (see OtpWasm.cmake for wasm).
function(otp_node_program target)
endfunction()
