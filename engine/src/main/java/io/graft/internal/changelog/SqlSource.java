package io.graft.internal.changelog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One SQL file named by a loaded changelog, read from disk once per command: the same bytes
 * feed the load's UTF-8 check, the checksum, and the text that is split (for a run) or linted.
 * Safe to use from any thread: checksums and scripts are read on parallel streams.
 *
 * <p>What is held, and for how long, so that a project of thousands of files stays small:
 * <ul>
 *   <li>the bytes, from the load's check (or the first use) until {@link #release()}; files over
 *       {@value #HELD_AT_LOAD} bytes are only streamed through the load's check and read when
 *       first used, so that {@code validate} never holds a 100 MB data file;</li>
 *   <li>the checksum, once computed, for good (64 characters);</li>
 *   <li>never the text: {@link #text()} decodes it on each call, and the caller splits it and
 *       drops it. A run splits a script, then releases its bytes, so it holds bytes, text and
 *       statements of one file at a time at most, and the statements of its plan until applied.</li>
 * </ul>
 * The file's name as shown to the user is the caller's: a run names it relative to the working
 * directory, lint as the changelog's folder was given, as each always has.
 */
public final class SqlSource {

    /** The largest file whose bytes the load's check keeps for later. */
    static final long HELD_AT_LOAD = 16L * 1024 * 1024;

    /** The file, resolved against the changelog's folder. */
    private final Path path;
    private byte[] bytes;
    private String checksum;

    SqlSource(Path path) {
        this.path = path;
    }

    /** The normalised SHA-256 (a BOM and line-ending style do not count), computed once. */
    public synchronized String checksum() throws IOException {
        if (checksum == null) {
            checksum = Checksums.sha256(bytes());
        }
        return checksum;
    }

    /** The text, decoded as UTF-8 without a BOM (bytes that are not UTF-8 become U+FFFD). */
    public synchronized String text() throws IOException {
        byte[] content = bytes();
        int skip = Checksums.hasBom(content) ? 3 : 0;
        return new String(content, skip, content.length - skip, StandardCharsets.UTF_8);
    }

    /** Forgets the bytes, keeping the checksum if it was computed; a later use reads the file again. */
    public synchronized void release() {
        bytes = null;
    }

    /** The bytes the load's check read, kept for the uses that follow. */
    synchronized void hold(byte[] content) {
        if (bytes == null) {
            bytes = content;
        }
    }

    private byte[] bytes() throws IOException {
        if (bytes == null) {
            bytes = Files.readAllBytes(path);
        }
        return bytes;
    }
}
