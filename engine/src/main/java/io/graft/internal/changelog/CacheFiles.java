package io.graft.internal.changelog;

import io.graft.internal.changelog.KnownChecksums.Fingerprint;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The files of the cache folder ({@link KnownChecksums}, {@link KeptChangelog}): where each is,
 * and how it is replaced. Nothing about them can fail a command.
 */
final class CacheFiles {

    /** Writes the content of a cache file. */
    interface Content {
        void writeTo(DataOutputStream out) throws IOException;
    }

    private CacheFiles() {
    }

    /**
     * The file in {@code folder}'s {@code kind} folder that keeps what is known of {@code changelog}:
     * named by a hash of its absolute path. Two changelogs whose paths share it share a file,
     * which changes no result: what is kept is found by content.
     */
    static Path fileFor(Path folder, String kind, Path changelog) {
        Fingerprint path = Fingerprint.of(changelog.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
        String key = String.format("%08x%08x", path.crc32c(), path.crc32());
        return folder.toAbsolutePath().normalize().resolve(kind).resolve(key + ".bin");
    }

    /**
     * Replaces {@code file} with {@code content}: written to a temporary file beside it, then
     * renamed over it, so that a reader never sees half a file. Two processes that write at once
     * each write a whole file, and the last one wins. A failure leaves the file as it was: the next
     * run works out again what this one could not keep.
     */
    static void replace(Path file, Content content) {
        Path temporary = null;
        try {
            Files.createDirectories(file.getParent());
            temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
                content.writeTo(out);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
        } catch (IOException | RuntimeException e) {
            // a cache: nothing is lost but time
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // nothing more to do
                }
            }
        }
    }
}
