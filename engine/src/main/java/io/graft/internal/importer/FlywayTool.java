package io.graft.internal.importer;

import io.graft.ImportRequest;
import io.graft.Problem;
import java.nio.file.Path;
import java.util.List;

/** Flyway: {@link FlywayLayout} reads the project, {@link FlywayAdoption} its {@code flyway_schema_history}. */
final class FlywayTool implements ImportTool {

    @Override
    public String name() {
        return "flyway";
    }

    @Override
    public String title() {
        return "Flyway";
    }

    @Override
    public Imported read(Path dir, ImportRequest request, List<Problem> problems, List<Problem> notes) {
        return FlywayLayout.read(dir, problems, notes);
    }

    @Override
    public HistoryAdoption adoption(ImportManifest manifest) {
        return new FlywayAdoption(manifest);
    }

    @Override
    public boolean detectsNonTransactional() {
        return true;
    }

    @Override
    public String emptyHint() {
        return "name the folder that holds flyway.conf or the V*__*.sql files";
    }
}
