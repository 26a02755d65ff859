package io.graft.internal.importer;

import io.graft.ImportRequest;
import io.graft.Problem;
import io.graft.changelog.DialectId;
import java.nio.file.Path;
import java.util.List;

/** Sqitch: {@link SqitchLayout} reads the project, {@link SqitchAdoption} its registry. */
final class SqitchTool implements ImportTool {

    @Override
    public String name() {
        return "sqitch";
    }

    @Override
    public String title() {
        return "Sqitch";
    }

    @Override
    public Imported read(Path dir, ImportRequest request, List<Problem> problems, List<Problem> notes) {
        return SqitchLayout.read(dir, request, problems, notes);
    }

    @Override
    public HistoryAdoption adoption(ImportManifest manifest) {
        return new SqitchAdoption(manifest);
    }

    @Override
    public DialectId dialect(Path dir) {
        return SqitchLayout.dialect(dir, null);
    }

    @Override
    public String emptyHint() {
        return "name the folder that holds sqitch.plan and sqitch.conf";
    }
}
