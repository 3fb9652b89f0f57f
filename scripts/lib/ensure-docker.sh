#!/usr/bin/env bash
# Makes sure a Docker engine answers: installs Debian's docker.io when missing (root only),
# starts dockerd when it is not running, and waits until `docker info` answers. Idempotent.
# Exit 0: Docker is usable. Exit 3: it cannot be had here (the reason is printed).
set -euo pipefail

log() { printf 'ensure-docker: %s\n' "$*" >&2; }

if docker info >/dev/null 2>&1; then
  exit 0
fi

if [ -n "${DOCKER_HOST:-}" ]; then
  log "DOCKER_HOST=$DOCKER_HOST is set but the daemon there does not answer"
  exit 3
fi

if [ "$(id -u)" -ne 0 ]; then
  log "no Docker daemon answers and we are not root, so none can be installed or started"
  exit 3
fi

if ! command -v dockerd >/dev/null 2>&1; then
  log "installing Debian's docker.io"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null
fi

if ! command -v docker >/dev/null 2>&1; then
  log "docker client missing after install"
  exit 3
fi

if ! pgrep -x dockerd >/dev/null 2>&1; then
  log "starting dockerd"
  mkdir -p /var/log
  nohup dockerd >/var/log/dgm-dockerd.log 2>&1 &
fi

for _ in $(seq 1 60); do
  if docker info >/dev/null 2>&1; then
    log "Docker engine is up"
    exit 0
  fi
  sleep 1
done
log "dockerd did not answer within 60 s; see /var/log/dgm-dockerd.log"
exit 3
