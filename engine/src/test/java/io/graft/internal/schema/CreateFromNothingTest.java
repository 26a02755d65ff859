package io.graft.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.changelog.DialectId;
import io.graft.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every read fixture ({@code schema/read/<dialect>/*.sql}), as a diff: its schema against itself
 * is no change; created from nothing by diff(empty, A) it reads back as A; and diff(A, empty) takes
 * it back to nothing (objects the model does not describe aside).
 */
class CreateFromNothingTest {

    @TestFactory
    Stream<DynamicTest> everyReadFixture() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (DialectId dialect : DialectId.values()) {
            for (Path sql : SchemaReaderGoldenTest.cases(dialect)) {
                tests.add(DynamicTest.dynamicTest(dialect.key() + "/" + sql.getFileName(), sql.toUri(),
                        () -> check(dialect, sql)));
            }
        }
        return tests.stream();
    }

    private static void check(DialectId dialect, Path sqlFile) throws IOException {
        try (TestDatabase source = TestDatabase.create(dialect); TestDatabase target = TestDatabase.create(dialect)) {
            SchemaScripts.run(source, Files.readString(sqlFile));
            Schema a = SchemaScripts.read(source);
            assertThat(SchemaDiff.compare(a, a)).as("a schema against itself").isEmpty();
            Schema empty = SchemaScripts.read(target);
            RoundTrips.apply(target, RoundTrips.known(SchemaDiff.compare(empty, a)));
            Schema created = SchemaScripts.read(target);
            RoundTrips.assertSame(created, a, "created from nothing");
            RoundTrips.apply(target, RoundTrips.known(SchemaDiff.compare(created, empty)));
            RoundTrips.assertSame(SchemaScripts.read(target), empty, "dropped again");
        }
    }
}
