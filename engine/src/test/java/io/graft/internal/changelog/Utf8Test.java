package io.graft.internal.changelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

    private static Utf8.Error check(byte[] bytes) throws IOException {
        return Utf8.firstError(new ByteArrayInputStream(bytes));
    }

    @Test
    void acceptsUtf8AndEmptyInput() throws IOException {
        assertThat(check("SELECT 'café', '日本', '😀';\n".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(check(new byte[0])).isNull();
    }

    @Test
    void findsTheFirstBadByteAcrossBufferBoundaries() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String line = "INSERT INTO t VALUES ('é');\n";
        for (int i = 0; i < 10_000; i++) {
            out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes("-- x".getBytes(StandardCharsets.UTF_8));
        out.write(0xFF);

        Utf8.Error error = check(out.toByteArray());

        assertThat(error).isEqualTo(new Utf8.Error(10_001, 5, (byte) 0xFF));
        assertThat(error.describe()).isEqualTo("byte 0xFF");
    }

    @Test
    void smallBuffersSizedFromTheHintGiveTheSameAnswers() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 200; i++) {
            out.writeBytes("'é日😀';\n".getBytes(StandardCharsets.UTF_8));
        }
        byte[] valid = out.toByteArray();
        out.writeBytes("-- x".getBytes(StandardCharsets.UTF_8));
        out.write(0xFF);
        byte[] invalid = out.toByteArray();

        assertThat(Utf8.firstError(new ByteArrayInputStream(valid), 0)).isNull();
        assertThat(Utf8.firstError(new ByteArrayInputStream(invalid), 10)).isEqualTo(new Utf8.Error(201, 5, (byte) 0xFF));
        assertThat(Utf8.firstError(new ByteArrayInputStream(invalid), invalid.length)).isEqualTo(check(invalid));
    }

    @Test
    void aTruncatedSequenceAtTheEndIsAnError() throws IOException {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        assertThat(check(new byte[] {'a', euro[0], euro[1]})).isEqualTo(new Utf8.Error(1, 2, euro[0]));
    }

    @Test
    void theBulkChecksAgreeWithTheWalkOnValidTruncatedAndBrokenText() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 30_000; i++) {
            out.writeBytes("SELECT 'é日😀';\n".getBytes(StandardCharsets.UTF_8));
        }
        byte[] valid = out.toByteArray();
        byte[] truncated = java.util.Arrays.copyOf(valid, valid.length - 5); // inside the last '😀'
        byte[] surrogate = {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80};    // an encoded surrogate
        byte[] overlong = {'a', (byte) 0xC0, (byte) 0xAF};
        for (byte[] bytes : new byte[][] {valid, truncated, surrogate, overlong, "plain ascii\n".getBytes(), new byte[0]}) {
            Utf8.Error walked = check(bytes);
            assertThat(Utf8.isValid(bytes)).isEqualTo(walked == null);
            assertThat(Utf8.isValid(new ByteArrayInputStream(bytes))).isEqualTo(walked == null);
            assertThat(Utf8.firstError(bytes)).isEqualTo(walked);
        }
        assertThat(check(truncated)).isNotNull();
    }
}
