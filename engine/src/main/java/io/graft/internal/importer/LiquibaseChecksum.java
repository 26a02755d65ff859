package io.graft.internal.importer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;

/**
 * Liquibase's {@code MD5SUM} of a changeset, as Liquibase 4.22 and later (checksum version 9)
 * compute it for changesets whose changes are all SQL ({@code sql}, {@code sqlFile}, the body of
 * a formatted SQL changeset): each change's checksum is the MD5 of its SQL with every space, tab
 * and line break removed ({@code AbstractSQLChange.NormalizingStream}); the changeset's checksum is
 * the MD5 of those, each written {@code 9:<hex>:}, one after the other ({@code ChangeSet.generateCheckSum}).
 * The rollback and the changeset's attributes are not part of it.
 */
final class LiquibaseChecksum {

    /** The checksum version this class computes: the prefix of {@code MD5SUM}. */
    static final String VERSION = "9";

    private LiquibaseChecksum() {
    }

    /** The changeset's {@code MD5SUM} for the SQL of its changes, in order. */
    static String of(List<String> changes) {
        StringBuilder text = new StringBuilder();
        for (String sql : changes) {
            text.append(VERSION).append(':').append(change(sql)).append(':');
        }
        String normalized = Normalizer.normalize(text.toString().replace("\r\n", "\n").replace('\r', '\n')
                .replace("\uFFFD", ""), Normalizer.Form.NFC);
        return VERSION + ":" + md5(normalized.getBytes(StandardCharsets.UTF_8));
    }

    /** One SQL change's checksum (the hex part): its text without blanks. */
    static String change(String sql) {
        StringBuilder kept = new StringBuilder(sql.length());
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                kept.append(c);
            }
        }
        return md5(kept.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no MD5", e);
        }
    }
}
