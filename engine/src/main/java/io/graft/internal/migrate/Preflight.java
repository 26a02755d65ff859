package io.graft.internal.migrate;

import io.graft.ChangelogException;
import io.graft.Direction;
import io.graft.Problem;
import io.graft.changelog.Revision;
import io.graft.internal.dialect.Dialect;
import io.graft.internal.sql.SqlStatement;
import io.graft.internal.sql.StatementInspector;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks before the first statement of a run executes: every script of the plan is read and
 * split, and a run that could not finish cleanly (a statement that cannot run in a transaction
 * inside a transactional revision, a file that commits or rolls back by itself) is refused with
 * every problem at once, while nothing has changed yet.
 */
final class Preflight {

    /** What a script shows as its file when a repeatable revision without a down file is reverted. */
    static final String NO_DOWN_FILE = "no down file: only its history row is removed";

    private final ScriptReader scripts;
    private final Dialect dialect;

    Preflight(ScriptReader scripts, Dialect dialect) {
        this.scripts = scripts;
        this.dialect = dialect;
    }

    /**
     * The plan's scripts in plan order, or a {@link ChangelogException} with every problem found.
     *
     * @param serverMajorVersion the server's major version, or 0 when unknown (offline scripts)
     */
    List<Script> prepare(List<Revision> steps, Direction direction, int serverMajorVersion) {
        List<Script> plan = new ArrayList<>(steps.size());
        List<Problem> problems = new ArrayList<>();
        // Reading and splitting the files, and looking at each statement's first words, is most of
        // the work before the first statement; it is done on all cores, and the results are taken
        // in plan order.
        List<Object> read = steps.parallelStream().map(revision -> {
            if (direction == Direction.DOWN && revision.repeatable() && revision.down() == null) {
                // nothing to run: reverting it only removes its row, and the next up applies it again
                return (Object) new Checked(new Script(revision, direction, NO_DOWN_FILE, "", List.of()), List.of());
            }
            try {
                Script script = scripts.read(revision, direction);
                List<Problem> found = new ArrayList<>();
                for (TransactionRules.Violation v : TransactionRules.check(dialect, revision, script.statements(),
                        serverMajorVersion)) {
                    found.add(problem(v, revision));
                }
                return (Object) new Checked(script, found);
            } catch (ChangelogException e) {
                return e;
            }
        }).toList();
        for (Object result : read) {
            if (result instanceof ChangelogException e) {
                problems.addAll(e.problems());
                continue;
            }
            Checked checked = (Checked) result;
            problems.addAll(checked.problems());
            plan.add(checked.script());
        }
        if (!problems.isEmpty()) {
            throw new ChangelogException(problems);
        }
        return plan;
    }

    /** A script read and split, and what its statements would break. */
    private record Checked(Script script, List<Problem> problems) {
    }

    private static Problem problem(TransactionRules.Violation v, Revision revision) {
        SqlStatement s = v.statement();
        return switch (v.kind()) {
            case NON_TRANSACTIONAL -> Problem.at(s.span(),
                    v.reason() + ", but revision '" + revision.id() + "' runs in a transaction: "
                            + StatementInspector.firstLine(s.sql()),
                    "set 'transaction: false' on revision '" + revision.id()
                            + "' (its statements then autocommit one by one)");
            case TRANSACTION_CONTROL -> Problem.at(s.span(), "the file controls the transaction itself ("
                    + StatementInspector.firstLine(s.sql()) + "), but Graft already runs revision '"
                    + revision.id() + "' in a transaction",
                    "remove the statement: Graft commits the revision together with its history row;"
                            + " or set 'transaction: false' on the revision");
        };
    }
}
