#!/usr/bin/env bash
# Builds Graft and the benchmarks, then times the schema model on a 1,000-table PostgreSQL schema
# shaped like a real one (see io.graft.bench.SchemaBench): reading the model from the catalog and
# diffing it, medians of several runs in one JVM after a warm-up, against the targets of issue 14
# (read ≤ 2 s, diff ≤ 0.2 s). Prints one Markdown table. About a minute.
#   benchmarks/schema.sh                     1,000 tables, 7 reads, 21 diffs
#   benchmarks/schema.sh --tables 100        a quick look
# Other options: --reads N, --diffs N, --pg-url URL (default
# jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres; the bench creates a database there and drops it).
set -euo pipefail

source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"
build benchmarks

exec "$java" -cp benchmarks/target/graft-benchmarks.jar io.graft.bench.SchemaBench "$@"
