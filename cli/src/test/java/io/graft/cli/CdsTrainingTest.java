package io.graft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The class list of the launcher's class-data-sharing training run (see {@link CdsTraining}). */
class CdsTrainingTest {

    @Test
    void theListNamesTheDriversAndStillResolves() throws IOException {
        List<String> names;
        try (InputStream in = CdsTraining.class.getResourceAsStream(CdsTraining.CLASS_LIST)) {
            assertThat(in).isNotNull();
            names = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        }
        // The Driver classes are listed too: a run asks its own driver only, not DriverManager,
        // so the SQLite training run no longer loads the other two. The dialects it loads itself.
        assertThat(names).contains("org.postgresql.Driver", "org.postgresql.jdbc.PgConnection",
                "org.postgresql.core.v3.QueryExecutorImpl", "org.mariadb.jdbc.Driver", "org.mariadb.jdbc.Connection",
                "org.mariadb.jdbc.client.impl.StandardClient");

        // The cli's own names must not go stale when its classes move (cli/src/build/cds-classes.sh).
        for (String name : names.stream().filter(n -> n.startsWith("io.graft.cli.")).toList()) {
            assertThat(CdsTrainingTest.class.getClassLoader().getResource(name.replace('.', '/') + ".class"))
                    .as(name).isNotNull();
        }

        int loaded = CdsTraining.loadListedClasses();

        // Names go stale when a driver, the JDK or the engine changes: a few are harmless (they
        // are skipped), many mean the list should be made again (cli/src/build/cds-classes.sh).
        assertThat(loaded).as("classes of %s that still exist", CdsTraining.CLASS_LIST)
                .isGreaterThanOrEqualTo(names.size() * 9 / 10);
    }

    @Test
    void onlyTheLauncherAsksForIt() {
        assertThat(System.getenv(CdsTraining.VARIABLE)).isNull();
        assertThat(CdsTraining.requested()).isFalse();
    }
}
