#!/bin/sh
# Run a command inside a private D-Bus session with an unlocked, throw-away GNOME Keyring, so the
# tests marked `keyring` exercise the real Secret Service without touching anyone's own keyring.
#
#   packaging/ci_keyring.sh                       # runs: <python> -m pytest -q -m keyring
#   packaging/ci_keyring.sh .venv/bin/pytest -q -m keyring tests/test_keyring_secret_service.py
#
# Needs dbus-run-session and gnome-keyring-daemon (Debian/Ubuntu: apt-get install -y
# --no-install-recommends gnome-keyring libsecret-tools dbus). Without them it says so and runs the
# command anyway; the keyring tests then skip with a reason. HOME and the XDG folders point into a
# temporary directory that is removed afterwards. As root, dbus-daemon may print "Failed to set fd
# limit": harmless.
set -eu

if [ "$#" -eq 0 ]; then
    python=${PYTHON:-}
    if [ -z "$python" ]; then
        if [ -x .venv/bin/python ]; then python=$(pwd)/.venv/bin/python; else python=python3; fi
    fi
    set -- "$python" -m pytest -q -m keyring
fi

if ! command -v dbus-run-session >/dev/null 2>&1 || ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
    echo "ci_keyring.sh: dbus-run-session or gnome-keyring-daemon is missing; keyring tests will skip" >&2
    exec "$@"
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/coheara-keyring.XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM
mkdir -p "$scratch/home/.local/share" "$scratch/home/.config" "$scratch/home/.cache" "$scratch/run"
chmod 700 "$scratch/run"

export HOME="$scratch/home"
export XDG_DATA_HOME="$scratch/home/.local/share"
export XDG_CONFIG_HOME="$scratch/home/.config"
export XDG_CACHE_HOME="$scratch/home/.cache"
export XDG_RUNTIME_DIR="$scratch/run"
export COHEARA_TEST_KEYRING=isolated   # the integration tests refuse to run without this
unset PYTHON_KEYRING_BACKEND || true

# --unlock reads the (throw-away) login keyring password on stdin, creating the keyring if needed.
dbus-run-session -- sh -c 'printf coheara-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' ci_keyring "$@"
