#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# One script for a fresh Debian 12 machine (run as root, or with sudo available):
#   packaging/setup.sh run    install what is missing, build, start the app
#   packaging/setup.sh test   install what is missing, build, run every test (plain and ASan+UBSan)
#   packaging/setup.sh deps   only install what is missing
#   packaging/setup.sh lint   install clang-format and clang-tidy, check formatting and clang-tidy
#
# Every Debian package the project needs is listed here, and only here.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

PACKAGES=(
    # toolchain
    cmake ninja-build g++ pkg-config
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
        log "All tests passed, plain and under AddressSanitizer + UndefinedBehaviorSanitizer"
        ;;
    *)
        sed -n '3,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
        exit 2
        ;;
esac
