package io.graft.internal.changelog;

import java.io.DataOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;

/**
 * SHA-256 checksums computed before, found again by the content they were computed of, so that
 * a file is hashed once, not on every run: a file's bytes are fingerprinted by their length, their
 * CRC-32C and their CRC-32 (two polynomials: 64 bits), and a fingerprint seen before gives the
 * checksum computed then: the SHA-256 of bytes already hashed is not worked out again (and a file
 * whose stamp has not moved is not even read: see below).
 *
 * <p>Why: in a JVM that compiles with C1 only (the launcher's start-up setting) SHA-256 runs at
 * about 60 MB/s, without the processor's SHA instructions that only C2 uses, while both CRCs are
 * intrinsics at gigabytes per second even in the interpreter. Verifying the checksums of a
 * project's applied files was a tenth of a no-op run, and 2 s of a project with a 100 MB data load.
 * The fingerprint guards against an edit by accident as well as Flyway's whole checksum (one
 * CRC-32) does, with twice the bits; the history keeps the SHA-256, as DESIGN.md says.
 *
 * <p>The fingerprints are kept in a folder the caller names (the CLI: the user's cache folder), in
 * one file per changelog ({@value #FOLDER}{@code /<hash of the changelog's path>.bin}), binary,
 * at most {@value #MAX_ENTRIES} entries (the least recently used go first), replaced whole by an
 * atomic rename. Nothing about it can fail a command: a file that cannot be read, written or
 * understood is as if there were none.
 *
 * <p>The same file also keeps each SQL file's {@link Stamp} (what {@code lstat} says of it: size,
 * modification and change times, inode and device) beside the fingerprint its bytes had, so that a
 * file whose stamp has not moved is not read at all: a no-op run or {@code validate} of a project
 * of thousands of files then costs a system call per file, not an open, a read and a close. This is
 * what git's index and a build tool's up-to-date check do. It holds because the change time
 * ({@code ctime}) cannot be set by a user: any write, {@code touch -r} or rename of another file
 * over this one moves it. The one race, git's "racy" file (changed again within the clock tick in
 * which it was stamped), is closed by stamping only files whose times lie {@value #SETTLE_MILLIS}
 * ms or more before the check began: a later change then gets a later change time. A file that is
 * a symbolic link, is not valid UTF-8, or was changed in the last moments is read every time.
 */
public final class KnownChecksums {

    /** Every checksum computed, none kept: for library use, where no cache folder is named. */
    public static final KnownChecksums NONE = new KnownChecksums(null);

    static final String FOLDER = "checksums-v2";
    static final int MAX_ENTRIES = 20_000;
    /** How long before a check a file's times must lie for its stamp to be kept (see above). */
    static final long SETTLE_MILLIS = 2_000;
    private static final long MAGIC = 0x4752_4146_5443_4B32L; // "GRAFTCK2"
    private static final int STAMP_BYTES = 2 + 5 * 8 + 4 + 4; // and the key's characters
    /** The longest path stamped (a longer one is read every time). */
    private static final int MAX_KEY_CHARS = 1024;
    private static final int ENTRY_BYTES = 8 + 4 + 4 + 32;
    private static final HexFormat HEX = HexFormat.of();

    /** One instance per file and process, so that a fleet's targets and commands share it. */
    private static final Map<Path, KnownChecksums> BY_FILE = new ConcurrentHashMap<>();

    private final Path file;
    private final long settleMillis;
    /** The least recently used first; null until read from {@link #file}. */
    private Map<Fingerprint, byte[]> known;
    /** The stamps by the file's path relative to the changelog's folder, the least recently used first. */
    private Map<String, Stamped> stamps;
    private boolean changed;

    private KnownChecksums(Path file) {
        this(file, SETTLE_MILLIS);
    }

    private KnownChecksums(Path file, long settleMillis) {
        this.file = file;
        this.settleMillis = settleMillis;
    }

    /** The checksums of {@code changelog}'s files kept in {@code folder} (created when first written). */
    public static KnownChecksums in(Path folder, Path changelog) {
        return BY_FILE.computeIfAbsent(CacheFiles.fileFor(folder, FOLDER, changelog), KnownChecksums::new);
    }

    /** A fresh instance on {@code file}, not shared with the rest of the process: for tests. */
    static KnownChecksums atFile(Path file) {
        return new KnownChecksums(file);
    }

    /** As {@link #atFile(Path)}, stamping files whose times lie {@code settleMillis} before a check: for tests. */
    static KnownChecksums atFile(Path file, long settleMillis) {
        return new KnownChecksums(file, settleMillis);
    }

    /**
     * What {@code lstat} says of a regular file, all of which a write to it changes: its size, its
     * modification and change times in nanoseconds, its inode and its device.
     */
    record Stamp(long size, long modified, long changed, long inode, long device) {

        // Written out: a record's own are bootstrapped through method handles, slow in a fresh JVM.
        @Override
        public int hashCode() {
            return Long.hashCode(changed) * 31 + Long.hashCode(inode);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Stamp s && s.size == size && s.modified == modified && s.changed == changed
                    && s.inode == inode && s.device == device;
        }
    }

