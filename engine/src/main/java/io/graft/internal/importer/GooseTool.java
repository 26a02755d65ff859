package io.graft.internal.importer;

import io.graft.ImportRequest;
import io.graft.Problem;
import java.nio.file.Path;
import java.util.List;

/** goose: {@link GooseLayout} reads the folder of migrations, {@link GooseAdoption} its {@code goose_db_version}. */
final class GooseTool implements ImportTool {

    @Override
    public String name() {
        return "goose";
    }

    @Override
    public String title() {
        return "goose";
    }

    @Override
    public Imported read(Path dir, ImportRequest request, List<Problem> problems, List<Problem> notes) {
        return GooseLayout.read(dir, request, problems, notes);
    }

    @Override
    public HistoryAdoption adoption(ImportManifest manifest) {
        return new GooseAdoption(manifest);
    }

    @Override
    public String emptyHint() {
        return "name the folder that holds the <version>_<name>.sql files (goose's -dir, GOOSE_MIGRATION_DIR)";
    }
}
