package io.graft.internal.changelog;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * checksum computed then. Every file is still read and checked on every run; only the SHA-256 of
 * bytes already hashed is not worked out again.
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
 */
public final class KnownChecksums {

    /** Every checksum computed, none kept: for library use, where no cache folder is named. */
    public static final KnownChecksums NONE = new KnownChecksums(null);

    static final String FOLDER = "checksums-v1";
    static final int MAX_ENTRIES = 20_000;
    private static final long MAGIC = 0x4752_4146_5443_4B31L; // "GRAFTCK1"
    private static final int ENTRY_BYTES = 8 + 4 + 4 + 32;
    private static final HexFormat HEX = HexFormat.of();

    /** One instance per file and process, so that a fleet's targets and commands share it. */
    private static final Map<Path, KnownChecksums> BY_FILE = new ConcurrentHashMap<>();

    private final Path file;
    /** The least recently used first; null until read from {@link #file}. */
    private Map<Fingerprint, String> known;
    private boolean changed;

    private KnownChecksums(Path file) {
        this.file = file;
    }

    /** The checksums of {@code changelog}'s files kept in {@code folder} (created when first written). */
    public static KnownChecksums in(Path folder, Path changelog) {
        return BY_FILE.computeIfAbsent(CacheFiles.fileFor(folder, FOLDER, changelog), KnownChecksums::new);
    }

    /** A fresh instance on {@code file}, not shared with the rest of the process: for tests. */
    static KnownChecksums atFile(Path file) {
        return new KnownChecksums(file);
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
        if (file == null) {
            return Checksums.sha256(content);
        }
        Fingerprint fingerprint = Fingerprint.of(content);
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

    /** Fingerprints what is read through it. */
    private static final class Fingerprinting extends FilterInputStream {
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
        return known().get(fingerprint);
    }

    private synchronized void remember(Fingerprint fingerprint, String sha) {
        if (known().putIfAbsent(fingerprint, sha) == null) {
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

    private void write(DataOutputStream out) throws IOException {
        out.writeLong(MAGIC);
        int skip = Math.max(0, known.size() - MAX_ENTRIES);
        out.writeInt(known.size() - skip);
        for (Map.Entry<Fingerprint, String> e : known.entrySet()) {
            if (skip > 0) {
                skip--;
                continue;
            }
            out.writeLong(e.getKey().size());
            out.writeInt(e.getKey().crc32c());
            out.writeInt(e.getKey().crc32());
            out.write(HEX.parseHex(e.getValue()));
        }
    }

    /** The checksums, read from the file on first use; whatever cannot be read is left out. */
    private Map<Fingerprint, String> known() {
        if (known == null) {
            known = new LinkedHashMap<>(256, 0.75f, true); // in the order of their last use
            try {
                read();
            } catch (IOException | RuntimeException e) {
                known.clear(); // unreadable or not ours: start again, and replace it on save
            }
        }
        return known;
    }

    private void read() throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) > 16L + (long) MAX_ENTRIES * ENTRY_BYTES) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 64 * 1024))) {
            if (in.readLong() != MAGIC) {
                return;
            }
            int count = in.readInt();
            if (count < 0 || count > MAX_ENTRIES) {
                return;
            }
            byte[] sha = new byte[32];
            for (int i = 0; i < count; i++) {
                Fingerprint fingerprint = new Fingerprint(in.readLong(), in.readInt(), in.readInt());
                in.readFully(sha);
                known.put(fingerprint, HEX.formatHex(sha));
            }
        } catch (EOFException e) {
            known.clear(); // cut short: a file half written by something else
        }
    }
}
