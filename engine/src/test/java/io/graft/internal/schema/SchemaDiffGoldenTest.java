package io.graft.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.graft.changelog.DialectId;
import io.graft.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One folder per change kind under {@code schema/diff/<dialect>/}: {@code from.sql} (with rows),
 * {@code to.sql}, optionally {@code renames.txt} (one {@code old=new} a line), and
 * {@code expected.sql}, the diff's script. Each side diffs against itself as no change. Each case is also a round trip on real databases:
 * A from {@code from.sql}, B from {@code to.sql}; diff(A, B) applied to A reads back as B, the rows
 * of the tables that stay survive, and diff(B, A) then takes it back to A.
 * {@code -Dgraft.golden.update=true} rewrites {@code expected.sql}.
 */
class SchemaDiffGoldenTest {

    static final Path ROOT = Path.of("src/test/resources/schema/diff");
    private static final boolean UPDATE = Boolean.getBoolean("graft.golden.update");

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (DialectId dialect : DialectId.values()) {
            Path dir = ROOT.resolve(dialect.key());
            try (Stream<Path> cases = Files.list(dir)) {
                cases.filter(Files::isDirectory).sorted().forEach(c -> tests.add(DynamicTest.dynamicTest(
                        dialect.key() + "/" + c.getFileName(), c.toUri(), () -> check(dialect, c))));
            }
        }
        return tests.stream();
    }

    private static void check(DialectId dialect, Path dir) throws IOException {
        Renames renames = Files.exists(dir.resolve("renames.txt"))
                ? Renames.parse(Files.readAllLines(dir.resolve("renames.txt")).stream().filter(l -> !l.isBlank()).toList())
                : Renames.none();
        Renames back = reverse(renames);
        try (TestDatabase a = TestDatabase.create(dialect); TestDatabase b = TestDatabase.create(dialect)) {
            SchemaScripts.run(a, Files.readString(dir.resolve("from.sql")));
            SchemaScripts.run(b, Files.readString(dir.resolve("to.sql")));
            Schema schemaA = SchemaScripts.read(a);
            Schema schemaB = SchemaScripts.read(b);
            assertThat(SchemaDiff.compare(schemaA, schemaA)).as("from.sql against itself").isEmpty();
            assertThat(SchemaDiff.compare(schemaB, schemaB)).as("to.sql against itself").isEmpty();
            List<Change> forward = SchemaDiff.compare(schemaA, schemaB, renames);
            String script = DiffScript.render(dialect, forward);
            Path expectedFile = dir.resolve("expected.sql");
            if (UPDATE) {
                Files.writeString(expectedFile, script, StandardCharsets.UTF_8);
            } else if (!Files.exists(expectedFile)) {
                fail("missing " + expectedFile + "; the diff is:\n" + script);
            } else {
                String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
                if (!expected.equals(script)) {
                    fail("diff of " + dir + " differs from expected.sql (- expected, + actual):\n"
                            + LineDiff.of(expected, script));
                }
            }
            Map<String, Long> rowsBefore = RoundTrips.rowCounts(a, schemaA);
            RoundTrips.apply(a, forward);
            Schema afterForward = SchemaScripts.read(a);
            RoundTrips.assertSame(afterForward, schemaB, "after diff(A, B)");
            Map<String, Long> rowsAfter = RoundTrips.rowCounts(a, afterForward);
            for (Table t : schemaA.tables()) {
                String name = renames.tables().getOrDefault(t.name(), t.name());
                if (rowsAfter.containsKey(name)) {
                    assertThat(rowsAfter.get(name)).as("rows of " + name + " after diff(A, B)")
                            .isEqualTo(rowsBefore.get(t.name()));
                }
            }
            RoundTrips.apply(a, SchemaDiff.compare(afterForward, schemaA, back));
            if (Files.exists(dir.resolve("irreversible.txt"))) {
                // What the database cannot undo is reported, and is all that is left.
                assertThat(SchemaDiff.compare(SchemaScripts.read(a), schemaA)).isNotEmpty()
                        .allMatch(c -> c.kind() == Change.Kind.UNSUPPORTED, "unsupported");
            } else {
                RoundTrips.assertSame(SchemaScripts.read(a), schemaA, "after diff(B, A)");
            }
        }
    }

    /** The renames that undo {@code renames}. */
    static Renames reverse(Renames renames) {
        List<String> entries = new ArrayList<>();
        renames.tables().forEach((a, b) -> entries.add(b + "=" + a));
        renames.columns().forEach((a, b) -> {
            int dot = a.indexOf('.');
            String table = a.substring(0, dot);
            entries.add(renames.tables().getOrDefault(table, table) + "." + b + "=" + a.substring(dot + 1));
        });
        return Renames.parse(entries);
    }
}
