#!/usr/bin/env bash
# Builds Graft and the benchmarks, then prints the peak RSS of `graft up` through the launcher: a
# 100 MB data load and the 1,000-revision real-project shape, on SQLite and PostgreSQL (issue 17).
#   benchmarks/memory.sh                 3 runs each, about 4 minutes
#   benchmarks/memory.sh --runs 1 --mb 20 --revisions 100    a smoke test
# Other options go to io.graft.bench.MemoryBench (see its Javadoc), e.g. --dialects sqlite,
# --pg-url URL, --graft-launcher PATH (another build's launcher, to compare).
set -euo pipefail

source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"
build benchmarks

./graft --version >/dev/null   # builds the jar and its class-data archive if needed
# The generator holds the 100 MB file as text while writing it.
exec "$java" -Xmx1g -cp benchmarks/target/graft-benchmarks.jar io.graft.bench.MemoryBench --graft-launcher "$root/graft" "$@"
