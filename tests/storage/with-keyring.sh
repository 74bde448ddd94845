#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# with-keyring.sh COMMAND [ARG…]
#
# Runs COMMAND against a real Secret Service of its own: a private D-Bus session
# (dbus-run-session) with gnome-keyring-daemon, a fresh HOME and XDG_RUNTIME_DIR, and a login
# keyring unlocked with a throw-away password, so nothing touches the caller's own keyring.
# A fresh HOME and a non-empty password both matter: otherwise the daemon wants to prompt and
# every write fails ("Object does not exist at path …/collection/login").
#
# When the keyring cannot be started, this fails and says why: it never skips, since a test
# that passes without a keyring proves nothing about the keyring.
set -euo pipefail

fail() {
    echo "with-keyring.sh: $*" >&2
    exit 1
}

if [[ "${1:-}" != --inside-private-bus ]]; then
    [[ $# -ge 1 ]] || fail "usage: with-keyring.sh COMMAND [ARG…]"
    command -v dbus-run-session >/dev/null || fail "dbus-run-session not found: install the 'dbus' package (packaging/setup.sh lists it)"
    command -v gnome-keyring-daemon >/dev/null || fail "gnome-keyring-daemon not found: install the 'gnome-keyring' package (packaging/setup.sh lists it)"
    command -v dbus-send >/dev/null || fail "dbus-send not found: install the 'dbus' package"
    exec dbus-run-session -- bash "${BASH_SOURCE[0]}" --inside-private-bus "$@"
fi
shift

[[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]] || fail "dbus-run-session gave no session bus address"

home=$(mktemp -d)
runtime=$(mktemp -d) # mktemp -d makes it 0700, as XDG_RUNTIME_DIR must be
daemon_pid=""
cleanup() {
    if [[ -n "$daemon_pid" ]]; then
        kill "$daemon_pid" 2>/dev/null || true
        wait "$daemon_pid" 2>/dev/null || true
    fi
    rm -rf -- "$home" "$runtime"
}
trap cleanup EXIT

export HOME="$home" XDG_RUNTIME_DIR="$runtime"
# Everything else derives from the fresh HOME, the keyring's files and the app's alike.
unset XDG_CONFIG_HOME XDG_DATA_HOME XDG_CACHE_HOME XDG_STATE_HOME GNOME_KEYRING_CONTROL DISPLAY WAYLAND_DISPLAY

bus() {
    dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        "org.freedesktop.DBus.$1" "string:$2" 2>&1
}

# --unlock reads the password on stdin, then creates and unlocks the login keyring. In the
# foreground, so that $! is the daemon itself: the one to stop on exit, and nothing else.
log="$runtime/gnome-keyring-daemon.log"
printf '%s' 'taskcomposer-test-password' | gnome-keyring-daemon --foreground --unlock --components=secrets >"$log" 2>&1 &
daemon_pid=$!

# It takes the Secret Service's name a moment after it starts (about 0.1 s here). Wait for that,
# 10 s at most: a request before it would have D-Bus start a second daemon, with a locked keyring.
deadline=$((SECONDS + 10))
while true; do
    owner=$(bus GetConnectionUnixProcessID org.freedesktop.secrets) && break
    if ! kill -0 "$daemon_pid" 2>/dev/null; then
        status=0
        wait "$daemon_pid" || status=$?
        daemon_pid=""
        fail "gnome-keyring-daemon exited (status $status) before it became the Secret Service: $(cat "$log")"
    fi
    ((SECONDS < deadline)) || fail "gnome-keyring-daemon did not become the Secret Service within 10 s: $owner $(cat "$log")"
    sleep 0.05
done
[[ "$(awk '{ print $2 }' <<<"$owner")" == "$daemon_pid" ]] \
    || fail "the Secret Service on the private bus is not the daemon started here: $owner"

export TASKCOMPOSER_TEST_KEYRING=private
"$@"
