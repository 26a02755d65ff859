"""Runs command sequences against real Alembic, one script directory per graph, all in this one process.

Used by AlembicDifferentialTest. Input (argv[1], JSON): [{"dir": ..., "commands": [["up"|"down", target],
...]}, ...]; each dir holds Alembic revision files under versions/. Output (argv[2], JSON): per graph,
per command {"error": message or null, "warnings": [...], "applied": [ids], "heads": [ids]}. The applied set is every
ancestor (parents and depends_on) of the heads in Alembic's version table (its rows, also given), as
Alembic computes it.
Each command runs as `alembic upgrade/downgrade TARGET` does (command.upgrade: the same fn and
EnvironmentContext), with env.py's work done inline on an in-memory SQLite database per graph.
"""
import json
import sys
import warnings

sys.dont_write_bytecode = True

import sqlalchemy as sa  # noqa: E402
from alembic.config import Config  # noqa: E402
from alembic.runtime.environment import EnvironmentContext  # noqa: E402
from alembic.runtime.migration import MigrationContext  # noqa: E402
from alembic.script import ScriptDirectory  # noqa: E402


def run_graph(directory, commands):
    config = Config()
    config.set_main_option("script_location", directory)
    script = ScriptDirectory.from_config(config)
    revision_map = script.revision_map
    engine = sa.create_engine("sqlite://")
    results = []
    with engine.connect() as connection:
        for op, target in commands:
            def fn(rev, context, op=op, target=target):
                if op == "up":
                    return script._upgrade_revs(target, rev)
                return script._downgrade_revs(target, rev)

            error = None
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                try:
                    with EnvironmentContext(config, script, fn=fn, destination_rev=target) as env:
                        env.configure(connection=connection)
                        with env.begin_transaction():
                            env.run_migrations()
                except Exception as e:  # every failure is a result to compare, whatever its type
                    error = "%s: %s" % (type(e).__name__, e)
            heads = MigrationContext.configure(connection).get_current_heads()
            applied = sorted(r.revision for r in revision_map._get_ancestor_nodes(revision_map.get_revisions(heads)))
            results.append({"error": error, "warnings": [str(w.message) for w in caught], "applied": applied,
                            "heads": sorted(heads)})
    engine.dispose()
    return results


def main():
    import alembic
    with open(sys.argv[1]) as f:
        graphs = json.load(f)
    out = {"alembic": alembic.__version__, "graphs": [run_graph(g["dir"], g["commands"]) for g in graphs]}
    with open(sys.argv[2], "w") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
