# SPDX-License-Identifier: MIT
# Fails when one of TARGETS links, directly or through other libraries, one of FORBIDDEN. Reads
# the link closures tests/layering/CMakeLists.txt writes at configure time (<target>.links: one
# line per target reached, with the chain that reaches it).
#
#   cmake -DLINK_DIR=<dir> -DTARGETS=a,b -DFORBIDDEN=x,y -P check_links.cmake
cmake_minimum_required(VERSION 3.22)

foreach(var LINK_DIR TARGETS FORBIDDEN)
    if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
        message(FATAL_ERROR "check_links.cmake: pass -D${var}=…")
    endif()
endforeach()
string(REPLACE "," ";" targets "${TARGETS}")
string(REPLACE "," ";" forbidden "${FORBIDDEN}")

set(found "")
foreach(target IN LISTS targets)
    set(file "${LINK_DIR}/${target}.links")
    if(NOT EXISTS "${file}")
        message(FATAL_ERROR "check_links.cmake: ${file} is missing: configure again")
    endif()
    file(STRINGS "${file}" chains)
    list(GET chains 0 first)
    if(NOT first STREQUAL target)
        message(FATAL_ERROR "check_links.cmake: ${file} does not start with ${target}")
    endif()
    list(LENGTH chains reached)
    foreach(chain IN LISTS chains)
        string(REGEX REPLACE "^.* -> " "" last "${chain}")
        if(last IN_LIST forbidden)
            list(APPEND found "${target} links ${last}: ${chain}")
        endif()
    endforeach()
    message(STATUS "${target}: ${reached} targets in its link closure")
endforeach()

if(found)
    list(JOIN found "\n  " lines)
    message(FATAL_ERROR "forbidden links:\n  ${lines}")
endif()
message(STATUS "none of ${TARGETS} links ${FORBIDDEN}")
