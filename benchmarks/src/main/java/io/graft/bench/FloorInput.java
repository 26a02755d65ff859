package io.graft.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the floors read beside a generated project, so that they do no parsing: {@code floor.txt}
 * (per revision, in changelog order: id, up file, and the byte range of each statement in it,
 * for the raw-JDBC {@link Floor}) and {@code client.sql} (every up file in changelog order, each
 * in a transaction of its own, for the databases' own clients: {@code psql -f}, {@code sqlite3}).
 */
final class FloorInput {

    /** One SQL file as the generator writes it, with the byte range of each statement (without its {@code ;}). */
    static final class SqlFile {
        private final StringBuilder text = new StringBuilder();
        private final List<long[]> ranges = new ArrayList<>();
        private long bytes;

        SqlFile text(String s) {
            text.append(s);
            bytes += s.getBytes(StandardCharsets.UTF_8).length;
            return this;
        }

        /** A statement ending in {@code ;}. */
        SqlFile statement(String s) {
            long start = bytes;
            text(s);
            ranges.add(new long[] {start, bytes - 1});
            return this;
        }

        String content() {
            return text.toString();
        }

        long size() {
            return bytes;
        }
    }

    private final Path dir;
    private final StringBuilder manifest = new StringBuilder();
    private final StringBuilder client = new StringBuilder();

    FloorInput(Path dir) {
        this.dir = dir;
    }

    void revision(String id, String upFile, SqlFile up) {
        manifest.append(id).append('\t').append(upFile).append('\t');
        for (int k = 0; k < up.ranges.size(); k++) {
            long[] r = up.ranges.get(k);
            manifest.append(k == 0 ? "" : ",").append(r[0]).append('-').append(r[1]);
        }
        manifest.append('\n');
        client.append("BEGIN;\n").append(up.content()).append("\nCOMMIT;\n");
    }

    void save() {
        try {
            Files.writeString(dir.resolve("floor.txt"), manifest);
            Files.writeString(dir.resolve("client.sql"), client);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
