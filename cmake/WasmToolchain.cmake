# Toolchain file of the wasm build: Debian's Emscripten.cmake, with the
# environment em++ needs set for configure-time checks. Build-time commands
# get the same environment through the compiler and linker launchers set in
# cmake/OtpWasm.cmake, so `cmake --build build/wasm` works from any shell.
#
#   NODE_PATH  em++ runs acorn (Debian's node-acorn) from /usr/share/nodejs.
#   EM_CACHE   only when OTP_EM_CACHE is set: by default Debian's prebuilt,
#              read-only cache (/usr/share/emscripten/cache) is used, which
#              already holds every system library this project links.
set(OTP_EM_NODE_PATH "/usr/share/nodejs" CACHE PATH "NODE_PATH for em++ (where acorn is)")
set(OTP_EM_CACHE "$ENV{OTP_EM_CACHE}" CACHE PATH "Writable emscripten cache (empty: Debian's prebuilt one)")
set(OTP_EMSCRIPTEN_TOOLCHAIN "/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake"
    CACHE FILEPATH "emscripten's own CMake toolchain file")

set(OTP_EM_ENV "NODE_PATH=${OTP_EM_NODE_PATH}")
if(OTP_EM_CACHE)
  list(APPEND OTP_EM_ENV "EM_CACHE=${OTP_EM_CACHE}" "EM_FROZEN_CACHE=")
  set(ENV{EM_CACHE} "${OTP_EM_CACHE}")
  set(ENV{EM_FROZEN_CACHE} "")
endif()
set(ENV{NODE_PATH} "${OTP_EM_NODE_PATH}")

include("${OTP_EMSCRIPTEN_TOOLCHAIN}")
