package io.graft.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteUrlsTest {

    @TempDir
    Path project;

    @Test
    void aRelativeFileIsTakenFromTheProjectFolder() {
        assertThat(SqliteUrls.resolve("jdbc:sqlite:target/app.db?busy_timeout=5000", project))
                .isEqualTo("jdbc:sqlite:" + project.resolve("target/app.db") + "?busy_timeout=5000");
    }

    @Test
    void otherUrlsAreLeftAlone() {
        String abs = "jdbc:sqlite:" + project.resolve("x.db");
        assertThat(SqliteUrls.resolve(abs, project)).isEqualTo(abs);
        assertThat(SqliteUrls.resolve("jdbc:sqlite::memory:", project)).isEqualTo("jdbc:sqlite::memory:");
        assertThat(SqliteUrls.resolve("jdbc:sqlite:file:x.db?mode=ro", project)).isEqualTo("jdbc:sqlite:file:x.db?mode=ro");
        assertThat(SqliteUrls.resolve("jdbc:postgresql://h/db", project)).isEqualTo("jdbc:postgresql://h/db");
    }

    @Test
    void theFolderOfTheFileIsCreated() throws Exception {
        SqliteUrls.createFolder("jdbc:sqlite:" + project.resolve("target/db/app.db"));
        assertThat(Files.isDirectory(project.resolve("target/db"))).isTrue();
    }
}
