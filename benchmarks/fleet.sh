#!/usr/bin/env bash
# Builds Graft and the benchmarks, then migrates a fleet three ways and prints one Markdown table:
# graft up --targets, a shell loop of one graft up per target, and a loop of Flyway runs in one JVM.
#   benchmarks/fleet.sh            50 revisions, 500 SQLite files, 200 PostgreSQL schemas
#   benchmarks/fleet.sh --quick    10 revisions, 20 files, 10 schemas, the shell loop over 5 targets
# Other options go to io.graft.bench.FleetBench (see its Javadoc), e.g. --schemas 0, --parallel 8,
# --loop-sample 50 (time the shell loop over 50 targets and scale), --pg-url URL.
set -euo pipefail

source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"
build benchmarks

exec "$java" -cp benchmarks/target/graft-benchmarks.jar io.graft.bench.FleetBench --graft-jar cli/target/graft.jar "$@"
