package io.graft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.testing.ChangelogFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * No database URL reaches a user as "unexpected RuntimeException": a few hundred generated URLs,
 * most of them broken copies of real ones (a character dropped, doubled or replaced, a port out of
 * range, an unencoded {@code @}), each given to {@code --url}. A command that needs no connection
 * ({@code up --sql --from base}) shows what parsing alone does: exit 0, or exit 2 with one line.
 * A URL that does not parse is also given to {@code status}: exit 2 and one line again.
 */
class DatabaseUrlFuzzTest {

    private static Path dir;

    @BeforeContainer
    static void project() throws IOException {
        dir = Files.createTempDirectory("graft-url-fuzz-");
        ChangelogFixture.in(dir).revision("0001_a", List.of(), "CREATE TABLE a (id INTEGER);\n", "DROP TABLE a;\n").save();
    }

    @AfterContainer
    static void clean() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static final List<String> SEEDS = List.of(
            "jdbc:postgresql://db:5432/app", "jdbc:postgresql://app:pw@db/app?sslmode=require",
            "postgresql://app:s3cret@db:5432/app", "postgres://app@db/app?sslmode=verify-full&application_name=x",
            "postgresql+psycopg2://app:p%40ss@[::1]:5432/app", "jdbc:mysql://db:3306/app", "jdbc:mariadb://db/app?user=x",
            "mysql://root:pw@db:3306/app?charset=utf8mb4", "mariadb+mariadbconnector://u@h/db?ssl_mode=REQUIRED",
            "sqlite:///app.db", "sqlite:////tmp/app.db", "jdbc:sqlite:app.db", "jdbc:oracle:thin:@db:1521:orcl",
            "postgresql://h1:5432,h2:5433/app?target_session_attrs=read-write",
            "jdbc:mariadb://db/app?user=x&password=p%41w", "postgresql:///app?host=db&port=5433&password=pw");

    @Provide
    Arbitrary<String> urls() {
        Arbitrary<String> seed = Arbitraries.of(SEEDS);
        Arbitrary<String> mutated = Combinators.combine(seed, Arbitraries.integers().between(0, 200),
                Arbitraries.of('@', ':', '/', '?', '#', '%', '[', ']', ',', '=', '&', '+', ' ', '\t', '\n', '\u0000',
                        'é', '\'', '"', '\\', '9'), Arbitraries.integers().between(0, 3))
                .as(DatabaseUrlFuzzTest::mutate);
        Arbitrary<String> ports = Combinators.combine(Arbitraries.of("postgresql://db:", "mysql://u:p@db:",
                "jdbc:postgresql://db:", "jdbc:mysql://db:"), Arbitraries.strings().withChars("0123456789-x").ofMaxLength(8))
                .as((prefix, port) -> prefix + port + "/app");
        Arbitrary<String> random = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> schemes = Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10),
                Arbitraries.of("://db/app", ":", "+x://u:p@db/app", ":thin:@db:1521:x"))
                .as((scheme, rest) -> scheme + rest);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, mutated), net.jqwik.api.Tuple.of(2, ports),
                net.jqwik.api.Tuple.of(2, random), net.jqwik.api.Tuple.of(2, schemes));
    }

    private static String mutate(String seed, int position, char c, int how) {
        int at = position % (seed.length() + 1);
        return switch (how) {
            case 0 -> seed.substring(0, at) + c + seed.substring(at);
            case 1 -> at < seed.length() ? seed.substring(0, at) + seed.substring(at + 1) : seed + c;
            case 2 -> at < seed.length() ? seed.substring(0, at) + c + seed.substring(at + 1) : seed;
            default -> seed.substring(0, at);
        };
    }

    @Property(tries = 300)
    void everyUrlParsesOrExitsTwoWithOneLine(@ForAll("urls") String url) {
        CliRun cli = new CliRun(dir);
        CliRun.Result offline = cli.run("--url=" + url, "up", "--sql", "--from", "base");
        assertThat(offline.exitCode()).as("--url=%s: %s", url, offline.all()).isIn(0, 2);
        assertThat(offline.err()).doesNotContain("unexpected");
        if (offline.exitCode() == 2) {
            assertOneLineError(url, offline);
            CliRun.Result status = cli.run("--url=" + url, "status");
            assertThat(status.exitCode()).as("--url=%s: %s", url, status.all()).isEqualTo(2);
            assertOneLineError(url, status);
        } else {
            assertThat(offline.out()).contains("CREATE TABLE a");
        }
    }

    private static void assertOneLineError(String url, CliRun.Result r) {
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).as("--url=%s", url).startsWith("graft: error: ").endsWith("\n")
                .doesNotContain("unexpected");
        assertThat(r.err().lines().count()).as("--url=%s: %s", url, r.err()).isEqualTo(1);
        assertThat(r.err().indexOf('\n')).isEqualTo(r.err().length() - 1);
    }
}
