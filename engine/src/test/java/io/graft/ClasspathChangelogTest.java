package io.graft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.graft.changelog.DialectId;
import io.graft.changelog.Revision;
import io.graft.testing.TestDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A changelog read from the class path: a folder, a jar built here, and a jar inside a jar, with
 * the checksums of the same files on disk, the folder's safety checks, and no editing.
 */
class ClasspathChangelogTest {

    private static final Path BLOG = Path.of(System.getenv().getOrDefault("GRAFT_TEST_ROOT", ".."), "samples", "blog");

    @TempDir
    Path dir;

    /** {@code folder}'s files as entries under {@code prefix} of a new jar. */
    private static Path jar(Path jar, Path folder, String prefix) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(prefix + folder.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Graft fromClasspath(ClassLoader loader, String location, String url) {
        return Graft.builder().classLoader(loader).changelog(location).url(url).build();
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void aChangelogAppliedFromTheFilesIsNoChangeFromTheJar(DialectId dialect) throws IOException {
        Path jar = jar(dir.resolve("app.jar"), BLOG, "db/");
        try (TestDatabase db = TestDatabase.create(dialect);
                URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            try (Graft files = Graft.builder().changelog(BLOG.resolve("changelog.yaml"))
                    .url(db.url(), db.user(), db.password()).build()) {
                assertThat(files.upgrade().steps()).hasSize(5);
            }
            try (Graft fromJar = Graft.builder().classLoader(loader).changelog("classpath:db/changelog.yaml")
                    .url(db.url(), db.user(), db.password()).build()) {
                Status status = fromJar.check();
                assertThat(status.drift()).isEmpty();
                assertThat(status.pending()).isEmpty();
                assertThat(fromJar.upgrade().steps()).isEmpty();
                assertThat(fromJar.downgrade("-1").steps()).hasSize(1);
                assertThat(fromJar.upgrade().steps()).hasSize(1);
            }
            assertThat(db.appliedIds()).hasSize(5);
        }
    }

    @Test
    void anExplodedFolderOnTheClassPathIsReadToo() throws IOException {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("db"));
        try (Stream<Path> files = Files.walk(BLOG)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path to = classes.resolve("db").resolve(BLOG.relativize(file).toString());
                Files.createDirectories(to.getParent());
                Files.copy(file, to);
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
                Graft graft = fromClasspath(loader, "classpath:/db/changelog.yaml", "jdbc:sqlite:" + dir.resolve("a.db"))) {
            assertThat(graft.upgrade().steps()).extracting(s -> s.revisionId()).hasSize(5);
        }
    }

    @Test
    void aJarInsideAJarIsOpenedInsideTheOuterOne() throws IOException {
        Path inner = jar(dir.resolve("changelog.jar"), BLOG, "db/");
        Path outer = dir.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(outer))) {
            out.putNextEntry(new ZipEntry("BOOT-INF/lib/changelog.jar"));
            out.write(Files.readAllBytes(inner));
            out.closeEntry();
        }
        URI uri = URI.create("jar:" + outer.toUri() + "!/BOOT-INF/lib/changelog.jar!/db/changelog.yaml");
        try (Graft graft = Graft.builder().changelog(uri).url("jdbc:sqlite:" + dir.resolve("n.db")).build()) {
            assertThat(graft.validate().revisions()).hasSize(5);
            assertThat(graft.upgrade().steps()).hasSize(5);
        }
    }

    @Test
    void aMissingResourceSaysWhereToPutIt() throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[0], null)) {
            Throwable thrown = catchThrowable(() -> fromClasspath(loader, "classpath:db/changelog.yaml", "jdbc:sqlite::memory:"));
            assertThat(thrown).isInstanceOf(ChangelogException.class)
                    .hasMessageContaining("classpath:db/changelog.yaml")
                    .hasMessageContaining("changelog not found on the class path")
                    .hasMessageContaining("src/main/resources/db/changelog.yaml");
        }
    }

    @Test
    void anSqlFileOutsideTheChangelogsFolderIsRefusedInAJarAsOnDisk() throws IOException {
        Path tree = dir.resolve("tree");
        Files.createDirectories(tree.resolve("db"));
        Files.writeString(tree.resolve("secret.sql"), "DROP TABLE users;\n");
        Files.writeString(tree.resolve("db/changelog.yaml"), """
                changelog: 1
                revisions:
                  - id: "0001_a"
                    parents: []
                    up: ../secret.sql
                """, StandardCharsets.UTF_8);
        Path jar = jar(dir.resolve("evil.jar"), tree, "");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
                Graft graft = fromClasspath(loader, "classpath:db/changelog.yaml", "jdbc:sqlite:" + dir.resolve("e.db"))) {
            Throwable thrown = catchThrowable(graft::validate);
            assertThat(thrown).isInstanceOf(ChangelogException.class).hasMessageContaining("../secret.sql");
            assertThat(((ChangelogException) thrown).problems()).hasSize(1);
        }
    }

    @Test
    void aChangelogInAJarIsNotEdited() throws IOException {
        Path jar = jar(dir.resolve("app.jar"), BLOG, "db/");
        byte[] before = Files.readAllBytes(jar);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
                Graft graft = fromClasspath(loader, "classpath:db/changelog.yaml", "jdbc:sqlite::memory:")) {
            Throwable thrown = catchThrowable(() -> graft.newRevision(NewRevision.of("more")));
            assertThat(thrown).isInstanceOf(ChangelogException.class)
                    .hasMessageContaining("inside a jar and cannot be edited");
        }
        assertThat(Files.readAllBytes(jar)).isEqualTo(before);
    }

    @Test
    void aFilePathStillWorksThroughTheStringForm() {
        try (Graft graft = Graft.builder().changelog(BLOG.resolve("changelog.yaml").toString()).build()) {
            assertThat(graft.heads()).extracting(Revision::id).containsExactly("0005_published_view");
        }
    }
}
