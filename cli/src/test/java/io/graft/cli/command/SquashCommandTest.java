package io.graft.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graft.cli.CliRun;
import io.graft.cli.error.ExitCodes;
import io.graft.cli.render.JsonOutputSchemaTest;
import io.graft.testing.ChangelogFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code graft squash} as a user runs it on SQLite (the engine's SquashTest covers PostgreSQL and
 * MariaDB): text and JSON, a database migrated before the squash carried on, the errors.
 */
class SquashCommandTest {

    @TempDir
    Path dir;

    private CliRun cli;

    @BeforeEach
    void changelog() {
        ChangelogFixture.in(dir)
                .revision("0001_users", List.of(), "CREATE TABLE users (id INTEGER PRIMARY KEY);\n", "DROP TABLE users;\n")
                .revision("0002_orders", List.of("0001_users"),
                        "CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id));\n"
                                + "INSERT INTO users (id) VALUES (1);\n",
                        "DROP TABLE orders;\n")
                .revision("0003_audit", List.of("0002_orders"), "CREATE TABLE audit (id INTEGER);\n",
                        "DROP TABLE audit;\n")
                .save();
        cli = new CliRun(dir);
    }

    @Test
    void squashesAndOldDatabasesCarryOn() throws Exception {
        assertThat(cli.run("--url", "jdbc:sqlite:old.db", "up", "0002_orders").exitCode()).isZero();

        CliRun.Result dry = cli.run("--format", "json", "squash", "--through", "0002_orders", "--dry-run");
        assertThat(dry.exitCode()).as("%s", dry).isZero();
        JsonOutputSchemaTest.assertValid("squash", dry.out());
        assertThat(new ObjectMapper().readTree(dry.out()).at("/written").asBoolean()).isFalse();
        assertThat(dir.resolve("sql/0002_orders_squashed.up.sql")).doesNotExist();

        CliRun.Result squash = cli.run("squash", "--through", "0002_orders");
        assertThat(squash.exitCode()).as("%s", squash).isZero();
        assertThat(squash.out())
                .contains("squashed: 0002_orders_squashed replaces 2 revision(s): 0001_users, 0002_orders")
                .contains("up:   sql/0002_orders_squashed.up.sql")
                .contains("warning: ").contains("0002_orders.up.sql:2:1: revision '0002_orders' changes data")
                .contains("No longer used");
        assertThat(Files.readString(dir.resolve("changelog.yaml")))
                .contains("replaces: [0001_users, 0002_orders]").contains("parents: [0002_orders_squashed]");

        CliRun.Result validate = cli.run("validate");
        assertThat(validate.exitCode()).as("%s", validate).isZero();
        CliRun.Result lint = cli.run("lint");
        assertThat(lint.exitCode()).as("%s", lint).isZero();
        CliRun.Result test = cli.run("test");
        assertThat(test.exitCode()).as("%s", test).isZero();

        CliRun.Result up = cli.run("--url", "jdbc:sqlite:old.db", "up");
        assertThat(up.exitCode()).as("%s", up).isZero();
        assertThat(up.out()).contains("0003_audit").doesNotContain("0002_orders_squashed  ");
        CliRun.Result status = cli.run("--format", "json", "--url", "jdbc:sqlite:old.db", "status");
        JsonNode doc = new ObjectMapper().readTree(status.out());
        assertThat(doc.at("/current/0").asText()).isEqualTo("0003_audit");
        assertThat(doc.at("/applied/0/id").asText()).isEqualTo("0002_orders_squashed");
    }

    @Test
    void errorsSayWhereAndWhat() throws Exception {
        CliRun.Result unknown = cli.run("squash", "--through", "0009_nothing");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("0009_nothing");

        CliRun.Result nothing = cli.run("squash", "--through", "0001_users");
        assertThat(nothing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(nothing.err()).contains("changelog.yaml:").contains("nothing to squash");

        CliRun.Result missing = cli.run("squash");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("--through");
    }
}
