#!/usr/bin/env bash
# Builds Graft and the benchmarks, then runs the whole suite and prints one Markdown table.
#   benchmarks/run.sh            full run (1,000 revisions, 5 runs each, JMH; about 10 minutes)
#   benchmarks/run.sh --quick    small N, one run, short JMH iterations (a smoke test)
# Other options are passed on to io.graft.bench.Suite (see its Javadoc), e.g. --dialects sqlite.
# PostgreSQL: --pg-url (default jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres); the
# suite creates its own databases there and drops them.
set -euo pipefail

source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"
build benchmarks

./graft --version >/dev/null   # builds the jar and its class-data archive if needed
exec "$java" -jar benchmarks/target/graft-benchmarks.jar --graft-jar cli/target/graft.jar --graft-launcher "$root/graft" "$@"