    /** A stamp and the fingerprint of the bytes the file had under it. */
    private record Stamped(Stamp stamp, Fingerprint fingerprint) {

        @Override
        public int hashCode() {
            return stamp.hashCode() * 31 + fingerprint.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Stamped s && s.stamp.equals(stamp) && s.fingerprint.equals(fingerprint);
        }
    }

    /**
     * The fingerprint of the file at {@code key} (its path relative to the changelog's folder) when
     * its stamp is still {@code stamp}, or {@code null} when the file must be read. Its checksum is
     * then {@link #known(Fingerprint)} if it was computed before, and the file is read for it if not.
     */
    synchronized Fingerprint stamped(String key, Stamp stamp) {
        if (file == null) {
            return null;
        }
        Stamped entry = stamps().get(key);
        return entry != null && entry.stamp().equals(stamp) ? entry.fingerprint() : null;
    }

    /**
     * Whether a file stamped {@code stamp} would be remembered by {@link #stamp}: there is a cache
     * folder and its times lie the settling time before {@code checkStartMillis}. A caller spares
     * the fingerprint of a file that would not.
     */
    boolean settled(Stamp stamp, long checkStartMillis) {
        long settledBefore = (checkStartMillis - settleMillis) * 1_000_000;
        return file != null && stamp.changed() < settledBefore && stamp.modified() < settledBefore;
    }

    /**
     * Remembers that the file at {@code key}, stamped {@code stamp} before it was read, then held
     * bytes of {@code fingerprint}; not when its times lie within the settling time before
     * {@code checkStartMillis} (the wall clock when the check began), nor when it was read at
     * another size than stamped (it changed meanwhile), nor without a cache folder.
     */
    synchronized void stamp(String key, Stamp stamp, Fingerprint fingerprint, long checkStartMillis) {
        if (!settled(stamp, checkStartMillis) || key.length() > MAX_KEY_CHARS || fingerprint.size() != stamp.size()) {
            return;
        }
        Stamped entry = new Stamped(stamp, fingerprint);
        if (!entry.equals(stamps().put(key, entry))) {
            changed = true;
        }
    }

    /** What a file's bytes are known by: their length and two CRCs of them. */
    record Fingerprint(long size, int crc32c, int crc32) {

        // Written out: a record's own are bootstrapped through method handles, slow in a fresh JVM.
        @Override
        public int hashCode() {
            return crc32c;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Fingerprint f && f.size == size && f.crc32c == crc32c && f.crc32 == crc32;
        }

        static Fingerprint of(byte[] content) {
            CRC32C c = new CRC32C();
            c.update(content, 0, content.length);
            CRC32 d = new CRC32();
            d.update(content, 0, content.length);
            return new Fingerprint(content.length, (int) c.getValue(), (int) d.getValue());
        }
    }

    /** The normalised SHA-256 of {@code content} ({@link Checksums#sha256(byte[])}), computed only if not known. */
    String sha256(byte[] content) {
        return sha256(content, null);
    }

    /** As {@link #sha256(byte[])}, with the fingerprint of {@code content} when the caller has it. */
    String sha256(byte[] content, Fingerprint of) {
        if (file == null) {
            return Checksums.sha256(content);
        }
        Fingerprint fingerprint = of != null ? of : Fingerprint.of(content);
        String sha = lookUp(fingerprint);
        if (sha == null) {
            sha = Checksums.sha256(content);
            remember(fingerprint, sha);
        }
        return sha;
    }

    /** The same for a file too large to hold: read once for the fingerprint, and again only to hash it. */
    String sha256(Path path) throws IOException {
        if (file == null) {
            try (InputStream in = Files.newInputStream(path)) {
                return Checksums.sha256(in);
            }
        }
        Fingerprint fingerprint;
        try (Fingerprinting in = new Fingerprinting(Files.newInputStream(path))) {
            in.transferTo(OutputStream.nullOutputStream());
            fingerprint = in.fingerprint();
        }
        String sha = lookUp(fingerprint);
        if (sha != null) {
            return sha;
        }
        // Hashed with its fingerprint taken again from the same bytes: the file may have changed
        // since the first read, and what is remembered must be one content's.
        try (Fingerprinting in = new Fingerprinting(Files.newInputStream(path))) {
            sha = Checksums.sha256(in);
            remember(in.fingerprint(), sha);
        }
        return sha;
    }

    /** Whether this keeps anything: stamps and fingerprints are worth taking only then. */
    boolean keeps() {
        return file != null;
    }

    /** The checksum of the bytes of {@code fingerprint} when known, else {@code null}. */
    String known(Fingerprint fingerprint) {
        return file == null ? null : lookUp(fingerprint);
    }

    /** Fingerprints what is read through it. */
    static final class Fingerprinting extends FilterInputStream {
        private final CRC32C crc32c;
        private final CRC32 crc32;
        private long count;

        Fingerprinting(InputStream in) {
            this(in, new CRC32C(), new CRC32());
        }

        private Fingerprinting(InputStream in, CRC32C crc32c, CRC32 crc32) {
            super(new CheckedInputStream(new CheckedInputStream(in, crc32c), crc32));
            this.crc32c = crc32c;
            this.crc32 = crc32;
        }

