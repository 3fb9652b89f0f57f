#!/usr/bin/env bash
# Builds the sandbox image locally (no registry is reachable here). Idempotent: does nothing when the
# image already carries the current Dockerfile's hash.
#   1. a minimal Debian root with debootstrap, imported as dgm-base:bookworm (skipped if present)
#   2. docker build of ./Dockerfile on top of it, tagged dgm-sandbox:latest
# Environment: DGM_IMAGE (default dgm-sandbox:latest), DGM_BASE_IMAGE (use an existing base instead,
# for example an official .NET SDK image where a registry can be reached).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
image=${DGM_IMAGE:-dgm-sandbox:latest}
base=${DGM_BASE_IMAGE:-dgm-base:bookworm}
log() { printf 'build-sandbox-image: %s\n' "$*" >&2; }

"$root/scripts/lib/ensure-docker.sh"

hash=$(sha256sum "$root/Dockerfile" | cut -c1-16)
current=$(docker image inspect -f '{{ index .Config.Labels "org.dgm.dockerfile" }}' "$image" 2>/dev/null || true)
if [ "$current" = "$hash" ]; then
  exit 0
fi

if ! docker image inspect "$base" >/dev/null 2>&1; then
  if [ "$base" != "dgm-base:bookworm" ]; then
    log "base image $base is not present; pull it first or unset DGM_BASE_IMAGE"
    exit 1
  fi
  if ! command -v debootstrap >/dev/null 2>&1; then
    log "installing debootstrap"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  fi
  mirror=$(grep -hm1 '^URIs:' /etc/apt/sources.list.d/debian.sources 2>/dev/null | awk '{print $2}' || true)
  [ -n "$mirror" ] || mirror=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  [ -n "$mirror" ] || mirror=http://deb.debian.org/debian
  rootfs=$(mktemp -d /tmp/dgm-rootfs.XXXXXX)
  trap 'rm -rf "$rootfs"' EXIT
  log "debootstrap bookworm from $mirror (about a minute)"
  debootstrap --variant=minbase --include=git,ca-certificates,libicu72,libssl3,patch,procps \
    bookworm "$rootfs" "$mirror" >/tmp/dgm-debootstrap.log 2>&1 \
    || { log "debootstrap failed, see /tmp/dgm-debootstrap.log"; exit 1; }
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | docker import - "$base" >/dev/null
  log "imported $base"
fi

log "building $image"
docker build -q --build-arg "BASE=$base" --label "org.dgm.dockerfile=$hash" -t "$image" "$root" -f "$root/Dockerfile" >/dev/null
log "built $image"
