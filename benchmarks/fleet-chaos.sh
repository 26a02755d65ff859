#!/usr/bin/env bash
# Issue 16's acceptance check: a fleet on SQLite, PostgreSQL and MariaDB migrated from scratch
# through `graft up --targets` while faults are injected during the run (the process killed with
# SIGKILL, PostgreSQL and MariaDB restarted, a tenant per engine locked, a failing revision),
# resumed with the same command, then every target's history read directly. Prints a Markdown
# summary; exit 1 when a check fails.
#   benchmarks/fleet-chaos.sh                 300 SQLite files, 200 schemas, 50 MariaDB databases, 30 revisions
#   benchmarks/fleet-chaos.sh --quick         24, 12, 6 and 12 revisions
#   benchmarks/fleet-chaos.sh --no-restarts   no server restart (for a machine others share)
#   benchmarks/fleet-chaos.sh --terminate-sessions   the fleet's sessions ended instead of restarts
# It restarts the local PostgreSQL and MariaDB (as root) unless --no-restarts or --terminate-sessions,
# and writes a line to
# /work/RESTARTS.log (--restarts-log FILE) before each. Other options: see io.graft.bench.FleetChaos.
set -euo pipefail

source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"
build benchmarks

exec "$java" -cp benchmarks/target/graft-benchmarks.jar io.graft.bench.FleetChaos --graft-jar cli/target/graft.jar "$@"
