package io.graft.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that run no SQL read no SQL: {@code heads}, {@code history} (with {@code -i} too),
 * {@code branches}, {@code show}, {@code graph} and {@code current} print the same with every SQL
 * file gone as with the files in place; {@code validate} and {@code status} still check them.
 */
class ReadOnlyCommandsTest {

    @TempDir
    Path dir;

    private CliRun cli;

    @BeforeEach
    void appliedProject() throws IOException {
        cli = new CliRun(dir);
        Files.createDirectories(dir.resolve("sql"));
        Files.writeString(dir.resolve("changelog.yaml"), """
                changelog: 1
                revisions:
                  - id: 0001_users
                    parents: []
                    description: Create users
                    up: sql/0001_users.up.sql
                    down: sql/0001_users.down.sql
                  - id: 0002_orders
                    parents: [0001_users]
                    labels: [shop]
                    up: sql/0002_orders.up.sql
                  - id: 0003_index
                    parents: [0001_users]
                    up: sql/0003_index.up.sql
                """);
        Files.writeString(dir.resolve("sql/0001_users.up.sql"), "CREATE TABLE users (id INTEGER PRIMARY KEY);\n");
        Files.writeString(dir.resolve("sql/0001_users.down.sql"), "DROP TABLE users;\n");
        Files.writeString(dir.resolve("sql/0002_orders.up.sql"), "CREATE TABLE orders (id INTEGER);\n");
        Files.writeString(dir.resolve("sql/0003_index.up.sql"), "CREATE INDEX users_id ON users (id);\n");
        assertThat(cli.run("up", "0002_orders").exitCode()).isZero();
    }

    private static final String[][] READ_ONLY = {
        {"heads"}, {"heads", "-v"}, {"history"}, {"history", "-v"}, {"history", "-i"}, {"history", "-i", "-v"},
        {"branches"}, {"show", "shop"}, {"show", "0001"}, {"graph"}, {"graph", "--as", "dot"}, {"graph", "--db"}, {"current"},
        {"--format", "json", "current"}, {"--format", "json", "history", "-i"}, {"--format", "json", "heads"},
    };

    @Test
    void commandsThatRunNoSqlPrintTheSameWithEverySqlFileGone() throws IOException {
        String[] before = new String[READ_ONLY.length];
        for (int i = 0; i < READ_ONLY.length; i++) {
            CliRun.Result r = cli.run(READ_ONLY[i]);
            assertThat(r.exitCode()).as(String.join(" ", READ_ONLY[i]) + "\n" + r.all()).isZero();
            before[i] = r.out();
        }
        deleteSqlFiles();
        for (int i = 0; i < READ_ONLY.length; i++) {
            CliRun.Result r = cli.run(READ_ONLY[i]);
            assertThat(r.exitCode()).as(String.join(" ", READ_ONLY[i]) + "\n" + r.all()).isZero();
            assertThat(r.out()).as(String.join(" ", READ_ONLY[i])).isEqualTo(before[i]);
        }
        assertThat(cli.run("current").out()).isEqualTo("0002_orders (shop) (head)\n");
    }

    @Test
    void validateAndStatusStillCheckEveryFile() throws IOException {
        deleteSqlFiles();
        for (String command : new String[] {"validate", "status"}) {
            CliRun.Result r = cli.run(command);
            assertThat(r.exitCode()).as(command).isEqualTo(2);
            assertThat(r.err()).as(command).contains("up file 'sql/0001_users.up.sql' of revision '0001_users' does not exist");
        }
    }

    private void deleteSqlFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("sql"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }
}
