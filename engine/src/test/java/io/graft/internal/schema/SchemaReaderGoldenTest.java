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
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each {@code schema/read/<dialect>/<case>.sql} is run on a fresh database of its dialect, and the
 * schema read back must render as {@code <case>.json} (without the database's name, which is
 * random). One case per object kind. {@code -Dgraft.golden.update=true} rewrites the JSON files
 * from what the readers give (review the diff before committing).
 */
class SchemaReaderGoldenTest {

    static final Path ROOT = Path.of("src/test/resources/schema/read");
    private static final boolean UPDATE = Boolean.getBoolean("graft.golden.update");

    @TestFactory
    Stream<DynamicTest> goldenFiles() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (DialectId dialect : DialectId.values()) {
            for (Path sql : cases(dialect)) {
                tests.add(DynamicTest.dynamicTest(dialect.key() + "/" + sql.getFileName(), sql.toUri(),
                        () -> check(dialect, sql)));
            }
        }
        return tests.stream();
    }

    static List<Path> cases(DialectId dialect) throws IOException {
        Path dir = ROOT.resolve(dialect.key());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
    }

    private static void check(DialectId dialect, Path sqlFile) throws IOException {
        String name = sqlFile.getFileName().toString();
        Path jsonFile = sqlFile.resolveSibling(name.substring(0, name.length() - 4) + ".json");
        String actual;
        try (TestDatabase db = TestDatabase.create(dialect)) {
            SchemaScripts.run(db, Files.readString(sqlFile, StandardCharsets.UTF_8));
            Schema schema = SchemaScripts.read(db).withName(null);
            actual = SchemaJson.render(schema) + "\n";
            // what graft up hashes and records: the same text, written by hand
            assertThat(SchemaJsonWriter.render(schema) + "\n").as("SchemaJsonWriter").isEqualTo(actual);
        }
        if (UPDATE) {
            Files.writeString(jsonFile, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(jsonFile)) {
            fail("missing " + jsonFile + "; the reader gives:\n" + actual);
        }
        String expected = Files.readString(jsonFile, StandardCharsets.UTF_8);
        if (!actual.equals(expected)) {
            fail("schema read after " + sqlFile + " differs from " + jsonFile.getFileName() + " (- expected, + actual):\n"
                    + LineDiff.of(expected, actual));
        }
    }
}
