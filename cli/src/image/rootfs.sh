#!/usr/bin/env bash
# Builds the root file system that the container image adds to `scratch`: a Java runtime linked
# with jlink from the building JDK's jmods (only the modules the CLI uses), the shared libraries
# that runtime and sqlite-jdbc's native library load, and the few files under /etc a JVM reads.
# Jib puts the result under / in one layer; cli/pom.xml (profile `image`) calls this script.
#
#   rootfs.sh JAVA_HOME OUT_DIR
set -euo pipefail

java_home="$1"
out="$2"

modules=java.base,java.sql,java.logging,java.naming,java.management,java.xml,java.security.jgss,java.security.sasl,java.transaction.xa,jdk.crypto.ec,jdk.unsupported,jdk.zipfs,jdk.charsets,jdk.localedata

if [[ ! -d "$java_home/jmods" ]]; then
  echo "rootfs.sh: $java_home has no jmods folder; install a full JDK (Debian: openjdk-17-jdk-headless)" >&2
  exit 1
fi

rm -rf "$out"
mkdir -p "$out/opt" "$out/etc" "$out/graft" "$out/home/graft"
mkdir -m 1777 "$out/tmp"

"$java_home/bin/jlink" --module-path "$java_home/jmods" --add-modules "$modules" \
  --include-locales=en --strip-debug --no-man-pages --no-header-files --compress=2 \
  --output "$out/opt/java"

# The dynamic loader and every library the runtime's binaries and its own libraries need, and
# libstdc++, libpthread and libdl with their dependencies for sqlite-jdbc's native library
# (extracted to /tmp at run time).
copy_lib() {
  local lib="$1"
  # The runtime's own libraries (found through its RUNPATH) are in place already.
  [[ "$lib" == "$out"/* || -e "$out$lib" ]] && return 0
  mkdir -p "$out$(dirname "$lib")"
  cp -L "$lib" "$out$lib"
}
libs_of() {
  ldd "$1" 2>/dev/null | awk '/=>/ { if ($3 ~ /^\//) print $3 } /^\s*\/[^ ]+ \(/ { print $1 }'
}
while IFS= read -r file; do
  while IFS= read -r lib; do copy_lib "$lib"; done < <(libs_of "$file")
done < <(find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \))
for lib in $(ldconfig -p | awk '/libstdc\+\+\.so\.6 |libgcc_s\.so\.1 |libpthread\.so\.0 |libdl\.so\.2 |librt\.so\.1 / && /x86-64|x86_64|AArch64|aarch64/ { print $NF }'); do
  copy_lib "$lib"
  while IFS= read -r dep; do copy_lib "$dep"; done < <(libs_of "$lib")
done
# The loader itself must stay where the binaries' interpreter field points (e.g. /lib64/ld-linux-x86-64.so.2).
interp="$(readelf -l "$out/opt/java/bin/java" | sed -n 's/.*Requesting program interpreter: \(.*\)]/\1/p')"
[[ -n "$interp" ]] && copy_lib "$interp"

# A user to run as (not root), and name resolution for database hosts.
cat > "$out/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
graft:x:1000:1000:graft:/home/graft:/sbin/nologin
PASSWD
cat > "$out/etc/group" <<'GROUP'
root:x:0:
graft:x:1000:
GROUP
echo 'hosts: files dns' > "$out/etc/nsswitch.conf"
printf '127.0.0.1 localhost\n::1 localhost\n' > "$out/etc/hosts"
# The JVM's name service needs these glibc modules for `files` and `dns` lookups.
for lib in $(ldconfig -p | awk '/libnss_files\.so|libnss_dns\.so|libresolv\.so/ && /x86-64|x86_64|AArch64|aarch64/ { print $NF }'); do
  copy_lib "$lib"
done
if [[ -f /etc/ssl/certs/ca-certificates.crt ]]; then
  mkdir -p "$out/etc/ssl/certs"
  cp /etc/ssl/certs/ca-certificates.crt "$out/etc/ssl/certs/"
fi
chmod 777 "$out/graft"
chown -R 1000:1000 "$out/home/graft" 2>/dev/null || true
echo "rootfs.sh: $(du -sh "$out" | cut -f1) in $out"
