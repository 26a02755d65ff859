package io.graft.internal.changelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

    /** What the JDK's strict decoder says: the definition {@link Utf8#isValid(byte[])} must match. */
    private static boolean decodes(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Property(tries = 3000)
    void theValidityCheckAgreesWithTheJdksStrictDecoder(@ForAll("nearlyUtf8") byte[] bytes) {
        assertThat(Utf8.isValid(bytes)).as("%s", java.util.HexFormat.ofDelimiter(" ").formatHex(bytes))
                .isEqualTo(decodes(bytes));
    }

    /** Valid characters of every length mixed with the bytes at the edges of every rule, and noise. */
    @Provide
    Arbitrary<byte[]> nearlyUtf8() {
        Arbitrary<byte[]> character = Arbitraries.integers().between(0, 0x10FFFF)
                .filter(c -> c < 0xD800 || c > 0xDFFF)
                .map(c -> new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8));
        int[] edges = {0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC,
                0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF7, 0xF8, 0xFE, 0xFF};
        Arbitrary<byte[]> edge = Arbitraries.of(java.util.Arrays.stream(edges).boxed().toList()).map(b -> new byte[] {(byte) (int) b});
        Arbitrary<byte[]> noise = Arbitraries.bytes().map(b -> new byte[] {b});
        // a lead byte at an edge, then one to three continuation bytes of any value
        Arbitrary<byte[]> sequence = Arbitraries.of(0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5)
                .flatMap(lead -> Arbitraries.integers().between(0x80, 0xBF).list().ofMinSize(1).ofMaxSize(3)
                        .map(tail -> {
                            byte[] b = new byte[tail.size() + 1];
                            b[0] = (byte) (int) lead;
                            for (int i = 0; i < tail.size(); i++) {
                                b[i + 1] = (byte) (int) tail.get(i);
                            }
                            return b;
                        }));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, character), net.jqwik.api.Tuple.of(3, edge),
                        net.jqwik.api.Tuple.of(3, sequence), net.jqwik.api.Tuple.of(1, noise))
                .list().ofMaxSize(12)
                .map(parts -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    parts.forEach(out::writeBytes);
                    return out.toByteArray();
                });
    }

    @Test
    void theRulesAtTheirEdges() {
        int[][] valid = {{0x7F}, {0xC2, 0x80}, {0xDF, 0xBF}, {0xE0, 0xA0, 0x80}, {0xED, 0x9F, 0xBF}, {0xEE, 0x80, 0x80},
                {0xEF, 0xBF, 0xBF}, {0xF0, 0x90, 0x80, 0x80}, {0xF4, 0x8F, 0xBF, 0xBF}};
        int[][] invalid = {{0x80}, {0xC0, 0x80}, {0xC1, 0xBF}, {0xC2}, {0xC2, 0x7F}, {0xE0, 0x9F, 0xBF}, {0xED, 0xA0, 0x80},
                {0xE1, 0x80}, {0xF0, 0x8F, 0xBF, 0xBF}, {0xF4, 0x90, 0x80, 0x80}, {0xF5, 0x80, 0x80, 0x80},
                {0xF1, 0x80, 0x80}, {0xFF}};
        for (int[] v : valid) {
            assertThat(Utf8.isValid(bytes(v))).as("%s", java.util.Arrays.toString(v)).isTrue().isEqualTo(decodes(bytes(v)));
        }
        for (int[] v : invalid) {
            assertThat(Utf8.isValid(bytes(v))).as("%s", java.util.Arrays.toString(v)).isFalse().isEqualTo(decodes(bytes(v)));
        }
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
