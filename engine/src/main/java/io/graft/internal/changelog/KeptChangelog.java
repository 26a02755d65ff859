package io.graft.internal.changelog;

import io.graft.SourceSpan;
import io.graft.changelog.Changelog;
import io.graft.changelog.DialectId;
import io.graft.changelog.Revision;
import io.graft.changelog.SqlRef;
import io.graft.internal.changelog.KnownChecksums.Fingerprint;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A valid changelog's model, kept between runs and found again by the changelog's bytes, so that
 * a changelog read before is not parsed again: on a changelog of 1,000 revisions the YAML, the
 * schema check and the model took a third of a {@code heads} run and a quarter of a no-op
 * {@code up} (docs/benchmarks.md). Only a read that found no problem at all is kept; anything else
 * is read again, and reports its problems, every time.
 *
 * <p>A kept model is used only for the very bytes it was read from (their length and two CRCs,
 * as {@link KnownChecksums}), the same file name and folder (they are in its places and paths),
 * and the same build of Graft (the jar's path, size and time: a new version reads again). What
 * the file system says of the SQL files is asked again on every run, as the files may have
 * changed; a kept model only spares the reading of the changelog itself.
 *
 * <p>One file per changelog, beside the checksums ({@value #FOLDER}{@code /<hash of its path>.bin}),
 * replaced whole by an atomic rename. Nothing about it can fail a command: a file that cannot be
 * read, written or understood is as if there were none. A build that does not run from a jar (an
 * IDE, the tests) keeps nothing, as its classes may change under the same name.
 */
public final class KeptChangelog {

    /** Nothing kept: for library use, where no cache folder is named. */
    public static final KeptChangelog NONE = new KeptChangelog(null, null);

    static final String FOLDER = "changelogs-v1";
    private static final long MAGIC = 0x4752_4146_5443_4C31L; // "GRAFTCL1"
    /** A kept model larger than this is not ours: 1,000 revisions take about 150 KB. */
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    private static final String THIS_BUILD = build(KeptChangelog.class.getProtectionDomain().getCodeSource());

    private final Path file;
    private final String build;

    private KeptChangelog(Path file, String build) {
        this.file = file;
        this.build = build;
    }

    /** The model of {@code changelog} kept in {@code folder} (created when first written). */
    public static KeptChangelog in(Path folder, Path changelog) {
        if (THIS_BUILD == null) {
            return NONE;
        }
        return new KeptChangelog(CacheFiles.fileFor(folder, FOLDER, changelog), THIS_BUILD);
    }

    /** One on {@code file} for a build named {@code build}: for tests, which run from class folders. */
    static KeptChangelog atFile(Path file, String build) {
        return new KeptChangelog(file, build);
    }

    /**
     * The model kept for exactly {@code bytes}, read as {@code changelogFile} in {@code baseDir} by
     * this build; empty when there is none, or it is for something else.
     */
    Optional<Changelog> find(Path changelogFile, Path baseDir, byte[] bytes) {
        if (file == null) {
            return Optional.empty();
        }
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 64 * 1024))) {
                if (!key(in, changelogFile, baseDir, Fingerprint.of(bytes))) {
                    return Optional.empty();
                }
                return Optional.of(new Reader(in, changelogFile.toString()).changelog(changelogFile, baseDir));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable, cut short or not ours: read the changelog, and keep it again
        }
    }

    /**
     * Keeps {@code changelog}, read without a problem from {@code bytes}, replacing what was kept
     * whole ({@link CacheFiles#replace}).
     */
    void keep(Changelog changelog, byte[] bytes) {
        if (file == null) {
            return;
        }
        CacheFiles.replace(file, out -> {
            out.writeLong(MAGIC);
            out.writeUTF(build);
            out.writeUTF(changelog.file().toString());
            out.writeUTF(changelog.baseDir().toString());
            Fingerprint fingerprint = Fingerprint.of(bytes);
            out.writeLong(fingerprint.size());
            out.writeInt(fingerprint.crc32c());
            out.writeInt(fingerprint.crc32());
            new Writer(out, changelog.file().toString()).changelog(changelog);
        });
    }

    /** Whether the kept file is for these bytes, read as this file in this folder, by this build. */
    private boolean key(DataInputStream in, Path changelogFile, Path baseDir, Fingerprint bytes) throws IOException {
        return in.readLong() == MAGIC
                && in.readUTF().equals(build)
                && in.readUTF().equals(changelogFile.toString())
                && in.readUTF().equals(baseDir.toString())
                && bytes.equals(new Fingerprint(in.readLong(), in.readInt(), in.readInt()));
    }

    /**
     * The build that reads changelogs: its jar's path, size and modification time; {@code null}
     * when the classes do not come from a jar file.
     */
    static String build(CodeSource source) {
        try {
            Path jar = source == null ? null : Path.of(source.getLocation().toURI());
            if (jar == null || !Files.isRegularFile(jar)) {
                return null;
            }
            return jar.toAbsolutePath() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Writes the model field by field. Places are written as line and column, the file only when
     * it is not the changelog (it always is, for a model read from one).
     */
    private record Writer(DataOutputStream out, String changelogFile) {

        void changelog(Changelog changelog) throws IOException {
            out.writeInt(changelog.format());
            dialects(changelog.dialects());
            out.writeInt(changelog.revisions().size());
            for (Revision revision : changelog.revisions()) {
                revision(revision);
            }
        }

        private void revision(Revision r) throws IOException {
            out.writeUTF(r.id());
            strings(r.parents());
            nullable(r.description());
            strings(r.labels());
            strings(r.dependsOn());
            sqlRef(r.up());
            out.writeBoolean(r.down() != null);
            if (r.down() != null) {
                sqlRef(r.down());
            }
            out.writeBoolean(r.transactional());
            out.writeBoolean(r.repeatable());
            out.writeBoolean(r.test() != null);
            if (r.test() != null) {
                sqlRef(r.test());
            }
            strings(r.replaces());
            span(r.span());
            out.writeInt(r.spans().size());
            for (Map.Entry<String, SourceSpan> e : r.spans().entrySet()) {
                out.writeUTF(e.getKey());
                span(e.getValue());
            }
        }

        private void sqlRef(SqlRef ref) throws IOException {
            nullable(ref.common());
            out.writeInt(ref.perDialect().size());
            for (Map.Entry<DialectId, String> e : ref.perDialect().entrySet()) {
                out.writeByte(e.getKey().ordinal());
                out.writeUTF(e.getValue());
            }
            span(ref.span());
        }

        private void dialects(Set<DialectId> dialects) throws IOException {
            out.writeInt(dialects.size());
            for (DialectId d : dialects) {
                out.writeByte(d.ordinal());
            }
        }

        private void strings(List<String> strings) throws IOException {
            out.writeInt(strings.size());
            for (String s : strings) {
                out.writeUTF(s);
            }
        }

        private void nullable(String s) throws IOException {
            out.writeBoolean(s != null);
            if (s != null) {
                out.writeUTF(s);
            }
        }

        private void span(SourceSpan span) throws IOException {
            boolean inChangelog = span.file().equals(changelogFile);
            out.writeBoolean(inChangelog);
            if (!inChangelog) {
                out.writeUTF(span.file());
            }
            out.writeInt(span.line());
            out.writeInt(span.column());
        }
    }

    /** Reads what {@link Writer} wrote, through the model's own constructors and their checks. */
    private record Reader(DataInputStream in, String changelogFile) {

        private static final DialectId[] DIALECTS = DialectId.values();

        Changelog changelog(Path file, Path baseDir) throws IOException {
            int format = in.readInt();
            Set<DialectId> dialects = dialects();
            int count = count();
            List<Revision> revisions = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                revisions.add(revision());
            }
            if (in.read() != -1) {
                throw new IOException("more than a changelog");
            }
            return new Changelog(file, baseDir, format, dialects, revisions);
        }

        private Revision revision() throws IOException {
            String id = in.readUTF();
            List<String> parents = strings();
            String description = nullable();
            List<String> labels = strings();
            List<String> dependsOn = strings();
            SqlRef up = sqlRef();
            SqlRef down = in.readBoolean() ? sqlRef() : null;
            boolean transactional = in.readBoolean();
            boolean repeatable = in.readBoolean();
            SqlRef test = in.readBoolean() ? sqlRef() : null;
            List<String> replaces = strings();
            SourceSpan span = span();
            int count = count();
            Map<String, SourceSpan> spans = new HashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                spans.put(in.readUTF(), span());
            }
            return new Revision(id, parents, description, labels, dependsOn, up, down, transactional, repeatable,
                    test, replaces, span, spans);
        }

        private SqlRef sqlRef() throws IOException {
            String common = nullable();
            int count = count();
            Map<DialectId, String> perDialect = count == 0 ? Map.of() : new EnumMap<>(DialectId.class);
            for (int i = 0; i < count; i++) {
                perDialect.put(dialect(), in.readUTF());
            }
            return new SqlRef(common, perDialect, span());
        }

        private Set<DialectId> dialects() throws IOException {
            int count = count();
            Set<DialectId> dialects = EnumSet.noneOf(DialectId.class);
            for (int i = 0; i < count; i++) {
                dialects.add(dialect());
            }
            return dialects;
        }

        private DialectId dialect() throws IOException {
            return DIALECTS[in.readUnsignedByte()];
        }

        private List<String> strings() throws IOException {
            int count = count();
            if (count == 0) {
                return List.of();
            }
            List<String> strings = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                strings.add(in.readUTF());
            }
            return strings;
        }

        private String nullable() throws IOException {
            return in.readBoolean() ? in.readUTF() : null;
        }

        private SourceSpan span() throws IOException {
            String file = in.readBoolean() ? changelogFile : in.readUTF();
            return new SourceSpan(file, in.readInt(), in.readInt());
        }

        /** A count, which a file that is not ours may make absurd. */
        private int count() throws IOException {
            int count = in.readInt();
            if (count < 0 || count > 10_000_000) {
                throw new IOException("not a count: " + count);
            }
            return count;
        }
    }
}
