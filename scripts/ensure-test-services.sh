#!/bin/sh
# Installs the binaries the tests start on free ports (they never use a shared instance).
set -eu
if command -v redis-server >/dev/null 2>&1; then
    exit 0
fi
echo "redis-server ausente: instalando o pacote Debian redis-server" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq redis-server >/dev/null
command -v redis-server >/dev/null 2>&1
