#!/usr/bin/env bash
# Checks the image that `./mvnw -Pimage -pl cli -am package` writes, without a Docker daemon:
# the tar's manifest and configuration (entrypoint, working folder, user, environment), its
# layers, and then runs the entrypoint as the image would, in a chroot of the unpacked layers as
# the image's user: `--version`, then `up`, `status` and a second `up` (a no-op) of a sample
# changelog mounted at /graft, on SQLite and, when GRAFT_TEST_POSTGRES_URL / GRAFT_TEST_MYSQL_URL are set, on the local
# PostgreSQL and MariaDB (127.0.0.1, as .ci/run starts them).
#
#   check-image.sh TAR [SAMPLE_DIR]     (running the entrypoint needs root, for chroot)
set -euo pipefail

tar_file="$1"
sample="${2:-$(cd "$(dirname "$0")/../../.." && pwd)/samples/blog}"
work="$(mktemp -d)"
root="$work/rootfs"
cleanup() {
  mountpoint -q "$root/proc" 2>/dev/null && umount "$root/proc"
  mountpoint -q "$root/graft" 2>/dev/null && umount "$root/graft"
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "check-image: $*" >&2; exit 1; }

mkdir -p "$work/tar" "$root"
tar -xf "$tar_file" -C "$work/tar"

# The manifest and the configuration (python3 for the JSON; .ci/run installs it).
python3 - "$work/tar" > "$work/layers" <<'PY'
import json, sys, os
d = sys.argv[1]
manifest = json.load(open(os.path.join(d, "manifest.json")))
assert len(manifest) == 1, "one image in the tar"
m = manifest[0]
assert any(t.startswith("graft:") for t in m["RepoTags"]), m["RepoTags"]
config = json.load(open(os.path.join(d, m["Config"])))
c = config["config"]
expect = {
    "Entrypoint": ["/opt/java/bin/java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmn16m",
                   "-jar", "/app/classpath/graft.jar"],
    "WorkingDir": "/graft",
    "User": "1000:1000",
}
for key, value in expect.items():
    assert c.get(key) == value, f"{key}: {c.get(key)!r}, expected {value!r}"
env = dict(e.split("=", 1) for e in c["Env"])
assert env.get("JAVA_HOME") == "/opt/java" and env.get("PATH") == "/opt/java/bin", env
assert not c.get("Cmd"), "no default command: `docker run graft` prints the usage"
assert len(m["Layers"]) == len(config["rootfs"]["diff_ids"]) >= 2, "runtime and application layers"
for layer in m["Layers"]:
    print(layer)
PY
layers=$(cat "$work/layers")
[[ -n "$layers" ]] || fail "no layers"
for layer in $layers; do
  tar -xzf "$work/tar/$layer" -C "$root" 2>/dev/null
done
for path in opt/java/bin/java app/classpath/graft.jar graft tmp etc/passwd; do
  [[ -e "$root/$path" ]] || fail "/$path is missing from the layers"
done
[[ -x "$root/opt/java/bin/java" ]] || fail "/opt/java/bin/java is not executable"
[[ ! -e "$root/app/libs" ]] || fail "/app/libs is in the image: the shaded jar holds the dependencies"
echo "check-image: manifest, configuration and $(echo "$layers" | wc -w) layers ok ($(du -sh "$root" | cut -f1) unpacked)"

if [[ "$(id -u)" != 0 ]]; then
  echo "check-image: not root, so the entrypoint is not run (chroot needs root)"
  exit 0
fi

mkdir -p "$root/proc"
mount -t proc proc "$root/proc"
project="$work/project"
cp -r "$sample" "$project"
chmod -R a+rwX "$project"
mount --bind "$project" "$root/graft"

# Runs the image's entrypoint with [NAME=VALUE...] ARGS as `docker run -v PROJECT:/graft -e NAME=VALUE
# graft ARGS` would: the image's environment plus NAME=VALUE, root /, working folder /graft, user
# 1000:1000 (chroot(1) cannot set the working folder, so python3 does what a runtime does).
in_image() {
  python3 - "$root" "$@" <<'PY'
import os, sys
root, args = sys.argv[1], sys.argv[2:]
env = {"JAVA_HOME": "/opt/java", "PATH": "/opt/java/bin", "LANG": "C.UTF-8", "HOME": "/home/graft"}
while args and "=" in args[0] and not args[0].startswith("-"):
    name, value = args.pop(0).split("=", 1)
    env[name] = value
entry = ["/opt/java/bin/java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmn16m",
         "-jar", "/app/classpath/graft.jar"]
os.chroot(root)
os.chdir("/graft")
os.setgroups([])
os.setgid(1000)
os.setuid(1000)
os.execve(entry[0], entry + args, env)
PY
}

version="$(in_image --version)"
[[ "$version" == graft* ]] || fail "--version printed: $version"
echo "check-image: $version"

check_database() {
  local url="$1"
  local out
  out="$(in_image GRAFT_URL="$url" GRAFT_CHANGELOG=/graft/changelog.yaml up 2>&1)" \
    || fail "up on $url: $out"
  echo "$out" | grep -q "revisions\? applied" || fail "up on $url printed: $out"
  out="$(in_image GRAFT_URL="$url" GRAFT_CHANGELOG=/graft/changelog.yaml status 2>&1)" \
    || fail "status on $url: $out"
  out="$(in_image GRAFT_URL="$url" GRAFT_CHANGELOG=/graft/changelog.yaml up 2>&1)" \
    || fail "second up on $url: $out"
  echo "$out" | grep -qi "up to date\|nothing to\|no pending\|already" || fail "second up on $url printed: $out"
  [[ -z "${VERBOSE:-}" ]] || echo "$out"
  echo "check-image: up, status, up again on ${url%%\?*}"
}

# SQLite, relative to the working folder /graft, as `docker run -v "$PWD":/graft` users write it.
check_database "jdbc:sqlite:app.db"
[[ -f "$project/app.db" ]] || fail "the SQLite database was not written to the mounted folder"
if [[ -n "${GRAFT_TEST_POSTGRES_URL:-}" ]]; then
  db="graft_image_$$"
  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db" >/dev/null
  check_database "jdbc:postgresql://127.0.0.1:5432/$db?user=postgres" || { psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE $db"; exit 1; }
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE $db" >/dev/null
fi
if [[ -n "${GRAFT_TEST_MYSQL_URL:-}" ]]; then
  db="graft_image_$$"
  mariadb -h 127.0.0.1 -uroot -e "CREATE DATABASE $db"
  check_database "jdbc:mariadb://127.0.0.1:3306/$db?user=root" || { mariadb -h 127.0.0.1 -uroot -e "DROP DATABASE $db"; exit 1; }
  mariadb -h 127.0.0.1 -uroot -e "DROP DATABASE $db"
fi
echo "check-image: ok"
