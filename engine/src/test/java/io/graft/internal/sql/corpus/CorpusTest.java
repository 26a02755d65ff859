package io.graft.internal.sql.corpus;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import io.graft.Graft;
import io.graft.changelog.DialectId;
import io.graft.testing.ChangelogFixture;
import io.graft.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Applies each dialect's {@code sql-corpus/<dialect>/*.sql} once through Graft and once through the
 * database's own client, each into a fresh database, and requires the same schema and the same
 * row counts (see {@code src/test/resources/sql-corpus/README.md}). Where the two differ, Graft
 * split or sent a statement differently from the client its users check their files with.
 */
class CorpusTest {

    private static final Path ROOT = Path.of("src/test/resources/sql-corpus");
    private static final String NO_TRANSACTION_MARKER = "-- corpus: transaction false";

    @TempDir
    Path tmp;

    @Test
    void postgresql() throws IOException {
        check(DialectId.POSTGRESQL);
    }

    @Test
    void sqlite() throws IOException {
        check(DialectId.SQLITE);
    }

    @Test
    void mysql() throws IOException {
        check(DialectId.MYSQL);
    }

    private void check(DialectId dialect) throws IOException {
        NativeClient.ClientPaths clients = NativeClient.find(dialect);
        List<Path> files = corpus(dialect);
        try (TestDatabase viaGraft = TestDatabase.create(dialect);
                TestDatabase viaClient = TestDatabase.create(dialect)) {
            try (Graft graft = Graft.builder()
                    .changelog(changelog(files))
                    .url(viaGraft.url(), viaGraft.user(), viaGraft.password())
                    .build()) {
                graft.upgrade();
            }
            NativeClient client = NativeClient.on(viaClient, clients);
            for (Path file : files) {
                client.apply(file);
            }

            SchemaSnapshot expected = SchemaSnapshot.of(viaClient, client);
            SchemaSnapshot actual = SchemaSnapshot.of(viaGraft, NativeClient.on(viaGraft, clients));
            assertFalse(expected.schema().isBlank(), "the client's run left an empty schema");
            if (!actual.schema().equals(expected.schema())) {
                fail(dialect.key() + ": the schema after Graft differs from the schema after the "
                        + "database's own client (- client, + Graft):\n" + diff(expected.schema(), actual.schema()));
            }
            if (!actual.rowCounts().equals(expected.rowCounts())) {
                fail(dialect.key() + ": row counts differ; client: " + expected.rowCounts()
                        + "\nGraft: " + actual.rowCounts());
            }
        }
    }

    private static List<Path> corpus(DialectId dialect) throws IOException {
        try (Stream<Path> list = Files.list(ROOT.resolve(dialect.key()))) {
            List<Path> files = list.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
            if (files.isEmpty()) {
                fail("no corpus files in " + ROOT.resolve(dialect.key()));
            }
            return files;
        }
    }

    /** One revision per file, in name order, each the child of the one before. */
    private Path changelog(List<Path> files) throws IOException {
        ChangelogFixture fixture = ChangelogFixture.in(tmp.resolve("changelog"));
        String parent = null;
        for (Path file : files) {
            String name = file.getFileName().toString();
            String id = name.substring(0, name.length() - ".sql".length());
            String sql = Files.readString(file, StandardCharsets.UTF_8);
            List<String> extra = new ArrayList<>();
            if (sql.startsWith(NO_TRANSACTION_MARKER)) {
                extra.add("transaction: false");
            }
            fixture.revision(id, parent == null ? List.of() : List.of(parent), sql, null, extra.toArray(String[]::new));
            parent = id;
        }
        return fixture.save();
    }

    /** The lines of {@code a} and {@code b} that differ, with a little context, by a longest common subsequence. */
    static String diff(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        int[][] lcs = new int[x.length + 1][y.length + 1];
        for (int i = x.length - 1; i >= 0; i--) {
            for (int j = y.length - 1; j >= 0; j--) {
                lcs[i][j] = x[i].equals(y[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < x.length || j < y.length) {
            if (i < x.length && j < y.length && x[i].equals(y[j])) {
                out.add("  " + x[i]);
                i++;
                j++;
            } else if (j >= y.length || i < x.length && lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add("- " + x[i++]);
            } else {
                out.add("+ " + y[j++]);
            }
        }
        boolean[] show = new boolean[out.size()];
        for (int k = 0; k < out.size(); k++) {
            if (!out.get(k).startsWith("  ")) {
                for (int c = Math.max(0, k - 3); c <= Math.min(out.size() - 1, k + 3); c++) {
                    show[c] = true;
                }
            }
        }
        StringBuilder shown = new StringBuilder();
        for (int k = 0; k < out.size(); k++) {
            if (show[k]) {
                shown.append(out.get(k)).append('\n');
            } else if (k > 0 && show[k - 1]) {
                shown.append("  ...\n");
            }
        }
        return shown.toString();
    }
}
