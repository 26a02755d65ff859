#!/usr/bin/env bash
# What each start-up measure of the graft launcher is worth: the launcher against copies of it with
# one measure taken out (or put in), run in turn pair by pair, on no-op runs and `graft --version`;
# prints one Markdown table (see io.graft.bench.Startup). About 25 minutes on 2 cores.
#   benchmarks/startup.sh                          all rows, 11 pairs each
#   benchmarks/startup.sh --runs 3 --only cds      a quick look (too few pairs to judge by)
# Other options: --revisions N and --rows N (the generated project: revisions, rows inserted by
# each, which sets the file size; default 1000 and 150, ≈4 KB a file), --pg-url URL (default
# jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres; without a server the PostgreSQL rows are
# left out), --work DIR, --picocli-jar JAR (default: picocli's jar in ~/.m2).
set -euo pipefail

source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"
build cli,benchmarks
exec "$java" -cp benchmarks/target/graft-benchmarks.jar io.graft.bench.Startup --root "$root" "$@"
