# Installing the native library, so that an outside project can use it:
#
#   cmake --install build --prefix P            (or --component otp_library)
#
# puts in P
#   include/otp_playground/<area>/*.hpp      the public headers of core/
#   include/otp_playground/examples/<example>/*.hpp
#   lib/libotp_core.a, lib/libotp_examples.a
#   lib/cmake/OtpPlayground/                 the CMake package
# and an outside project then does
#
#   find_package(OtpPlayground 0.1 REQUIRED)
#   target_link_libraries(app PRIVATE OtpPlayground::otp_core)   # + ::otp_examples
#
# The package finds Boost (headers and Boost.Context, Debian's
# libboost-context-dev) with find_dependency; consumers compile as C++20.
# Included at the end of the top-level CMakeLists.txt, native build only.
# tests/install/ checks all this by building a tiny outside project.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(OTP_INSTALL_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}/otp_playground")
set(OTP_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/OtpPlayground")

# Headers of core/ that are not installed: each says at its top that it is
# internal to the files of its area (shared between their .cpp files). Every
# other header of core/ is public. A public header must include only public
# ones (tests/install checks it on the installed tree).
set(OTP_INTERNAL_HEADER_REGEX
  "_internal\\.hpp$"
  "_detail\\.hpp$"
  "/behaviours/(gen_server_loop|gen_stage_buffer|gen_stage_server|gen_stage_util)\\.hpp$"
  "/services/(ets_api|ets_errors|ets_match|ets_store|ets_tables)\\.hpp$"
  "/term/(algebra|float_format|heap|heap_alloc|inspect_text)\\.hpp$"
  "/shell/eval/(behaviour|fun|interp_data|raise)\\.hpp$"
  "/shell/lib/(access|bitstring|chars|cursors|enumerable|otp_proc|otp_support|otp_task|support|unicode)\\.hpp$")
set(_otp_excludes)
foreach(_re IN LISTS OTP_INTERNAL_HEADER_REGEX)
  list(APPEND _otp_excludes REGEX "${_re}" EXCLUDE)
endforeach()

install(DIRECTORY "${PROJECT_SOURCE_DIR}/core/" DESTINATION "${OTP_INSTALL_INCLUDEDIR}" COMPONENT otp_library
        FILES_MATCHING PATTERN "*.hpp" PATTERN "*.def" ${_otp_excludes})

# In the build tree the targets use the source folders and the build's
# helper targets (otp::boost, ...); installed, they use the folders above
# and Boost's own targets.
function(_otp_installable target install_include)
  get_target_property(_inc ${target} INTERFACE_INCLUDE_DIRECTORIES)
  set(_dirs)
  foreach(_d IN LISTS _inc)
    list(APPEND _dirs "$<BUILD_INTERFACE:${_d}>")
  endforeach()
  list(APPEND _dirs "$<INSTALL_INTERFACE:${install_include}>")
  set_property(TARGET ${target} PROPERTY INTERFACE_INCLUDE_DIRECTORIES "${_dirs}")
endfunction()

_otp_installable(otp_core "${OTP_INSTALL_INCLUDEDIR}")
get_target_property(_otp_links otp_core INTERFACE_LINK_LIBRARIES)
set(_otp_install_links)
foreach(_l IN LISTS _otp_links)
  list(APPEND _otp_install_links "$<BUILD_INTERFACE:${_l}>")
endforeach()
list(APPEND _otp_install_links "$<INSTALL_INTERFACE:Boost::headers>"
                               "$<INSTALL_INTERFACE:$<LINK_ONLY:Boost::context>>")
set_property(TARGET otp_core PROPERTY INTERFACE_LINK_LIBRARIES "${_otp_install_links}")
set_property(TARGET otp_core APPEND PROPERTY INTERFACE_COMPILE_FEATURES cxx_std_20)
set(_otp_targets otp_core)

if(TARGET otp_examples)
  _otp_installable(otp_examples "${OTP_INSTALL_INCLUDEDIR}/examples")
  install(DIRECTORY "${PROJECT_SOURCE_DIR}/examples/" DESTINATION "${OTP_INSTALL_INCLUDEDIR}/examples"
          COMPONENT otp_library FILES_MATCHING PATTERN "*.hpp" REGEX "_internal\\.hpp$" EXCLUDE)
  list(APPEND _otp_targets otp_examples)
endif()

install(TARGETS ${_otp_targets} EXPORT OtpPlaygroundTargets
        ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT otp_library)
install(EXPORT OtpPlaygroundTargets NAMESPACE OtpPlayground:: DESTINATION "${OTP_INSTALL_CMAKEDIR}"
        COMPONENT otp_library)

configure_package_config_file("${CMAKE_CURRENT_LIST_DIR}/OtpPlaygroundConfig.cmake.in"
                              "${PROJECT_BINARY_DIR}/OtpPlaygroundConfig.cmake"
                              INSTALL_DESTINATION "${OTP_INSTALL_CMAKEDIR}")
write_basic_package_version_file("${PROJECT_BINARY_DIR}/OtpPlaygroundConfigVersion.cmake"
                                 VERSION "${PROJECT_VERSION}" COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/OtpPlaygroundConfig.cmake" "${PROJECT_BINARY_DIR}/OtpPlaygroundConfigVersion.cmake"
        DESTINATION "${OTP_INSTALL_CMAKEDIR}" COMPONENT otp_library)
