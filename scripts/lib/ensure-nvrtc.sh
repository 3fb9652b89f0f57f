#!/usr/bin/env bash
# Makes sure NVRTC (CUDA's run-time compiler, libnvrtc) can be loaded: on Debian as root it adds the
# contrib and non-free components to apt's sources and installs libnvrtc11.2 (CUDA 11.8). Idempotent.
# NVRTC needs no GPU: it compiles CUDA C++ to PTX on any machine (the cuda suite's static check).
# Exit 0: NVRTC is there. Exit 3: it cannot be had here (the reason is printed).
set -euo pipefail

log() { printf 'ensure-nvrtc: %s\n' "$*" >&2; }

if ldconfig -p 2>/dev/null | grep -q 'libnvrtc\.so'; then
  exit 0
fi

if [ -n "${DGM_NVRTC_LIBRARY:-}" ] && [ -f "$DGM_NVRTC_LIBRARY" ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  log "NVRTC is not installed and cannot be installed here (needs root and apt); install CUDA's NVRTC or set DGM_NVRTC_LIBRARY"
  exit 3
fi

sources=/etc/apt/sources.list.d/debian.sources
if [ -f "$sources" ]; then
  if ! grep -q '^Components:.*non-free' "$sources"; then
    log "adding contrib non-free to $sources"
    sed -i '0,/^Components: main$/s//Components: main contrib non-free/' "$sources"
  fi
elif [ -f /etc/apt/sources.list ] && ! grep -q 'non-free' /etc/apt/sources.list; then
  log "adding contrib non-free to /etc/apt/sources.list"
  sed -i -E '0,/^deb .* main$/s//& contrib non-free/' /etc/apt/sources.list
fi

log "installing libnvrtc11.2 (about 50 MB)"
apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libnvrtc11.2 >/dev/null
ldconfig
if ! ldconfig -p | grep -q 'libnvrtc\.so'; then
  log "libnvrtc11.2 installed but libnvrtc.so is not visible to the loader"
  exit 3
fi