        Fingerprint fingerprint() {
            return new Fingerprint(count, (int) crc32c.getValue(), (int) crc32.getValue());
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /** Whether the checksum of {@code content} is known (for tests). */
    boolean knows(byte[] content) {
        return lookUp(Fingerprint.of(content)) != null;
    }

    private synchronized String lookUp(Fingerprint fingerprint) {
        byte[] sha = known().get(fingerprint);
        return sha == null ? null : HEX.formatHex(sha);
    }

    private synchronized void remember(Fingerprint fingerprint, String sha) {
        if (known().putIfAbsent(fingerprint, HEX.parseHex(sha)) == null) {
            changed = true;
        }
    }

    /**
     * Writes the checksums computed since the file was read, when there are any, replacing the
     * file whole ({@link CacheFiles#replace}); of two processes that save at once the last one
     * wins, and a checksum the other computed is simply computed again next time.
     */
    public synchronized void save() {
        if (file == null || !changed) {
            return;
        }
        changed = false;
        CacheFiles.replace(file, this::write);
    }

    /**
     * The format, all big-endian: the magic; the number of checksums, then each as its fingerprint
     * (size, CRC-32C, CRC-32) and its 32 bytes; the number of stamps, then each as its key's length
     * and UTF-8 bytes, the stamp's five longs and the fingerprint's two CRCs (its size is the
     * stamp's). Read in one go and taken apart in place: a project's thousands of entries are read
     * before the first file is checked, in a JVM that has compiled nothing yet.
     */
    private void write(DataOutputStream out) throws IOException {
        out.writeLong(MAGIC);
        int skip = Math.max(0, known.size() - MAX_ENTRIES);
        out.writeInt(known.size() - skip);
        for (Map.Entry<Fingerprint, byte[]> e : known.entrySet()) {
            if (skip > 0) {
                skip--;
                continue;
            }
            out.writeLong(e.getKey().size());
            out.writeInt(e.getKey().crc32c());
            out.writeInt(e.getKey().crc32());
            out.write(e.getValue());
        }
        skip = Math.max(0, stamps.size() - MAX_ENTRIES);
        out.writeInt(stamps.size() - skip);
        for (Map.Entry<String, Stamped> e : stamps.entrySet()) {
            if (skip > 0) {
                skip--;
                continue;
            }
            byte[] key = e.getKey().getBytes(StandardCharsets.UTF_8);
            Stamp stamp = e.getValue().stamp();
            out.writeInt(key.length);
            out.write(key);
            out.writeLong(stamp.size());
            out.writeLong(stamp.modified());
            out.writeLong(stamp.changed());
            out.writeLong(stamp.inode());
            out.writeLong(stamp.device());
            out.writeInt(e.getValue().fingerprint().crc32c());
            out.writeInt(e.getValue().fingerprint().crc32());
        }
    }

    /** The stamps, read from the file with the checksums on first use. */
    private Map<String, Stamped> stamps() {
        known();
        return stamps;
    }

    /** The checksums and stamps, read from the file on first use; whatever cannot be read is left out. */
    private Map<Fingerprint, byte[]> known() {
        if (known == null) {
            known = new LinkedHashMap<>(256, 0.75f, true); // in the order of their last use
            stamps = new LinkedHashMap<>(256, 0.75f, true);
            try {
                read();
            } catch (IOException | RuntimeException e) {
                // unreadable or not ours: start again, and replace it on save
                known.clear();
                stamps.clear();
            }
        }
        return known;
    }

    private void read() throws IOException {
        long largest = 20L + (long) MAX_ENTRIES * (ENTRY_BYTES + STAMP_BYTES + MAX_KEY_CHARS * 3);
        if (!Files.isRegularFile(file) || Files.size(file) > largest) {
            return;
        }
        ByteBuffer in = ByteBuffer.wrap(SqlSource.readAll(file));
        try {
            if (in.getLong() != MAGIC) {
                return;
            }
            int count = in.getInt();
            if (count < 0 || count > MAX_ENTRIES) {
                return;
            }
            for (int i = 0; i < count; i++) {
                Fingerprint fingerprint = new Fingerprint(in.getLong(), in.getInt(), in.getInt());
                byte[] sha = new byte[32];
                in.get(sha);
                known.put(fingerprint, sha);
            }
            count = in.getInt();
            if (count < 0 || count > MAX_ENTRIES) {
                return;
            }
            byte[] bytes = in.array();
            for (int i = 0; i < count; i++) {
                int length = in.getInt();
                if (length < 0 || length > MAX_KEY_CHARS * 3) {
                    throw new BufferUnderflowException(); // not ours
                }
                String key = new String(bytes, in.position(), length, StandardCharsets.UTF_8);
                in.position(in.position() + length);
                Stamp stamp = new Stamp(in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong());
                stamps.put(key, new Stamped(stamp, new Fingerprint(stamp.size(), in.getInt(), in.getInt())));
            }
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            // cut short: a file half written by something else
            known.clear();
            stamps.clear();
        }
    }
}
