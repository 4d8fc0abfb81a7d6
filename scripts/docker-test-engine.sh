#!/usr/bin/env bash
# A Docker engine and a test image for Drover's Docker tests.
#
#   eval "$(scripts/docker-test-engine.sh start)"   prints shell exports: DOCKER_HOST, DROVER_TEST_IMAGE and,
#                                                   when it started a daemon, DROVER_TEST_ENGINE_DIR
#   scripts/docker-test-engine.sh stop [DIR]        stops the daemon started in DIR ($DROVER_TEST_ENGINE_DIR)
#
# When DOCKER_HOST is set, that engine is used (and must answer); nothing is started or stopped.
# Otherwise a private dockerd runs on its own socket, data root, exec root, pid file, bridge and
# containerd namespace under a fresh directory in /tmp (short paths: a unix socket path holds at most
# 108 bytes), so that it disturbs no other engine on the machine. Installs Debian's docker.io and
# busybox-static when they are missing (as root). No image is pulled: the test image is imported from a
# busybox rootfs.
set -euo pipefail

IMAGE="${DROVER_TEST_IMAGE:-drover-test/busybox:1}"

log() { printf '==> docker-test-engine: %s\n' "$*" >&2; }
die() { printf 'docker-test-engine: %s\n' "$*" >&2; exit 1; }

apt_install() {
  [ "$(id -u)" = 0 ] || die "missing $*; install it or run as root"
  log "installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

static_busybox() {
  local b
  b="$(command -v busybox 2>/dev/null || true)"
  [ -n "$b" ] && ! ldd "$b" >/dev/null 2>&1 && printf '%s\n' "$b"
}

engine_answers() {
  docker version --format '{{.Server.Version}}' >/dev/null 2>&1
}

ensure_image() {
  if docker image inspect "$IMAGE" >/dev/null 2>&1; then
    return
  fi
  local busybox rootfs applet
  busybox="$(static_busybox)" || true
  if [ -z "$busybox" ]; then
    apt_install busybox-static
    busybox="$(static_busybox)" || die "busybox-static is installed but no static busybox is on the PATH"
  fi
  log "importing $IMAGE from $busybox"
  rootfs="$(mktemp -d /tmp/drv-rootfs.XXXXXX)"
  mkdir -p "$rootfs/bin" "$rootfs/tmp" "$rootfs/etc" "$rootfs/proc" "$rootfs/sys" "$rootfs/dev"
  chmod 1777 "$rootfs/tmp"
  cp "$busybox" "$rootfs/bin/busybox"
  for applet in $("$rootfs/bin/busybox" --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$rootfs/bin/$applet"
  done
  printf 'root:x:0:0:root:/tmp:/bin/sh\nnobody:x:65534:65534:nobody:/tmp:/bin/false\n' >"$rootfs/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$rootfs/etc/group"
  tar -C "$rootfs" -c . | docker import -c 'ENV PATH=/bin' - "$IMAGE" >/dev/null
  rm -rf "$rootfs"
}

# A bridge of the daemon's own with a /24 no interface uses yet; chosen under a lock, so that two
# engines started at once do not pick the same one.
make_bridge() {
  local bridge="$1" n
  exec 9>/tmp/drover-docker-net.lock
  flock 9
  for n in $(seq 1 250); do
    if ! ip -4 -o addr | grep -q " 10\.213\.$n\."; then
      ip link add "$bridge" type bridge
      ip addr add "10.213.$n.1/24" dev "$bridge"
      ip link set "$bridge" up
      flock -u 9
      return
    fi
  done
  die "no free 10.213.N.0/24 subnet for the test engine's bridge"
}

start() {
  if [ -n "${DOCKER_HOST:-}" ]; then
    command -v docker >/dev/null || apt_install docker.io
    engine_answers || die "DOCKER_HOST=$DOCKER_HOST is set but no Docker engine answers there"
    log "using the engine at $DOCKER_HOST"
    ensure_image
    printf 'export DOCKER_HOST=%q DROVER_TEST_IMAGE=%q\n' "$DOCKER_HOST" "$IMAGE"
    return
  fi
  [ "$(id -u)" = 0 ] || die "no DOCKER_HOST is set and starting a private dockerd needs root"
  if ! command -v dockerd >/dev/null || ! command -v docker >/dev/null; then
    apt_install docker.io
  fi
  command -v ip >/dev/null || apt_install iproute2
  command -v flock >/dev/null || apt_install util-linux

  local dir name pid deadline
  dir="$(mktemp -d /tmp/drv.XXXXXX)"
  name="$(basename "$dir" | tr -cd 'a-zA-Z0-9')"
  echo "$name" >"$dir/bridge"
  make_bridge "$name"
  log "starting dockerd in $dir"
  setsid dockerd \
    --host "unix://$dir/d.sock" \
    --data-root "$dir/data" \
    --exec-root "$dir/x" \
    --pidfile "$dir/dockerd.pid" \
    --bridge "$name" --iptables=false --ip-masq=false --ip6tables=false \
    --containerd-namespace "$name" --containerd-plugins-namespace "$name-plugins" \
    </dev/null >"$dir/dockerd.log" 2>&1 &
  pid=$!
  echo "$pid" >"$dir/started.pid"
  export DOCKER_HOST="unix://$dir/d.sock"
  deadline=$((SECONDS + 60))
  until engine_answers; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 20 "$dir/dockerd.log" >&2 || true
      stop "$dir"
      die "dockerd exited before it answered (log above)"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      tail -n 20 "$dir/dockerd.log" >&2 || true
      stop "$dir"
      die "dockerd did not answer within 60 s (log above)"
    fi
    sleep 0.2
  done
  log "dockerd $pid answers at $DOCKER_HOST"
  if ! ensure_image; then
    stop "$dir"
    die "cannot make the test image $IMAGE"
  fi
  printf 'export DOCKER_HOST=%q DROVER_TEST_IMAGE=%q DROVER_TEST_ENGINE_DIR=%q\n' "$DOCKER_HOST" "$IMAGE" "$dir"
}

stop() {
  local dir="${1:-${DROVER_TEST_ENGINE_DIR:-}}" pid deadline
  [ -n "$dir" ] || return 0
  [ -d "$dir" ] || return 0
  if [ -f "$dir/started.pid" ]; then
    pid="$(cat "$dir/started.pid")"
    if kill -0 "$pid" 2>/dev/null; then
      log "stopping dockerd $pid"
      kill -TERM "$pid"
      deadline=$((SECONDS + 30))
      while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    fi
  fi
  if [ -f "$dir/bridge" ]; then
    ip link del "$(cat "$dir/bridge")" 2>/dev/null || true
  fi
  # Mounts the daemon left behind (it was killed) would keep the directory busy.
  local mnt
  for mnt in $(awk -v d="$dir/" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r); do
    umount -l "$mnt" 2>/dev/null || true
  done
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) die "usage: $0 start|stop [DIR]" ;;
esac
