package io.graft.internal.importer;

import io.graft.ImportRequest;
import io.graft.Problem;
import java.nio.file.Path;
import java.util.List;

/** dbmate: {@link DbmateLayout} reads the project, {@link DbmateAdoption} its {@code schema_migrations}. */
final class DbmateTool implements ImportTool {

    @Override
    public String name() {
        return "dbmate";
    }

    @Override
    public String title() {
        return "dbmate";
    }

    @Override
    public Imported read(Path dir, ImportRequest request, List<Problem> problems, List<Problem> notes) {
        return DbmateLayout.read(dir, problems, notes);
    }

    @Override
    public HistoryAdoption adoption(ImportManifest manifest) {
        return new DbmateAdoption(manifest);
    }

    @Override
    public String emptyHint() {
        return "name the project folder (with db/migrations) or the migrations folder itself (dbmate's"
                + " --migrations-dir), which holds the <version>_<name>.sql files";
    }
}
