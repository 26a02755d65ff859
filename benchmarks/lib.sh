# Shared by the benchmark scripts (sourced, not run): the repository root as the working
# directory, the java to run ($JAVA_HOME's when set), and a build of the given modules.
#   source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"; build benchmarks
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
java="java"
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  java="$JAVA_HOME/bin/java"
fi

# Packages the modules (comma-separated) and what they need; nothing goes to ~/.m2.
build() {
  echo "building..." >&2
  ./mvnw -q -B -DskipTests -pl "$1" -am package >&2
}
