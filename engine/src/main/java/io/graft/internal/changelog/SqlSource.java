package io.graft.internal.changelog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One SQL file named by a loaded changelog, read from disk once per command: the same bytes
 * feed the load's UTF-8 check, the checksum, and the text that is split (for a run) or linted.
 * Safe to use from any thread: checksums and scripts are read on parallel streams.
 *
 * <p>What is held, and for how long, so that a project of thousands of files stays small:
 * <ul>
 *   <li>the bytes, from the load's check (or the first use) until {@link #release()}; a file
 *       whose stamp has not moved since an earlier run ({@link KnownChecksums}) is not read by
 *       the check, only when its bytes are asked for; files over
 *       {@value #HELD_AT_LOAD} bytes are only streamed through the load's check and the checksum,
 *       and read whole only for their statements, so that {@code validate} and a no-op run never
 *       hold a 100 MB data file;</li>
 *   <li>the checksum, once computed, for good (64 characters), except one taken on the word of
 *       the file's unchanged stamp ({@link #stampedAs}): when the bytes are then read after all
 *       (a run needs the statements), the checksum is taken of them again, so that what is
 *       recorded is what ran;</li>
 *   <li>never the text: {@link #text()} decodes it on each call, for callers that split it and
 *       drop it. A run splits the bytes themselves ({@link #content()}): its statements keep them
 *       as their text and decode one statement at a time, so a file of a run is in memory once,
 *       as its bytes, until the run has applied it.</li>
 * </ul>
 * The file's name as shown to the user is the caller's: a run names it relative to the working
 * directory, lint as the changelog's folder was given, as each always has.
 */
public final class SqlSource {

    /** The largest file whose bytes the load's check keeps for later. */
    static final long HELD_AT_LOAD = 16L * 1024 * 1024;

    /** How much of a file one read asks for (see {@link #readAll}). */
    private static final int CHUNK = 256 * 1024;

    /** The file, resolved against the changelog's folder. */
    private final Path path;
    private final KnownChecksums known;
    private byte[] bytes;
    /** The fingerprint of {@link #bytes}, or of the file as its stamp says ({@link #stampedAs}). */
    private KnownChecksums.Fingerprint fingerprint;
    /** True while {@link #fingerprint} comes from the file's stamp, not from bytes this process read. */
    private boolean stamped;
    private String checksum;
    /** True when {@link #checksum} was taken on the stamp's word, before the bytes were read. */
    private boolean checksumOfStamp;

    SqlSource(Path path, KnownChecksums known) {
        this.path = path;
        this.known = known;
    }

    /**
     * The normalised SHA-256 (a BOM and line-ending style do not count), computed once, and not
     * at all when the same bytes were hashed before ({@link KnownChecksums}).
     */
    public synchronized String checksum() throws IOException {
        if (checksum == null && fingerprint != null) {
            checksum = known.known(fingerprint);
            checksumOfStamp = checksum != null && stamped;
        }
        if (checksum == null) {
            if (bytes == null && Files.size(path) > HELD_AT_LOAD) {
                // not held, and perhaps never needed whole (a no-op run verifies only checksums)
                checksum = known.sha256(path);
            } else {
                byte[] content = bytes();
                checksum = known.sha256(content, stamped ? null : fingerprint);
            }
        }
        return checksum;
    }

    /** The text, decoded as UTF-8 without a BOM (bytes that are not UTF-8 become U+FFFD). */
    public synchronized String text() throws IOException {
        byte[] content = bytes();
        int skip = Checksums.hasBom(content) ? 3 : 0;
        return new String(content, skip, content.length - skip, StandardCharsets.UTF_8);
    }

    /**
     * The file's bytes, as read once for this command (by the load's check, or now); the caller
     * must not change them. A later {@link #release()} does not take them from the caller.
     */
    public synchronized byte[] content() throws IOException {
        return bytes();
    }

    /** Forgets the bytes, keeping the checksum if it was computed; a later use reads the file again. */
    public synchronized void release() {
        bytes = null;
        fingerprint = null;
    }

    /**
     * The bytes the load's check read, kept for the uses that follow, with their fingerprint
     * ({@code null} when not taken).
     */
    synchronized void hold(byte[] content, KnownChecksums.Fingerprint of) {
        if (bytes == null && !stamped) {
            bytes = content;
            fingerprint = of;
        }
    }

    /**
     * The fingerprint of the file's bytes as the load's check found them without reading them, by
     * the file's unchanged stamp ({@link KnownChecksums#stamped}), or by streaming a file too large
     * to hold: its checksum is then known without reading the file (again).
     */
    synchronized void stampedAs(KnownChecksums.Fingerprint of) {
        if (bytes == null) {
            fingerprint = of;
            stamped = true;
        }
    }

    private byte[] bytes() throws IOException {
        if (bytes == null) {
            bytes = readAll(path);
            if (stamped) {
                // What is run and recorded is what is read now, should the file have changed since.
                stamped = false;
                fingerprint = null;
                if (checksumOfStamp) {
                    checksum = null;
                    checksumOfStamp = false;
                }
            }
        }
        return bytes;
    }

    /**
     * The whole file, read in chunks into one array. {@code Files.readAllBytes} asks for the whole
     * file in one read, which the JDK serves through a temporary native buffer as large as the
     * file: 100 MB of native memory beside the 100 MB array, and, below 16 MB, a buffer as large as
     * the largest file kept by every thread that read one.
     */
    static byte[] readAll(Path file) throws IOException {
        return readAll(file, -1);
    }

    /**
     * As {@link #readAll(Path)}, with the size the caller just found ({@code -1}: ask): one system
     * call fewer per file, which counts when a changelog names thousands. A file that changed size
     * meanwhile is still read whole.
     */
    static byte[] readAll(Path file, long size) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long expected = size >= 0 ? size : channel.size();
            if (expected > Integer.MAX_VALUE - 8) {
                throw new IOException("the file is larger than 2 GB");
            }
            byte[] content = new byte[(int) expected];
            ByteBuffer buffer = ByteBuffer.wrap(content);
            int n = 0;
            while (n < content.length) {
                buffer.limit(Math.min(content.length, n + CHUNK)).position(n);
                int read = channel.read(buffer);
                if (read < 0) {
                    return Arrays.copyOf(content, n); // it became shorter
                }
                n += read;
            }
            // One byte to tell the end: a stream's readAllBytes allocated 16 KB per file for it.
            ByteBuffer probe = ByteBuffer.allocate(1);
            if (channel.read(probe) < 0) {
                return content;
            }
            byte[] more = Channels.newInputStream(channel).readAllBytes(); // it became longer
            byte[] all = Arrays.copyOf(content, content.length + 1 + more.length);
            all[content.length] = probe.get(0);
            System.arraycopy(more, 0, all, content.length + 1, more.length);
            return all;
        }
    }
}
