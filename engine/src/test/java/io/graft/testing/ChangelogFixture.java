package io.graft.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a changelog and its SQL files into a folder, for tests that need files on disk. */
public final class ChangelogFixture {

    private final Path dir;
    private final StringBuilder yaml = new StringBuilder("changelog: 1\nrevisions:\n");

    private ChangelogFixture(Path dir) {
        this.dir = dir;
    }

    public static ChangelogFixture in(Path dir) {
        return new ChangelogFixture(dir);
    }

    /** A revision with an up file and, when {@code down} is not null, a down file; {@code extra} is more YAML keys. */
    public ChangelogFixture revision(String id, List<String> parents, String up, String down, String... extra) {
        yaml.append("  - id: ").append(id).append('\n')
                .append("    parents: [").append(String.join(", ", parents)).append("]\n")
                .append("    up: sql/").append(id).append(".up.sql\n");
        write("sql/" + id + ".up.sql", up);
        if (down != null) {
            yaml.append("    down: sql/").append(id).append(".down.sql\n");
            write("sql/" + id + ".down.sql", down);
        }
        for (String line : extra) {
            yaml.append("    ").append(line).append('\n');
        }
        return this;
    }

    public ChangelogFixture write(String relative, String content) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code changelog.yaml} and returns its path. */
    public Path save() {
        write("changelog.yaml", yaml.toString());
        return dir.resolve("changelog.yaml");
    }

    public Path dir() {
        return dir;
    }
}
