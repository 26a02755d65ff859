package io.graft.internal.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The checksum Flyway records for an SQL migration: a CRC-32 over the file's lines as
 * {@code BufferedReader.readLine()} returns them (no line terminators), each encoded as UTF-8,
 * with a byte-order mark removed from the first line; stored as a signed 32-bit integer. It is
 * computed on the file as written, before placeholders are replaced.
 */
final class FlywayChecksum {

    private FlywayChecksum() {
    }

    static int of(String text) {
        CRC32 crc = new CRC32();
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            String line = reader.readLine();
            boolean first = true;
            while (line != null) {
                if (first && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                first = false;
                crc.update(line.getBytes(StandardCharsets.UTF_8));
                line = reader.readLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        return (int) crc.getValue();
    }
}
