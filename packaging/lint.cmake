# SPDX-License-Identifier: MIT
# The lint targets, run by `cmake --workflow --preset lint` (or packaging/setup.sh lint):
#   format-check  clang-format --dry-run -Werror over app/, ui/ and tests/ (.clang-format)
#   format        the same files formatted in place
#   tidy          clang-tidy over app/ and ui/ on this build's compile database (.clang-tidy);
#                 it builds the app first, so AUTOMOC's and AUTOUIC's headers exist
# Included from the top-level CMakeLists.txt; without the tools the targets say what to install.
find_program(TASKCOMPOSER_CLANG_FORMAT NAMES clang-format-14 clang-format)
find_program(TASKCOMPOSER_CLANG_TIDY NAMES clang-tidy-14 clang-tidy)
find_program(TASKCOMPOSER_RUN_CLANG_TIDY NAMES run-clang-tidy-14 run-clang-tidy)

set(lint_missing_message "${CMAKE_COMMAND}" -E echo "install clang-format and clang-tidy (packaging/setup.sh lint does)")

if(TASKCOMPOSER_CLANG_FORMAT)
    foreach(mode check apply)
        set(name format-check)
        if(mode STREQUAL "apply")
            set(name format)
        endif()
        add_custom_target(${name}
            COMMAND ${CMAKE_COMMAND} -DCLANG_FORMAT=${TASKCOMPOSER_CLANG_FORMAT} -DTOP=${PROJECT_SOURCE_DIR}
                    -DMODE=${mode} -P ${PROJECT_SOURCE_DIR}/packaging/format.cmake
            WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
            VERBATIM USES_TERMINAL)
    endforeach()
else()
    add_custom_target(format-check COMMAND ${lint_missing_message} COMMAND false VERBATIM)
    add_custom_target(format COMMAND ${lint_missing_message} COMMAND false VERBATIM)
endif()

if(TASKCOMPOSER_CLANG_TIDY AND TASKCOMPOSER_RUN_CLANG_TIDY)
    if(NOT CMAKE_EXPORT_COMPILE_COMMANDS)
        message(STATUS "tidy: needs CMAKE_EXPORT_COMPILE_COMMANDS=ON (the dev preset sets it)")
    endif()
    cmake_host_system_information(RESULT lint_jobs QUERY NUMBER_OF_LOGICAL_CORES)
    add_custom_target(tidy
        COMMAND ${TASKCOMPOSER_RUN_CLANG_TIDY} -clang-tidy-binary ${TASKCOMPOSER_CLANG_TIDY}
                -p ${CMAKE_BINARY_DIR} -j ${lint_jobs} -quiet "^${PROJECT_SOURCE_DIR}/(app|ui)/"
        WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
        VERBATIM USES_TERMINAL)
    add_dependencies(tidy taskcomposer)
else()
    add_custom_target(tidy COMMAND ${lint_missing_message} COMMAND false VERBATIM)
endif()
