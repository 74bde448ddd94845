# SPDX-License-Identifier: MIT
# clang-format over the project's C++ (app/, ui/, tests/; not the layering test's fixture, whose
# files are data). MODE=check fails on any file that is not formatted; MODE=apply formats them.
#   cmake -DCLANG_FORMAT=<clang-format> -DTOP=<source dir> -DMODE=check|apply -P format.cmake
cmake_minimum_required(VERSION 3.22)
set(globs "")
foreach(dir app ui tests)
    foreach(ext h cpp)
        list(APPEND globs "${TOP}/${dir}/*.${ext}")
    endforeach()
endforeach()
file(GLOB_RECURSE files LIST_DIRECTORIES false ${globs})
list(FILTER files EXCLUDE REGEX "/tests/layering/fixture/|/node_modules/")
list(SORT files)
list(LENGTH files count)
if(count EQUAL 0)
    message(FATAL_ERROR "format.cmake: no sources under ${TOP}")
endif()
if(MODE STREQUAL "apply")
    execute_process(COMMAND "${CLANG_FORMAT}" -i --style=file ${files} RESULT_VARIABLE result)
else()
    execute_process(COMMAND "${CLANG_FORMAT}" --dry-run -Werror --style=file ${files} RESULT_VARIABLE result)
endif()
if(NOT result EQUAL 0)
    message(FATAL_ERROR "${count} files checked: some are not formatted as .clang-format says "
                        "(cmake --build <build dir> --target format fixes them)")
endif()
message(STATUS "${count} files formatted as .clang-format says")
