package io.graft.internal.changelog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 checking that streams, so that a 100 MB data file is never held in memory. */
final class Utf8 {

    /** Where the first byte that is not UTF-8 sits: 1-based line and column, and the byte itself. */
    record Error(int line, int column, int badByte) {

        String describe() {
            return String.format("byte 0x%02X", badByte & 0xFF);
        }
    }

    private static final int BUFFER = 64 * 1024;
    private static final int MIN_BUFFER = 64;

    private Utf8() {
    }

    /**
     * The first encoding error in {@code bytes}, or {@code null}. Most SQL is ASCII, and valid
     * text is the rule: those are checked in bulk, and only text with an error is walked
     * character by character to find its line and column.
     */
    static Error firstError(byte[] bytes) throws IOException {
        return isValid(bytes) ? null : firstError(new ByteArrayInputStream(bytes), bytes.length);
    }

    /**
     * True when {@code bytes} are all valid UTF-8 (without telling where they are not): what the
     * JDK's strict decoder accepts (RFC 3629: no overlong forms, no surrogates, nothing above
     * U+10FFFF, no sequence cut short), checked without decoding. The decoder, used before, ran at
     * a fraction of this speed in a fresh JVM on text that is not all ASCII; {@code Utf8Test}
     * holds the two side by side.
     */
    static boolean isValid(byte[] bytes) {
        int n = bytes.length;
        int i = 0;
        while (i < n) {
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            b &= 0xFF;
            if (b < 0xC2 || b > 0xF4) {
                return false; // a continuation byte, an overlong lead (C0, C1), or beyond U+10FFFF
            }
            if (b < 0xE0) {
                if (i + 1 >= n || !continuation(bytes[i + 1])) {
                    return false;
                }
                i += 2;
            } else if (b < 0xF0) {
                if (i + 2 >= n || !continuation(bytes[i + 2])) {
                    return false;
                }
                int second = bytes[i + 1] & 0xFF;
                int low = b == 0xE0 ? 0xA0 : 0x80; // E0 80..9F: overlong
                int high = b == 0xED ? 0x9F : 0xBF; // ED A0..BF: surrogates
                if (second < low || second > high) {
                    return false;
                }
                i += 3;
            } else {
                if (i + 3 >= n || !continuation(bytes[i + 2]) || !continuation(bytes[i + 3])) {
                    return false;
                }
                int second = bytes[i + 1] & 0xFF;
                int low = b == 0xF0 ? 0x90 : 0x80; // F0 80..8F: overlong
                int high = b == 0xF4 ? 0x8F : 0xBF; // F4 90..BF: beyond U+10FFFF
                if (second < low || second > high) {
                    return false;
                }
                i += 4;
            }
        }
        return true;
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    /**
     * True when the stream is all valid UTF-8, read in bulk; for a file too large to hold, whose
     * error (rare) is then located by reading it again with {@link #firstError(InputStream, long)}.
     */
    static boolean isValid(InputStream stream) throws IOException {
        CharsetDecoder decoder = strictDecoder();
        ByteBuffer in = ByteBuffer.allocate(BUFFER);
        CharBuffer out = CharBuffer.allocate(BUFFER);
        boolean eof = false;
        while (true) {
            if (!eof) {
                int n = stream.read(in.array(), in.position(), in.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    in.position(in.position() + n);
                }
            }
            in.flip();
            CoderResult result = decoder.decode(in, out, eof);
            out.clear();
            if (result.isError()) {
                return false;
            }
            in.compact();
            if (eof && in.position() == 0 && result.isUnderflow()) {
                return true;
            }
        }
    }

    private static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The first encoding error in {@code in}, or {@code null} when it is all valid UTF-8. */
    static Error firstError(InputStream in) throws IOException {
        return firstError(in, BUFFER);
    }

    /**
     * Same, with buffers sized for a stream of about {@code sizeHint} bytes: a changelog can name
     * 100,000 small files, and two 64 KB buffers for each of them cost more than reading them.
     */
    static Error firstError(InputStream in, long sizeHint) throws IOException {
        int size = (int) Math.max(MIN_BUFFER, Math.min(BUFFER, sizeHint + 1));
        CharsetDecoder decoder = strictDecoder();
        ByteBuffer bytes = ByteBuffer.allocate(size);
        CharBuffer chars = CharBuffer.allocate(size);
        int line = 1;
        int column = 1;
        boolean eof = false;
        while (true) {
            if (!eof) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
            }
            bytes.flip();
            CoderResult result = decoder.decode(bytes, chars, eof);
            chars.flip();
            while (chars.hasRemaining()) {
                char c = chars.get();
                if (c == '\n') {
                    line++;
                    column = 1;
                } else if (!Character.isLowSurrogate(c)) {
                    column++;
                }
            }
            chars.clear();
            if (result.isError()) {
                return new Error(line, column, bytes.get(bytes.position()));
            }
            bytes.compact();
            if (eof && bytes.position() == 0 && result.isUnderflow()) {
                return null;
            }
        }
    }
}
