package io.graft.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.Graft;
import io.graft.SchemaDiffRequest;
import io.graft.SchemaDiffResult;
import io.graft.changelog.DialectId;
import io.graft.changelog.Revision;
import io.graft.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every sample changelog (every {@code samples/NAME/changelog.yaml}), at every revision, on each database it declares (all three when it
 * declares none): built in a scratch database through {@code changelog.yaml@REVISION}, it diffs
 * against itself as no change, and (on a linear history) against the database that
 * {@code graft up REVISION} migrated as no change either.
 */
class SamplesSelfDiffTest {

    private static final Path SAMPLES = Path.of(System.getenv().getOrDefault("GRAFT_TEST_ROOT", ".."), "samples");

    @TestFactory
    Stream<DynamicTest> everySampleAtEveryRevision() throws java.io.IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<String> samples;
        try (Stream<Path> dirs = java.nio.file.Files.list(SAMPLES)) {
            samples = dirs.filter(d -> java.nio.file.Files.isRegularFile(d.resolve("changelog.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        }
        assertThat(samples).as("samples with a changelog.yaml under " + SAMPLES).contains("blog", "branches", "dialects");
        for (String sample : samples) {
            Path changelog = SAMPLES.resolve(sample).resolve("changelog.yaml");
            for (DialectId dialect : DialectId.values()) {
                tests.add(DynamicTest.dynamicTest(sample + " on " + dialect.key(), changelog.toUri(),
                        () -> check(changelog, dialect)));
            }
        }
        return tests.stream();
    }

    private static void check(Path changelog, DialectId dialect) throws Exception {
        assertThat(changelog).exists();
        try (TestDatabase db = TestDatabase.create(dialect)) {
            java.util.Set<DialectId> declared;
            List<Revision> revisions;
            try (Graft graft = Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password()).build()) {
                declared = graft.changelog().dialects();
                revisions = graft.changelog().revisions();
            }
            if (!declared.isEmpty() && !declared.contains(dialect)) {
                return;
            }
            String dev = devUrl(dialect);
            String url = withUser(db);
            // On a linear history, 'up REVISION' applies exactly what changelog.yaml@REVISION builds.
            boolean linear = true;
            for (int i = 0; i < revisions.size(); i++) {
                List<String> parents = revisions.get(i).parents();
                linear &= i == 0 ? parents.isEmpty() : parents.equals(List.of(revisions.get(i - 1).id()));
            }
            for (Revision revision : revisions) {
                if (revision.repeatable()) {
                    continue;
                }
                String source = changelog + "@" + revision.id();
                SchemaDiffResult self = Graft.diff(new SchemaDiffRequest(source, source, dialect, dev, List.of(), null));
                assertThat(self.changes()).as(source + " against itself:\n" + self.sql()).isEmpty();
                if (!linear) {
                    continue;
                }
                try (Graft graft = Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password())
                        .build()) {
                    graft.upgrade(revision.id());
                }
                SchemaDiffResult live = Graft.diff(new SchemaDiffRequest(url, source, dialect, dev, List.of(), null));
                assertThat(live.changes()).as("the database migrated to " + revision.id() + " against " + source
                        + ":\n" + live.sql()).isEmpty();
            }
        }
    }

    static String devUrl(DialectId dialect) {
        return switch (dialect) {
            case SQLITE -> null;
            case POSTGRESQL -> System.getenv("GRAFT_TEST_POSTGRES_URL");
            case MYSQL -> System.getenv("GRAFT_TEST_MYSQL_URL");
        };
    }

    static String withUser(TestDatabase db) {
        if (db.user() == null) {
            return db.url();
        }
        return db.url() + (db.url().contains("?") ? "&" : "?") + "user=" + db.user()
                + (db.password() == null || db.password().isEmpty() ? "" : "&password=" + db.password());
    }
}
