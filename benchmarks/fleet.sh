#!/usr/bin/env bash
# Builds Graft and the benchmarks, then migrates a fleet three ways and prints one Markdown table:
# graft up --targets, a shell loop of one graft up per target, and a loop of Flyway runs in one JVM.
#   benchmarks/fleet.sh            50 revisions, 500 SQLite files, 200 PostgreSQL schemas
#   benchmarks/fleet.sh --quick    10 revisions, 20 files, 10 schemas, the shell loop over 5 targets
# Other options go to io.graft.bench.FleetBench (see its Javadoc), e.g. --schemas 0, --parallel 8,
# --loop-sample 50 (time the shell loop over 50 targets and scale), --pg-url URL.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
java="java"
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  java="$JAVA_HOME/bin/java"
fi

echo "building..." >&2
./mvnw -q -B -DskipTests -pl benchmarks -am install >&2

exec "$java" -cp benchmarks/target/graft-benchmarks.jar io.graft.bench.FleetBench --graft-jar cli/target/graft.jar "$@"
