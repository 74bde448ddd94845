# SPDX-License-Identifier: MIT
# Builds the layering probes one after the other and checks each build's exit code against
# what it must be (build or fail). Only exit codes count, never a compiler's wording.
#
#   cmake -DBUILD_DIR=<build folder> -DPROBES=<probes.cmake, generated> -P run_probes.cmake
cmake_minimum_required(VERSION 3.22)

foreach(var BUILD_DIR PROBES)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "run_probes.cmake: pass -D${var}=…")
    endif()
endforeach()
include("${PROBES}")
if(NOT TC_PROBES)
    message(FATAL_ERROR "run_probes.cmake: ${PROBES} lists no probes")
endif()

set(wrong "")
set(count 0)
foreach(entry IN LISTS TC_PROBES)
    string(REPLACE "|" ";" fields "${entry}")
    list(GET fields 0 target)
    list(GET fields 1 expected)
    list(GET fields 2 what)
    math(EXPR count "${count} + 1")
    execute_process(
        COMMAND "${CMAKE_COMMAND}" --build "${BUILD_DIR}" --target "${target}" --parallel 2
        RESULT_VARIABLE result
        OUTPUT_VARIABLE output
        ERROR_VARIABLE output)
    if(result EQUAL 0)
        set(actual build)
    else()
        set(actual fail)
    endif()
    if(actual STREQUAL expected)
        if(expected STREQUAL "build")
            message(STATUS "ok    ${what}: builds, as it must")
        else()
            message(STATUS "ok    ${what}: does not build, as it must")
        endif()
    else()
        if(expected STREQUAL "build")
            set(problem "${what}: must build but does not (the probe setup is broken)")
        else()
            set(problem "${what}: must not build but does (the library reaches Qt Gui or Widgets)")
        endif()
        message(STATUS "WRONG ${problem}")
        message("---- cmake --build --target ${target} (exit ${result}):\n${output}----")
        list(APPEND wrong "${problem}")
    endif()
endforeach()

list(LENGTH wrong wrong_count)
if(wrong_count GREATER 0)
    list(JOIN wrong "\n  " lines)
    message(FATAL_ERROR "${wrong_count} of ${count} layering probes went the wrong way:\n  ${lines}")
endif()
message(STATUS "${count} layering probes, all as they must be")
