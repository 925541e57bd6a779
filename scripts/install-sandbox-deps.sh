#!/bin/sh
# Installs what the process engine's sandbox uses, if missing. Idempotent; safe to run before every test run.
#   bubblewrap  namespaces (no network, read-only system, private /tmp, /dev/shm, /proc)
#   util-linux  prlimit (rlimits), setpriv (the run's own uid), setsid
# and creates the playground-sandbox group and user (runs use uids 61184-61439 with this group).
set -eu

need=""
command -v bwrap >/dev/null 2>&1 || need="$need bubblewrap"
for tool in prlimit setpriv setsid; do
    command -v "$tool" >/dev/null 2>&1 || { need="$need util-linux"; break; }
done

if [ -n "$need" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "install-sandbox-deps: missing$need; run as root to install" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq $need >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq $need; }
fi

if [ "$(id -u)" -eq 0 ]; then
    getent group playground-sandbox >/dev/null 2>&1 || groupadd --system playground-sandbox
    getent passwd playground-sandbox >/dev/null 2>&1 || \
        useradd --system --gid playground-sandbox --no-create-home --home-dir /nonexistent \
                --shell /usr/sbin/nologin playground-sandbox
    mkdir -p /run/playground-sandbox
fi

echo "install-sandbox-deps: bwrap $(bwrap --version 2>/dev/null | cut -d' ' -f2); prlimit, setpriv, setsid present; user playground-sandbox $(id -u playground-sandbox 2>/dev/null || echo absent)"
