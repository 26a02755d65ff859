package io.graft.internal.importer;

import io.graft.ChangelogException;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether Alembic runs here, for the tests that need the real one: a skip with the reason when it
 * does not, but a failure under CI ({@code CI} set), where .ci/run installs Debian's python3-alembic.
 */
final class AlembicAvailability {

    private AlembicAvailability() {
    }

    static void require() {
        try {
            AlembicCommand.find(Path.of(".").toAbsolutePath());
        } catch (ChangelogException e) {
            String why = "Alembic is not installed here (Debian: apt-get install python3-alembic): " + e.getMessage();
            if (System.getenv("CI") != null) {
                throw new AssertionError(why + "; CI must run this test");
            }
            Assumptions.abort(why);
        }
    }
}
