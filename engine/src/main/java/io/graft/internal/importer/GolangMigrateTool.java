package io.graft.internal.importer;

import io.graft.ImportRequest;
import io.graft.Problem;
import java.nio.file.Path;
import java.util.List;

/**
 * golang-migrate: {@link GolangMigrateLayout} reads the folder of migrations,
 * {@link GolangMigrateAdoption} its {@code schema_migrations}.
 */
final class GolangMigrateTool implements ImportTool {

    @Override
    public String name() {
        return "golang-migrate";
    }

    @Override
    public String title() {
        return "golang-migrate";
    }

    @Override
    public Imported read(Path dir, ImportRequest request, List<Problem> problems, List<Problem> notes) {
        return GolangMigrateLayout.read(dir, request, problems, notes);
    }

    @Override
    public HistoryAdoption adoption(ImportManifest manifest) {
        return new GolangMigrateAdoption(manifest);
    }

    /**
     * A file of one statement that cannot run in a transaction ({@code CREATE INDEX CONCURRENTLY})
     * runs without one under golang-migrate (a single statement is no transaction block); with a
     * dialect, the import marks such files {@code transaction: false}.
     */
    @Override
    public boolean detectsNonTransactional() {
        return true;
    }

    @Override
    public String emptyHint() {
        return "name the folder that holds the <version>_<title>.up.sql files (golang-migrate's -path)";
    }
}
