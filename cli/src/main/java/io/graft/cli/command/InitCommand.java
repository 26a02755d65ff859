package io.graft.cli.command;

import io.graft.cli.error.ExitCodes;
import io.graft.cli.error.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/** {@code graft init}: a new, empty changelog (at {@code -c}) and its {@code sql/} folder. */
@Command(mixinStandardHelpOptions = true,
        description = "Create an empty changelog (the -c path) and its sql/ folder; refuses to overwrite.")
final class InitCommand extends GraftCommand {

    static final String TEMPLATE = """
            # Graft changelog, format 1: one entry per revision, in authoring order.
            # Paths are relative to this file's folder. Run 'graft validate' after editing.
            changelog: 1

            # dialects: [postgresql, sqlite]   # optional: every revision must run on each of these

            # Each revision is an entry of the list below, for example ('graft new -m MSG' writes them):
            #
            #   - id: 0001_create_users          # letters, digits, _ and . only
            #     parents: []                    # [] for the first revision; two or more for a merge
            #     description: Create users
            #     up: sql/0001_create_users.up.sql
            #     down: sql/0001_create_users.down.sql   # optional: without it, irreversible
            #   - id: 0002_orders
            #     parents: [0001_create_users]
            #     labels: [shop]                 # optional branch labels
            #     up: sql/0002_orders.up.sql
            #     down: sql/0002_orders.down.sql
            #     transaction: true              # false: statements autocommit one by one
            revisions: []
            """;

    @Override
    protected int execute() throws IOException {
        Path changelog = settings().changelog();
        if (Files.exists(changelog)) {
            throw new UsageException(changelog + " already exists; init never overwrites a changelog");
        }
        Path folder = changelog.toAbsolutePath().getParent();
        Path sql = folder.resolve("sql");
        Files.createDirectories(sql);
        Files.writeString(changelog, TEMPLATE, StandardCharsets.UTF_8);
        renderer().initialized(changelog, sql);
        return ExitCodes.OK;
    }
}
