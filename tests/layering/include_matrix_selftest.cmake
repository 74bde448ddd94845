# SPDX-License-Identifier: MIT
# The include check must not pass vacuously: run on fixture/, a tree with known violations,
# it must fail and report exactly fixture/expected.txt (RULES there stands for the rules file).
#
#   cmake -DCHECKER=<check_includes.cmake> -DFIXTURE=<fixture dir> -DQT_INCLUDE_ROOT=<dir>
#         -DREPORT=<scratch file> -P include_matrix_selftest.cmake
cmake_minimum_required(VERSION 3.22)

foreach(var CHECKER FIXTURE QT_INCLUDE_ROOT REPORT)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "include_matrix_selftest.cmake: pass -D${var}=…")
    endif()
endforeach()

file(REMOVE "${REPORT}")
execute_process(
    COMMAND "${CMAKE_COMMAND}" "-DTOP=${FIXTURE}" "-DRULES=${FIXTURE}/rules.cmake"
            "-DQT_INCLUDE_ROOT=${QT_INCLUDE_ROOT}" "-DREPORT=${REPORT}" -P "${CHECKER}"
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
if(result EQUAL 0)
    message(FATAL_ERROR "the include check passed a tree with violations:\n${output}")
endif()
if(NOT EXISTS "${REPORT}")
    message(FATAL_ERROR "the include check failed without a report (a broken script?):\n${output}")
endif()

file(READ "${REPORT}" actual)
file(READ "${FIXTURE}/expected.txt" expected)
string(REPLACE "RULES:" "${FIXTURE}/rules.cmake:" expected "${expected}")
if(NOT actual STREQUAL expected)
    message(FATAL_ERROR "the include check reported\n${actual}\ninstead of\n${expected}")
endif()
message(STATUS "include check self-test: the fixture's violations are reported, exactly")
