package io.graft.internal.importer;

import io.graft.ImportRequest;
import io.graft.Problem;
import java.nio.file.Path;
import java.util.List;

/** popx (Ory): {@link PopxLayout} reads the folder of migrations, {@link PopxAdoption} its {@code schema_migration}. */
final class PopxTool implements ImportTool {

    @Override
    public String name() {
        return "popx";
    }

    @Override
    public String title() {
        return "popx";
    }

    @Override
    public Imported read(Path dir, ImportRequest request, List<Problem> problems, List<Problem> notes) {
        return PopxLayout.read(dir, problems, notes);
    }

    @Override
    public HistoryAdoption adoption(ImportManifest manifest) {
        return new PopxAdoption(manifest);
    }

    @Override
    public String emptyHint() {
        return "name the folder that holds the <version>_<name>[.<dialect>].up.sql files (popx's migrations folder)";
    }
}
