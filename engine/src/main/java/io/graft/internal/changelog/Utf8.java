package io.graft.internal.changelog;

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
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
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
