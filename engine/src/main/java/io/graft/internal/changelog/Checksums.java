package io.graft.internal.changelog;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of an SQL file that ignores a UTF-8 BOM and the line-ending style, so that a checkout
 * on another OS (CRLF) or an editor that adds a BOM does not change it.
 */
final class Checksums {

    private Checksums() {
    }

    static String sha256(byte[] content) {
        MessageDigest digest = newDigest();
        int start = hasBom(content) ? 3 : 0;
        if (indexOf(content, start, (byte) '\r') < 0) {
            digest.update(content, start, content.length - start);
            return HexFormat.of().formatHex(digest.digest());
        }
        byte[] buffer = new byte[8192];
        int n = 0;
        for (int i = start; i < content.length; i++) {
            byte b = content[i];
            if (b == '\r') {
                b = '\n';
                if (i + 1 < content.length && content[i + 1] == '\n') {
                    i++;
                }
            }
            buffer[n++] = b;
            if (n == buffer.length) {
                digest.update(buffer, 0, n);
                n = 0;
            }
        }
        digest.update(buffer, 0, n);
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The same checksum of a file read as a stream, in chunks: for a file too large to hold
     * ({@link SqlSource#HELD_AT_LOAD}) whose statements are not needed, as in a no-op run.
     */
    static String sha256(InputStream in) throws IOException {
        MessageDigest digest = newDigest();
        byte[] chunk = new byte[64 * 1024];
        byte[] folded = new byte[chunk.length];
        boolean first = true;
        boolean afterCr = false;
        int n;
        while ((n = in.readNBytes(chunk, 0, chunk.length)) > 0) {
            int start = first && hasBom(chunk) ? 3 : 0;
            first = false;
            if (!afterCr && indexOf(chunk, start, n, (byte) '\r') < 0) {
                digest.update(chunk, start, n - start);
                continue;
            }
            int m = 0;
            for (int i = start; i < n; i++) {
                byte b = chunk[i];
                if (afterCr && b == '\n') {
                    afterCr = false;
                    continue;
                }
                afterCr = b == '\r';
                folded[m++] = afterCr ? (byte) '\n' : b;
            }
            digest.update(folded, 0, m);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static int indexOf(byte[] content, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (content[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] content, int from, byte b) {
        for (int i = from; i < content.length; i++) {
            if (content[i] == b) {
                return i;
            }
        }
        return -1;
    }

    static boolean hasBom(byte[] content) {
        return content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
