#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# One script for a fresh Debian 12 machine (run as root, or with sudo available):
#   packaging/setup.sh run    install what is missing, build, start the app
#   packaging/setup.sh test   install what is missing, build, run every test (plain and ASan+UBSan),
#                             then each libFuzzer harness for a few seconds
#   packaging/setup.sh fuzz [seconds]
#                             the longer fuzz run: each harness for `seconds` (default 300), one at
#                             a time, niced; prints executions and coverage per harness
#   packaging/setup.sh deps   only install what is missing
#   packaging/setup.sh lint   install clang-format and clang-tidy, check formatting and clang-tidy
#
# Every Debian package the project needs is listed here, and only here.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

PACKAGES=(
    # toolchain
    cmake ninja-build g++ pkg-config
    # clang and its runtime (libFuzzer, ASan, UBSan) for the fuzz harnesses (tests/fuzz)
    clang-14 libclang-rt-14-dev
    # Qt 6.4: Core, Network, Widgets, Test; platform plugins to show a window
    qt6-base-dev qt6-base-dev-tools libgl-dev qt6-qpa-plugins
    # Qt HTTP Server for the sandbox (its CMake package needs WebSockets too)
    qt6-httpserver-dev qt6-websockets-dev
    # storage: the API key in the system keychain, and the history in SQLite
    qtkeychain-qt6-dev libqt6sql6-sqlite
    # a Secret Service for the keychain tests (started per test in a private D-Bus session)
    gnome-keyring dbus
    # a font, so text renders on the offscreen platform and under Xvfb
    fonts-dejavu-core
    # Node.js for the interop test with Arize's TypeScript client (npm: see install_interop_deps)
    nodejs
)

# Only for `setup.sh lint` (cmake --workflow --preset lint): the test command does not need them.
LINT_PACKAGES=(clang-format clang-tidy)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "error: installing packages needs root; run this script as root or install sudo" >&2
        exit 1
    fi
}

install_missing() {
    local missing=()
    for package in "${PACKAGES[@]}" "$@"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$package")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        log "Debian packages: all present"
        return
    fi
    log "Installing: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
}

# npm (only if nodejs did not bring one: NodeSource's bundles it and conflicts with Debian's
# npm package, Debian's nodejs needs it), then the client pinned in tests/sandbox/interop.
install_interop_deps() {
    if ! command -v npm >/dev/null 2>&1; then
        log "Installing: npm"
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm
    fi
    log "npm ci in tests/sandbox/interop"
    npm ci --no-audit --no-fund --prefix tests/sandbox/interop
}

build() {
    local preset=$1
    log "Configuring and building ($preset)"
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset"
}

run_tests() {
    local preset=$1
    log "Testing ($preset)"
    ctest --preset "$preset" -j2
}

# The fuzz tests' figures from a verbose ctest log: per harness, the runs, the speed, the last
# coverage line's cov: (edges) and ft: (features), and the corpus it ended with.
summarize_fuzz_log() {
    awk '
        /Test command: .*fuzz_/ { match($0, /fuzz_[a-z]+/); name = substr($0, RSTART, RLENGTH) }
        / cov: [0-9]+ ft: [0-9]+/ { match($0, /cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/); cov[name] = substr($0, RSTART, RLENGTH) }
        /stat::number_of_executed_units:/ { runs[name] = $NF }
        /stat::average_exec_per_sec:/ { speed[name] = $NF }
        /stat::peak_rss_mb:/ { rss[name] = $NF }
        END {
            for (n in runs)
                printf "%-16s %12d runs %8d/s  %s  peak %s MB\n", n, runs[n], speed[n], cov[n], rss[n]
        }' "$1" | sort
}

command=${1:-}
case "$command" in
    deps)
        install_missing
        install_interop_deps
        ;;
    run)
        shift
        install_missing
        build dev
        if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
            log "No display found (DISPLAY and WAYLAND_DISPLAY are empty)."
            log "Start one (e.g. 'Xvfb :99 & export DISPLAY=:99') or try the command line: build-dev/app/taskcomposer --help"
        fi
        log "Starting Task Composer"
        exec build-dev/app/taskcomposer "$@"
        ;;
    lint)
        install_missing "${LINT_PACKAGES[@]}"
        log "Checking formatting (.clang-format) and clang-tidy (.clang-tidy)"
        cmake --workflow --preset lint
        ;;
    test)
        install_missing
        install_interop_deps
        build dev
        run_tests dev
        build asan
        run_tests asan
        build fuzz
        run_tests fuzz
        log "All tests passed, plain, under AddressSanitizer + UndefinedBehaviorSanitizer, and fuzzed"
        ;;
    fuzz)
        seconds=${2:-300}
        install_missing
        log "Configuring and building (fuzz, ${seconds} s per harness)"
        cmake --preset fuzz -DTASKCOMPOSER_FUZZ_SECONDS="$seconds" >/dev/null
        cmake --build --preset fuzz
        log "Fuzzing, one harness at a time (log: build-fuzz/fuzz-run.log; findings: build-fuzz/tests/fuzz/fuzz-artifacts/)"
        status=0
        nice ctest --preset fuzz -j1 -V >build-fuzz/fuzz-run.log 2>&1 || status=$?
        summarize_fuzz_log build-fuzz/fuzz-run.log
        grep -E '^[0-9]+/[0-9]+ Test' build-fuzz/fuzz-run.log || true
        exit $status
        ;;
    *)
        sed -n '3,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
        exit 2
        ;;
esac
